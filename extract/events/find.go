package events

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdesk/news"
)

// clean maps typographic quotes and dashes to ASCII so that names and
// cues match; events work in the cleaned sentence's coordinates.
func clean(s string) string {
	c, _ := cleanMap(s)
	return c
}

// cleanMap cleans s and returns, for every byte offset of s, the offset of
// the same place in the cleaned text.
func cleanMap(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	m := make([]int, len(s)+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		for k := i; k < i+size; k++ {
			m[k] = b.Len()
		}
		switch r {
		case '\u2019', '\u2018':
			b.WriteByte('\'')
		case '\u201c', '\u201d':
			b.WriteByte('"')
		case '\u2014', '\u2013':
			b.WriteString(" - ")
		case '\u00a0':
			b.WriteByte(' ')
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	m[len(s)] = b.Len()
	return b.String(), m
}

var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gov": true, "sen": true, "rep": true, "gen": true,
	"lt": true, "col": true, "capt": true, "sgt": true, "no": true, "inc": true, "corp": true, "co": true, "ltd": true,
	"jr": true, "sr": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true, "vs": true,
}

// tokenize splits cleaned text into words and punctuation marks. Words
// keep inner hyphens, apostrophes and periods ("Ji-hoon", "U.S"), and an
// abbreviation keeps its final period ("U.S.", "Mr.").
func tokenize(s string) []tok {
	var toks []tok
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !alnum(r) {
			toks = append(toks, tok{low: s[i : i+size], start: i, end: i + size})
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if alnum(r) {
				j += size
				continue
			}
			if strings.ContainsRune("-'.&", r) && j+size < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j+size:]); alnum(r2) {
					j += size
					continue
				}
			}
			break
		}
		w := s[i:j]
		lw := strings.ToLower(w)
		if j < len(s) && s[j] == '.' && (strings.Contains(w, ".") || abbrev[lw] || len(w) == 1 && unicode.IsUpper(r)) {
			j++
		}
		t := tok{start: i, end: j, word: true, upper: unicode.IsUpper(r)}
		if strings.HasSuffix(lw, "'s") {
			t.poss = true
			lw = strings.TrimSuffix(lw, "'s")
		}
		t.low = strings.TrimSuffix(lw, ".")
		toks = append(toks, t)
		i = j
	}
	return toks
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

var relativeWords = map[string]bool{"who": true, "which": true, "where": true, "whom": true, "whose": true}

var auxiliaries = map[string]bool{"will": true, "would": true, "is": true, "was": true, "are": true, "were": true, "has": true, "have": true, "had": true, "then": true, "could": true, "can": true, "may": true, "might": true, "should": true}

var conjWords = map[string]bool{"and": true, "but": true, "while": true, "whereas": true, "although": true, "though": true, "because": true, "so": true, "yet": true}

// pastVerb reports whether a token looks like a past-tense verb that can
// start a second verb phrase: "was born on X and died on Y".
func pastVerb(t tok) bool {
	w := t.low
	if !t.word || t.upper || len(w) < 4 || !strings.HasSuffix(w, "ed") || notPast[w] {
		return false
	}
	return !strings.ContainsAny(w, "-'.")
}

// clauses numbers the clauses of a sentence: a new clause starts at ";",
// ":", a dash, "but", and a comma before a conjunction; a relative clause
// (", who ...,") gets its own number and the clause around it resumes after
// its closing comma.
func clauses(toks []tok) {
	cur, next, saved, inRel := 0, 1, 0, false
	for k := range toks {
		t := toks[k].low
		switch {
		case t == ",":
			nx := ""
			if k+1 < len(toks) {
				nx = toks[k+1].low
			}
			if inRel {
				cur, inRel = saved, false
			}
			switch {
			case relativeWords[nx]:
				saved, cur, inRel = cur, next, true
				next++
			case conjWords[nx]:
				cur = next
				next++
			}
		case t == ";" || t == ":" || t == "-" && !toks[k].word:
			cur, inRel = next, false
			next++
		case t == "but":
			if !inRel {
				cur = next
				next++
			}
		case t == "and" && k+1 < len(toks) && (auxiliaries[toks[k+1].low] || !inRel && pastVerb(toks[k+1])):
			// "accepted the resignation and will address the nation":
			// a second verb phrase with its own time.
			cur = next
			next++
		}
		toks[k].clause = cur
	}
}

