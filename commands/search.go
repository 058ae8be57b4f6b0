package commands

import (
	"context"
	"fmt"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// searchPage is how many hits one page of /search shows.
const searchPage = 5

// searchCommand is /search: full-text search over every stored sentence.
func (r *Router) searchCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{
			Name:        "search",
			Description: "Search every stored sentence; matches are in bold",
			Options: []*discordgo.ApplicationCommandOption{
				stringOption("terms", "Words to look for", true, false),
				privateOption(),
			},
		},
		run: r.search,
	}
}

// searchID is the custom ID of a /search page button: "search:<page>:<terms>".
func searchID(pg int, terms string) string {
	return "search:" + strconv.Itoa(pg) + ":" + terms
}

func (r *Router) search(ctx context.Context, req Request) (Response, error) {
	terms, pg := value(req, "terms"), 1
	if req.CustomID != "" {
		terms, pg = customArg(req.CustomID), page(req.CustomID)
	}
	if terms == "" {
		return Errorf("Give some words to search for, e.g. /search terms:meeting."), nil
	}
	hits, total, err := r.deps.Facts.Search(ctx, terms, (pg-1)*searchPage, searchPage)
	if err != nil {
		return Response{}, err
	}
	if total == 0 {
		return Response{Content: fmt.Sprintf("Nothing stored matches “%s”.", md(Cut(terms, 200))), Ephemeral: true}, nil
	}
	pages := (total + searchPage - 1) / searchPage
	if len(hits) == 0 {
		return Errorf("There is no page %d: the search has %d.", pg, pages), nil
	}
	e := Embed{Title: "Search: " + oneLine(terms), Color: colorList}
	for i, h := range hits {
		// The title heads the hit; the value links the article without
		// repeating it. Field names show no markdown: the date is plain.
		a := h.Citation.Article
		name := fmt.Sprintf("%d. %s · %s", (pg-1)*searchPage+i+1, Cut(articleTitle(a), 200), plainDate(a))
		value := snippet(h.Snippet)
		if u := linkURL(a); u != "" {
			value += "\n[Read the article](" + u + ")"
		}
		e.Fields = append(e.Fields, Field{Name: name, Value: value})
	}
	e.Footer = fmt.Sprintf("Page %d of %d · %d %s", pg, pages, total, plural(total, "sentence", "sentences"))
	resp := Response{Embeds: []Embed{e}}
	if len(searchID(pages, terms)) <= MaxCustomID {
		resp.Buttons = pager(pg, pages, func(p int) string { return searchID(p, terms) })
	} else if pages > 1 {
		resp.Embeds[0].Footer += " · use fewer words to page through the rest"
	}
	return withPrivate(req, resp), nil
}
