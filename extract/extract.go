// Package extract is the language pipeline: it turns one article's text
// into facts. It is pure: text in, facts out; no database, no Discord.
//
// The stages run in a fixed order over plain values: clean (typography,
// with an offset map back to the input) → parts (headline, caption,
// dateline, byline) → sentences → tokens → people, places and
// organisations with roles → time expressions → events → quotes → summary.
// Every offset in the result is a byte offset into the input as given.
package extract

import (
	"strings"
	"time"
	"unicode/utf8"

	"factdesk/news"
)

// Options switches stages of the pipeline off; the zero value runs all.
type Options struct {
	NoTimexes bool
	NoEvents  bool
	NoQuotes  bool
	NoSummary bool
	// SummarySize is the number of summary sentences; 0 means 3.
	SummarySize int
}

// Extract runs the whole pipeline over doc. Offsets in the result are byte
// offsets into the original input (doc.Offset bytes of front matter, then
// doc.Text).
func Extract(doc news.Document) news.Extraction {
	return ExtractWith(doc, Options{})
}

// ExtractWith runs the pipeline with some stages switched off. An input
// longer than a window is read in paragraph-aligned windows (see window.go)
// so that memory stays bounded.
func ExtractWith(doc news.Document, opt Options) news.Extraction {
	if len(doc.Text) > windowSize {
		return extractWindows(doc, opt)
	}
	ex := extractOne(doc, opt, nil)
	nonNil(&ex)
	return ex
}

// extractOne runs the pipeline over one window; known carries the people
// of earlier windows, nil for the first.
func extractOne(doc news.Document, opt Options, known *carry) news.Extraction {
	a := newAnalysis(doc)
	if known != nil {
		a.cont, a.known = true, known.names
	}
	a.parts()
	if a.doc.Published == "" && a.datelineDate != "" {
		// "SAN JOSE, Calif., Aug. 21, 2024 --": the dateline dates the
		// article when nothing else does.
		a.doc.Published = a.datelineDate
	}
	a.scan()
	a.resolvePeople()
	ex := news.Extraction{
		Path: doc.Path, Published: a.doc.Published, Title: doc.Title, Dateline: a.dateline,
		Authors: a.authorNames(), Sentences: a.outSentences(),
	}
	if ex.Title == "" {
		for _, s := range a.sents {
			if s.kind == news.KindHeadline {
				ex.Title = strings.Clone(a.text[s.s:s.e])
				break
			}
		}
	}
	ex.People = a.outPeople()
	ex.Places = a.places.out()
	ex.Organizations = a.orgs.out()
	if !opt.NoQuotes {
		ex.Quotes = a.quotes()
	}
	// The first pass's records are done with; let a long input's memory go
	// before the time and event stages.
	a.mentions, a.extras, a.reported, a.placeCands, a.toks = nil, nil, nil, nil, nil
	if !opt.NoTimexes {
		ex.Timexes = a.timexes()
	}
	if !opt.NoEvents {
		ex.Events = a.events(ex)
	}
	if !opt.NoSummary {
		n := opt.SummarySize
		if n <= 0 {
			n = 3
		}
		ex.Summary = a.summary(n, ex.People, ex.Events)
	}
	return ex
}

// nonNil makes empty lists encode as [] rather than null.
func nonNil(ex *news.Extraction) {
	if ex.Authors == nil {
		ex.Authors = []string{}
	}
	if ex.Sentences == nil {
		ex.Sentences = []news.Sentence{}
	}
	if ex.People == nil {
		ex.People = []news.Person{}
	}
	if ex.Organizations == nil {
		ex.Organizations = []news.Entity{}
	}
	if ex.Places == nil {
		ex.Places = []news.Entity{}
	}
	if ex.Timexes == nil {
		ex.Timexes = []news.Timex{}
	}
	if ex.Events == nil {
		ex.Events = []news.Event{}
	}
	if ex.Quotes == nil {
		ex.Quotes = []news.Quote{}
	}
	if ex.Summary == nil {
		ex.Summary = []int{}
	}
}

// sent is one sentence in cleaned coordinates.
type sent struct {
	span
	kind string
	para int
}

