package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// quoteCommand is /quote. TODO: placeholder until the command is written.
func (r *Router) quoteCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{Name: "quote", Description: "quote"},
		run: func(ctx context.Context, req Request) (Response, error) {
			return Errorf("/quote is not available yet."), nil
		},
	}
}