// prepare tokenises sentence i and finds its people, places,
// organisations and time expressions.
func (f *finder) prepare(i int, s news.Sentence) *sent {
	text, offsets := cleanMap(s.Text)
	sn := &sent{idx: i, text: text}
	sn.toks = tokenize(sn.text)
	clauses(sn.toks)
	sn.blockers = make([]int32, len(sn.toks)+1)
	for k := range sn.toks {
		sn.blockers[k+1] = sn.blockers[k]
		if st, _ := sn.cueAt(k); st == "blocker" {
			sn.blockers[k+1]++
		}
	}
	var spans []span
	add := func(ids []int) {
		for _, id := range ids {
			e := f.ents[id]
			for _, name := range e.names {
				for _, sp := range sn.find(name) {
					sp.name, sp.kind = e.name, e.kind
					spans = append(spans, sp)
				}
			}
		}
	}
	add(f.always)
	add(f.bySentence[i])
	if f.here != "" {
		for k, t := range sn.toks {
			if t.low == "here" && !t.upper {
				spans = append(spans, span{start: k, end: k + 1, name: f.here, kind: here})
			}
		}
	}
	sort.SliceStable(spans, func(a, b int) bool {
		if spans[a].start != spans[b].start {
			return spans[a].start < spans[b].start
		}
		return spans[a].end-spans[a].start > spans[b].end-spans[b].start
	})
	end := -1
	sn.entAt = make([]int32, len(sn.toks))
	for k := range sn.entAt {
		sn.entAt[k] = -1
	}
	for _, sp := range spans {
		if sp.start >= end {
			for k := sp.start; k < sp.end; k++ {
				sn.entAt[k] = int32(len(sn.entities))
			}
			sn.entities = append(sn.entities, sp)
			end = sp.end
		}
	}
	sn.inTimex = make([]bool, len(sn.toks))
	for _, t := range f.in.Timexes {
		if t.Sentence != i {
			continue
		}
		hint := t.Start - s.Start
		if hint >= 0 && hint <= len(s.Text) {
			hint = offsets[hint]
		}
		if a, b, ok := sn.locate(clean(t.Text), hint); ok {
			sn.timexes = append(sn.timexes, tspan{start: a, end: b, typ: t.Type, val: t.Value})
			for k := a; k < b; k++ {
				sn.inTimex[k] = true
			}
		}
	}
	sort.SliceStable(sn.timexes, func(a, b int) bool { return sn.timexes[a].start < sn.timexes[b].start })
	return sn
}

// entity is a person, organisation or place with the spellings to look
// for in the text.
type entity struct {
	name  string
	names []string
	kind  int
}

// index gathers the article's people, organisations and places, and
// indexes them by the sentences that mention them; those without mention
// lists are looked for in every sentence.
func (f *finder) index() {
	f.bySentence = map[int][]int{}
	add := func(e entity, mentions []int) {
		if len(e.names) == 0 {
			return
		}
		id := len(f.ents)
		f.ents = append(f.ents, e)
		if len(mentions) == 0 {
			f.always = append(f.always, id)
		}
		for k, m := range mentions {
			if k == 0 || mentions[k-1] != m {
				f.bySentence[m] = append(f.bySentence[m], id)
			}
		}
	}
	for _, p := range f.in.People {
		e := entity{name: p.Name, kind: person}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if n = clean(strings.TrimSpace(n)); len(n) >= 2 && !slices.Contains(e.names, n) {
				e.names = append(e.names, n)
			}
		}
		add(e, p.Mentions)
	}
	for kind, es := range [][]news.Entity{org: f.in.Organizations, place: f.in.Places} {
		for _, x := range es {
			if n := clean(strings.TrimSpace(x.Name)); len(n) >= 2 {
				add(entity{name: x.Name, names: []string{n}, kind: kind}, x.Mentions)
			}
		}
	}
}

// find returns the token spans where name occurs as whole words.
func (s *sent) find(name string) []span {
	var out []span
	for from := 0; from < len(s.text); {
		k := strings.Index(s.text[from:], name)
		if k < 0 {
			break
		}
		a, b := from+k, from+k+len(name)
		from = b
		if r, _ := utf8.DecodeLastRuneInString(s.text[:a]); a > 0 && alnum(r) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s.text[b:]); b < len(s.text) && alnum(r) {
			continue
		}
		if ta, tb, ok := s.tokenSpan(a, b); ok {
			out = append(out, span{start: ta, end: tb})
		}
	}
	return out
}

// locate finds needle in the sentence at the occurrence nearest the byte
// offset hint, looking only near the hint so that the work stays linear.
func (s *sent) locate(needle string, hint int) (int, int, bool) {
	if needle == "" {
		return 0, 0, false
	}
	for _, width := range []int{64, 4096} {
		lo, hi := max(hint-width, 0), min(hint+len(needle)+width, len(s.text))
		if lo >= hi {
			continue
		}
		best, bestD := -1, 1<<30
		for from := lo; from < hi; {
			k := strings.Index(s.text[from:hi], needle)
			if k < 0 {
				break
			}
			a := from + k
			if d := abs(a - hint); d < bestD {
				best, bestD = a, d
			}
			from = a + 1
		}
		if best >= 0 {
			return s.tokenSpan(best, best+len(needle))
		}
	}
	return 0, 0, false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// tokenSpan maps a byte range to the tokens it touches.
func (s *sent) tokenSpan(a, b int) (int, int, bool) {
	ta := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].end > a })
	tb := ta
	for tb < len(s.toks) && s.toks[tb].start < b {
		tb++
	}
	return ta, tb, tb > ta
}
