package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// whenCommand is /when. TODO: placeholder until the command is written.
func (r *Router) whenCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{Name: "when", Description: "when"},
		run: func(ctx context.Context, req Request) (Response, error) {
			return Errorf("/when is not available yet."), nil
		},
	}
}
