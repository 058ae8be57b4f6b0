package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"factdesk/news"
)

// quotesShown is how many quotes one answer shows.
const quotesShown = 10

// quoteCommand is /quote: what people said, with sources.
func (r *Router) quoteCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{
			Name:        "quote",
			Description: "Quotes with speaker, date and source: one person's, or the latest",
			Options: []*discordgo.ApplicationCommandOption{
				stringOption("person", "Whose quotes (default: the latest of anyone)", false, true),
				privateOption(),
			},
		},
		run:      r.quote,
		complete: r.completePeople("person"),
	}
}

func (r *Router) quote(ctx context.Context, req Request) (Response, error) {
	if id, ok := strings.CutPrefix(req.CustomID, "quote:"); ok {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return Errorf("That button is out of date. Try /quote again."), nil
		}
		return r.quotesOf(ctx, req, n)
	}
	name := value(req, "person")
	if name == "" {
		quotes, err := r.deps.Facts.Quotes(ctx, 0, quotesShown)
		if err != nil {
			return Response{}, err
		}
		if len(quotes) == 0 {
			return withPrivate(req, Response{Content: "No quotes are stored yet."}), nil
		}
		return withPrivate(req, Response{Embeds: []Embed{quotesEmbed("Latest quotes", quotes, true)}}), nil
	}
	matches, err := r.resolvePeople(ctx, name)
	if err != nil {
		return Response{}, err
	}
	switch len(matches) {
	case 0:
		return r.missPerson(ctx, req, name, "quote")
	case 1:
		return r.quotesOf(ctx, req, matches[0].ID)
	}
	return withPrivate(req, disambiguation(name, matches, "quote")), nil
}

// quotesOf answers /quote for one person.
func (r *Router) quotesOf(ctx context.Context, req Request, id int64) (Response, error) {
	pf, err := r.deps.Facts.Person(ctx, id)
	if errors.Is(err, news.ErrNotFound) {
		return Errorf("That person is no longer stored. Try /quote again."), nil
	}
	if err != nil {
		return Response{}, err
	}
	quotes, err := r.deps.Facts.Quotes(ctx, id, quotesShown)
	if err != nil {
		return Response{}, err
	}
	if len(quotes) == 0 {
		return withPrivate(req, Response{Content: fmt.Sprintf("No quotes from **%s** are stored. Try /who name:%s.", md(pf.Name), md(pf.Name))}), nil
	}
	return withPrivate(req, Response{Embeds: []Embed{quotesEmbed("Quotes from "+pf.Name, quotes, false)}}), nil
}

// quotesEmbed renders quotes, one field each; speakers are named when the
// quotes are from several people.
func quotesEmbed(title string, quotes []news.QuoteFact, speakers bool) Embed {
	e := Embed{Title: title, Color: colorAnswer}
	for _, q := range quotes {
		name := plainDate(q.Source.Article)
		if speakers {
			name = firstNonEmpty(q.Speaker, "Unknown speaker") + " · " + name
		}
		text := md(Cut(oneLine(quoteText(q)), 600))
		if q.Direct {
			text = "“" + quoted(text) + "”"
		} else {
			text = "*(reported)* " + text
		}
		value := text + "\n— " + link(q.Source.Article)
		e.Fields = append(e.Fields, Field{Name: name, Value: value})
	}
	return e
}
