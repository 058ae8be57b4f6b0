package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
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
		return r.missPerson(ctx, req, name, "who")
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
// ("Ana" for "Ana Costa").
func (r *Router) resolvePeople(ctx context.Context, name string) ([]news.PersonMatch, error) {
	out, err := r.lookPeople(ctx, name)
	if err != nil || len(out) > 0 {
		return out, err
	}
	// "Ms. Raman", "President Medvedev": leave out a leading honorific, or
	// a leading word of the role of the person the rest names.
	typed := strings.Fields(name)
	for i := 1; i < min(len(typed), 5); i++ {
		dropped := typed[:i]
		rest := strings.Join(typed[i:], " ")
		honorific := honorifics[strings.ToLower(strings.TrimSuffix(typed[i-1], "."))]
		found, err := r.lookPeople(ctx, rest)
		if err != nil {
			return nil, err
		}
		var kept []news.PersonMatch
		for _, m := range found {
			ok := honorific
			if !ok {
				if ok, err = r.hasRoleWords(ctx, m, nameWords(strings.Join(dropped, " "))); err != nil {
					return nil, err
				}
			}
			if ok {
				kept = append(kept, m)
			}
		}
		if len(kept) > 0 {
			return kept, nil
		}
	}
	return nil, nil
}

// hasRoleWords reports whether one of the person's stated roles has every
// word of want.
func (r *Router) hasRoleWords(ctx context.Context, m news.PersonMatch, want []string) (bool, error) {
	if containsAll(nameWords(m.Role), want) {
		return true, nil
	}
	pf, err := r.deps.Facts.Person(ctx, m.ID)
	if errors.Is(err, news.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	for _, rf := range pf.Roles {
		if containsAll(nameWords(rf.Role), want) {
			return true, nil
		}
	}
	return false, nil
}

// containsAll reports whether have holds every word of want.
func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return len(want) > 0
}

