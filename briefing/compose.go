// Package briefing composes the daily news briefing from the store and
// schedules it for each server: at the server's local time, once per local
// date, across daylight-saving changes, restarts and crashes.
package briefing

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"factdesk/commands"
	"factdesk/news"
)

// Source is what composing a briefing needs from the store. *store.Store
// implements it.
type Source interface {
	BriefingData(ctx context.Context, q news.BriefingQuery) (news.BriefingData, error)
}

// Limits on what one briefing reads; they keep composing fast with any
// number of stored articles.
const (
	MaxArticles  = 25
	MaxPeople    = 15
	MaxEvents    = 200
	UpcomingDays = 7
)

// Window is what a briefing covers: the articles ingested in [Since,
// Until), and the events dated around Until's local date in Loc.
type Window struct {
	Since, Until time.Time
	Loc          *time.Location
	// PublishedOn (YYYY-MM-DD), when set, adds the articles published on
	// that date: `factdesk brief --date` uses it.
	PublishedOn string
}

// today is the local calendar date the briefing is for, as a UTC midnight.
func (w Window) today() time.Time {
	loc := w.Loc
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := w.Until.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func (w Window) query() news.BriefingQuery {
	loc := w.Loc
	if loc == nil {
		loc = time.UTC
	}
	today := w.today()
	from := today.AddDate(0, 0, -1)
	if !w.Since.IsZero() {
		y, m, d := w.Since.In(loc).Date()
		from = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	if from.Before(today.AddDate(0, 0, -7)) {
		from = today.AddDate(0, 0, -7)
	}
	q := news.BriefingQuery{
		Since: w.Since, Until: w.Until,
		UpcomingFrom: today.Format(time.DateOnly),
		UpcomingTo:   today.AddDate(0, 0, UpcomingDays).Format(time.DateOnly),
		HappenedFrom: from.Format(time.DateOnly),
		HappenedTo:   today.Format(time.DateOnly),
		MaxArticles:  MaxArticles, MaxPeople: MaxPeople, MaxEvents: MaxEvents,
	}
	if w.PublishedOn != "" {
		q.PublishedFrom, q.PublishedTo = w.PublishedOn, w.PublishedOn
	}
	return q
}

// Compose reads what w covers from src and renders the briefing's
// messages. quiet (news.QuietNote or news.QuietSilent) decides what a day
// with no new articles gives: a short note, or no messages at all.
func Compose(ctx context.Context, src Source, w Window, quiet string) ([]commands.Response, error) {
	data, err := src.BriefingData(ctx, w.query())
	if err != nil {
		return nil, fmt.Errorf("compose briefing: %w", err)
	}
	return Render(data, w, quiet), nil
}

// Render turns briefing data into messages that each fit Discord's limits:
// a header, then sections for new articles, people, coming events and what
// happened, split across embeds and messages as needed. Events reported by
// several articles (same normalised name and date) are one line listing
// every source.
func Render(data news.BriefingData, w Window, quiet string) []commands.Response {
	loc := w.Loc
	if loc == nil {
		loc = time.UTC
	}
	today := w.today()
	day := w.Until.In(loc).Format("Mon, Jan 2, 2006")
	if len(data.Articles) == 0 {
		if quiet == news.QuietSilent {
			return nil
		}
		msg := fmt.Sprintf("**Daily briefing — %s**\nNo new articles", day)
		if !w.Since.IsZero() {
			msg += fmt.Sprintf(" since <t:%d:f>", w.Since.Unix())
		}
		return []commands.Response{{Content: msg + "."}}
	}

	var sections []section
	header := fmt.Sprintf("%d new %s", data.TotalArticles, plural(data.TotalArticles, "article", "articles"))
	if !w.Since.IsZero() {
		header += fmt.Sprintf(" since <t:%d:f>", w.Since.Unix())
	}
	header += "."

	var lines []string
	for _, a := range data.Articles {
		lines = append(lines, articleLine(a))
	}
	if more := data.TotalArticles - len(data.Articles); more > 0 {
		lines = append(lines, fmt.Sprintf("… and %d more: see /articles.", more))
	}
	sections = append(sections, section{"New articles", lines})

	if len(data.People) > 0 {
		lines = nil
		for _, p := range data.People {
			lines = append(lines, personLine(p))
		}
		sections = append(sections, section{"People in the news", lines})
	}

	var upcoming, happened []news.EventFact
	todayStr := today.Format(time.DateOnly)
	for _, e := range data.Upcoming {
		if day := eventDay(e.Date); day == todayStr && e.Status == news.StatusHappened {
			continue
		}
		upcoming = append(upcoming, e)
	}
	for _, e := range data.Happened {
		if day := eventDay(e.Date); day == todayStr && e.Status != news.StatusHappened {
			continue
		}
		happened = append(happened, e)
	}
	if lines := eventLines(upcoming, today); len(lines) > 0 {
		sections = append(sections, section{fmt.Sprintf("Coming up in the next %d days", UpcomingDays), lines})
	}
	if lines := eventLines(happened, today); len(lines) > 0 {
		sections = append(sections, section{"What happened since the last briefing", lines})
	}
	return pack("Daily briefing — "+day, header, sections)
}

type section struct {
	title string
	lines []string
}

// maxLine caps one line so that any line fits an embed with room to spare.
const maxLine = 900

func articleLine(a news.BriefingArticle) string {
	s := "**" + link(a.Article) + "**"
	var meta []string
	if src := oneLine(a.Article.Source); src != "" {
		meta = append(meta, escape(src))
	}
	if t, err := time.Parse(time.DateOnly, a.Article.Published); err == nil {
		meta = append(meta, t.Format("Jan 2, 2006"))
	}
	if len(meta) > 0 {
		s += " · " + strings.Join(meta, " · ")
	}
	if len(a.Summary) > 0 {
		sum := strings.Join(a.Summary[:min(2, len(a.Summary))], " ")
		s += "\n" + escape(commands.Cut(oneLine(sum), 420))
	}
	return commands.Cut(s, maxLine)
}

func personLine(p news.BriefingPerson) string {
	s := "**" + escape(oneLine(p.Name)) + "**"
	var roles []string
	for _, r := range p.Roles {
		if r = oneLine(r); r != "" {
			roles = append(roles, escape(r))
		}
	}
	if len(roles) > 3 {
		roles = roles[:3]
	}
	switch {
	case len(roles) > 0 && p.Nationality != "":
		s += " — " + strings.Join(roles, "; ") + " (" + escape(oneLine(p.Nationality)) + ")"
	case len(roles) > 0:
		s += " — " + strings.Join(roles, "; ")
	case p.Nationality != "":
		s += " — " + escape(oneLine(p.Nationality))
	}
	return commands.Cut(s, maxLine)
}

// eventGroup is one event as several articles report it.
type eventGroup struct {
	name, day, place, status string
	sources                  []news.ArticleRef
}

// eventLines groups events by normalised name and date and renders one
// line per group, earliest first:
// "**Inauguration** — Mon, Jan 20, in Washington, in 7 days · [A](…), [B](…)".
func eventLines(events []news.EventFact, today time.Time) []string {
	groups := map[string]*eventGroup{}
	var order []*eventGroup
	for _, e := range events {
		day := eventDay(e.Date)
		if day == "" || strings.TrimSpace(e.Name) == "" {
			continue
		}
		key := eventKey(e.Name) + "|" + day
		g := groups[key]
		if g == nil {
			g = &eventGroup{name: oneLine(e.Name), day: day}
			groups[key] = g
			order = append(order, g)
		}
		if g.place == "" {
			g.place = oneLine(e.Place)
		}
		if e.Status == news.StatusCanceled || g.status == "" {
			g.status = e.Status
		}
		dup := false
		for _, s := range g.sources {
			if s.ID == e.Source.Article.ID {
				dup = true
				break
			}
		}
		if !dup {
			g.sources = append(g.sources, e.Source.Article)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].day < order[j].day })
	lines := make([]string, 0, len(order))
	for _, g := range order {
		t, _ := time.Parse(time.DateOnly, g.day)
		format := "Mon, Jan 2"
		if t.Year() != today.Year() {
			format = "Mon, Jan 2, 2006"
		}
		parts := []string{t.Format(format)}
		if g.place != "" {
			parts = append(parts, placePhrase(g.place))
		}
		parts = append(parts, relDays(int(t.Sub(today).Hours()/24)))
		s := "**" + escape(g.name) + "** — " + strings.Join(parts, ", ")
		if g.status == news.StatusCanceled {
			s += " (canceled)"
		}
		var src []string
		for _, a := range g.sources {
			src = append(src, link(a))
		}
		s += " · " + strings.Join(src, ", ")
		lines = append(lines, commands.Cut(s, maxLine))
	}
	return lines
}

// eventDay returns the YYYY-MM-DD day of a TIMEX3 value that names a whole
// day (with or without a time), or "".
func eventDay(value string) string {
	if len(value) < 10 {
		return ""
	}
	if len(value) > 10 && value[10] != 'T' {
		return ""
	}
	if _, err := time.Parse(time.DateOnly, value[:10]); err != nil {
		return ""
	}
	return value[:10]
}

// eventKey normalises an event name for grouping: case folded, runs of
// anything but letters and digits as one space, a leading "the" dropped.
func eventKey(name string) string {
	f := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(f) > 1 && f[0] == "the" {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

func placePhrase(place string) string {
	lower := strings.ToLower(place)
	for _, p := range []string{"in ", "at ", "on ", "near "} {
		if strings.HasPrefix(lower, p) {
			return escape(place)
		}
	}
	return "in " + escape(place)
}

// relDays says how far a day is from today: "today", "in 7 days",
// "2 days ago".
func relDays(days int) string {
	switch {
	case days == 0:
		return "today"
	case days == 1:
		return "tomorrow"
	case days == -1:
		return "yesterday"
	case days > 1:
		return fmt.Sprintf("in %d days", days)
	}
	return fmt.Sprintf("%d days ago", -days)
}

// pack lays sections out as embeds and messages within Discord's limits:
// each embed's description at most MaxDescription, each message at most
// MaxEmbeds embeds and MaxEmbedTotal characters. A section that does not
// fit continues in the next embed or message under the same title.
func pack(title, header string, sections []section) []commands.Response {
	var out []commands.Response
	var cur commands.Response
	total := 0
	flush := func() {
		if len(cur.Embeds) > 0 {
			out = append(out, cur)
		}
		cur, total = commands.Response{}, 0
	}
	open := func(t string) {
		if len(cur.Embeds) == commands.MaxEmbeds || total+runes(t)+maxLine > messageBudget {
			flush()
		}
		cur.Embeds = append(cur.Embeds, commands.Embed{Title: t, Color: color})
		total += runes(t)
	}
	open(title)
	cur.Embeds[0].Description = header
	total += runes(header)
	for _, s := range sections {
		open(s.title)
		for _, line := range s.lines {
			e := &cur.Embeds[len(cur.Embeds)-1]
			add := runes(line)
			if e.Description != "" {
				add++ // the newline
			}
			if runes(e.Description)+add > commands.MaxDescription || total+add > messageBudget {
				open(s.title + " (continued)")
				e = &cur.Embeds[len(cur.Embeds)-1]
				add = runes(line)
			}
			if e.Description != "" {
				e.Description += "\n"
			}
			e.Description += line
			total += add
		}
	}
	flush()
	if n := len(out); n > 1 {
		for i := range out {
			last := &out[i].Embeds[len(out[i].Embeds)-1]
			last.Footer = fmt.Sprintf("Part %d of %d", i+1, n)
		}
	}
	for i := range out {
		out[i] = commands.Fit(out[i]) // a no-op when the packing above is right
	}
	return out
}

const color = 0x2f855a

// messageBudget leaves room under Discord's per-message total for the
// "Part n of m" footer.
const messageBudget = commands.MaxEmbedTotal - 40

func runes(s string) int { return len([]rune(s)) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// escaper backslash-escapes Discord markdown in text from articles, so it
// reads as written and cannot break the layout.
var escaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, "~", `\~`, "`", "\\`", `|`, `\|`,
	`>`, `\>`, `[`, `\[`, `]`, `\]`, `#`, `\#`,
)

func escape(s string) string { return escaper.Replace(s) }

// link renders an article's title, linked when it has a web address.
func link(a news.ArticleRef) string {
	title := oneLine(a.Title)
	if title == "" {
		title = fmt.Sprintf("Article #%d", a.ID)
	}
	title = escape(commands.Cut(title, 120))
	if !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") {
		return title
	}
	u := strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E").Replace(a.URL)
	return "[" + title + "](" + u + ")"
}
