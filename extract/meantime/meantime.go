// Package meantime reads the English MEANTIME corpus (NewsReader, Wikinews
// articles annotated with entities and TIMEX3 expressions) and scores the
// extraction pipeline against its gold annotations: people, time
// expressions, and summaries measured with ROUGE against the headline.
//
// Only MEANTIME sentences 0 to 5 carry annotations, so every scorer counts
// only system output that falls inside them.
package meantime

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Annotated is the number of leading MEANTIME sentences that carry gold
// annotations (sentence 0 is the headline, sentence 1 the date line).
const Annotated = 6

// Doc is one MEANTIME article rebuilt as plain text with its gold
// annotations. Offsets are byte offsets into Text.
type Doc struct {
	Name      string
	DCT       string // YYYY-MM-DD, from the CREATION_TIME TIMEX3
	Text      string
	Sentences []Span
	Persons   []Mention   // named mentions of PER entities in sentences 0-5
	Timexes   []GoldTimex // TIMEX3s anchored to tokens in sentences 0-5
}

// Span is one MEANTIME sentence of a Doc.
type Span struct {
	Index, Start, End int
}

// Mention is one named mention of a gold person. Entity is the corpus's
// descriptive name of the person the mention refers to ("Paul Nesbit"), so
// mentions can be grouped per person.
type Mention struct {
	Text                 string
	Sentence, Start, End int
	Entity               string
}

// GoldTimex is one gold TIMEX3 with its type and normalised value.
type GoldTimex struct {
	Text, Type, Value    string
	Sentence, Start, End int
}

// Headline returns the text of sentence 0.
func (d Doc) Headline() string { return d.sentence(0) }

