// Package events finds events in a news article: meetings, visits,
// inaugurations, elections, declarations and the like, each with the date,
// place, participants and status of its clause. Triggers are verbs and
// nominalisations from an embedded word list (triggers.txt); statuses come
// from cue words (cues.txt), the tense, and the date against the
// publication date.
package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"factdesk/news"
)

// Input is what Find needs from the rest of the pipeline. Offsets of
// Timexes are byte offsets into the same input as the Sentences'.
type Input struct {
	Sentences     []news.Sentence
	People        []news.Person
	Places        []news.Entity
	Organizations []news.Entity
	Timexes       []news.Timex
	Published     string // YYYY-MM-DD
	Dateline      string // the dateline's place ("LIMA"), which "here" refers to
}

// Find returns the article's events in text order, one per distinct event:
// mentions of the same event (same name and date, or an undated mention
// whose participants are among a dated one's) are merged into the first.
func Find(in Input) []news.Event {
	f := finder{in: in, here: hereName(in)}
	f.index()
	var all []*cand
	prevBody := -1
	for i, s := range in.Sentences {
		if s.Kind != "" && s.Kind != news.KindBody {
			continue
		}
		sn := f.prepare(i, s)
		got := f.sentence(sn, all)
		if prevBody >= 0 && len(sn.timexes) == 0 {
			f.inherit(got, prevBody)
		}
		all = append(all, got...)
		f.prev = sn
		prevBody = i
		if p := sn.lastPerson(); p != "" {
			f.lastPerson = p
		}
	}
	return merge(all)
}

type tok struct {
	low        string
	start, end int
	word       bool
	upper      bool
	poss       bool // ends in 's
	clause     int
}

type span struct {
	start, end int // token indexes, end exclusive
	name       string
	kind       int
}

const (
	person = iota
	place
	org
	here
)

type tspan struct {
	start, end int // token indexes
	typ, val   string
}

type sent struct {
	idx      int
	text     string
	toks     []tok
	entities []span  // people, places, organisations and "here", by start
	entAt    []int32 // per token: index into entities, or -1
	timexes  []tspan // by start
	inTimex  []bool  // per token: inside a time expression
	blockers []int32 // blockers[k]: how many blockers start before token k
}

type cand struct {
	ev       news.Event
	weak     bool // status chosen by default, not by a cue, tense or date
	noun     bool // the trigger is a nominal ("meeting"), not a verb ("met")
	owned    bool // a possessor names whose it is: "Berlin's offensive"
	timed    bool // it has a date expression, maybe one with no year
	definite bool // "the meeting", "this visit": maybe an event already named
	main     bool // a finite verb of the sentence's first clause
}

// bare reports whether the mention has no date, place or participant.
func (c *cand) bare() bool {
	return c.ev.Date == "" && c.ev.Place == "" && len(c.ev.Participants) == 0
}

type finder struct {
	in         Input
	here       string
	prev       *sent
	lastPerson string
	ents       []entity
	bySentence map[int][]int // sentence index to entities mentioned there
	always     []int         // entities with no mention list
}

// hereName maps the dateline to a place entity's spelling when one
// matches ("LIMA" becomes "Lima").
func hereName(in Input) string {
	d := strings.TrimSpace(in.Dateline)
	if d == "" {
		return ""
	}
	for _, p := range in.Places {
		if strings.EqualFold(p.Name, d) {
			return p.Name
		}
	}
	words := strings.Fields(strings.ToLower(d))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// lastPerson returns the person a following "he" or "she" most likely
// means: the sentence's subject when a person opens the sentence
// ("President X and his wife, Y, arrived ... He met ..."), else the last
// person named.
func (s *sent) lastPerson() string {
	last := ""
	for i, e := range s.entities {
		if e.kind != person {
			continue
		}
		if last == "" && e.start <= 4 && !s.subjectAfter(i) {
			return e.name
		}
		last = e.name
	}
	return last
}

// subjectAfter reports whether the person entity i is only a modifier of
// a later subject ("Smith's wife, X, ..."): a possessive follows it.
func (s *sent) subjectAfter(i int) bool {
	e := s.entities[i]
	return e.end > 0 && e.end <= len(s.toks) && s.toks[e.end-1].poss || e.end < len(s.toks) && s.toks[e.end].poss
}

func (s *sent) low(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].low
}

// concrete reports whether a TIMEX3 value names a calendar date or period
// ("2025-01-20", "2024-12", "2025"), not a reference or a placeholder.
func concrete(v string) bool {
	return len(v) >= 4 && v[0] >= '0' && v[0] <= '9' && !strings.Contains(v[:4], "X")
}

// eventDate turns a timex value into an event date: a time keeps its day;
// references other than the present are kept; placeholders are dropped.
func eventDate(typ, v string) string {
	switch {
	case typ != news.TimexDate && typ != news.TimexTime:
		return ""
	case v == "PAST_REF" || v == "FUTURE_REF":
		return v
	case !concrete(v):
		return ""
	case len(v) > 10 && v[10] == 'T':
		return v[:10]
	}
	return v
}
