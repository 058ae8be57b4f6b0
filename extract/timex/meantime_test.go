package timex_test

import (
	"path/filepath"
	"testing"
	"time"

	"factdesk/extract/meantime"
	"factdesk/extract/timex"
	"factdesk/news"
)

// findOnGoldSentences runs Find over each MEANTIME sentence on its own, so
// the figures measure this package alone, not the sentence splitter.
func findOnGoldSentences(docs []meantime.Doc) meantime.Extractor {
	byName := map[string]meantime.Doc{}
	for _, d := range docs {
		byName[d.Name] = d
	}
	return func(in news.Document) news.Extraction {
		d := byName[in.Path]
		dct, _ := time.Parse(time.DateOnly, d.DCT)
		var x news.Extraction
		for _, s := range d.Sentences {
			for _, m := range timex.Find(d.Text[s.Start:s.End], dct) {
				x.Timexes = append(x.Timexes, news.Timex{Text: m.Text, Type: m.Type, Value: m.Value, Mod: m.Mod,
					Start: s.Start + m.Start, End: s.Start + m.End, Sentence: s.Index})
			}
		}
		return x
	}
}

// TestMEANTIMETimex scores Find alone against MEANTIME's gold TIMEX3s:
//
//	go test -run TestMEANTIMETimex -v ./extract/timex
func TestMEANTIMETimex(t *testing.T) {
	docs, err := meantime.Load(filepath.Join("..", "..", "..", "shared", "corpus", "meantime", "intra-doc_annotation"))
	if err != nil {
		t.Skipf("MEANTIME corpus not available: %v", err)
	}
	s := meantime.ScoreTimex(docs, findOnGoldSentences(docs))
	d := s.Detection
	t.Logf("timex.Find on MEANTIME gold sentences 0-5: detection P %.3f R %.3f F1 %.3f (gold %d, system %d, matched %d); value accuracy %.3f (%d); type accuracy %.3f (%d)",
		d.Precision, d.Recall, d.F1, d.Gold, d.System, d.Matched, s.ValueAccuracy, s.ValueCorrect, s.TypeAccuracy, s.TypeCorrect)
	if testing.Verbose() {
		for _, e := range s.Errors {
			t.Log(e)
		}
	}
	// Floors just below the figures measured when they were set (F1 0.937,
	// value accuracy 0.913), so that a regression fails.
	if d.F1 < 0.93 || s.ValueAccuracy < 0.90 {
		t.Errorf("Find on MEANTIME: detection F1 %.3f, value accuracy %.3f, want >= 0.93, 0.90", d.F1, s.ValueAccuracy)
	}
}