func (d Doc) sentence(i int) string {
	if i < 0 || i >= len(d.Sentences) {
		return ""
	}
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// annotatedEnd is the byte offset where the annotated sentences end.
func (d Doc) annotatedEnd() int {
	if len(d.Sentences) == 0 {
		return 0
	}
	i := min(Annotated, len(d.Sentences)) - 1
	return d.Sentences[i].End
}

type xmlDoc struct {
	Name      string     `xml:"doc_name,attr"`
	Tokens    []xmlToken `xml:"token"`
	Markables struct {
		Mentions []xmlMarkable `xml:"ENTITY_MENTION"`
		Timexes  []xmlMarkable `xml:"TIMEX3"`
		Entities []xmlMarkable `xml:"ENTITY"`
	} `xml:"Markables"`
	Relations struct {
		RefersTo []xmlRelation `xml:"REFERS_TO"`
	} `xml:"Relations"`
}

type xmlToken struct {
	ID       string `xml:"t_id,attr"`
	Sentence int    `xml:"sentence,attr"`
	Text     string `xml:",chardata"`
}

type xmlMarkable struct {
	ID        string `xml:"m_id,attr"`
	Syntactic string `xml:"syntactic_type,attr"`
	EntType   string `xml:"ent_type,attr"`
	Desc      string `xml:"TAG_DESCRIPTOR,attr"`
	Type      string `xml:"type,attr"`
	Value     string `xml:"value,attr"`
	Function  string `xml:"functionInDocument,attr"`
	Anchors   []struct {
		ID string `xml:"t_id,attr"`
	} `xml:"token_anchor"`
}

type xmlRelation struct {
	Sources []struct {
		ID string `xml:"m_id,attr"`
	} `xml:"source"`
	Targets []struct {
		ID string `xml:"m_id,attr"`
	} `xml:"target"`
}

// Load reads every */*.xml file under dir, in name order.
func Load(dir string) ([]Doc, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if err != nil {
		return nil, fmt.Errorf("load meantime %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("load meantime %s: no */*.xml files", dir)
	}
	sort.Strings(paths)
	docs := make([]Doc, 0, len(paths))
	for _, p := range paths {
		d, err := loadFile(p)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func loadFile(path string) (Doc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Doc{}, fmt.Errorf("load meantime: %w", err)
	}
	var x xmlDoc
	if err := xml.Unmarshal(b, &x); err != nil {
		return Doc{}, fmt.Errorf("load meantime %s: %w", path, err)
	}
	return build(x), nil
}

type tokSpan struct{ sentence, start, end int }

func build(x xmlDoc) Doc {
	d := Doc{Name: x.Name}
	text, spans, sents := detokenise(x.Tokens)
	d.Text, d.Sentences = text, sents
	tok := make(map[string]tokSpan, len(x.Tokens))
	for i, t := range x.Tokens {
		tok[t.ID] = spans[i]
	}
	// extent returns the span covered by a markable's tokens.
	extent := func(m xmlMarkable) (tokSpan, bool) {
		var s tokSpan
		ok := false
		for _, a := range m.Anchors {
			t, found := tok[a.ID]
			if !found {
				continue
			}
			if !ok {
				s, ok = t, true
				continue
			}
			s.start, s.end = min(s.start, t.start), max(s.end, t.end)
		}
		return s, ok
	}

	for _, t := range x.Markables.Timexes {
		if t.Function == "CREATION_TIME" && len(t.Value) >= 10 {
			if _, err := time.Parse(time.DateOnly, t.Value[:10]); err == nil {
				d.DCT = t.Value[:10]
			}
		}
		s, ok := extent(t)
		if !ok || s.sentence >= Annotated {
			continue
		}
		d.Timexes = append(d.Timexes, GoldTimex{Text: text[s.start:s.end], Type: t.Type, Value: t.Value, Sentence: s.sentence, Start: s.start, End: s.end})
	}
	sort.Slice(d.Timexes, func(i, j int) bool { return d.Timexes[i].Start < d.Timexes[j].Start })
	if d.DCT == "" {
		// A few files lack the CREATION_TIME; their date line has it.
		if t, err := time.Parse("January 2, 2006", d.sentence(1)); err == nil {
			d.DCT = t.Format(time.DateOnly)
		}
	}

	person := map[string]string{} // entity id to its descriptive name
	for _, e := range x.Markables.Entities {
		if e.EntType == "PER" {
			person[e.ID] = strings.TrimSpace(e.Desc)
			if person[e.ID] == "" {
				person[e.ID] = "#" + e.ID
			}
		}
	}
	mention := map[string]xmlMarkable{}
	for _, m := range x.Markables.Mentions {
		mention[m.ID] = m
	}
	for _, r := range x.Relations.RefersTo {
		if len(r.Targets) == 0 || person[r.Targets[0].ID] == "" {
			continue
		}
		for _, src := range r.Sources {
			m, ok := mention[src.ID]
			if !ok || m.Syntactic != "NAM" {
				continue
			}
			s, ok := extent(m)
			if !ok || s.sentence >= Annotated {
				continue
			}
			d.Persons = append(d.Persons, Mention{Text: text[s.start:s.end], Sentence: s.sentence, Start: s.start, End: s.end, Entity: person[r.Targets[0].ID]})
		}
	}
	sort.Slice(d.Persons, func(i, j int) bool { return d.Persons[i].Start < d.Persons[j].Start })
	return d
}

// detokenise rebuilds plain text from MEANTIME tokens. The headline and the
// date line each stand on their own line followed by a blank line; body
// sentences are joined by spaces because the corpus keeps no paragraph
// breaks. PTB-style quotes become ASCII double quotes.
func detokenise(tokens []xmlToken) (string, []tokSpan, []Span) {
	var b strings.Builder
	spans := make([]tokSpan, len(tokens))
	var sents []Span
	prev := ""    // previous token in the sentence, "" at sentence start
	open := false // inside an ASCII double quote
	sent := -1
	for i, t := range tokens {
		w := t.Text
		opening := false
		switch w {
		case "``", "“":
			w, open, opening = `"`, true, true
		case "''", "”":
			w, open = `"`, false
		case `"`:
			open = !open
			opening = open
		case "’", "‘":
			w = "'"
		}
		if t.Sentence != sent {
			if sent >= 0 {
				sents[len(sents)-1].End = b.Len()
				if sent <= 1 {
					b.WriteString("\n\n")
				} else {
					b.WriteByte(' ')
				}
			}
			sent = t.Sentence
			sents = append(sents, Span{Index: sent, Start: b.Len()})
			prev = ""
		} else if space(prev, w, opening) {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(w)
		spans[i] = tokSpan{sentence: t.Sentence, start: start, end: b.Len()}
		prev = w
		if opening {
			prev = "(" // nothing follows an opening quote with a space
		}
	}
	if len(sents) > 0 {
		sents[len(sents)-1].End = b.Len()
	}
	return b.String(), spans, sents
}

// space reports whether a space goes between tokens prev and w.
func space(prev, w string, opening bool) bool {
	switch prev {
	case "(", "[", "$", "US$", "CA$", "£", "#", "`":
		return false
	}
	if opening {
		return true
	}
	if strings.HasSuffix(prev, "'") && len(prev) > 1 {
		switch w {
		case "ll", "re", "ve", "m", "d", "s", "t":
			return false // "I' ll" was split as "I'" "ll"
		}
		if len(prev) == 2 && prev[0] >= 'A' && prev[0] <= 'Z' {
			return false // "O' Leary"
		}
	}
	switch w {
	case ",", ".", ";", ":", ")", "]", "'", "?", "!", "%", `"`, "n't", "'s", "'re", "'ve", "'ll", "'m", "'d", "...":
		return false
	}
	return true
}
