package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// articlesCommand is /articles. TODO: placeholder until the command is written.
func (r *Router) articlesCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{Name: "articles", Description: "articles"},
		run: func(ctx context.Context, req Request) (Response, error) {
			return Errorf("/articles is not available yet."), nil
		},
	}
}
