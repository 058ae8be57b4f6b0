package commands

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"factdesk/extract/timex"
	"factdesk/news"
)

// askCommand is /ask: a question in plain words, answered from the stored
// facts, or from the best matching sentences, or with "I don't know".
func (r *Router) askCommand() handler {
	return handler{
		def: &discordgo.ApplicationCommand{
			Name:        "ask",
			Description: "Ask a question in plain words: who, when, where, what",
			Options: []*discordgo.ApplicationCommandOption{
				stringOption("question", "e.g. Who is …? When is the …?", true, false),
				privateOption(),
			},
		},
		run: r.ask,
	}
}

//go:embed words/stopwords.txt
var stopwordsFile string

// stopwords are the words of a question that name no topic.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(stopwordsFile, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			m[w] = true
		}
	}
	return m
}()

// minCoverage is the share of a question's content words that a sentence
// must contain to count as an answer; below it the bot says it does not
// know rather than guess.
const minCoverage = 0.6

// minAnswerWords is the fewest words a sentence given as an answer has.
const minAnswerWords = 4

var (
	whoIs      = regexp.MustCompile(`(?i)^(?:who\s+(?:is|was|'s)|who's|tell\s+me\s+about|what\s+(?:is|was)\s+known\s+about)\s+(.+?)[?.!]*$`)
	whatRole   = regexp.MustCompile(`(?i)^what\s+(?:is|was|does|did)\s+(.+?)(?:'s|’s)\s+(?:role|job|title|position)\b.*$`)
	saidAbout  = regexp.MustCompile(`(?i)\b(?:say|said|says|think|thinks|thought)\b`)
	questionOf = regexp.MustCompile(`(?i)^\s*(who|when|where|what|which|how|why)\b`)
)

func (r *Router) ask(ctx context.Context, req Request) (Response, error) {
	q := oneLine(value(req, "question"))
	if q == "" {
		return Errorf("Ask a question, e.g. /ask question:Who is …?"), nil
	}
	resp, ok, err := r.answer(ctx, req, q)
	if err != nil {
		return Response{}, err
	}
	if !ok {
		// A question about a stored person the facts do not answer may
		// still have sentences that tell it.
		if resp, ok, err = r.verbSentences(ctx, q); err != nil {
			return Response{}, err
		}
	}
	if !ok {
		e := Embed{
			Title:       "I don't know",
			Description: "Nothing stored answers “" + md(Cut(q, 300)) + "” well enough, so I won't guess. Try /search with fewer words, or /articles to see what is stored.",
			Color:       colorMiss,
		}
		if e.Fields, err = r.mentioning(ctx, q); err != nil {
			return Response{}, err
		}
		resp = Response{Embeds: []Embed{e}}
	}
	return withPrivate(req, resp), nil
}

// mentioning lists, for a question that names a stored person but is not
// answered, the best-ranked sentences that name them, as material for the
// reader rather than as an answer ("Who replaces Papermaster?").
func (r *Router) mentioning(ctx context.Context, q string) ([]Field, error) {
	_, undated := questionDates(q, time.Time{})
	people, _, err := r.peopleIn(ctx, undated)
	if err != nil || len(people) == 0 {
		return nil, err
	}
	p := people[0]
	hits, _, err := r.deps.Facts.Search(ctx, shortName(p), 0, 10)
	if err != nil {
		return nil, err
	}
	content := contentWords(undated, people)
	// Sentences sharing a word with the question first, then by rank.
	sort.SliceStable(hits, func(i, j int) bool {
		return coverage(content, hits[i].Citation.Sentence) > coverage(content, hits[j].Citation.Sentence)
	})
	var items []string
	for _, h := range hits {
		if !mentions(h.Citation.Sentence, p) {
			continue
		}
		items = append(items, "• "+cite(h.Citation, 300))
		if len(items) == 3 {
			break
		}
	}
	if len(items) == 0 {
		return nil, nil
	}
	return []Field{{Name: "Sentences that mention " + p.Name, Value: list(items, MaxFieldValue, "")}}, nil
}

