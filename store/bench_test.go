package store

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"factdesk/news"
)

// bigArticles is the size of the shared benchmark database.
const bigArticles = 10000

var big struct {
	once  sync.Once
	dir   string
	store *Store
	gen   *synth
	err   error
	build time.Duration
}

func TestMain(m *testing.M) {
	code := m.Run()
	if big.store != nil {
		big.store.Close()
	}
	if big.dir != "" {
		os.RemoveAll(big.dir)
	}
	os.Exit(code)
}

// bigStore returns a store holding bigArticles synthetic articles, built
// once per test binary run, 500 articles per transaction.
func bigStore(b *testing.B) (*Store, *synth) {
	b.Helper()
	big.once.Do(func() {
		start := time.Now()
		if big.dir, big.err = os.MkdirTemp("", "factdesk-bench-"); big.err != nil {
			return
		}
		if big.store, big.err = Open(context.Background(), filepath.Join(big.dir, "big.db")); big.err != nil {
			return
		}
		big.gen = newSynth(1)
		const batch = 500
		for i := 0; i < bigArticles; i += batch {
			var docs []news.Document
			var exs []news.Extraction
			for j := i; j < i+batch && j < bigArticles; j++ {
				doc, ex := big.gen.article(j)
				docs, exs = append(docs, doc), append(exs, ex)
			}
			if big.err = big.store.saveBatch(context.Background(), docs, exs); big.err != nil {
				return
			}
		}
		big.build = time.Since(start)
	})
	if big.err != nil {
		b.Fatalf("build benchmark database: %v", big.err)
	}
	return big.store, big.gen
}

// latencies records each operation's time and reports p50 and p99.
type latencies []time.Duration

func (l *latencies) time(f func()) {
	start := time.Now()
	f()
	*l = append(*l, time.Since(start))
}

func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
	at := func(q float64) float64 { return float64(l[int(q*float64(len(l)-1))].Microseconds()) }
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
}

func fileSize(b *testing.B, s *Store, path string) int64 {
	b.Helper()
	if _, err := s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return fi.Size()
}

// BenchmarkSaveArticle measures ingest throughput into a growing database
// and the database bytes each article adds (text bytes shown beside it).
func BenchmarkSaveArticle(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "save.db")
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	g := newSynth(2)
	// Warm up so the schema's fixed pages do not count against articles.
	for i := 0; i < 20; i++ {
		doc, ex := g.article(i)
		if _, err := s.SaveArticle(ctx, doc, ex); err != nil {
			b.Fatal(err)
		}
	}
	before := fileSize(b, s, path)
	var textBytes int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		doc, ex := g.article(20 + i)
		textBytes += len(doc.Text)
		b.StartTimer()
		if _, err := s.SaveArticle(ctx, doc, ex); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(fileSize(b, s, path)-before)/float64(b.N), "dbB/article")
	b.ReportMetric(float64(textBytes)/float64(b.N), "textB/article")
}

// BenchmarkSaveArticleUnchanged measures re-ingesting stored text.
func BenchmarkSaveArticleUnchanged(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b)
	doc, ex := newSynth(3).article(0)
	if _, err := s.SaveArticle(ctx, doc, ex); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.SaveArticle(ctx, doc, ex); err != nil {
			b.Fatal(err)
		}
	}
}

