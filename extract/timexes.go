package extract

import (
	"factdesk/extract/timex"
	"factdesk/news"
)

// timexes finds the time expressions of every sentence except bylines and
// maps their offsets back to the input.
func (a *analysis) timexes() []news.Timex {
	dct := a.dct()
	var out []news.Timex
	for si, s := range a.sents {
		if s.kind == news.KindByline {
			continue
		}
		for _, m := range timex.Find(a.text[s.s:s.e], dct) {
			if m.Start < 0 || m.End > s.e-s.s || m.Start >= m.End {
				continue
			}
			cs, ce := s.s+m.Start, s.s+m.End
			out = append(out, news.Timex{
				Text: a.origText(cs, ce), Type: m.Type, Value: m.Value, Mod: m.Mod,
				Start: a.doc.Offset + a.origStart(cs), End: a.doc.Offset + a.origEnd(ce), Sentence: si,
			})
		}
	}
	return out
}
