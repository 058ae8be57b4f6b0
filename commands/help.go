package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// helpCommand is /help. TODO: placeholder until the command is written.
func (r *Router) helpCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{Name: "help", Description: "help"},
		run: func(ctx context.Context, req Request) (Response, error) {
			return Errorf("/help is not available yet."), nil
		},
	}
}