// answer routes a question to the facts; ok is false when nothing answers
// it well.
func (r *Router) answer(ctx context.Context, req Request, q string) (Response, bool, error) {
	if m := firstMatch(q, whoIs, whatRole); m != "" {
		people, err := r.resolvePeople(ctx, trimPossessive(m))
		if err != nil {
			return Response{}, false, err
		}
		switch len(people) {
		case 1:
			resp, err := r.whoID(ctx, req, people[0].ID)
			return resp, err == nil, err
		case 0:
			// "Who is the president?" asks for the holders of a role.
			if rf, ok := r.deps.Facts.(Lookups); ok {
				holders, err := r.roleHoldersOf(ctx, rf, trimArticle(trimPossessive(m)))
				if err != nil || len(holders) > 0 {
					return roleHolders(m, holders, "who"), err == nil, err
				}
			}
		default:
			return disambiguation(m, people, "who"), true, nil
		}
	}
	kind := ""
	if m := questionOf.FindStringSubmatch(q); m != nil {
		kind = strings.ToLower(m[1])
	}
	dates, undated := questionDates(q, req.Now)
	people, typed, err := r.peopleIn(ctx, undated)
	if err != nil {
		return Response{}, false, err
	}
	content := contentWords(q, people)
	proper := properWords(undated, typed)
	if len(dates) > 0 && len(people) == 0 && (kind == "what" || kind == "") && dateOnly(contentWords(undated, nil)) {
		// "What happens on Jan. 20?" asks for everything dated then.
		if resp, ok, err := r.answerDate(ctx, req, q, dates); ok || err != nil {
			return resp, ok, err
		}
	}
	if len(people) > 0 && saidAbout.MatchString(q) {
		if resp, ok, err := r.answerQuote(ctx, people[0], people[1:], content); ok || err != nil {
			return resp, ok, err
		}
	}
	if kind == "when" || kind == "where" || kind == "who" || kind == "what" || len(people) > 0 {
		if resp, ok, err := r.answerEvent(ctx, req, kind, people, contentWords(undated, people), proper, dates); ok || err != nil {
			return resp, ok, err
		}
	}
	return r.answerSearch(ctx, q, content, typed, proper)
}

// properWords are the capitalised words of a question that name no stored
// person ("Tokyo", "Zelensky"): an answer must contain every one of them,
// or it would be about something else.
func properWords(q string, typed []string) []string {
	skip := map[string]bool{}
	for _, w := range typed {
		skip[w] = true
	}
	var out []string
	for _, run := range capitalRuns(q) {
		for _, w := range run {
			for _, lw := range words(w) {
				if !stopwords[lw] && !skip[lw] {
					skip[lw] = true
					out = append(out, lw)
				}
			}
		}
	}
	return out
}

// hasAll reports whether text contains every word of want, by stem.
func hasAll(want []string, text string) bool {
	return len(want) == 0 || coverage(want, text) == 1
}

