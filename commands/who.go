package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// whoCommand is /who. TODO: placeholder until the command is written.
func (r *Router) whoCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{Name: "who", Description: "who"},
		run: func(ctx context.Context, req Request) (Response, error) {
			return Errorf("/who is not available yet."), nil
		},
	}
}