// lookPeople finds the people a name means: exact name or alias matches,
// together with the stored names that contain every typed word, so that a
// surname that several people share ("Whitfield") lists them all rather
// than the one it was recorded as an alias of.
func (r *Router) lookPeople(ctx context.Context, name string) ([]news.PersonMatch, error) {
	exact, err := r.deps.Facts.FindPeople(ctx, name, 10)
	if err != nil {
		return nil, err
	}
	words := nameWords(name)
	if len(words) == 0 {
		return exact, nil
	}
	sugg, err := r.deps.Facts.SuggestPeople(ctx, name, 10)
	if err != nil {
		return nil, err
	}
	out := exact
	for _, m := range sugg {
		if containsWords(m, words) && !slices.ContainsFunc(out, func(o news.PersonMatch) bool { return o.ID == m.ID }) {
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

// missPerson answers a name that is no stored person's. A role
// ("president") lists the people it was stated of, each with a button
// that runs cmd for them; a place or an organisation is said to be one,
// with a pointer to /search; otherwise the nearest stored names are
// suggested, with buttons, when they are close enough.
func (r *Router) missPerson(ctx context.Context, req Request, name, cmd string) (Response, error) {
	shown := md(Cut(oneLine(name), 100))
	search := "/search terms:" + md(cutBytes(oneLine(name), 60))
	if rf, ok := r.deps.Facts.(Lookups); ok {
		holders, err := rf.PeopleWithRole(ctx, trimArticle(name), 10)
		if err != nil {
			return Response{}, err
		}
		if len(holders) > 0 {
			return withPrivate(req, roleHolders(name, holders, cmd)), nil
		}
		kind, err := rf.EntityKind(ctx, name)
		if err != nil {
			return Response{}, err
		}
		if kind != "" {
			return Response{Content: fmt.Sprintf("“%s” is %s in the stored articles, not a person. Try %s.",
				shown, map[string]string{"place": "a place", "organization": "an organisation"}[kind], search), Ephemeral: true}, nil
		}
	}
	near, err := r.deps.Facts.NearestPeople(ctx, name, 5)
	if err != nil {
		return Response{}, err
	}
	msg := fmt.Sprintf("I don't know anyone called “%s”.", shown)
	var buttons []Button
	if len(near) > 0 {
		names := make([]string, len(near))
		for i, m := range near {
			names[i] = "**" + md(m.Name) + "**"
			if i < MaxButtons {
				buttons = append(buttons, Button{Label: m.Name, CustomID: fmt.Sprintf("%s:%d", cmd, m.ID)})
			}
		}
		msg += " Did you mean " + orList(names) + "?"
	} else {
		msg += " Try " + search + ", or /articles to see what is stored."
	}
	return Response{Content: msg, Buttons: buttons, Ephemeral: true}, nil
}

// trimArticle drops a leading "the", "a" or "an": "the president".
func trimArticle(s string) string {
	f := strings.Fields(s)
	if len(f) > 1 {
		switch strings.ToLower(f[0]) {
		case "the", "a", "an":
			return strings.Join(f[1:], " ")
		}
	}
	return strings.Join(f, " ")
}

// roleHolders lists the people a role was stated of, most recently
// stated first, each with the role as stated.
func roleHolders(role string, people []news.PersonMatch, cmd string) Response {
	resp := disambiguation(role, people, cmd)
	e := &resp.Embeds[0]
	e.Title = fmt.Sprintf("People described as “%s”", oneLine(trimArticle(role)))
	e.Description = list(personLines(people), MaxDescription-200, "") +
		"\n\nNewest first, each with the role as the articles state it. Pick one below, or try /search for more."
	e.Color = colorList
	return resp
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
	var buttons []Button
	for i, m := range matches {
		if i < MaxButtons {
			buttons = append(buttons, Button{Label: m.Name, CustomID: fmt.Sprintf("%s:%d", cmd, m.ID)})
		}
	}
	return Response{
		Embeds: []Embed{{
			Title:       fmt.Sprintf("Several people match “%s”", oneLine(name)),
			Description: list(personLines(matches), MaxDescription-200, "type the full name") + "\n\nType the full name or pick one below.",
			Color:       colorMiss,
		}},
		Buttons: buttons,
	}
}

// personLines renders one line per person: name, role, aliases, mentions.
func personLines(matches []news.PersonMatch) []string {
	lines := make([]string, 0, len(matches))
	for _, m := range matches {
		line := "• **" + md(m.Name) + "**"
		if m.Role != "" {
			line += " — " + md(m.Role)
		}
		if len(m.Aliases) > 0 {
			line += " (also " + md(strings.Join(m.Aliases, ", ")) + ")"
		}
		line += fmt.Sprintf(" · %d %s", m.Mentions, plural(m.Mentions, "mention", "mentions"))
		lines = append(lines, line)
	}
	return lines
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
	current, earlier := splitRoles(titles)
	current, earlier, descriptions = withOrganisation(current, earlier, descriptions)
	if len(current) > 0 {
		line := currentLine(current, pf.Nationality)
		if ev, ok := departure(pf, current); ok {
			// "Mayor X resigned on Tuesday": the post is a former one.
			left := slices.Clone(current)
			for i := range left {
				left[i].Role = former(left[i].Role)
			}
			line = currentLine(left, pf.Nationality)
			if i := strings.LastIndex(line, ", as of "); i >= 0 {
				line = line[:i]
			}
			what := firstNonEmpty(ev.Text, ev.Name)
			if ev.Date != "" {
				what += " " + calendarDate(ev.Date)
			}
			line += " (" + md(Cut(what, 100)) + ")"
		}
		desc = append(desc, line)
		seenSrc := map[[2]int64]bool{}
		for _, rf := range current {
			k := [2]int64{rf.Source.Article.ID, int64(rf.Source.SentenceIndex)}
			if seenSrc[k] || len(seenSrc) == 2 {
				continue
			}
			seenSrc[k] = true
			desc = append(desc, "Source: "+cite(rf.Source, 300))
		}
		quotedSrc = current[0].Source
	} else if pf.Nationality != "" {
		desc = append(desc, "Nationality: "+md(pf.Nationality))
	}
	if len(titles) == 0 && len(descriptions) == 0 {
		desc = append(desc, "The articles give no role.")
	}
	e.Description = strings.Join(desc, "\n")

	type section struct {
		name   string
		n      int
		item   func(int) string
		more   string
		fields int // at most this many fields; 0 for one
	}
	var sections []section
	if len(earlier) > 0 {
		sections = append(sections, section{"Roles in earlier articles", len(earlier), func(i int) string { return roleLine(earlier[i]) }, "", 0})
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
		sections = append(sections, section{"Described as", len(items), func(i int) string { return items[i] }, "", 0})
	}
	if len(pf.Events) > 0 {
		events := byDate(pf.Events, true)
		sections = append(sections, section{"What the articles say", len(events), func(i int) string {
			return "• " + eventLine(ownEvent(events[i], pf), now) + "\n  " + cite(events[i].Source, 160)
		}, "/when for one event", 3})
	}
	if len(pf.Quotes) > 0 {
		sections = append(sections, section{"Said", len(pf.Quotes), func(i int) string {
			return quoteLine(pf.Quotes[i], 200)
		}, "/quote person:" + cutBytes(pf.Name, 60), 0})
	}
	if len(pf.Articles) > 0 {
		sections = append(sections, section{"Articles", len(pf.Articles), func(i int) string {
			return "• " + link(pf.Articles[i]) + ", " + articleDate(pf.Articles[i])
		}, "/articles", 0})
	}
	e.Description = Cut(e.Description, 1500)
	// What the description leaves is shared out so that a long section
	// cannot push the others out of the message: a section needing less
	// than an equal share keeps what it needs and the rest goes to the
	// longer ones. Events, what a person did, may run on over a few fields;
	// the other sections keep to one and point to their own command.
	budget := MaxEmbedTotal - 300 - runes(e.Title) - runes(e.Description)
	need := make([]int, len(sections))
	for i := range sections {
		s := &sections[i]
		s.item = memo(s.n, s.item) // each item is made once for both passes
		need[i] = runes(listN(s.n, s.item, min(budget, max(s.fields, 1)*MaxFieldValue), s.more))
		budget -= runes(s.name) + (need[i]/MaxFieldValue)*(runes(s.name)+len(continued))
	}
	shares := fairShares(need, budget)
	for i, s := range sections {
		text := listN(s.n, s.item, shares[i], s.more)
		for j, chunk := range fieldChunks(text, MaxFieldValue) {
			name := s.name
			if j > 0 {
				name += continued
			}
			e.Fields = append(e.Fields, Field{Name: name, Value: chunk})
		}
	}
	e.Footer = fmt.Sprintf("%d %s in %d %s", pf.Mentions, plural(pf.Mentions, "mention", "mentions"),
		len(pf.Articles), plural(len(pf.Articles), "article", "articles"))
	return e
}

// memo returns item, remembering each of its n results.
func memo(n int, item func(int) string) func(int) string {
	made := make([]string, n)
	done := make([]bool, n)
	return func(i int) string {
		if !done[i] {
			made[i], done[i] = item(i), true
		}
		return made[i]
	}
}

// continued names the field a section runs on in.
const continued = " (continued)"

// fairShares divides budget between sections that need need[i]
// characters: those needing less than an equal share get what they need,
// and what they leave is shared among the others the same way.
func fairShares(need []int, budget int) []int {
	alloc := make([]int, len(need))
	open := make([]int, 0, len(need))
	for i := range need {
		open = append(open, i)
	}
	left := max(budget, 0)
	for len(open) > 0 {
		share := left / len(open)
		var rest []int
		for _, i := range open {
			if need[i] <= share {
				alloc[i] = need[i]
				left -= need[i]
			} else {
				rest = append(rest, i)
			}
		}
		if len(rest) == len(open) {
			for _, i := range rest {
				alloc[i] = share
			}
			break
		}
		open = rest
	}
	return alloc
}

// fieldChunks splits a list made by listN into field values of at most
// limit characters, between items: an item starts with "• " or is the
// "… and n more" line.
func fieldChunks(text string, limit int) []string {
	var items []string
	for _, line := range strings.Split(text, "\n") {
		if len(items) == 0 || strings.HasPrefix(line, "• ") || strings.HasPrefix(line, "… and ") {
			items = append(items, line)
		} else {
			items[len(items)-1] += "\n" + line
		}
	}
	var out []string
	cur := ""
	for _, it := range items {
		switch {
		case cur == "":
			cur = it
		case runes(cur)+1+runes(it) <= limit:
			cur += "\n" + it
		default:
			out = append(out, Cut(cur, limit))
			cur = it
		}
	}
	if cur != "" || len(out) == 0 {
		out = append(out, Cut(cur, limit))
	}
	return out
}

// splitRoles splits a person's roles, newest statement first, into the
// current ones, stated together in the newest article that states any
// ("acting president and deputy prime minister"), and those stated only
// in earlier articles. A role repeated in a less specific form by the
// same article ("minister" beside "finance minister") is dropped, and an
// earlier role equal to a current one is not listed again.
func splitRoles(titles []news.RoleFact) (current, earlier []news.RoleFact) {
	if len(titles) == 0 {
		return nil, nil
	}
	newest := titles[0].Source.Article.ID
	var rest []news.RoleFact
	for _, rf := range titles {
		if rf.Source.Article.ID == newest {
			current = append(current, rf)
		} else {
			rest = append(rest, rf)
		}
	}
	current = dropLessSpecific(current)
	seen := map[string]bool{}
	for _, rf := range current {
		seen[strings.Join(nameWords(rf.Role), " ")] = true
	}
	for _, rf := range rest {
		k := strings.Join(nameWords(rf.Role), " ")
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		earlier = append(earlier, rf)
	}
	return current, earlier
}

// withOrganisation completes roles with the organisation that
// descriptions add to them: "chief executive officer" and "chief
// executive officer of Apple Inc" become the latter, shown once. A current
// role takes the words of a description of its own article only, so that
// an old employer is not given to a new post; a role of earlier articles
// takes those of its newest article, else the newest. Either absorbs the
// other forms ("… of Apple Computer") so that they are not listed again.
func withOrganisation(current, earlier, descriptions []news.RoleFact) ([]news.RoleFact, []news.RoleFact, []news.RoleFact) {
	used := map[int]bool{}
	extends := func(rf, d news.RoleFact) bool {
		w, dw := nameWords(rf.Role), nameWords(d.Role)
		return len(w) > 0 && len(dw) >= len(w)+2 && slices.Equal(dw[:len(w)], w) && dw[len(w)] == "of"
	}
	complete := func(roles []news.RoleFact, sameArticle bool) []news.RoleFact {
		out := slices.Clone(roles)
		for i, rf := range out {
			pick := -1
			for j, d := range descriptions {
				if used[j] || !extends(rf, d) {
					continue
				}
				used[j] = true
				same := d.Source.Article.ID == rf.Source.Article.ID
				if sameArticle && !same {
					continue
				}
				if pick < 0 || same {
					pick = j // descriptions come newest first
				}
			}
			if pick >= 0 {
				out[i].Role = descriptions[pick].Role
			}
		}
		return out
	}
	current = complete(current, true)
	earlier = complete(earlier, false)
	var rest []news.RoleFact
	for j, d := range descriptions {
		if !used[j] {
			rest = append(rest, d)
		}
	}
	return current, earlier, rest
}

// dropLessSpecific leaves out each role whose words end another role's
// words: "minister" goes when "finance minister" is there.
func dropLessSpecific(rfs []news.RoleFact) []news.RoleFact {
	var out []news.RoleFact
	for i, rf := range rfs {
		w := nameWords(rf.Role)
		keep := len(w) > 0
		for j, other := range rfs {
			ow := nameWords(other.Role)
			if i == j || !keep {
				continue
			}
			if len(ow) > len(w) && slices.Equal(ow[len(ow)-len(w):], w) || slices.Equal(ow, w) && j < i {
				keep = false
			}
		}
		if keep {
			out = append(out, rf)
		}
	}
	return out
}

// currentLine renders the current roles with the nationality and the date
// of the newest article stating them: "**Acting president** and **deputy
// prime minister** (South Korea), as of Mon, Jan 13, 2025". A role first
// reported earlier says so.
func currentLine(current []news.RoleFact, nationality string) string {
	names := make([]string, len(current))
	for i, rf := range current {
		r := md(rf.Role)
		if i == 0 {
			r = md(capital(rf.Role))
		}
		names[i] = "**" + r + "**"
	}
	line := andList(names)
	if nat := firstNonEmpty(current[0].Nationality, nationality); nat != "" {
		line += " (" + md(nat) + ")"
	}
	asOf := current[0].Source.Article.Published
	if asOf != "" {
		line += ", as of " + calendarDate(asOf)
	}
	var first []string
	for _, rf := range current {
		if rf.Since != "" && rf.Since < asOf {
			s := "first reported " + calendarDate(rf.Since)
			if len(current) > 1 {
				s = md(rf.Role) + " " + s
			}
			first = append(first, s)
		}
	}
	if len(first) > 0 {
		line += " (" + strings.Join(first, "; ") + ")"
	}
	return line
}

// roleLine renders a role stated only in earlier articles, with the
// dates it was reported: "• Co-founder (Jun 6, 2005) — article".
func roleLine(rf news.RoleFact) string {
	line := "• " + md(capital(rf.Role))
	last := rf.Source.Article.Published
	switch {
	case rf.Since != "" && last != "" && rf.Since < last:
		line += " (" + calendarDate(rf.Since) + " to " + calendarDate(last) + ")"
	case last != "":
		line += " (" + calendarDate(last) + ")"
	case rf.Since != "":
		line += " (" + calendarDate(rf.Since) + ")"
	}
	return line + " — " + link(rf.Source.Article)
}

// andList joins "a, b and c".
func andList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
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

// ownEvent words an event for the page of one of its participants: an
// event text that names the person ("meet with Kim Min-jae", on Kim's
// page) becomes the event's name with the other participants ("meeting
// with Ana Costa"). A text naming the person as its owner ("Trump's
// inauguration") is kept.
func ownEvent(ev news.EventFact, pf news.PersonFacts) news.EventFact {
	m := news.PersonMatch{Name: pf.Name, Aliases: pf.Aliases}
	text := " " + strings.Join(nameWords(ev.Text), " ") + " "
	named := false
	for _, n := range append([]string{pf.Name}, pf.Aliases...) {
		w := strings.Join(nameWords(n), " ")
		if w == "" {
			continue
		}
		if strings.Contains(text, " "+w+" s ") {
			return ev // the person's own event: "Trump's inauguration"
		}
		named = named || strings.Contains(text, " "+w+" ")
	}
	if !named || ev.Name == "" {
		return ev
	}
	var others []string
	for _, p := range ev.Participants {
		if !samePerson(pf.Name, p) && !containsWords(m, nameWords(p)) {
			others = append(others, p)
		}
	}
	ev.Text = ev.Name
	if len(others) > 0 {
		ev.Text += " with " + andList(others)
	}
	return ev
}

// byDate orders events by date: those with a calendar date first (newest
// first when newestFirst, else oldest first, a period before the dates
// inside it), then other values ("in the future"), then undated ones, each
// group in the order given.
func byDate(events []news.EventFact, newestFirst bool) []news.EventFact {
	out := slices.Clone(events)
	group := func(ev news.EventFact) int {
		switch _, p := calendar(ev.Date); {
		case p != precNone:
			return 0
		case strings.TrimSpace(ev.Date) != "":
			return 1
		}
		return 2
	}
	slices.SortStableFunc(out, func(a, b news.EventFact) int {
		ga, gb := group(a), group(b)
		if ga != gb || ga != 0 {
			return ga - gb
		}
		ta, pa := calendar(a.Date)
		tb, pb := calendar(b.Date)
		c := ta.Compare(tb)
		if c == 0 {
			c = pa - pb // a year before its months, a month before its days
		}
		if newestFirst {
			c = -c
		}
		return c
	})
	return out
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
	text := md(Cut(oneLine(quoteText(q)), n))
	if q.Direct {
		text = "“" + quoted(text) + "”"
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
