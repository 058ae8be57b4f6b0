package extract

import (
	"time"

	"factdesk/extract/timex"
	"factdesk/news"
)

// timexes finds the time expressions of every sentence except bylines and
// maps their offsets back to the input.
func (a *analysis) timexes() []news.Timex {
	dct := a.dct()
	var out []news.Timex
	lastDay := "" // the last day named near the creation date, for "the day"
	for si, s := range a.sents {
		if s.kind == news.KindByline {
			continue
		}
		ctx := timex.Context{LastDay: lastDay, Headline: s.kind == news.KindHeadline}
		for _, m := range timex.FindIn(a.text[s.s:s.e], dct, ctx) {
			if d := recentDay(m, dct); d != "" {
				lastDay = d
			}
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

// recentDay returns the day a DATE or TIME match names when it lies within
// two weeks of dct, or "": a later "the day" refers to the day the story
// reports, never to a historical date ("since September 11, 2001").
func recentDay(m timex.Match, dct time.Time) string {
	if m.Type != timex.Date && m.Type != timex.Time || len(m.Value) < 10 || m.Value[4] != '-' || m.Value[7] != '-' || dct.IsZero() {
		return ""
	}
	t, err := time.Parse(time.DateOnly, m.Value[:10])
	if err != nil {
		return ""
	}
	if d := t.Sub(dct).Hours() / 24; d < -14 || d > 14 {
		return ""
	}
	return m.Value[:10]
}
