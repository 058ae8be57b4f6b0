package commands

import (
	"context"
	"errors"
	"sort"
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
	person, event, article, speaker, question := "", "", "", "", ""
	af, err := r.deps.Facts.LatestArticle(ctx)
	switch {
	case errors.Is(err, news.ErrNotFound):
	case err != nil:
		return Response{}, err
	default:
		article = articleTitle(af.Article)
		if len(af.People) > 0 {
			person = af.People[0].Name
		}
		if len(af.Events) > 0 {
			event = af.Events[0].Name
		}
		ex, err := r.askExample(ctx, req, af)
		if err != nil {
			return Response{}, err
		}
		if ex.question != "" {
			person, event, question = ex.person, ex.event, ex.question
		}
		quotes, err := r.deps.Facts.Quotes(ctx, 0, 1)
		if err != nil {
			return Response{}, err
		}
		if len(quotes) > 0 {
			speaker = quotes[0].Speaker
		}
	}
	examples := map[string]string{
		"who":      "/who name:" + firstNonEmpty(person, "Jane Roe"),
		"when":     "/when event:" + firstNonEmpty(event, "summit"),
		"summary":  "/summary (the latest) or /summary article:" + firstNonEmpty(Cut(article, 60), "<title>"),
		"quote":    "/quote person:" + firstNonEmpty(speaker, person, "Jane Roe"),
		"ask":      "/ask question:" + firstNonEmpty(question, "Who is "+firstNonEmpty(person, "Jane Roe")+"?"),
		"search":   "/search terms:" + firstNonEmpty(strings.ToLower(event), "meeting"),
		"articles": "/articles",
		"ingest":   "/ingest url:https://example.com/news/story.html",
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

// example is a /ask example question with the person and the event it
// names.
type example struct{ person, event, question string }

// askExample builds a /ask question from a real event of the article and
// one of its participants ("When is Trump's inauguration?") and checks it
// by asking it: the answer must give the event's date. Dated events whose
// text names the participant are tried first.
func (r *Router) askExample(ctx context.Context, req Request, af news.ArticleFacts) (example, error) {
	type cand struct {
		ex    example
		date  string
		score int
	}
	var cands []cand
	for _, ev := range af.Events {
		if ev.Name == "" || ev.Date == "" {
			continue
		}
		if _, prec := calendar(ev.Date); prec == precNone {
			continue
		}
		for _, part := range ev.Participants {
			for _, p := range af.People {
				if !samePerson(p.Name, part) && !containsWords(p, nameWords(part)) {
					continue
				}
				short := shortName(p)
				q := "When is " + short + "'s " + strings.ToLower(oneLine(ev.Name)) + "?"
				sc := 0
				if strings.Contains(strings.ToLower(ev.Text), strings.ToLower(short)) {
					sc++ // the event is the person's own ("Trump's inauguration")
				}
				cands = append(cands, cand{example{p.Name, ev.Name, q}, ev.Date, sc})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	for _, c := range cands[:min(3, len(cands))] {
		resp, ok, err := r.answer(ctx, req, c.ex.question)
		if err != nil {
			return example{}, err
		}
		if ok && strings.Contains(responseText(resp), calendarDate(c.date)) {
			return c.ex, nil
		}
	}
	return example{}, nil
}

// shortName is how a question would name a person: a one-word alias, else
// the last word of the name.
func shortName(p news.PersonMatch) string {
	for _, a := range p.Aliases {
		if !strings.Contains(strings.TrimSpace(a), " ") && strings.TrimSpace(a) != "" {
			return strings.TrimSpace(a)
		}
	}
	if w := strings.Fields(p.Name); len(w) > 0 {
		return w[len(w)-1]
	}
	return p.Name
}

// responseText is the text of a response's content and embeds.
func responseText(resp Response) string {
	var b strings.Builder
	b.WriteString(resp.Content)
	for _, e := range resp.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + "\n" + f.Value)
		}
	}
	return b.String()
}
