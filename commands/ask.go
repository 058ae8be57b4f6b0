package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// askCommand is /ask. TODO: placeholder until the command is written.
func (r *Router) askCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{Name: "ask", Description: "ask"},
		run: func(ctx context.Context, req Request) (Response, error) {
			return Errorf("/ask is not available yet."), nil
		},
	}
}
