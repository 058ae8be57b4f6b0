package commands

import (
	"context"
	"fmt"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// articlesPage is how many articles one page of /articles lists.
const articlesPage = 10

// articlesCommand is /articles: what is stored, newest first.
func (r *Router) articlesCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{
			Name:        "articles",
			Description: "List the stored articles, newest first",
			Options:     []*discordgo.ApplicationCommandOption{privateOption()},
		},
		run: r.articles,
	}
}

func (r *Router) articles(ctx context.Context, req Request) (Response, error) {
	pg := page(req.CustomID)
	refs, total, err := r.deps.Facts.Articles(ctx, (pg-1)*articlesPage, articlesPage)
	if err != nil {
		return Response{}, err
	}
	if total == 0 {
		return withPrivate(req, Response{Content: "No articles are stored yet. Add one with /ingest."}), nil
	}
	pages := (total + articlesPage - 1) / articlesPage
	if len(refs) == 0 {
		return Errorf("There is no page %d: there are %d.", pg, pages), nil
	}
	lines := make([]string, 0, len(refs))
	for _, a := range refs {
		line := fmt.Sprintf("`#%d` %s · %s", a.ID, articleDate(a), link(a))
		if a.Source != "" {
			line += " · " + md(a.Source)
		}
		lines = append(lines, line)
	}
	e := Embed{
		Title:       "Stored articles",
		Description: list(lines, MaxDescription, "next page"),
		Footer:      fmt.Sprintf("Page %d of %d · %d %s · /summary article:<number> for one", pg, pages, total, plural(total, "article", "articles")),
		Color:       colorList,
	}
	resp := Response{Embeds: []Embed{e}, Buttons: pager(pg, pages, func(p int) string { return "articles:" + strconv.Itoa(p) })}
	return withPrivate(req, resp), nil
}
