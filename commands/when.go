package commands

import (
	"context"
	"fmt"
	"slices"
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
	shown := md(Cut(oneLine(name), 100))
	note := ""
	if len(events) > 0 && !sameName(events[0].Name, name) {
		// The store completed a partial name ("inaug"): take it unless
		// what was typed is a word of its own that the articles use
		// ("ban" is not "bankruptcy").
		events = named(events, events[0].Name)
		partial, completed := completion(name, events[0].Name)
		if partial != "" && stem(partial) != stem(completed) {
			_, n, err := r.deps.Facts.Search(ctx, partial, 0, 1)
			if err != nil {
				return Response{}, err
			}
			if n > 0 {
				told, err := r.eventsTold(ctx, name)
				if err != nil || len(told) == 0 {
					return r.missEvent(ctx, name, events, partial, n)
				}
				events, note = told, toldNote(shown, told[0])
			} else {
				note = fmt.Sprintf("*Closest match for “%s”: %s, the stored event whose name starts with it.*", shown, md(oneLine(events[0].Name)))
			}
		}
	}
	if len(events) == 0 {
		// The articles may tell an event in other words: "stand down" for
		// a resignation, "the trip" for a visit.
		if events, err = r.eventsTold(ctx, name); err != nil {
			return Response{}, err
		}
		if len(events) == 0 {
			return r.missEvent(ctx, name, nil, "", 0)
		}
		note = toldNote(shown, events[0])
	}
	e := eventEmbed(events, req.Now)
	if note != "" {
		e.Description = strings.TrimSpace(note + "\n" + e.Description)
	}
	return withPrivate(req, Response{Embeds: []Embed{e}}), nil
}

// toldNote says that ev was found by the words of its sentence.
func toldNote(shown string, ev news.EventFact) string {
	return fmt.Sprintf("*Closest match for “%s”: %s, told in a sentence that uses those words.*", shown, md(oneLine(ev.Name)))
}

// eventsTold finds an event by the words of the sentence that tells it:
// the best-ranked sentences containing words that tell any event, and of
// that sentence's events the one whose own words cover words best. The
// event comes first, followed by the other stored events of its name. It
// returns nothing when Facts offers no Lookups.
func (r *Router) eventsTold(ctx context.Context, words string) ([]news.EventFact, error) {
	lk, ok := r.deps.Facts.(Lookups)
	if !ok {
		return nil, nil
	}
	hits, _, err := r.deps.Facts.Search(ctx, words, 0, 5)
	if err != nil {
		return nil, err
	}
	typed := nameWords(words)
	for _, h := range hits {
		evs, err := lk.EventsAt(ctx, h.Citation.Article.ID, h.Citation.SentenceIndex)
		if err != nil {
			return nil, err
		}
		if len(evs) == 0 {
			continue
		}
		best, score := evs[0], -1.0
		for _, ev := range evs {
			if c := coverage(typed, ev.Name+" "+ev.Text); c > score {
				best, score = ev, c
			}
		}
		out := []news.EventFact{best}
		if best.Name == "" {
			return out, nil
		}
		versions, err := r.deps.Facts.EventsNamed(ctx, best.Name)
		if err != nil {
			return nil, err
		}
		for _, v := range named(versions, best.Name) {
			if v.Source.Article.ID != best.Source.Article.ID || v.Source.SentenceIndex != best.Source.SentenceIndex {
				out = append(out, v)
			}
		}
		return out, nil
	}
	return nil, nil
}

