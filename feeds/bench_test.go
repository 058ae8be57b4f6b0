package feeds

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"factdesk/news"
	"factdesk/store"
)

// benchSite serves 100 feeds of 10 items each, every item with its own
// article page, all on one loopback server.
func benchSite(b *testing.B) *site {
	web := newSite(b)
	for f := 0; f < 100; f++ {
		var items []item
		for i := 0; i < 10; i++ {
			path := fmt.Sprintf("/f%d/story/%d", f, i)
			web.setPage(path, articlePage(fmt.Sprintf("Feed %d story %d", f, i), fmt.Sprintf("Feed %d reports story %d from the harbour district.", f, i)))
			items = append(items, item{fmt.Sprintf("Feed %d story %d", f, i), web.URL + path, path, "Mon, 13 Jan 2025 08:00:00 +0000", "summary"})
		}
		web.setFeed(fmt.Sprintf("/f%d.xml", f), rss(fmt.Sprintf("Feed %d", f), items...))
	}
	return web
}

func benchPoller(b *testing.B, web *site) *Poller {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "poll.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	p := NewPoller(st, &storeSaver{s: st}, loopback())
	p.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	for f := 0; f < 100; f++ {
		if _, _, err := st.AddFeed(context.Background(), news.FeedSource{URL: fmt.Sprintf("%s/f%d.xml", web.URL, f), Added: time.Now()}); err != nil {
			b.Fatal(err)
		}
	}
	return p
}

// BenchmarkPoll100Feeds polls 100 local feeds: "first" reads every feed
// and fetches, reduces and stores its 1,000 item pages (into a real SQLite
// store, with a trivial extraction); "unchanged" polls them again, when
// every feed answers 304. It reports the wall time of one poll of all
// feeds, the bytes allocated and the heap in use afterwards.
func BenchmarkPoll100Feeds(b *testing.B) {
	ctx := context.Background()
	web := benchSite(b)
	report := func(b *testing.B, start runtime.MemStats) {
		var end runtime.MemStats
		runtime.ReadMemStats(&end)
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/poll")
		b.ReportMetric(float64(end.TotalAlloc-start.TotalAlloc)/float64(b.N)/(1<<20), "MB-alloc/poll")
		b.ReportMetric(float64(end.HeapInuse)/(1<<20), "MB-heap")
	}
	b.Run("first", func(b *testing.B) {
		var start runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&start)
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			p := benchPoller(b, web)
			b.StartTimer()
			res, err := p.PollAll(ctx)
			if err != nil {
				b.Fatal(err)
			}
			added := 0
			for _, r := range res {
				added += r.Added
			}
			if added != 1000 {
				b.Fatalf("added = %d, want 1000", added)
			}
		}
		report(b, start)
	})
	b.Run("unchanged", func(b *testing.B) {
		p := benchPoller(b, web)
		if _, err := p.PollAll(ctx); err != nil {
			b.Fatal(err)
		}
		var start runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&start)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			res, err := p.PollAll(ctx)
			if err != nil {
				b.Fatal(err)
			}
			for _, r := range res {
				if !r.NotModified {
					b.Fatalf("poll = %+v, want not modified", r)
				}
			}
		}
		report(b, start)
	})
}
