package commands

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"factdesk/news"
)

// whenCommand is /when: the date, place and status of an event.
func (r *Router) whenCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{
			Name:        "when",
			Description: "When is or was this event? Date, place, who takes part, with sources",
			Options: []*discordgo.ApplicationCommandOption{
				stringOption("event", "An event, e.g. a meeting or a visit", true, true),
				privateOption(),
			},
		},
		run:      r.when,
		complete: r.completeEvents,
	}
}

func (r *Router) when(ctx context.Context, req Request) (Response, error) {
	name := value(req, "event")
	if name == "" {
		return Errorf("Name an event, e.g. /when event:meeting."), nil
	}
	events, err := r.deps.Facts.EventsNamed(ctx, name)
	if err != nil {
		return Response{}, err
	}
	if len(events) == 0 {
		// A partial name: take it when it points at one event name.
		names, err := r.deps.Facts.SuggestEvents(ctx, name, 5)
		if err != nil {
			return Response{}, err
		}
		if len(names) == 1 {
			if events, err = r.deps.Facts.EventsNamed(ctx, names[0]); err != nil {
				return Response{}, err
			}
		}
		if len(events) == 0 {
			msg := fmt.Sprintf("I don't know of an event called “%s”.", md(Cut(name, 100)))
			if len(names) > 0 {
				quoted := make([]string, len(names))
				for i, n := range names {
					quoted[i] = "**" + md(n) + "**"
				}
				msg += " Did you mean " + orList(quoted) + "?"
			} else {
				msg += " Try /search with a few words."
			}
			return Response{Content: msg, Ephemeral: true}, nil
		}
	}
	return withPrivate(req, Response{Embeds: []Embed{eventEmbed(events, req.Now)}}), nil
}

// eventEmbed renders an event from its stored versions, newest article
// first. When versions disagree on the date or the place, each is listed
// with its source instead of one being picked.
func eventEmbed(events []news.EventFact, now time.Time) Embed {
	ev := events[0]
	var others []news.EventFact
	same := events[:1:1]
	for _, v := range events[1:] {
		// Two events of one article are two events, not two versions.
		if v.Source.Article.ID != ev.Source.Article.ID && sameEvent(ev, v) {
			same = append(same, v)
		} else {
			others = append(others, v)
		}
	}
	events = same
	e := Embed{Title: capital(oneLine(firstNonEmpty(ev.Name, ev.Text))), Color: colorAnswer}
	dates := distinct(events, func(ev news.EventFact) string { return ev.Date })
	places := distinct(events, func(ev news.EventFact) string { return ev.Place })
	var desc []string
	if ev.Text != "" && !strings.EqualFold(ev.Text, ev.Name) {
		desc = append(desc, md(Cut(ev.Text, 300)))
	}
	if len(dates) > 1 || len(places) > 1 {
		desc = append(desc, "**The articles disagree**: each version is listed below with its source.")
	}
	e.Description = strings.Join(desc, "\n")

	date := "not stated"
	if ev.Date != "" {
		date = when(ev.Date, now)
	}
	e.Fields = append(e.Fields, Field{Name: "Date", Value: date, Inline: true})
	if ev.Place != "" {
		e.Fields = append(e.Fields, Field{Name: "Place", Value: md(ev.Place), Inline: true})
	}
	if s := status(ev, now); s != "" {
		e.Fields = append(e.Fields, Field{Name: "Status", Value: s, Inline: true})
	}
	if parts := participants(events); len(parts) > 0 {
		e.Fields = append(e.Fields, Field{Name: "Participants", Value: list(parts, MaxFieldValue, "")})
	}
	e.Fields = append(e.Fields, Field{Name: "Source", Value: cite(ev.Source, 400)})
	if len(events) > 1 {
		items := make([]string, 0, len(events)-1)
		for _, v := range events[1:] {
			line := "• "
			if v.Date != "" {
				line += "**" + when(v.Date, now) + "**"
			} else {
				line += "date not stated"
			}
			if v.Place != "" {
				line += " in " + md(v.Place)
			}
			if v.Status != "" {
				line += " · " + v.Status
			}
			items = append(items, line+"\n  "+cite(v.Source, 200))
		}
		name := "Other reports"
		if len(dates) > 1 || len(places) > 1 {
			name = "Other versions"
		}
		e.Fields = append(e.Fields, Field{Name: name, Value: list(items, MaxFieldValue, "")})
	}
	if len(others) > 0 {
		items := make([]string, 0, len(others))
		for _, v := range others {
			items = append(items, "• "+eventLine(v, now)+" — "+link(v.Source.Article))
		}
		e.Fields = append(e.Fields, Field{Name: "Other events with this name", Value: list(items, MaxFieldValue, "")})
	}
	e.Footer = fmt.Sprintf("%d %s", len(events), plural(len(events), "report", "reports"))
	return e
}

// sameEvent reports whether two stored events are likely one event told
// twice: they share a participant, or neither names any.
func sameEvent(a, b news.EventFact) bool {
	if len(a.Participants) == 0 && len(b.Participants) == 0 {
		return true
	}
	for _, p := range a.Participants {
		for _, q := range b.Participants {
			if samePerson(p, q) {
				return true
			}
		}
	}
	return false
}

// samePerson compares two names loosely: equal, or one is the other's
// last word ("Iwaya" and "Takeshi Iwaya").
func samePerson(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if strings.Join(wa, " ") == strings.Join(wb, " ") {
		return true
	}
	return wa[len(wa)-1] == wb[len(wb)-1] && (len(wa) == 1 || len(wb) == 1)
}

// distinct returns the distinct non-empty keys of events, in order.
func distinct(events []news.EventFact, key func(news.EventFact) string) []string {
	var out []string
	seen := map[string]bool{}
	for _, ev := range events {
		k := strings.TrimSpace(key(ev))
		if k == "" || seen[strings.ToLower(k)] {
			continue
		}
		seen[strings.ToLower(k)] = true
		out = append(out, k)
	}
	return out
}

// participants lists the distinct participants over all versions.
func participants(events []news.EventFact) []string {
	var out []string
	seen := map[string]bool{}
	for _, ev := range events {
		for _, p := range ev.Participants {
			k := strings.ToLower(strings.TrimSpace(p))
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, "• "+md(p))
		}
	}
	return out
}

// completeEvents suggests stored event names.
func (r *Router) completeEvents(ctx context.Context, req Request) ([]Choice, error) {
	names, err := r.deps.Facts.SuggestEvents(ctx, value(req, "event"), 25)
	if err != nil {
		return nil, err
	}
	out := make([]Choice, 0, len(names))
	for _, n := range names {
		out = append(out, choice(n, n))
	}
	return out, nil
}
