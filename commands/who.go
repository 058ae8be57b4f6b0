package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"factdesk/news"
)

// whoCommand is /who: everything the articles say about a person.
func (r *Router) whoCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{
			Name:        "who",
			Description: "Who is this person? Roles, what they did and said, with sources",
			Options: []*discordgo.ApplicationCommandOption{
				stringOption("name", "A person's name or surname", true, true),
				privateOption(),
			},
		},
		run:      r.who,
		complete: r.completePeople("name"),
	}
}

func (r *Router) who(ctx context.Context, req Request) (Response, error) {
	if id, ok := strings.CutPrefix(req.CustomID, "who:"); ok {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return Errorf("That button is out of date. Try /who again."), nil
		}
		return r.whoID(ctx, req, n)
	}
	name := value(req, "name")
	if name == "" {
		return Errorf("Give a name, e.g. /who name:Smith."), nil
	}
	matches, err := r.resolvePeople(ctx, name)
	if err != nil {
		return Response{}, err
	}
	switch len(matches) {
	case 0:
		return r.missPerson(ctx, name)
	case 1:
		return r.whoID(ctx, req, matches[0].ID)
	}
	return withPrivate(req, disambiguation(name, matches, "who")), nil
}

// whoID answers /who for one stored person.
func (r *Router) whoID(ctx context.Context, req Request, id int64) (Response, error) {
	pf, err := r.deps.Facts.Person(ctx, id)
	if errors.Is(err, news.ErrNotFound) {
		return Errorf("That person is no longer stored. Try /who again."), nil
	}
	if err != nil {
		return Response{}, err
	}
	return withPrivate(req, Response{Embeds: []Embed{personEmbed(pf, req.Now)}}), nil
}

// resolvePeople finds the people a typed name means: exact name or alias
// matches first; failing those, stored names that contain every typed word
// ("Takeshi" for "Takeshi Iwaya").
func (r *Router) resolvePeople(ctx context.Context, name string) ([]news.PersonMatch, error) {
	exact, err := r.deps.Facts.FindPeople(ctx, name, 10)
	if err != nil || len(exact) > 0 {
		return exact, err
	}
	words := nameWords(name)
	if len(words) == 0 {
		return nil, nil
	}
	sugg, err := r.deps.Facts.SuggestPeople(ctx, name, 10)
	if err != nil {
		return nil, err
	}
	var out []news.PersonMatch
	for _, m := range sugg {
		if containsWords(m, words) {
			out = append(out, m)
		}
	}
	return out, nil
}