// benchBig runs op against the 10,000-article database with inputs
// cycling through the given list, reporting p50 and p99 latency.
func benchBig(b *testing.B, inputs func(*Store, *synth) []string, op func(ctx context.Context, s *Store, in string) error) {
	s, g := bigStore(b)
	ctx := context.Background()
	ins := inputs(s, g)
	var l latencies
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := ins[i%len(ins)]
		var err error
		l.time(func() { err = op(ctx, s, in) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	l.report(b)
}

// personNames samples names with the Zipf weighting of the articles, so
// that famous people are looked up most.
func personNames(_ *Store, g *synth) []string {
	var names []string
	for i := 0; i < 200; i++ {
		names = append(names, g.people[g.pz.Uint64()%uint64(len(g.people))].name)
	}
	return names
}

func BenchmarkFindPeople10k(b *testing.B) {
	benchBig(b, personNames, func(ctx context.Context, s *Store, in string) error {
		_, err := s.FindPeople(ctx, in, 25)
		return err
	})
}

func BenchmarkSuggestPeople10k(b *testing.B) {
	benchBig(b, func(s *Store, g *synth) []string {
		var ps []string
		for i, n := range personNames(s, g) {
			ps = append(ps, n[:1+i%4]) // 1 to 4 letters typed
		}
		return ps
	}, func(ctx context.Context, s *Store, in string) error {
		_, err := s.SuggestPeople(ctx, in, 25)
		return err
	})
}

func BenchmarkNearestPeople10k(b *testing.B) {
	benchBig(b, func(s *Store, g *synth) []string {
		var ps []string
		for _, n := range personNames(s, g) {
			ps = append(ps, n[:len(n)-1]+"x") // a typo at the end
		}
		return ps
	}, func(ctx context.Context, s *Store, in string) error {
		_, err := s.NearestPeople(ctx, in, 5)
		return err
	})
}

func BenchmarkPerson10k(b *testing.B) {
	benchBig(b, personNames, func(ctx context.Context, s *Store, in string) error {
		ps, err := s.FindPeople(ctx, in, 1)
		if err != nil || len(ps) == 0 {
			return err
		}
		_, err = s.Person(ctx, ps[0].ID)
		return err
	})
}

// BenchmarkPersonMostMentioned10k looks up the person in the most articles.
func BenchmarkPersonMostMentioned10k(b *testing.B) {
	benchBig(b, func(s *Store, g *synth) []string {
		ps, err := s.SuggestPeople(context.Background(), "", 1)
		if err != nil || len(ps) == 0 {
			b.Fatalf("SuggestPeople: %v", err)
		}
		return []string{ps[0].Name}
	}, func(ctx context.Context, s *Store, in string) error {
		ps, err := s.FindPeople(ctx, in, 1)
		if err != nil || len(ps) == 0 {
			return err
		}
		_, err = s.Person(ctx, ps[0].ID)
		return err
	})
}

func eventNames(_ *Store, g *synth) []string {
	var names []string
	for i := 0; i < 200; i++ {
		names = append(names, g.events[g.ez.Uint64()%uint64(len(g.events))])
	}
	return names
}

func BenchmarkEventsNamed10k(b *testing.B) {
	benchBig(b, eventNames, func(ctx context.Context, s *Store, in string) error {
		_, err := s.EventsNamed(ctx, in)
		return err
	})
}

func BenchmarkSuggestEvents10k(b *testing.B) {
	benchBig(b, func(s *Store, g *synth) []string {
		var ps []string
		for i, n := range eventNames(s, g) {
			ps = append(ps, n[:1+i%4])
		}
		return ps
	}, func(ctx context.Context, s *Store, in string) error {
		_, err := s.SuggestEvents(ctx, in, 25)
		return err
	})
}

func BenchmarkLatestArticle10k(b *testing.B) {
	benchBig(b, func(*Store, *synth) []string { return []string{""} }, func(ctx context.Context, s *Store, _ string) error {
		_, err := s.LatestArticle(ctx)
		return err
	})
}

func BenchmarkQuotesLatest10k(b *testing.B) {
	benchBig(b, func(*Store, *synth) []string { return []string{""} }, func(ctx context.Context, s *Store, _ string) error {
		_, err := s.Quotes(ctx, 0, 10)
		return err
	})
}

func BenchmarkSearch10k(b *testing.B) {
	benchBig(b, func(s *Store, g *synth) []string {
		var ts []string
		for i := 0; i < 100; i++ {
			ts = append(ts, g.words[g.r.Intn(len(g.words))]+" "+g.words[g.r.Intn(len(g.words))], g.words[g.r.Intn(len(g.words))])
		}
		return ts
	}, func(ctx context.Context, s *Store, in string) error {
		_, _, err := s.Search(ctx, in, 0, 5)
		return err
	})
}

// BenchmarkBuild10k reports how long building the shared database took.
func BenchmarkBuild10k(b *testing.B) {
	bigStore(b)
	b.ReportMetric(big.build.Seconds(), "build-s")
	b.ReportMetric(bigArticles/big.build.Seconds(), "articles/s")
}

func BenchmarkSuggestArticles10k(b *testing.B) {
	benchBig(b, func(s *Store, g *synth) []string {
		var ps []string
		for i, n := range personNames(s, g) {
			ps = append(ps, n[:1+i%4])
		}
		return ps
	}, func(ctx context.Context, s *Store, in string) error {
		_, err := s.SuggestArticles(ctx, in, 25)
		return err
	})
}

func BenchmarkArticleFacts10k(b *testing.B) {
	benchBig(b, func(*Store, *synth) []string {
		var ids []string
		for i := 1; i <= 200; i++ {
			ids = append(ids, strconv.Itoa(i*37%bigArticles+1))
		}
		return ids
	}, func(ctx context.Context, s *Store, in string) error {
		id, _ := strconv.ParseInt(in, 10, 64)
		_, err := s.ArticleFacts(ctx, id)
		return err
	})
}
