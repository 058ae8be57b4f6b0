package store

import (
	"fmt"
	"math/rand"
	"strings"

	"factdesk/news"
)

// synth builds deterministic synthetic articles for benchmarks: made-up
// people, events and words, with people and events drawn from a Zipf
// distribution so that a few appear in many articles, as in real news.
type synth struct {
	r      *rand.Rand
	people []synthPerson
	pz     *rand.Zipf
	events []string
	ez     *rand.Zipf
	places []string
	orgs   []string
	words  []string
}

type synthPerson struct {
	name, last, role, nationality string
}

var (
	synthSyllables = strings.Fields("ka to mi ra shi ne lo vi an el jo ma ri su de ta ko ha yu ge bo len sa dor ik um pa")
	synthRoles     = []string{"foreign minister", "prime minister", "finance minister", "president", "acting president",
		"governor", "mayor", "chief executive", "spokesperson", "ambassador", "senator", "general", "judge", "coach"}
	synthNations = []string{"Japanese", "South Korean", "American", "French", "German", "Brazilian", "Kenyan", "Indian"}
	synthNouns   = []string{"summit", "inauguration", "election", "visit", "talks", "trial", "strike", "ceremony",
		"meeting", "conference"}
)

func newSynth(seed int64) *synth {
	g := &synth{r: rand.New(rand.NewSource(seed))}
	word := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(synthSyllables[g.r.Intn(len(synthSyllables))])
		}
		return b.String()
	}
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	seen := map[string]bool{}
	for len(g.people) < 5000 {
		first, last := title(word(2)), title(word(2+g.r.Intn(2)))
		name := first + " " + last
		if seen[name] {
			continue
		}
		seen[name] = true
		g.people = append(g.people, synthPerson{name: name, last: last,
			role: synthRoles[g.r.Intn(len(synthRoles))], nationality: synthNations[g.r.Intn(len(synthNations))]})
	}
	for len(g.places) < 40 {
		g.places = append(g.places, title(word(3)))
	}
	for len(g.orgs) < 60 {
		g.orgs = append(g.orgs, title(word(2))+" "+[]string{"Ministry", "Party", "Council", "Group"}[g.r.Intn(4)])
	}
	for _, p := range g.places {
		for _, n := range synthNouns {
			g.events = append(g.events, p+" "+n)
		}
	}
	for len(g.words) < 3000 {
		g.words = append(g.words, word(1+g.r.Intn(3)))
	}
	g.pz = rand.NewZipf(g.r, 1.2, 2, uint64(len(g.people)-1))
	g.ez = rand.NewZipf(g.r, 1.2, 2, uint64(len(g.events)-1))
	return g
}

// article returns synthetic article i: about 25 sentences, 6 people,
// 4 events, 3 quotes, a handful of time expressions, places and
// organisations.
func (g *synth) article(i int) (news.Document, news.Extraction) {
	published := fmt.Sprintf("20%02d-%02d-%02d", 15+i%10, 1+i%12, 1+i%28)
	var people []synthPerson
	seen := map[string]bool{}
	for len(people) < 6 {
		p := g.people[g.pz.Uint64()]
		if !seen[p.name] {
			seen[p.name] = true
			people = append(people, p)
		}
	}
	var b strings.Builder
	var sents []news.Sentence
	add := func(kind, text string) int {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		start := b.Len()
		b.WriteString(text)
		sents = append(sents, news.Sentence{Text: text, Start: start, End: b.Len(), Kind: kind})
		return len(sents) - 1
	}
	filler := func(n int) string {
		ws := make([]string, n)
		for k := range ws {
			ws[k] = g.words[g.r.Intn(len(g.words))]
		}
		return strings.Join(ws, " ")
	}
	ex := news.Extraction{Published: published}
	add(news.KindHeadline, fmt.Sprintf("%s %s in story %d", people[0].last, filler(5), i))
	for _, p := range people {
		idx := add(news.KindBody, fmt.Sprintf("%s %s %s %s.", p.nationality, p.role, p.name, filler(18)))
		later := add(news.KindBody, fmt.Sprintf("%s %s.", p.last, filler(20)))
		ex.People = append(ex.People, news.Person{Name: p.name, Aliases: []string{p.last}, Roles: []string{p.role},
			Nationality: p.nationality, Mentions: []int{idx, later}, Facts: []news.PersonFact{
				{Kind: news.FactRole, Value: p.role, Sentence: idx},
				{Kind: news.FactNationality, Value: p.nationality, Sentence: idx}}})
	}
	for k := 0; k < 4; k++ {
		name := g.events[g.ez.Uint64()]
		p := people[g.r.Intn(len(people))]
		date := fmt.Sprintf("%s-%02d", published[:7], 1+g.r.Intn(28))
		idx := add(news.KindBody, fmt.Sprintf("%s will attend the %s on %s %s.", p.last, name, date, filler(10)))
		ex.Events = append(ex.Events, news.Event{Name: name, Text: "attend the " + name, Date: date,
			Place: strings.Fields(name)[0], Participants: []string{p.last}, Sentence: idx, Status: news.StatusScheduled})
		ex.Timexes = append(ex.Timexes, news.Timex{Text: date, Type: news.TimexDate, Value: date, Sentence: idx})
	}
	for k := 0; k < 3; k++ {
		p := people[g.r.Intn(len(people))]
		q := filler(12)
		idx := add(news.KindBody, fmt.Sprintf("%q, %s said.", q, p.last))
		ex.Quotes = append(ex.Quotes, news.Quote{Speaker: p.last, Text: q, Direct: true, Sentence: idx})
	}
	for len(sents) < 26 {
		add(news.KindBody, filler(22)+".")
	}
	for k := 0; k < 3; k++ {
		ex.Places = append(ex.Places, news.Entity{Name: g.places[g.r.Intn(len(g.places))], Mentions: []int{1 + k}})
		ex.Organizations = append(ex.Organizations, news.Entity{Name: g.orgs[g.r.Intn(len(g.orgs))], Mentions: []int{2 + k}})
	}
	ex.Sentences = sents
	ex.Summary = []int{1, 2, 3}
	doc := news.Document{Path: fmt.Sprintf("synth/%d.txt", i), Title: sents[0].Text,
		URL: fmt.Sprintf("https://news.example/%d", i), Published: published, Text: b.String()}
	return doc, ex
}
