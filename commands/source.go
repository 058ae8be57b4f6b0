package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// sourceCommand is /source. TODO: placeholder until the command is written.
func (r *Router) sourceCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{Name: "source", Description: "source"},
		run: func(ctx context.Context, req Request) (Response, error) {
			return Errorf("/source is not available yet."), nil
		},
	}
}

// Sources is what /source needs. TODO: filled in by the feeds work.
type Sources interface{}