// missEvent says no event has the typed name. closest, when set, are the
// events of the stored name nearest to it, and word the typed word that
// n stored sentences use, pointing to /search; otherwise other names
// starting with the typed name are suggested.
func (r *Router) missEvent(ctx context.Context, name string, closest []news.EventFact, word string, n int) (Response, error) {
	shown := md(Cut(oneLine(name), 100))
	msg := fmt.Sprintf("I don't know of an event called “%s”.", shown)
	if len(closest) > 0 {
		msg = fmt.Sprintf("No event called “%s” is stored.", shown)
		ev := closest[0]
		msg += " Closest: **" + md(capital(oneLine(ev.Name))) + "**"
		if ev.Date != "" {
			msg += " (" + calendarDate(ev.Date) + ")"
		}
		msg += "."
		if n > 0 {
			msg += fmt.Sprintf(" “%s” appears in %d stored %s: try /search terms:%s.", md(word), n,
				plural(n, "sentence", "sentences"), md(cutBytes(oneLine(name), 60)))
		}
		return Response{Content: msg, Ephemeral: true}, nil
	}
	names, err := r.deps.Facts.SuggestEvents(ctx, name, 5)
	if err != nil {
		return Response{}, err
	}
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

// sameName reports whether two event names are equal but for case,
// spacing and punctuation.
func sameName(a, b string) bool {
	return strings.Join(nameWords(a), " ") == strings.Join(nameWords(b), " ")
}

// named keeps the events called name.
func named(events []news.EventFact, name string) []news.EventFact {
	var out []news.EventFact
	for _, ev := range events {
		if sameName(ev.Name, name) {
			out = append(out, ev)
		}
	}
	return out
}

// completion finds how a stored name completes a typed one: the typed
// words run through the name's words with the last typed word a prefix
// of a name word. It returns that typed word and the word it completes,
// or "" when the name does not complete the typed text that way.
func completion(typed, name string) (partial, completed string) {
	tw, nw := nameWords(typed), nameWords(name)
	if len(tw) == 0 {
		return "", ""
	}
	last := tw[len(tw)-1]
	for i := 0; i+len(tw) <= len(nw); i++ {
		if slices.Equal(nw[i:i+len(tw)-1], tw[:len(tw)-1]) && strings.HasPrefix(nw[i+len(tw)-1], last) {
			return last, nw[i+len(tw)-1]
		}
	}
	return "", ""
}

// eventEmbed renders an event from its stored versions, newest article
// first. When versions disagree on the date or the place, each is listed
// with its source instead of one being picked. Versions that only differ
// in precision ("2009" and "Thu, Jun 4, 2009") do not disagree: the most
// precise one is shown first.
func eventEmbed(events []news.EventFact, now time.Time) Embed {
	events = reportedLater(events, now)
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
	dates := distinct(events, func(ev news.EventFact) string { return ev.Date })
	places := distinct(events, func(ev news.EventFact) string { return ev.Place })
	disagree := conflicts(dates, sameDate) || conflicts(places, samePlace)
	if !disagree {
		events = slices.Clone(events)
		slices.SortStableFunc(events, func(a, b news.EventFact) int { return precision(b.Date) - precision(a.Date) })
		ev = events[0]
	}
	e := Embed{Title: capital(oneLine(firstNonEmpty(ev.Name, ev.Text))), Color: colorAnswer}
	var desc []string
	// The event's own words, unless they only repeat its name in another
	// form ("appointed" for an appointment).
	if len(nameWords(ev.Text)) > 1 && !sameName(ev.Text, ev.Name) {
		desc = append(desc, md(Cut(ev.Text, 300)))
	}
	if disagree {
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
		if disagree {
			name = "Other versions"
		}
		e.Fields = append(e.Fields, Field{Name: name, Value: list(items, MaxFieldValue, "")})
	}
	if len(others) > 0 {
		items := make([]string, 0, len(others))
		for _, v := range byDate(others, false) {
			items = append(items, "• "+eventLine(v, now)+" — "+link(v.Source.Article))
		}
		e.Fields = append(e.Fields, Field{Name: "Other events with this name", Value: list(items, MaxFieldValue, "")})
	}
	e.Footer = fmt.Sprintf("%d %s", len(events), plural(len(events), "report", "reports"))
	return e
}

// conflicts reports whether two of the values are not the same by same.
func conflicts(values []string, same func(a, b string) bool) bool {
	for i, a := range values {
		for _, b := range values[i+1:] {
			if !same(a, b) {
				return true
			}
		}
	}
	return false
}

// sameDate reports whether two TIMEX3 dates can name the same day: equal,
// or one a period holding the other ("2009" and "2009-06-04"). A vague
// reference ("PAST_REF", "in the past") contradicts no date.
func sameDate(a, b string) bool {
	if strings.HasSuffix(a, "_REF") || strings.HasSuffix(b, "_REF") {
		return true
	}
	a, _, _ = strings.Cut(a, "T")
	b, _, _ = strings.Cut(b, "T")
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// samePlace reports whether two places can be one: equal but for case, or
// one naming the other ("Washington" and "Washington, D.C.").
func samePlace(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	return strings.Contains(a, b) || strings.Contains(b, a)
}

// precision ranks how exactly a date value is known, for picking the
// version to show first.
func precision(value string) int {
	_, p := calendar(value)
	return p*100 + len(value)
}

// sameEvent reports whether two stored events are likely one event told
// twice: they share a participant, or neither names any, and their dates,
// when both are known, lie within two months of each other. Reports that
// differ by a few days are one event the articles disagree about; a press
// conference a year later is another event.
func sameEvent(a, b news.EventFact) bool {
	if !nearDates(a.Date, b.Date) {
		return false
	}
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

// nearDates reports whether two dates can belong to one event: either is
// unknown, one holds the other, or they are within 60 days.
func nearDates(a, b string) bool {
	ta, pa := calendar(a)
	tb, pb := calendar(b)
	if pa == precNone || pb == precNone || sameDate(a, b) {
		return true
	}
	d := ta.Sub(tb)
	return max(d, -d) <= 60*24*time.Hour
}

// samePerson compares two names loosely: equal, or one is the other's
// last word ("Costa" and "Ana Costa").
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

// reportedLater returns events with the status of a scheduled or planned
// event whose day has passed restated when a later article reports an
// event of the same name as having happened that day: "scheduled; reported
// as happened (Mar 8, 2024)", rather than "no later report stored".
func reportedLater(events []news.EventFact, now time.Time) []news.EventFact {
	var out []news.EventFact
	for i, ev := range events {
		if ev.Status != news.StatusScheduled && ev.Status != news.StatusPlanned || !past(ev.Date, now) {
			continue
		}
		if _, prec := calendar(ev.Date); prec != precDay {
			continue
		}
		day, _, _ := strings.Cut(ev.Date, "T")
		for _, v := range events {
			vday, _, _ := strings.Cut(v.Date, "T")
			if v.Status == news.StatusHappened && vday == day && strings.EqualFold(v.Name, ev.Name) &&
				v.Source.Article.Published > ev.Source.Article.Published {
				if out == nil {
					out = slices.Clone(events)
				}
				out[i].Status = ev.Status + "; reported as happened (" + articleDate(v.Source.Article) + ")"
				break
			}
		}
	}
	if out == nil {
		return events
	}
	return out
}
