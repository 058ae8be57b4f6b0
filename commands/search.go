package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// searchCommand is /search. TODO: placeholder until the command is written.
func (r *Router) searchCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{Name: "search", Description: "search"},
		run: func(ctx context.Context, req Request) (Response, error) {
			return Errorf("/search is not available yet."), nil
		},
	}
}
