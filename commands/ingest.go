package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// ingestCommand is /ingest. TODO: placeholder until the command is written.
func (r *Router) ingestCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{Name: "ingest", Description: "ingest"},
		run: func(ctx context.Context, req Request) (Response, error) {
			return Errorf("/ingest is not available yet."), nil
		},
	}
}
