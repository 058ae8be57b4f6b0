package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"factdesk/news"
)

// summaryBudget is the most characters the summary sentences take.
const summaryBudget = 2800

// summaryCommand is /summary: an article in brief.
func (r *Router) summaryCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{
			Name:        "summary",
			Description: "Summarise an article: the latest, or one chosen by title",
			Options: []*discordgo.ApplicationCommandOption{
				stringOption("article", "An article title (default: the latest)", false, true),
				privateOption(),
			},
		},
		run:      r.summary,
		complete: r.completeArticles,
	}
}

func (r *Router) summary(ctx context.Context, req Request) (Response, error) {
	arg := value(req, "article")
	var (
		af  news.ArticleFacts
		err error
	)
	switch id, idErr := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64); {
	case arg == "":
		af, err = r.deps.Facts.LatestArticle(ctx)
		if errors.Is(err, news.ErrNotFound) {
			return Errorf("No articles are stored yet. Add one with /ingest."), nil
		}
	case idErr == nil:
		af, err = r.deps.Facts.ArticleFacts(ctx, id)
		if errors.Is(err, news.ErrNotFound) {
			return Errorf("There is no article #%d. See /articles.", id), nil
		}
	default:
		refs, serr := r.deps.Facts.SuggestArticles(ctx, arg, 1)
		if serr != nil {
			return Response{}, serr
		}
		if len(refs) == 0 {
			return Errorf("No stored article has a title like “%s”. See /articles.", md(Cut(arg, 100))), nil
		}
		af, err = r.deps.Facts.ArticleFacts(ctx, refs[0].ID)
	}
	if err != nil {
		return Response{}, err
	}
	return withPrivate(req, Response{Embeds: []Embed{summaryEmbed(af, req.Now)}}), nil
}

// summaryEmbed renders one article's summary and key facts.
func summaryEmbed(af news.ArticleFacts, now time.Time) Embed {
	a := af.Article
	e := Embed{Title: articleTitle(a), Color: colorAnswer}
	if strings.HasPrefix(a.URL, "http") {
		e.URL = a.URL
	}
	var desc []string
	meta := articleDate(a)
	if a.Source != "" {
		meta = md(a.Source) + " · " + meta
	}
	if af.Dateline != "" {
		meta += " · " + md(af.Dateline)
	}
	desc = append(desc, "*"+meta+"*")
	if len(af.Summary) == 0 {
		desc = append(desc, "No summary was made for this article.")
	}
	// The summary leaves room for the fields below it.
	used := runes(desc[0])
	for i, s := range af.Summary {
		s = md(s)
		if used+runes(s)+2 > summaryBudget {
			if i == 0 {
				desc = append(desc, Cut(s, summaryBudget-used-2))
			} else {
				desc = append(desc, fmt.Sprintf("… %d more summary %s not shown", len(af.Summary)-i, plural(len(af.Summary)-i, "sentence", "sentences")))
			}
			break
		}
		desc = append(desc, s)
		used += runes(s) + 2
	}
	e.Description = strings.Join(desc, "\n\n")

	if len(af.People) > 0 {
		items := make([]string, 0, len(af.People))
		for _, p := range af.People {
			line := "• **" + md(p.Name) + "**"
			if p.Role != "" {
				line += " — " + md(p.Role)
			}
			items = append(items, line)
		}
		e.Fields = append(e.Fields, Field{Name: "Key people", Value: list(items, MaxFieldValue, "/who for one person")})
	}
	var events []news.EventFact
	for _, ev := range af.Events {
		if ev.Date != "" {
			events = append(events, ev)
		}
	}
	// Oldest first, as a timeline; values that are not calendar dates go
	// last.
	events = byDate(events, false)
	dated := make([]string, len(events))
	for i, ev := range events {
		dated[i] = "• " + eventLine(ev, now)
	}
	if len(dated) > 0 {
		e.Fields = append(e.Fields, Field{Name: "Dates", Value: list(dated, MaxFieldValue, "/when for one event")})
	}
	if len(af.Authors) > 0 {
		e.Fields = append(e.Fields, Field{Name: "By", Value: md(strings.Join(af.Authors, ", ")), Inline: true})
	}
	if strings.HasPrefix(a.URL, "http") {
		e.Fields = append(e.Fields, Field{Name: "Link", Value: link(a), Inline: true})
	}
	if !a.Ingested.IsZero() {
		e.Fields = append(e.Fields, Field{Name: "Stored", Value: fmt.Sprintf("<t:%d:R>", a.Ingested.Unix()), Inline: true})
	}
	e.Footer = fmt.Sprintf("Article #%d · %d %s", a.ID, af.Sentences, plural(af.Sentences, "sentence", "sentences"))
	return e
}

// completeArticles suggests stored articles by title; the value is the
// article's ID.
func (r *Router) completeArticles(ctx context.Context, req Request) ([]Choice, error) {
	refs, err := r.deps.Facts.SuggestArticles(ctx, value(req, "article"), 25)
	if err != nil {
		return nil, err
	}
	out := make([]Choice, 0, len(refs))
	for _, a := range refs {
		label := articleTitle(a)
		if a.Published != "" {
			label = a.Published + " · " + label
		}
		out = append(out, choice(label, strconv.FormatInt(a.ID, 10)))
	}
	return out, nil
}
