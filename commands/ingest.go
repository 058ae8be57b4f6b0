package commands

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// ingestCommand is /ingest: store an article from a URL or an attached
// file. Only members with Manage Server see and may use it.
func (r *Router) ingestCommand() handler {
	perm := int64(discordgo.PermissionManageGuild)
	return handler{
		def: &discordgo.ApplicationCommand{
			Name:                     "ingest",
			Description:              "Add an article from a web page or an attached .txt, .md or .html file",
			DefaultMemberPermissions: &perm,
			Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
			Options: []*discordgo.ApplicationCommandOption{
				stringOption("url", "The article's web address", false, false),
				{
					Type:        discordgo.ApplicationCommandOptionAttachment,
					Name:        "file",
					Description: "A .txt, .md or .html file",
				},
			},
		},
		run:  r.ingest,
		slow: true,
	}
}

func (r *Router) ingest(ctx context.Context, req Request) (Response, error) {
	if !req.CanManage {
		return Errorf("Only members with Manage Server can add articles."), nil
	}
	if r.deps.Ingester == nil {
		return Errorf("Adding articles is not enabled on this bot."), nil
	}
	url := strings.TrimSpace(req.Option("url"))
	file := strings.TrimSpace(req.Option("file"))
	switch {
	case url != "" && file != "":
		return Errorf("Give a url or a file, not both."), nil
	case url == "" && file == "":
		return Errorf("Give a url or attach a file, e.g. /ingest url:https://example.com/story.html."), nil
	case url == "":
		url = file
	}
	res, err := r.deps.Ingester.IngestURL(ctx, url)
	if err != nil {
		// The user can act on the reason: show it, ephemerally.
		return Errorf("Could not add that article: %s.", md(Cut(err.Error(), 1500))), nil
	}
	status := map[string]string{
		"added":     "Added",
		"unchanged": "Already stored, unchanged",
		"replaced":  "Updated: the new text replaced the old one",
	}[res.Status]
	if status == "" {
		status = res.Status
	}
	e := Embed{Title: articleTitle(res.Article), Description: status + ".", Color: colorAnswer}
	if strings.HasPrefix(res.Article.URL, "http") {
		e.URL = res.Article.URL
	}
	if len(res.People) > 0 {
		items := make([]string, len(res.People))
		for i, p := range res.People {
			items[i] = "• " + md(p)
		}
		e.Fields = append(e.Fields, Field{Name: "People found", Value: list(items, MaxFieldValue, "")})
	} else if res.Status != "unchanged" {
		e.Fields = append(e.Fields, Field{Name: "People found", Value: "none"})
	}
	if res.Article.Published != "" {
		e.Fields = append(e.Fields, Field{Name: "Published", Value: articleDate(res.Article), Inline: true})
	}
	e.Footer = fmt.Sprintf("Article #%d · %d %s · /summary article:%d", res.Article.ID, res.Sentences, plural(res.Sentences, "sentence", "sentences"), res.Article.ID)
	return Response{Embeds: []Embed{e}, Ephemeral: true}, nil
}