// containsWords reports whether every word is a whole word of the
// person's name or of one alias.
func containsWords(m news.PersonMatch, words []string) bool {
	for _, n := range append([]string{m.Name}, m.Aliases...) {
		have := map[string]bool{}
		for _, w := range nameWords(n) {
			have[w] = true
		}
		all := true
		for _, w := range words {
			if !have[w] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// nameWords splits a name into case-folded words; hyphens and dots
// separate words.
func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// missPerson says the name is unknown and suggests the nearest ones.
func (r *Router) missPerson(ctx context.Context, name string) (Response, error) {
	near, err := r.deps.Facts.NearestPeople(ctx, name, 5)
	if err != nil {
		return Response{}, err
	}
	msg := fmt.Sprintf("I don't know anyone called “%s”.", md(Cut(name, 100)))
	if len(near) > 0 {
		names := make([]string, len(near))
		for i, m := range near {
			names[i] = "**" + md(m.Name) + "**"
		}
		msg += " Did you mean " + orList(names) + "?"
	} else {
		msg += " Try /articles to see what is stored."
	}
	return Response{Content: msg, Ephemeral: true}, nil
}

// orList joins "a, b or c".
func orList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// disambiguation lists the people a name may mean, with a button for
// each that re-runs cmd for that person.
func disambiguation(name string, matches []news.PersonMatch, cmd string) Response {
	lines := make([]string, 0, len(matches))
	var buttons []Button
	for i, m := range matches {
		line := "• **" + md(m.Name) + "**"
		if m.Role != "" {
			line += " — " + md(m.Role)
		}
		if len(m.Aliases) > 0 {
			line += " (also " + md(strings.Join(m.Aliases, ", ")) + ")"
		}
		line += fmt.Sprintf(" · %d %s", m.Mentions, plural(m.Mentions, "mention", "mentions"))
		lines = append(lines, line)
		if i < MaxButtons {
			buttons = append(buttons, Button{Label: m.Name, CustomID: fmt.Sprintf("%s:%d", cmd, m.ID)})
		}
	}
	return Response{
		Embeds: []Embed{{
			Title:       fmt.Sprintf("Several people match “%s”", oneLine(name)),
			Description: list(lines, MaxDescription-200, "type the full name") + "\n\nType the full name or pick one below.",
			Color:       colorMiss,
		}},
		Buttons: buttons,
	}
}

// personEmbed renders what is known about one person.
func personEmbed(pf news.PersonFacts, now time.Time) Embed {
	e := Embed{Title: pf.Name, Color: colorAnswer}
	var desc []string
	var quotedSrc news.Citation // the sentence already quoted for the current role
	if len(pf.Aliases) > 0 {
		desc = append(desc, "Also called "+md(strings.Join(pf.Aliases, ", "))+".")
	}
	var titles, descriptions []news.RoleFact
	for _, rf := range pf.Roles {
		if rf.Description {
			descriptions = append(descriptions, rf)
		} else {
			titles = append(titles, rf)
		}
	}
	if len(titles) > 0 {
		cur := titles[0]
		line := "**" + md(capital(cur.Role)) + "**"
		if nat := firstNonEmpty(cur.Nationality, pf.Nationality); nat != "" {
			line += " (" + md(nat) + ")"
		}
		if cur.Since != "" {
			line += ", as of " + calendarDate(cur.Since)
		}
		desc = append(desc, line, "Source: "+cite(cur.Source, 300))
		quotedSrc = cur.Source
	} else if pf.Nationality != "" {
		desc = append(desc, "Nationality: "+md(pf.Nationality))
	}
	if len(titles) == 0 && len(descriptions) == 0 {
		desc = append(desc, "The articles give no role.")
	}
	e.Description = strings.Join(desc, "\n")

	// Each section gets an equal share of what the description leaves, so
	// that a long one cannot push the others out of the message.
	type section struct {
		name string
		n    int
		item func(int) string
		more string
	}
	var sections []section
	if earlier := distinctRoles(titles[min(1, len(titles)):], titles); len(earlier) > 0 {
		sections = append(sections, section{"Earlier roles", len(earlier), func(i int) string { return earlier[i] }, ""})
	}
	if len(descriptions) > 0 {
		var items []string
		seen := map[string]bool{}
		for _, d := range descriptions {
			k := strings.ToLower(d.Role)
			if seen[k] {
				continue
			}
			seen[k] = true
			n := 160
			if d.Source.Article.ID == quotedSrc.Article.ID && d.Source.SentenceIndex == quotedSrc.SentenceIndex {
				n = 0 // the same sentence as above
			}
			items = append(items, "• "+md(d.Role)+" — "+cite(d.Source, n))
		}
		sections = append(sections, section{"Described as", len(items), func(i int) string { return items[i] }, ""})
	}
	if len(pf.Events) > 0 {
		sections = append(sections, section{"What the articles say", len(pf.Events), func(i int) string {
			return "• " + eventLine(pf.Events[i], now) + "\n  " + cite(pf.Events[i].Source, 160)
		}, "/when for one event"})
	}
	if len(pf.Quotes) > 0 {
		sections = append(sections, section{"Said", len(pf.Quotes), func(i int) string {
			return quoteLine(pf.Quotes[i], 200)
		}, "/quote person:" + cutBytes(pf.Name, 60)})
	}
	if len(pf.Articles) > 0 {
		sections = append(sections, section{"Articles", len(pf.Articles), func(i int) string {
			return "• " + link(pf.Articles[i]) + ", " + articleDate(pf.Articles[i])
		}, "/articles"})
	}
	e.Description = Cut(e.Description, 1500)
	share := MaxFieldValue
	if len(sections) > 0 {
		share = min(MaxFieldValue, (MaxEmbedTotal-300-runes(e.Title)-runes(e.Description))/len(sections))
	}
	for _, s := range sections {
		e.Fields = append(e.Fields, Field{Name: s.name, Value: listN(s.n, s.item, share, s.more)})
	}
	e.Footer = fmt.Sprintf("%d %s in %d %s", pf.Mentions, plural(pf.Mentions, "mention", "mentions"),
		len(pf.Articles), plural(len(pf.Articles), "article", "articles"))
	return e
}

// distinctRoles lists the roles in rfs with their dates, skipping any
// equal to the current role.
func distinctRoles(rfs, all []news.RoleFact) []string {
	var out []string
	seen := map[string]bool{}
	if len(all) > 0 {
		seen[strings.ToLower(all[0].Role)] = true
	}
	for _, rf := range rfs {
		k := strings.ToLower(rf.Role)
		if seen[k] {
			continue
		}
		seen[k] = true
		line := "• " + md(capital(rf.Role))
		if rf.Since != "" {
			line += " (" + calendarDate(rf.Since) + ")"
		}
		out = append(out, line+" — "+link(rf.Source.Article))
	}
	return out
}

// eventLine renders an event on one line: date, name, place, status.
func eventLine(ev news.EventFact, now time.Time) string {
	var b strings.Builder
	if ev.Date != "" {
		b.WriteString("**" + when(ev.Date, now) + "**: ")
	}
	name := firstNonEmpty(ev.Text, ev.Name)
	b.WriteString(md(Cut(name, 120)))
	if ev.Place != "" && !strings.Contains(strings.ToLower(name), strings.ToLower(ev.Place)) {
		b.WriteString(" in " + md(ev.Place))
	}
	if s := status(ev, now); s != "" {
		b.WriteString(" · " + s)
	}
	return b.String()
}

// status names an event's status, noting a scheduled date that has passed.
func status(ev news.EventFact, now time.Time) string {
	s := ev.Status
	switch s {
	case news.StatusScheduled, news.StatusPlanned:
		if past(ev.Date, now) {
			return s + " (the date has passed; no later report stored)"
		}
	}
	return s
}

// quoteLine renders a quote with its source.
func quoteLine(q news.QuoteFact, n int) string {
	text := md(Cut(oneLine(q.Text), n))
	if q.Direct {
		text = "“" + strings.Trim(text, "“”\"") + "”"
	} else {
		text = "(reported) " + text
	}
	return "• " + text + " — " + link(q.Source.Article) + ", " + articleDate(q.Source.Article)
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// completePeople suggests stored people for the option being typed.
func (r *Router) completePeople(option string) func(ctx context.Context, req Request) ([]Choice, error) {
	return func(ctx context.Context, req Request) ([]Choice, error) {
		if req.Focused != "" && req.Focused != option {
			return nil, nil
		}
		people, err := r.deps.Facts.SuggestPeople(ctx, value(req, option), 25)
		if err != nil {
			return nil, err
		}
		out := make([]Choice, 0, len(people))
		for _, p := range people {
			label := p.Name
			if p.Role != "" {
				label += " — " + p.Role
			}
			out = append(out, choice(label, p.Name))
		}
		return out, nil
	}
}
