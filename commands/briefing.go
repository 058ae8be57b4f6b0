package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// briefingCommand is /briefing. TODO: placeholder until the command is written.
func (r *Router) briefingCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{Name: "briefing", Description: "briefing"},
		run: func(ctx context.Context, req Request) (Response, error) {
			return Errorf("/briefing is not available yet."), nil
		},
	}
}

// Briefings is what /briefing needs. TODO: filled in by the briefing work.
type Briefings interface{}
