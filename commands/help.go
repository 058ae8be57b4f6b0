package commands

import (
	"context"
	"errors"
	"strings"

	"github.com/bwmarrin/discordgo"

	"factdesk/news"
)

// helpCommand is /help: what each command does, with examples drawn from
// what is stored.
func (r *Router) helpCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{
			Name:        "help",
			Description: "What each command does, with examples",
		},
		run: r.help,
	}
}

func (r *Router) help(ctx context.Context, req Request) (Response, error) {
	person, event, article, surname := "", "", "", ""
	af, err := r.deps.Facts.LatestArticle(ctx)
	switch {
	case errors.Is(err, news.ErrNotFound):
	case err != nil:
		return Response{}, err
	default:
		article = articleTitle(af.Article)
		if len(af.People) > 0 {
			person = af.People[0].Name
			if w := strings.Fields(person); len(w) > 1 {
				surname = w[len(w)-1]
				for _, a := range af.People[0].Aliases {
					if !strings.Contains(a, " ") {
						surname = a
					}
				}
			}
		}
		for _, ev := range af.Events {
			if ev.Name != "" && (event == "" || ev.Date != "") {
				event = ev.Name
				if ev.Date != "" {
					break
				}
			}
		}
	}
	examples := map[string]string{
		"who":      "/who name:" + firstNonEmpty(person, "Jane Roe"),
		"when":     "/when event:" + firstNonEmpty(event, "summit"),
		"summary":  "/summary (the latest) or /summary article:" + firstNonEmpty(Cut(article, 60), "<title>"),
		"quote":    "/quote person:" + firstNonEmpty(person, "Jane Roe"),
		"ask":      "/ask question:Who is " + firstNonEmpty(person, "Jane Roe") + "?",
		"search":   "/search terms:" + firstNonEmpty(strings.ToLower(event), "meeting"),
		"articles": "/articles",
		"ingest":   "/ingest url:https://example.com/news/story.html",
	}
	if surname != "" && event != "" {
		examples["ask"] = "/ask question:When is " + surname + "'s " + strings.ToLower(event) + "?"
	}
	e := Embed{
		Title:       "factdesk: answers from the stored news, with sources",
		Description: "Every answer cites the article and the sentence it comes from. Add `private:True` to see an answer alone.",
		Color:       colorList,
	}
	for _, def := range r.Definitions() {
		if def.Name == "help" {
			continue
		}
		v := def.Description
		if ex, ok := examples[def.Name]; ok {
			v += "\n`" + strings.ReplaceAll(ex, "`", "'") + "`"
		}
		if def.DefaultMemberPermissions != nil {
			v += "\n*Needs Manage Server.*"
		}
		e.Fields = append(e.Fields, Field{Name: "/" + def.Name, Value: v})
	}
	if article == "" {
		e.Footer = "Nothing is stored yet: /ingest an article first."
	} else {
		e.Footer = "Examples are taken from the newest stored article."
	}
	return Response{Embeds: []Embed{e}, Ephemeral: true}, nil
}