// analysis is the state of one run of the pipeline.
type analysis struct {
	x        *lexicon
	doc      news.Document
	text     string // cleaned text
	om       *offsetMap
	paras    []span
	sents    []sent
	dateline string
	// datelineDate is the full date a dateline gives, YYYY-MM-DD or "".
	datelineDate string
	authors      []author
	toks         []token // reused per sentence

	mentions   []mention
	reported   []reported
	placeCands []placeCand
	places     entitySet
	orgs       entitySet
	acronyms   map[string]string // "EADS" -> the full name defined before "(EADS)"
	// countryAt lists the countries each sentence names by place or
	// nationality adjective, for the nationality of bare titles.
	countryAt []sentCountry
	// trailerFrom is the first sentence of the teasers after the story
	// ("Featured Articles"), which name no one in it; 0 when none.
	trailerFrom int
	// adminCountry is the country of the last "<country> administration"
	// or "presidency", for "the administration of X".
	adminCountry string
	extras       []mentionExtra
	natCount     map[string]int // country -> mentions by nationality adjective
	cont         bool           // a later window: no headline or dateline
	known        []string       // full names of people from earlier windows
	clsBuf       []int
	people       []*person
	genders      []byte // per person: 'm', 'f', 0 unknown, '?' not yet known
	pronoun      byte   // the gender of the last pronoun speaker read
}

// sentCountry is a country named in a sentence.
type sentCountry struct {
	sent    int
	country string
}

// author is a name from a byline with the role the byline gives.
type author struct {
	name, role string
	sent       int
}

func newAnalysis(doc news.Document) *analysis {
	a := &analysis{x: words(), doc: doc, natCount: map[string]int{}}
	a.text, a.om = clean(doc.Text)
	a.places.init()
	a.orgs.init()
	return a
}

// origStart maps a cleaned start offset to doc.Text, at a character
// boundary.
func (a *analysis) origStart(p int) int {
	o := a.om.orig(p)
	for o > 0 && o < len(a.doc.Text) && !utf8.RuneStart(a.doc.Text[o]) {
		o--
	}
	return o
}

// origEnd maps a cleaned end offset to doc.Text, at a character boundary
// (a span that ends inside a dash ends after it).
func (a *analysis) origEnd(p int) int {
	if p <= 0 {
		return a.om.orig(0)
	}
	// Just after the last kept character: text dropped right after it
	// (Markdown link targets, zero-width characters) is not included.
	o := a.om.orig(p-1) + 1
	for o < len(a.doc.Text) && !utf8.RuneStart(a.doc.Text[o]) {
		o++
	}
	return min(o, len(a.doc.Text))
}

// origText returns the input text behind the cleaned span.
func (a *analysis) origText(s, e int) string {
	os, oe := a.origStart(s), a.origEnd(e)
	if oe < os {
		return ""
	}
	return a.doc.Text[os:oe]
}

func (a *analysis) outSentences() []news.Sentence {
	out := make([]news.Sentence, len(a.sents))
	for i, s := range a.sents {
		out[i] = news.Sentence{Text: a.origText(s.s, s.e), Start: a.doc.Offset + a.origStart(s.s), End: a.doc.Offset + a.origEnd(s.e), Kind: s.kind}
	}
	return out
}

func (a *analysis) authorNames() []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range a.doc.Authors {
		if n = strings.TrimSpace(n); n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, au := range a.authors {
		if !seen[au.name] {
			seen[au.name] = true
			out = append(out, au.name)
		}
	}
	return out
}

// dct is the document creation time, zero when unknown.
func (a *analysis) dct() time.Time {
	t, err := time.Parse(time.DateOnly, a.doc.Published)
	if err != nil {
		return time.Time{}
	}
	return t
}

// entitySet accumulates places or organisations in first-seen order.
type entitySet struct {
	index map[string]int
	list  []news.Entity
}

func (e *entitySet) init() { e.index = map[string]int{} }

func (e *entitySet) add(name string, sentence int) {
	i, ok := e.index[name]
	if !ok {
		// A copy, so that the result does not keep the cleaned text alive.
		name = strings.Clone(name)
		i = len(e.list)
		e.index[name] = i
		e.list = append(e.list, news.Entity{Name: name})
	}
	m := e.list[i].Mentions
	if len(m) == 0 || m[len(m)-1] != sentence {
		e.list[i].Mentions = append(m, sentence)
	}
}

func (e *entitySet) out() []news.Entity { return e.list }
