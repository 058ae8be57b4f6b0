package commands

import (
	"context"
	_ "embed"
	"strconv"
	"strings"

	"factdesk/news"
)

//go:embed words/datequestion.txt
var dateQuestionText string

// dateQuestionWords are the words of a question that asks only for what
// is dated on a day, from words/datequestion.txt.
var dateQuestionWords = wordSet(dateQuestionText)

// EventDates is a look-up the /ask command uses when Facts offers it.
type EventDates interface {
	// EventsOn returns the events dated on a TIMEX3 date value ("2009-06-01",
	// "2009-06", or "XXXX-01-20" for a day of any year).
	EventsOn(ctx context.Context, date string, limit int) ([]news.EventFact, error)
}

// dateOnly reports whether a question's content words ask for nothing but
// what is dated ("What happens on Jan. 20?").
func dateOnly(content []string) bool {
	for _, w := range content {
		if !dateQuestionWords[w] {
			return false
		}
	}
	return true
}

// answerDate answers a question that gives only dates with the stored
// events dated then, one line for the reports of one event with all their
// sources. ok is false when Facts offers no EventDates or none is dated
// then.
func (r *Router) answerDate(ctx context.Context, req Request, q string, dates []string) (Response, bool, error) {
	ed, ok := r.deps.Facts.(EventDates)
	if !ok {
		return Response{}, false, nil
	}
	var events []news.EventFact
	for _, d := range dates {
		evs, err := ed.EventsOn(ctx, d, 50)
		if err != nil {
			return Response{}, false, err
		}
		events = append(events, evs...)
	}
	if len(events) == 0 {
		return Response{}, false, nil
	}
	// Reports of one event from several articles make one line.
	type group struct {
		ev      news.EventFact
		sources []news.Citation
	}
	var groups []*group
	for _, ev := range events {
		var g *group
		for _, h := range groups {
			if h.ev.Source.Article.ID != ev.Source.Article.ID && strings.EqualFold(h.ev.Name, ev.Name) && h.ev.Date == ev.Date && sameEvent(h.ev, ev) {
				g = h
				break
			}
		}
		if g == nil {
			g = &group{ev: ev}
			groups = append(groups, g)
		}
		dup := false
		for _, c := range g.sources {
			dup = dup || c.Article.ID == ev.Source.Article.ID && c.SentenceIndex == ev.Source.SentenceIndex
		}
		if !dup {
			g.sources = append(g.sources, ev.Source)
		}
	}
	item := func(i int) string {
		g := groups[i]
		var links []string
		for _, c := range g.sources[:min(len(g.sources), 3)] {
			links = append(links, link(c.Article)+", "+articleDate(c.Article))
		}
		if n := len(g.sources) - len(links); n > 0 {
			links = append(links, strconv.Itoa(n)+" more")
		}
		line := "• " + eventLine(g.ev, req.Now) + " — " + strings.Join(links, "; ")
		if sent := strings.TrimSpace(g.ev.Source.Sentence); sent != "" {
			line += "\n  “" + md(Cut(strings.Join(strings.Fields(sent), " "), 250)) + "”"
		}
		return line
	}
	n := len(groups)
	head := "The stored events dated then (" + strconv.Itoa(n) + " " + plural(n, "event", "events") + "):"
	e := Embed{
		Title:       Cut(q, MaxTitle),
		Description: head + "\n" + listN(n, item, MaxDescription-runes(head)-1, "/when for one event"),
		Color:       colorAnswer,
	}
	return Response{Embeds: []Embed{e}}, true, nil
}
