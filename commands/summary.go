package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// summaryCommand is /summary. TODO: placeholder until the command is written.
func (r *Router) summaryCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{Name: "summary", Description: "summary"},
		run: func(ctx context.Context, req Request) (Response, error) {
			return Errorf("/summary is not available yet."), nil
		},
	}
}
