package meantime

import (
	"fmt"
	"strings"
	"unicode"

	"factdesk/news"
)

// Extractor is the function under test, such as extract.Extract.
type Extractor func(news.Document) news.Extraction

// Document returns the input the scorers feed the extractor: Title is left
// empty so that the pipeline finds the headline on the first line, and
// Published is the document creation time.
func (d Doc) Document() news.Document {
	return news.Document{Path: d.Name, Published: d.DCT, Text: d.Text}
}

// Score is a precision/recall/F1 count.
type Score struct {
	Gold, System, Matched int // Matched counts gold items found; see the scorers
	Precision, Recall, F1 float64
}

func (s *Score) finish(sysMatched int) {
	if s.System > 0 {
		s.Precision = float64(sysMatched) / float64(s.System)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Matched) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// ScorePeople scores people with relaxed matching, per document over
// distinct people: a gold person is found when a system person mentioned in
// sentences 0-5 has a name or alias sharing the gold person's last name
// token; a system person mentioned there that shares no gold person's last
// name token is a false positive.
func ScorePeople(docs []Doc, ex Extractor) Score {
	var s Score
	sysMatched := 0
	for _, d := range docs {
		x := ex(d.Document())
		gold := goldSurnames(d)
		var sys [][]string // name tokens of each system person in scope
		for _, p := range x.People {
			if !inScope(d, x, p.Mentions) {
				continue
			}
			toks := nameTokens(p.Name)
			for _, a := range p.Aliases {
				toks = append(toks, nameTokens(a)...)
			}
			sys = append(sys, toks)
		}
		s.Gold += len(gold)
		s.System += len(sys)
		for _, g := range gold {
			for _, toks := range sys {
				if contains(toks, g) {
					s.Matched++
					break
				}
			}
		}
		for _, toks := range sys {
			for _, g := range gold {
				if contains(toks, g) {
					sysMatched++
					break
				}
			}
		}
	}
	s.finish(sysMatched)
	return s
}

// goldSurnames returns the last name token of each gold person, taken from
// the corpus's descriptive name with parentheticals and generational
// suffixes removed ("Michael O'Leary (CEO of Ryanair)" gives "o'leary").
// Entities whose name is not capitalised ("board of directors") are groups,
// not named people, and are skipped.
func goldSurnames(d Doc) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range d.Persons {
		if seen[m.Entity] {
			continue
		}
		seen[m.Entity] = true
		if s := surname(m.Entity); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func surname(name string) string {
	for {
		i := strings.IndexByte(name, '(')
		j := strings.IndexByte(name, ')')
		if i < 0 || j < i {
			break
		}
		name = name[:i] + name[j+1:]
	}
	f := strings.Fields(name)
	for len(f) > 0 {
		switch strings.TrimSuffix(f[len(f)-1], ".") {
		case "Jr", "Sr", "II", "III", "IV":
			f = f[:len(f)-1]
			continue
		}
		break
	}
	if len(f) == 0 {
		return ""
	}
	last := f[len(f)-1]
	if r := []rune(last)[0]; !unicode.IsUpper(r) {
		return ""
	}
	toks := nameTokens(last)
	if len(toks) == 0 {
		return ""
	}
	return toks[len(toks)-1]
}

// nameTokens splits a name into lower-case word tokens, dropping a
// possessive 's.
func nameTokens(name string) []string {
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	f := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
	return f
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// inScope reports whether any of the sentence indexes (into x.Sentences)
// starts inside the annotated sentences of d.
func inScope(d Doc, x news.Extraction, mentions []int) bool {
	end := d.annotatedEnd()
	for _, i := range mentions {
		if i >= 0 && i < len(x.Sentences) && x.Sentences[i].Start < end {
			return true
		}
	}
	return false
}

// sentenceAt returns the sentence holding byte offset off.
func (d Doc) sentenceAt(off int) string {
	for _, s := range d.Sentences {
		if off >= s.Start && off < s.End {
			return d.Text[s.Start:s.End]
		}
	}
	return ""
}

// TimexScore is TIMEX3 detection with overlap matching, and the accuracy of
// value and type over the matched pairs.
type TimexScore struct {
	Detection                 Score
	ValueCorrect, TypeCorrect int
	ValueAccuracy             float64
	TypeAccuracy              float64
	// Errors lists misses, false alarms and wrong values, one line each,
	// for inspection.
	Errors []string
}

// ScoreTimex scores the system's time expressions against gold TIMEX3s in
// sentences 0-5. A system timex matches a gold one when their byte ranges
// overlap; each is matched at most once.
func ScoreTimex(docs []Doc, ex Extractor) TimexScore {
	var s TimexScore
	for _, d := range docs {
		x := ex(d.Document())
		end := d.annotatedEnd()
		var sys []news.Timex
		for _, t := range x.Timexes {
			if t.Start < end {
				sys = append(sys, t)
			}
		}
		s.Detection.Gold += len(d.Timexes)
		s.Detection.System += len(sys)
		used := make([]bool, len(sys))
		for _, g := range d.Timexes {
			found := -1
			for i, t := range sys {
				if !used[i] && t.Start < g.End && g.Start < t.End {
					found = i
					break
				}
			}
			if found < 0 {
				s.Errors = append(s.Errors, fmt.Sprintf("%s: missed %q %s %s in %q", d.Name, g.Text, g.Type, g.Value, d.sentence(g.Sentence)))
				continue
			}
			used[found] = true
			t := sys[found]
			s.Detection.Matched++
			if t.Value == g.Value {
				s.ValueCorrect++
			} else {
				s.Errors = append(s.Errors, fmt.Sprintf("%s: %q %s %s, want %q %s %s (dct %s) in %q", d.Name, t.Text, t.Type, t.Value, g.Text, g.Type, g.Value, d.DCT, d.sentence(g.Sentence)))
			}
			if t.Type == g.Type {
				s.TypeCorrect++
			}
		}
		for i, t := range sys {
			if !used[i] {
				s.Errors = append(s.Errors, fmt.Sprintf("%s: spurious %q %s %s in %q", d.Name, t.Text, t.Type, t.Value, d.sentenceAt(t.Start)))
			}
		}
	}
	s.Detection.finish(s.Detection.Matched)
	if m := s.Detection.Matched; m > 0 {
		s.ValueAccuracy = float64(s.ValueCorrect) / float64(m)
		s.TypeAccuracy = float64(s.TypeCorrect) / float64(m)
	}
	return s
}

// Rouge holds ROUGE-1 and ROUGE-2 recall and F1, averaged over documents.
type Rouge struct {
	R1Recall, R1F, R2Recall, R2F float64
}

// SummaryScore compares the system summary with the Lead-3 baseline. MEANTIME
// has no reference summaries, so the headline (sentence 0) stands in as the
// reference; Lead-3 is the first three body sentences (MEANTIME sentences
// 2, 3 and 4).
type SummaryScore struct {
	Docs          int
	System, Lead3 Rouge
}

// ScoreSummary measures ROUGE of the system summary and of Lead-3 against
// the headline, averaged over all documents.
func ScoreSummary(docs []Doc, ex Extractor) SummaryScore {
	var s SummaryScore
	for _, d := range docs {
		x := ex(d.Document())
		ref := words(d.Headline())
		if len(ref) == 0 {
			continue
		}
		var sys []string
		for _, i := range x.Summary {
			if i >= 0 && i < len(x.Sentences) {
				sys = append(sys, x.Sentences[i].Text)
			}
		}
		lead := []string{d.sentence(2), d.sentence(3), d.sentence(4)}
		s.Docs++
		s.System.add(rouge(ref, words(strings.Join(sys, " "))))
		s.Lead3.add(rouge(ref, words(strings.Join(lead, " "))))
	}
	if s.Docs > 0 {
		s.System.scale(1 / float64(s.Docs))
		s.Lead3.scale(1 / float64(s.Docs))
	}
	return s
}

func (r *Rouge) add(o Rouge) {
	r.R1Recall += o.R1Recall
	r.R1F += o.R1F
	r.R2Recall += o.R2Recall
	r.R2F += o.R2F
}

func (r *Rouge) scale(f float64) {
	r.R1Recall *= f
	r.R1F *= f
	r.R2Recall *= f
	r.R2F *= f
}

// words lower-cases text and splits it into alphanumeric tokens.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func rouge(ref, cand []string) Rouge {
	var r Rouge
	r.R1Recall, r.R1F = overlap(ngrams(ref, 1), ngrams(cand, 1))
	r.R2Recall, r.R2F = overlap(ngrams(ref, 2), ngrams(cand, 2))
	return r
}

func ngrams(w []string, n int) map[string]int {
	m := map[string]int{}
	for i := 0; i+n <= len(w); i++ {
		m[strings.Join(w[i:i+n], " ")]++
	}
	return m
}

// overlap returns clipped n-gram recall and F1 of cand against ref.
func overlap(ref, cand map[string]int) (recall, f1 float64) {
	var nref, ncand, hit int
	for g, c := range ref {
		nref += c
		hit += min(c, cand[g])
	}
	for _, c := range cand {
		ncand += c
	}
	if nref == 0 || ncand == 0 || hit == 0 {
		return 0, 0
	}
	recall = float64(hit) / float64(nref)
	prec := float64(hit) / float64(ncand)
	return recall, 2 * prec * recall / (prec + recall)
}
