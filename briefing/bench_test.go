package briefing

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"factdesk/news"
	"factdesk/store"
)

// benchEnd is the "now" of the 10,000-article store: articles were
// ingested every 15 minutes up to it (about 104 days).
var benchEnd = time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchStore builds, once per test binary, a real SQLite store holding
// 10,000 articles through the store's own SaveArticle, each with two
// people with roles, two dated events and a two-sentence summary.
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "factdesk-bench-")
		if benchErr != nil {
			return
		}
		ctx := context.Background()
		st, err := store.Open(ctx, filepath.Join(benchDir, "bench.db"))
		if err != nil {
			benchErr = err
			return
		}
		defer st.Close()
		const n = 10000
		start := benchEnd.Add(-n * 15 * time.Minute)
		for i := 0; i < n; i++ {
			day := start.Add(time.Duration(i) * 15 * time.Minute)
			p1, p2 := fmt.Sprintf("Person%03d Alpha", i%500), fmt.Sprintf("Person%03d Beta", (i*7)%500)
			sents := []string{
				fmt.Sprintf("Headline %d about the council", i),
				fmt.Sprintf("%s, the mayor, met %s on day %d.", p1, p2, i),
				fmt.Sprintf("They agreed to hold summit %d next week.", i%300),
				"Officials said more talks would follow.",
			}
			text := ""
			var ss []news.Sentence
			for j, s := range sents {
				if j > 0 {
					text += "\n\n"
				}
				kind := news.KindBody
				if j == 0 {
					kind = news.KindHeadline
				}
				ss = append(ss, news.Sentence{Text: s, Start: len(text), End: len(text) + len(s), Kind: kind})
				text += s
			}
			ex := news.Extraction{
				Sentences: ss,
				People: []news.Person{
					{Name: p1, Roles: []string{"mayor"}, Mentions: []int{1}, Facts: []news.PersonFact{{Kind: news.FactRole, Value: "mayor", Sentence: 1}}},
					{Name: p2, Roles: []string{"minister"}, Mentions: []int{1}, Facts: []news.PersonFact{{Kind: news.FactRole, Value: "minister", Sentence: 1}}},
				},
				Events: []news.Event{
					{Name: "meeting", Date: day.Format(time.DateOnly), Place: "City Hall", Sentence: 1, Status: news.StatusHappened},
					{Name: fmt.Sprintf("summit %d", i%300), Date: day.AddDate(0, 0, 7).Format(time.DateOnly), Place: "Geneva", Sentence: 2, Status: news.StatusScheduled},
				},
				Summary: []int{1, 2},
			}
			doc := news.Document{Path: fmt.Sprintf("b%d.txt", i), Title: sents[0], URL: fmt.Sprintf("https://bench.example/%d", i),
				Source: "Bench Wire", Published: day.Format(time.DateOnly), Text: text}
			res, err := st.SaveArticle(ctx, doc, ex)
			if err != nil {
				benchErr = err
				return
			}
			if _, err := st.DB().ExecContext(ctx, `UPDATE articles SET ingested = ? WHERE id = ?`,
				day.UTC().Format("2006-01-02T15:04:05.000000000Z"), res.Article.ID); err != nil {
				benchErr = err
				return
			}
		}
	})
	if benchErr != nil {
		b.Fatalf("build bench store: %v", benchErr)
	}
	st, err := store.Open(context.Background(), filepath.Join(benchDir, "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkCompose10k composes a daily briefing (the last 24 hours: about
// 96 new articles, of which 25 are shown) and a weekly one (after a week
// without briefings) from 10,000 stored articles. Target: 50 ms.
func BenchmarkCompose10k(b *testing.B) {
	st := benchStore(b)
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		since time.Duration
	}{{"day", 24 * time.Hour}, {"week", 7 * 24 * time.Hour}} {
		b.Run(c.name, func(b *testing.B) {
			w := Window{Since: benchEnd.Add(-c.since), Until: benchEnd, Loc: time.UTC}
			msgs, err := Compose(ctx, st, w, news.QuietNote)
			if err != nil || len(msgs) == 0 {
				b.Fatalf("Compose = %d messages, %v", len(msgs), err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Compose(ctx, st, w, news.QuietNote); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/briefing")
		})
	}
}