func firstMatch(q string, res ...*regexp.Regexp) string {
	for _, re := range res {
		if m := re.FindStringSubmatch(q); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}

func trimPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

// peopleIn finds the stored people a question names: runs of capitalised
// words, whole runs first, then single words ("Costa"). typed are the
// lower-case words of the names as the question gives them.
func (r *Router) peopleIn(ctx context.Context, q string) (found []news.PersonMatch, typed []string, err error) {
	seen := map[int64]bool{}
	for _, run := range capitalRuns(q) {
		tries := []string{strings.Join(run, " ")}
		if len(run) > 1 {
			tries = append(tries, run...)
		}
		for _, name := range tries {
			if stopwords[strings.ToLower(name)] {
				continue
			}
			ms, err := r.deps.Facts.FindPeople(ctx, name, 3)
			if err != nil {
				return nil, nil, err
			}
			if len(ms) == 0 {
				continue
			}
			if !seen[ms[0].ID] {
				seen[ms[0].ID] = true
				found = append(found, ms[0])
				typed = append(typed, words(name)...)
			}
			break
		}
	}
	return found, typed, nil
}

// capitalRuns returns runs of words that start with a capital letter,
// possessives trimmed.
func capitalRuns(q string) [][]string {
	var runs [][]string
	var cur []string
	for _, w := range strings.Fields(q) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' })
		w = trimPossessive(w)
		first := []rune(w + " ")[0]
		if w != "" && unicode.IsUpper(first) {
			cur = append(cur, w)
			continue
		}
		if len(cur) > 0 {
			runs = append(runs, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}

// words splits text into lower-case words, possessives and punctuation
// dropped.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}) {
		w = trimPossessive(strings.Trim(w, "'’"))
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// contentWords are the question's words that name its topic: not function
// words, and not the words of the people it names.
func contentWords(q string, people []news.PersonMatch) []string {
	skip := map[string]bool{}
	for _, p := range people {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			for _, w := range words(n) {
				skip[w] = true
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, w := range words(q) {
		if stopwords[w] || skip[w] || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// stem reduces a word to a crude common form so that "meeting" finds
// "meet" and "inaugurated" finds "inauguration".
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 {
			if t, ok := strings.CutSuffix(w, suf); ok {
				w = t
				break
			}
		}
	}
	if r := []rune(w); len(r) > 6 {
		w = string(r[:6])
	}
	return w
}

// coverage is the share of content words whose stem occurs in text.
func coverage(content []string, text string) float64 {
	if len(content) == 0 {
		return 0
	}
	have := map[string]bool{}
	for _, w := range words(text) {
		have[stem(w)] = true
	}
	n := 0
	for _, w := range content {
		if have[stem(w)] {
			n++
		}
	}
	return float64(n) / float64(len(content))
}

// answerEvent answers a when, where or who question from stored events:
// the named person's events first, else events whose names share the
// question's words.
func (r *Router) answerEvent(ctx context.Context, req Request, kind string, people []news.PersonMatch, content, proper, dates []string) (Response, bool, error) {
	type scored struct {
		ev    news.EventFact
		score float64
	}
	var cands []scored
	consider := func(evs []news.EventFact, bonus float64) {
		for _, ev := range evs {
			// By prefix too, so that "die" finds "died".
			c := max(coverage(content, eventWords(ev)), prefixCoverage(content, eventWords(ev)))
			d := dateMatch(dates, ev.Date)
			if c == 0 && len(content) > 0 && d <= 0 || !hasAll(proper, eventWords(ev)+" "+strings.Join(ev.Participants, " ")+" "+ev.Source.Sentence) {
				continue
			}
			// A date the question names outweighs the other cues.
			s := c + bonus + d
			takesPart := false
			for _, p := range people {
				for _, part := range ev.Participants {
					if samePerson(p.Name, part) || containsWords(p, nameWords(part)) {
						s += 0.5
						takesPart = true
					}
				}
			}
			if len(people) > 0 && len(ev.Participants) > 0 && !takesPart {
				// Someone else's event: a husband's death is not the
				// answer to when his wife died.
				s -= 0.5
			}
			if kind == "when" && ev.Date != "" {
				s += 0.1
			}
			if kind == "where" && ev.Place != "" {
				s += 0.1
			}
			cands = append(cands, scored{ev, s})
		}
	}
	for _, p := range people {
		pf, err := r.deps.Facts.Person(ctx, p.ID)
		if errors.Is(err, news.ErrNotFound) {
			continue
		}
		if err != nil {
			return Response{}, false, err
		}
		consider(pf.Events, 0.5)
	}
	if len(content) == 0 && len(cands) == 0 {
		return Response{}, false, nil
	}
	names := map[string]bool{}
	for _, w := range content {
		if len([]rune(w)) < 3 {
			continue
		}
		got, err := r.deps.Facts.SuggestEvents(ctx, stem(w), 10)
		if err != nil {
			return Response{}, false, err
		}
		for _, n := range got {
			names[n] = true
		}
	}
	// Look up the event names that best cover the question.
	ranked := make([]string, 0, len(names))
	for n := range names {
		ranked = append(ranked, n)
	}
	sort.Slice(ranked, func(i, j int) bool {
		ci, cj := coverage(content, ranked[i]), coverage(content, ranked[j])
		if ci != cj {
			return ci > cj
		}
		return ranked[i] < ranked[j]
	})
	looked := map[string][]news.EventFact{}
	for _, n := range ranked[:min(3, len(ranked))] {
		evs, err := r.deps.Facts.EventsNamed(ctx, n)
		if err != nil {
			return Response{}, false, err
		}
		looked[n] = evs
		consider(evs, 0)
	}
	if len(cands) == 0 && len(people) > 0 && len(content) > 0 {
		// The question may use the words of the sentence that tells the
		// event rather than its name ("When did Jobs die?" for a death):
		// take the events of the sentences that have every content word
		// and name the person.
		told, err := r.eventsInSentences(ctx, content, people)
		if err != nil {
			return Response{}, false, err
		}
		for _, ev := range told {
			if hasAll(proper, eventWords(ev)+" "+strings.Join(ev.Participants, " ")+" "+ev.Source.Sentence) &&
				dateMatch(dates, ev.Date) >= 0 {
				cands = append(cands, scored{ev, 1 + dateMatch(dates, ev.Date)})
			}
		}
	}
	if len(cands) == 0 {
		return Response{}, false, nil
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	best := cands[0].ev
	// Without a named person, the event's own words must cover the question.
	if len(people) == 0 && coverage(content, eventWords(best)) < minCoverage && dateMatch(dates, best.Date) < 1 {
		return Response{}, false, nil
	}
	versions, ok := looked[best.Name]
	if !ok {
		var err error
		if versions, err = r.deps.Facts.EventsNamed(ctx, best.Name); err != nil {
			return Response{}, false, err
		}
	}
	events := []news.EventFact{best}
	for _, v := range versions {
		if v.Source.Article.ID == best.Source.Article.ID && v.Source.SentenceIndex == best.Source.SentenceIndex {
			continue
		}
		events = append(events, v)
	}
	e := eventEmbed(events, req.Now)
	e.Description = strings.TrimSpace(eventAnswer(kind, best, people, req) + "\n" + e.Description)
	return Response{Embeds: []Embed{e}}, true, nil
}

// questionDates returns the dates a question names as TIMEX3 values, and
// the question with them blanked out, so that their words are not taken
// for names or topics. A date given without a year keeps X for it
// ("XXXX-01-14" for "Jan. 14") and matches that day in any year; relative
// dates ("yesterday") are resolved against now.
func questionDates(q string, now time.Time) (dates []string, rest string) {
	resolved := map[int]string{}
	for _, m := range timex.Find(q, now) {
		resolved[m.Start] = m.Value
	}
	b := []byte(q)
	for _, m := range timex.Find(q, time.Time{}) {
		if m.Type != timex.Date && m.Type != timex.Time {
			continue
		}
		v := m.Value
		if date, _, ok := strings.Cut(v, "T"); ok {
			v = date
		}
		if strings.Contains(strings.TrimPrefix(v, "XXXX"), "X") {
			if v = resolved[m.Start]; strings.Contains(v, "X") {
				continue
			}
		}
		if _, prec := calendar(strings.Replace(v, "XXXX", "2000", 1)); prec == precNone {
			continue // PRESENT_REF and the like name no date
		}
		dates = append(dates, v)
		for i := m.Start; i < m.End && i < len(b); i++ {
			b[i] = ' '
		}
	}
	return dates, string(b)
}

// dateMatch scores how an event's date fits the dates a question names:
// 1 for the same date, 0.3 for a period that holds it or lies within it,
// -0.5 for another date, and 0 when either gives none.
func dateMatch(dates []string, date string) float64 {
	if len(dates) == 0 || date == "" {
		return 0
	}
	date, _, _ = strings.Cut(date, "T") // the day is what a question names
	best := -0.5
	for _, d := range dates {
		n := min(len(d), len(date))
		fits := n >= 4
		for i := 0; i < n && fits; i++ {
			fits = d[i] == 'X' || d[i] == date[i]
		}
		switch {
		case fits && len(d) == len(date):
			return 1
		case fits:
			best = 0.3
		}
	}
	return best
}

// eventsInSentences returns the events of the best-ranked sentences that
// name one of the people and have a word for every content word (by
// prefix, so "die" finds "died"), when Facts offers Lookups. It looks
// first at sentences with the content words or their inflections and the
// first person's name, then at those with the name alone.
func (r *Router) eventsInSentences(ctx context.Context, content []string, people []news.PersonMatch) ([]news.EventFact, error) {
	lk, ok := r.deps.Facts.(Lookups)
	if !ok || len(people) == 0 {
		return nil, nil
	}
	p := people[0]
	surname := shortName(p)
	// The index stems words, but not every form to one stem ("died" is
	// not "die"): try a few inflections of the content words too.
	var queries []string
	for _, suffix := range []string{"", "s", "d", "ed", "ing"} {
		q := make([]string, len(content))
		for i, w := range content {
			q[i] = w + suffix
		}
		queries = append(queries, strings.Join(q, " ")+" "+surname)
	}
	for _, q := range append(queries, surname) {
		hits, _, err := r.deps.Facts.Search(ctx, q, 0, 25)
		if err != nil {
			return nil, err
		}
		var out []news.EventFact
		for _, h := range hits {
			if !mentions(h.Citation.Sentence, p) || !prefixCovers(content, h.Citation.Sentence) {
				continue
			}
			evs, err := lk.EventsAt(ctx, h.Citation.Article.ID, h.Citation.SentenceIndex)
			if err != nil {
				return nil, err
			}
			out = append(out, evs...)
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	return nil, nil
}

// prefixCoverage is the share of content words that text has a word for
// by prefix, as prefixCovers matches them.
func prefixCoverage(content []string, text string) float64 {
	if len(content) == 0 {
		return 0
	}
	n := 0
	for _, w := range content {
		if prefixCovers([]string{w}, text) {
			n++
		}
	}
	return float64(n) / float64(len(content))
}

// prefixCovers reports whether text has, for every content word, a word
// that starts with it or that it starts with, three letters at least:
// "die" and "died", "resign" and "resigned".
func prefixCovers(content []string, text string) bool {
	tw := words(text)
	for _, w := range content {
		found := false
		for _, t := range tw {
			short := min(len(w), len(t))
			if short >= 3 && (strings.HasPrefix(t, w) || strings.HasPrefix(w, t)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// mentions reports whether text names the person: the full name, an
// alias or the surname, as whole words.
func mentions(text string, p news.PersonMatch) bool {
	// Words as written, so that a name must start with a capital: the
	// surname "Jobs" is not the noun in "production jobs".
	orig := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	low := make([]string, len(orig))
	for i, w := range orig {
		low[i] = strings.ToLower(w)
	}
	names := append([]string{p.Name}, p.Aliases...)
	if w := nameWords(p.Name); len(w) > 1 {
		names = append(names, w[len(w)-1])
	}
	for _, n := range names {
		nw := nameWords(n)
		if len(nw) == 0 {
			continue
		}
		for i := 0; i+len(nw) <= len(low); i++ {
			if slices.Equal(low[i:i+len(nw)], nw) && unicode.IsUpper([]rune(orig[i])[0]) {
				return true
			}
		}
	}
	return false
}

// eventWords is the text a question is matched against: the event's
// name, text and place, and its date as words ("Tue, Jan 14, 2025").
func eventWords(ev news.EventFact) string {
	s := ev.Name + " " + ev.Text + " " + ev.Place
	if ev.Date != "" {
		s += " " + calendarDate(ev.Date)
	}
	return s
}

// eventAnswer is the one-line answer to a question about an event. To
// "who", the people the question names are left out of the answer when
// others remain ("Who is Costa meeting?").
func eventAnswer(kind string, ev news.EventFact, asked []news.PersonMatch, req Request) string {
	switch kind {
	case "when":
		if ev.Date == "" {
			return "**The articles give no date for this.**"
		}
		return "**" + when(ev.Date, req.Now) + "**"
	case "where":
		if ev.Place == "" {
			return "**The articles give no place for this.**"
		}
		return "**" + md(ev.Place) + "**"
	case "who":
		if len(ev.Participants) == 0 {
			return "**The articles name no participants.**"
		}
		var ps, all []string
		for _, p := range ev.Participants {
			all = append(all, md(p))
			named := false
			for _, a := range asked {
				named = named || samePerson(a.Name, p) || containsWords(a, nameWords(p))
			}
			if !named {
				ps = append(ps, md(p))
			}
		}
		if len(ps) == 0 {
			ps = all
		}
		return "**" + strings.Join(ps, ", ") + "**"
	}
	return ""
}

// answerQuote answers "what did X say (about Y)" from X's quotes.
func (r *Router) answerQuote(ctx context.Context, p news.PersonMatch, about []news.PersonMatch, content []string) (Response, bool, error) {
	quotes, err := r.deps.Facts.Quotes(ctx, p.ID, 50)
	if err != nil {
		return Response{}, false, err
	}
	var topic []string
	for _, w := range content {
		if !saidAbout.MatchString(w) {
			topic = append(topic, w)
		}
	}
	// The topic may be another person ("What did Obama say about Jobs?").
	aboutPerson := func(q news.QuoteFact) bool {
		for _, o := range about {
			if mentions(q.Text, o) || mentions(q.Source.Sentence, o) {
				return true
			}
		}
		return false
	}
	var picked []news.QuoteFact
	for _, q := range quotes {
		if len(topic) == 0 && len(about) == 0 || len(topic) > 0 && coverage(topic, q.Text+" "+q.Source.Sentence) > 0 || aboutPerson(q) {
			picked = append(picked, q)
		}
	}
	for _, o := range about {
		topic = append(topic, o.Name)
	}
	title := "What " + p.Name + " said"
	note := ""
	if len(picked) == 0 {
		if len(quotes) == 0 {
			return Response{}, false, nil
		}
		// Nothing on the topic: say so, and show what the person did say.
		picked = quotes
		note = fmt.Sprintf("None of %s's stored quotes mentions %s. Everything %s is quoted as saying:", md(p.Name), md(strings.Join(topic, " ")), md(p.Name))
	}
	e := quotesEmbed(title, picked[:min(len(picked), quotesShown)], false)
	e.Description = note
	return Response{Embeds: []Embed{e}}, true, nil
}

// answerSearch answers from the sentences that contain most of the
// question's words, best bm25 rank first. When the question names people
// (typed, the words of their names), a sentence must also have most of
// the other content words: naming the person is not enough ("Who
// succeeds X?" is not answered by any sentence about X).
// searchHits runs queries in order, perQuery hits each, and keeps the hits
// keep accepts, once per key, stopping after a query that brought the total
// to three.
func (r *Router) searchHits(ctx context.Context, queries []string, perQuery int, key func(news.SearchHit) string, keep func(news.SearchHit) bool) ([]news.SearchHit, error) {
	var hits []news.SearchHit
	seen := map[string]bool{}
	for _, q := range queries {
		hs, _, err := r.deps.Facts.Search(ctx, q, 0, perQuery)
		if err != nil {
			return nil, err
		}
		for _, h := range hs {
			k := key(h)
			if seen[k] || !keep(h) {
				continue
			}
			seen[k] = true
			hits = append(hits, h)
		}
		if len(hits) >= 3 {
			break
		}
	}
	return hits, nil
}

func (r *Router) answerSearch(ctx context.Context, q string, topic, typed, proper []string) (Response, bool, error) {
	content := append(append([]string{}, topic...), typed...)
	if len(content) == 0 {
		return Response{}, false, nil
	}
	queries := []string{strings.Join(content, " ")}
	if len(content) > 2 {
		// Every word must match in one query: also try leaving one out.
		for i := range content {
			rest := append(append([]string{}, content[:i]...), content[i+1:]...)
			queries = append(queries, strings.Join(rest, " "))
		}
	}
	hits, err := r.searchHits(ctx, queries, 5,
		func(h news.SearchHit) string {
			return fmt.Sprintf("%d:%d", h.Citation.Article.ID, h.Citation.SentenceIndex)
		},
		func(h news.SearchHit) bool {
			// A dateline or a label ("BOISE, Idaho (AP) —") is no answer.
			return len(words(h.Citation.Sentence)) >= minAnswerWords &&
				coverage(content, h.Citation.Sentence) >= minCoverage && hasAll(proper, h.Citation.Sentence) &&
				!(len(typed) > 0 && len(topic) > 0 && coverage(topic, h.Citation.Sentence) < minCoverage)
		})
	if err != nil {
		return Response{}, false, err
	}
	if len(hits) == 0 {
		return Response{}, false, nil
	}
	sort.SliceStable(hits, func(i, j int) bool {
		ci, cj := coverage(content, hits[i].Citation.Sentence), coverage(content, hits[j].Citation.Sentence)
		if ci != cj {
			return ci > cj
		}
		return hits[i].Score < hits[j].Score
	})
	e := Embed{Title: Cut(q, MaxTitle), Description: "The stored sentences that best match the question:", Color: colorAnswer}
	for _, h := range hits[:min(3, len(hits))] {
		// The title heads the field; the value links it without repeating it.
		value := "“" + md(Cut(oneLine(h.Citation.Sentence), 700)) + "”"
		if u := linkURL(h.Citation.Article); u != "" {
			value += "\n[Read the article](" + u + ")"
		}
		e.Fields = append(e.Fields, Field{
			Name:  Cut(articleTitle(h.Citation.Article), 200) + " · " + plainDate(h.Citation.Article),
			Value: value,
		})
	}
	return Response{Embeds: []Embed{e}}, true, nil
}

// plainDate is the article date for places where markdown does not
// render, such as field names.
func plainDate(a news.ArticleRef) string {
	d := articleDate(a)
	if strings.HasPrefix(d, "added <t:") {
		return "undated"
	}
	return d
}
