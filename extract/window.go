package extract

import (
	"strings"

	"factdesk/news"
)

// windowSize is the most text read at once. News articles are far
// shorter; a longer input is read in windows that end at a paragraph
// break, and people named in earlier windows stay known, so that a
// surname alone still resolves to the full name.
const windowSize = 64 << 10

// carry is what a window hands to the next.
type carry struct {
	names []string
	seen  map[string]bool
}

// extractWindows reads doc in windows and merges their results.
func extractWindows(doc news.Document, opt Options) news.Extraction {
	ex := news.Extraction{Path: doc.Path, Published: doc.Published, Title: doc.Title}
	known := &carry{seen: map[string]bool{}}
	people := map[string]int{}
	places := map[string]int{}
	orgs := map[string]int{}
	authors := map[string]bool{}
	for off, first := 0, true; off < len(doc.Text); first = false {
		end := windowEnd(doc.Text, off)
		d := doc
		d.Text, d.Offset = doc.Text[off:end], doc.Offset+off
		o := opt
		var part news.Extraction
		if first {
			part = extractOne(d, o, nil)
			ex.Title, ex.Dateline, ex.Summary = part.Title, part.Dateline, part.Summary
			if doc.Published == "" {
				doc.Published, ex.Published = part.Published, part.Published // from the dateline
			}
		} else {
			o.NoSummary = true
			part = extractOne(d, o, known)
		}
		base := len(ex.Sentences)
		ex.Sentences = append(ex.Sentences, part.Sentences...)
		for _, a := range part.Authors {
			if !authors[a] {
				authors[a] = true
				ex.Authors = append(ex.Authors, a)
			}
		}
		for _, p := range part.People {
			shiftInts(p.Mentions, base)
			for i := range p.Facts {
				p.Facts[i].Sentence += base
			}
			i, ok := people[p.Name]
			if !ok {
				people[p.Name] = len(ex.People)
				ex.People = append(ex.People, p)
				if !known.seen[p.Name] && strings.Contains(p.Name, " ") {
					known.seen[p.Name] = true
					known.names = append(known.names, p.Name)
				}
				continue
			}
			mergePerson(&ex.People[i], p)
		}
		ex.Places = mergeEntities(ex.Places, part.Places, places, base)
		ex.Organizations = mergeEntities(ex.Organizations, part.Organizations, orgs, base)
		for _, t := range part.Timexes {
			t.Sentence += base
			ex.Timexes = append(ex.Timexes, t)
		}
		for _, e := range part.Events {
			e.Sentence += base
			ex.Events = append(ex.Events, e)
		}
		for _, q := range part.Quotes {
			q.Sentence += base
			ex.Quotes = append(ex.Quotes, q)
		}
		off = end
	}
	nonNil(&ex)
	return ex
}

// windowEnd returns where the window starting at off ends: at the last
// paragraph break (or, failing that, line break or space) before
// off+windowSize, or at the end of the text.
func windowEnd(t string, off int) int {
	if len(t)-off <= windowSize {
		return len(t)
	}
	lim := off + windowSize
	for _, sep := range []string{"\n\n", "\n", ". ", " "} {
		if i := strings.LastIndex(t[off+windowSize/2:lim], sep); i >= 0 {
			return off + windowSize/2 + i + len(sep)
		}
	}
	return lim
}

func shiftInts(l []int, by int) {
	for i := range l {
		l[i] += by
	}
}

func mergePerson(p *news.Person, q news.Person) {
	for _, a := range q.Aliases {
		if !contains(p.Aliases, a) {
			p.Aliases = append(p.Aliases, a)
		}
	}
	for _, r := range q.Roles {
		if !contains(p.Roles, r) {
			p.Roles = append(p.Roles, r)
		}
	}
	for _, d := range q.Descriptions {
		if !contains(p.Descriptions, d) {
			p.Descriptions = append(p.Descriptions, d)
		}
	}
	if p.Nationality == "" {
		p.Nationality = q.Nationality
	}
	p.Mentions = append(p.Mentions, q.Mentions...)
	for _, f := range q.Facts {
		if !hasFact(p.Facts, f) {
			p.Facts = append(p.Facts, f)
		}
	}
}

// hasFact reports whether facts already state f's kind and value; a long
// input repeats them, and the first sentence is provenance enough.
func hasFact(facts []news.PersonFact, f news.PersonFact) bool {
	for _, g := range facts {
		if g.Kind == f.Kind && g.Value == f.Value {
			return true
		}
	}
	return false
}

func mergeEntities(into, from []news.Entity, index map[string]int, base int) []news.Entity {
	for _, e := range from {
		shiftInts(e.Mentions, base)
		if i, ok := index[e.Name]; ok {
			into[i].Mentions = append(into[i].Mentions, e.Mentions...)
			continue
		}
		index[e.Name] = len(into)
		into = append(into, e)
	}
	return into
}
