package feeds

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"factdesk/commands"
	"factdesk/news"
	"factdesk/store"
)

// The compile-time checks live here: feeds imports neither.
var (
	_ commands.Sources = (*Poller)(nil)
	_ Store            = (*store.Store)(nil)
)

// openStore opens a real SQLite store under tb.TempDir.
func openStore(tb testing.TB) *store.Store {
	tb.Helper()
	s, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "feeds.db"))
	if err != nil {
		tb.Fatalf("store.Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// storeSaver stands in for main's ingest path: one sentence per line, the
// first line the summary.
type storeSaver struct {
	s     *store.Store
	mu    sync.Mutex
	saved []news.Document
}

func (ss *storeSaver) IngestDocument(ctx context.Context, doc news.Document) (news.IngestResult, error) {
	ex := news.Extraction{Title: doc.Title, Published: doc.Published}
	off := 0
	for _, line := range strings.Split(doc.Text, "\n") {
		if strings.TrimSpace(line) != "" {
			ex.Sentences = append(ex.Sentences, news.Sentence{Text: line, Start: off, End: off + len(line), Kind: news.KindBody})
		}
		off += len(line) + 1
	}
	if len(ex.Sentences) > 0 {
		ex.Summary = []int{0}
	}
	ss.mu.Lock()
	ss.saved = append(ss.saved, doc)
	ss.mu.Unlock()
	return ss.s.SaveArticle(ctx, doc, ex)
}

// loopback is a fetcher that may reach the local test servers (on
// 127.0.0.1) and nothing else that is not public.
func loopback() *Fetcher {
	return &Fetcher{allow: []netip.Addr{netip.MustParseAddr("127.0.0.1")}, Timeout: 5 * time.Second}
}

// site serves feeds and article pages. Feeds answer conditional GETs.
type site struct {
	*httptest.Server
	mu      sync.Mutex
	feeds   map[string]string // path -> body
	types   map[string]string // path -> content type
	pages   map[string]string
	hits    map[string]int
	notMod  atomic.Int64
	version atomic.Int64
}

func newSite(t testing.TB) *site {
	s := &site{feeds: map[string]string{}, types: map[string]string{}, pages: map[string]string{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	feed, isFeed := s.feeds[r.URL.Path]
	ct := s.types[r.URL.Path]
	page, isPage := s.pages[r.URL.Path]
	s.mu.Unlock()
	if ua := r.Header.Get("User-Agent"); ua != UserAgent {
		http.Error(w, "bad user agent "+ua, http.StatusForbidden)
		return
	}
	switch {
	case isFeed:
		etag := fmt.Sprintf(`"%x"`, len(feed)+int(s.version.Load()))
		if r.Header.Get("If-None-Match") == etag {
			s.notMod.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		if ct == "" {
			ct = "application/rss+xml; charset=utf-8"
		}
		w.Header().Set("Content-Type", ct)
		fmt.Fprint(w, feed)
	case isPage:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	default:
		http.NotFound(w, r)
	}
}

func (s *site) setFeed(path, body string) {
	s.mu.Lock()
	s.feeds[path] = body
	s.mu.Unlock()
	s.version.Add(1)
}

func (s *site) setPage(path, body string) {
	s.mu.Lock()
	s.pages[path] = body
	s.mu.Unlock()
}

func (s *site) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// articlePage is a news page with navigation around a long main text.
func articlePage(title, body string) string {
	var paras strings.Builder
	for i := 0; i < 4; i++ {
		fmt.Fprintf(&paras, "<p>%s Paragraph %d adds more detail about the matter so that the page reads as an article with enough words in it.</p>\n", html.EscapeString(body), i+1)
	}
	return `<!doctype html><html><head><title>` + html.EscapeString(title) + `</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>` + html.EscapeString(title) + `</h1>` + paras.String() + `</article>
<footer>Copyright Example News. All rights reserved.</footer><script>track()</script></body></html>`
}

type item struct {
	title, link, guid, date, desc string
}

func rss(title string, items ...item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>` + html.EscapeString(title) + `</title><link>https://example.com/</link><description>test</description>`)
	for _, it := range items {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			html.EscapeString(it.title), html.EscapeString(it.link), html.EscapeString(it.guid), it.date, html.EscapeString(it.desc))
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func atomFeed(title string, items ...item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>` + html.EscapeString(title) + `</title><id>urn:test</id><updated>2025-01-13T10:00:00Z</updated>`)
	for _, it := range items {
		fmt.Fprintf(&b, `<entry><title>%s</title><link href="%s"/><id>%s</id><updated>%s</updated><summary>%s</summary></entry>`,
			html.EscapeString(it.title), html.EscapeString(it.link), html.EscapeString(it.guid), it.date, html.EscapeString(it.desc))
	}
	b.WriteString(`</feed>`)
	return b.String()
}

func newTestPoller(t testing.TB, st *store.Store) (*Poller, *storeSaver, *time.Time) {
	now := time.Date(2025, 1, 13, 9, 0, 0, 0, time.UTC)
	saver := &storeSaver{s: st}
	p := NewPoller(st, saver, loopback())
	p.Now = func() time.Time { return now }
	p.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	return p, saver, &now
}

func unannounced(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(`SELECT count(*) FROM unannounced_articles`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func articles(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPollRSS(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	web := newSite(t)
	p, saver, now := newTestPoller(t, st)
	for i := 1; i <= 3; i++ {
		web.setPage(fmt.Sprintf("/story/%d", i), articlePage(fmt.Sprintf("Story %d", i), fmt.Sprintf("Story number %d happened in the city today.", i)))
	}
	web.setFeed("/rss.xml", rss("Example News",
		item{"Story 2", web.URL + "/story/2", "id-2", "Mon, 13 Jan 2025 08:00:00 +0900", "second"},
		item{"Story 1", web.URL + "/story/1?utm_source=rss#top", "id-1", "Sun, 12 Jan 2025 08:00:00 +0000", "first"},
	))

	f, created, err := p.AddSource(ctx, "g1", web.URL+"/rss.xml")
	if err != nil || !created || f.Title != "Example News" {
		t.Fatalf("AddSource = %+v, %v, %v, want a new feed titled Example News", f, created, err)
	}

	// First poll: both items stored, neither announced.
	res, err := p.PollDue(ctx)
	if err != nil || len(res) != 1 || res[0].Err != nil || res[0].Added != 2 {
		t.Fatalf("PollDue(first) = %+v, %v, want 2 added", res, err)
	}
	if n := unannounced(t, st); n != 2 {
		t.Errorf("unannounced after first poll = %d, want 2", n)
	}
	if got := saver.saved[0]; got.Title != "Story 1" || got.Published != "2025-01-12" || got.URL != web.URL+"/story/1" ||
		!strings.Contains(got.Text, "Story number 1 happened") || strings.Contains(got.Text, "Copyright") || strings.Contains(got.Text, "Sport") {
		t.Errorf("first saved document = %+v, want Story 1 of 2025-01-12, canonical URL, main text only", got)
	}
	if got := saver.saved[1].Published; got != "2025-01-13" {
		t.Errorf("second saved Published = %q, want the feed's own date 2025-01-13", got)
	}

	// Nothing changed: the feed answers 304 and nothing is fetched again.
	*now = now.Add(DefaultInterval)
	if res, _ := p.PollDue(ctx); len(res) != 1 || !res[0].NotModified {
		t.Errorf("PollDue(unchanged) = %+v, want not modified", res)
	}
	if web.notMod.Load() != 1 {
		t.Errorf("304 answers = %d, want 1", web.notMod.Load())
	}

	// A new item, the old ones again with new GUIDs and tracking
	// parameters, and a copy of story 3's text under another URL.
	web.setPage("/copy/3", articlePage("Story 3 (copy)", "Story number 3 happened in the city today."))
	web.setFeed("/rss.xml", rss("Example News",
		item{"Story 3", web.URL + "/story/3", "id-3", "Mon, 13 Jan 2025 09:00:00 +0000", "third"},
		item{"Story 3 again", web.URL + "/copy/3", "id-3-copy", "Mon, 13 Jan 2025 09:30:00 +0000", "third"},
		item{"Story 2", web.URL + "/story/2/?utm_medium=feed", "new-guid-2", "Mon, 13 Jan 2025 08:00:00 +0900", "second"},
		item{"Story 1", web.URL + "/story/1", "new-guid-1", "Sun, 12 Jan 2025 08:00:00 +0000", "first"},
	))
	*now = now.Add(DefaultInterval)
	res, err = p.PollDue(ctx)
	if err != nil || len(res) != 1 || res[0].Added != 1 || res[0].Duplicates != 3 {
		t.Fatalf("PollDue(changed) = %+v, %v, want 1 added and 3 duplicates", res, err)
	}
	if n := articles(t, st); n != 3 {
		t.Errorf("articles = %d, want 3", n)
	}
	if n := unannounced(t, st); n != 2 {
		t.Errorf("unannounced = %d, want still 2: the new item is announced", n)
	}
	if web.hitCount("/story/1") != 1 || web.hitCount("/story/2") != 1 {
		t.Errorf("page fetches = %d, %d, want 1 each: known URLs are not fetched again", web.hitCount("/story/1"), web.hitCount("/story/2"))
	}
	list, _ := p.Sources(ctx)
	if len(list) != 1 || list[0].Items != 3 || list[0].Failing() || !list[0].Primed {
		t.Errorf("Sources = %+v, want one healthy primed feed with 3 articles", list)
	}
}

func TestPollAtom(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	web := newSite(t)
	p, saver, _ := newTestPoller(t, st)
	web.setPage("/a/1", articlePage("Atom story", "An atom entry describes the harbour reopening."))
	web.setFeed("/atom.xml", atomFeed("Atom News", item{"Atom story", web.URL + "/a/1", "urn:a1", "2025-01-10T12:00:00Z", "summary"}))
	web.types["/atom.xml"] = "application/atom+xml"
	if _, _, err := p.AddSource(ctx, "", web.URL+"/atom.xml"); err != nil {
		t.Fatalf("AddSource(atom): %v", err)
	}
	res, err := p.PollAll(ctx)
	if err != nil || len(res) != 1 || res[0].Added != 1 {
		t.Fatalf("PollAll(atom) = %+v, %v, want 1 added", res, err)
	}
	if got := saver.saved[0]; got.Published != "2025-01-10" || got.Source != "Atom News" || !strings.Contains(got.Text, "harbour reopening") {
		t.Errorf("saved = %+v, want the atom entry with its date and text", got)
	}
}

func TestPollFailuresBackOffAndSpareOtherFeeds(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	web := newSite(t)
	p, _, now := newTestPoller(t, st)
	web.setPage("/ok/1", articlePage("Fine", "The healthy feed still delivers its story."))
	web.setFeed("/good.xml", rss("Good", item{"Fine", web.URL + "/ok/1", "ok-1", "Mon, 13 Jan 2025 08:00:00 +0000", ""}))
	web.setFeed("/broken.xml", rss("Broken"))
	for _, path := range []string{"/good.xml", "/broken.xml"} {
		if _, _, err := p.AddSource(ctx, "g", web.URL+path); err != nil {
			t.Fatalf("AddSource(%s): %v", path, err)
		}
	}
	// The broken feed turns malformed after it was added.
	web.setFeed("/broken.xml", `<rss version="2.0"><channel><title>Broken</title><item><title>unclosed`)
	res, err := p.PollDue(ctx)
	if err != nil || len(res) != 2 {
		t.Fatalf("PollDue = %+v, %v", res, err)
	}
	byURL := map[string]Result{}
	for _, r := range res {
		byURL[r.Feed.URL] = r
	}
	if r := byURL[web.URL+"/good.xml"]; r.Err != nil || r.Added != 1 {
		t.Errorf("good feed = %+v, want 1 added despite the broken one", r)
	}
	bad := byURL[web.URL+"/broken.xml"]
	if bad.Err == nil || bad.Feed.Failures != 1 || !bad.Feed.NextPoll.Equal(now.Add(DefaultRetryBase)) {
		t.Fatalf("broken feed = %+v, want failure 1, retry after %v", bad, DefaultRetryBase)
	}
	// Retries back off: 1, 2, 4 minutes.
	for i, want := range []time.Duration{2 * time.Minute, 4 * time.Minute} {
		*now = bad.Feed.NextPoll
		res, _ := p.PollDue(ctx)
		if len(res) != 1 || res[0].Feed.Failures != i+2 || res[0].Feed.NextPoll.Sub(*now) != want {
			t.Fatalf("retry %d = %+v, want failure %d and the next in %v", i+1, res, i+2, want)
		}
		bad = res[0]
	}
	list, _ := p.Sources(ctx)
	var shown strings.Builder
	PrintSources(&shown, list, *now)
	if !strings.Contains(shown.String(), "FAILING x3: parse feed") {
		t.Errorf("PrintSources = %q, want the broken feed shown failing with its error", shown.String())
	}
	// Once fixed, the failure count clears.
	web.setFeed("/broken.xml", rss("Broken"))
	*now = bad.Feed.NextPoll
	if res, _ := p.PollDue(ctx); len(res) != 1 || res[0].Err != nil || res[0].Feed.Failures != 0 || res[0].Feed.LastError != "" {
		t.Errorf("PollDue(fixed) = %+v, want a healthy feed", res)
	}
}

func TestPollMalformedPageFallsBackToFeedText(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	web := newSite(t)
	p, saver, _ := newTestPoller(t, st)
	web.setPage("/broken", `<html><body><div><p>Short <b>broken`)
	desc := "The council approved the new budget on Monday after a long debate about school funding, road repairs and the cost of running the city's libraries."
	web.setFeed("/rss.xml", rss("News",
		item{"Budget", web.URL + "/broken", "b1", "Mon, 13 Jan 2025 08:00:00 +0000", "<p>" + desc + "</p>"},
		item{"Gone", web.URL + "/missing", "m1", "Mon, 13 Jan 2025 08:00:00 +0000", ""},
	))
	if _, _, err := p.AddSource(ctx, "", web.URL+"/rss.xml"); err != nil {
		t.Fatal(err)
	}
	res, _ := p.PollDue(ctx)
	if len(res) != 1 || res[0].Err != nil || res[0].Added != 1 || res[0].Failed != 1 {
		t.Fatalf("PollDue = %+v, want 1 added from the feed's text and 1 unreadable", res)
	}
	if got := saver.saved[0].Text; got != desc {
		t.Errorf("saved text = %q, want the item description %q", got, desc)
	}
}

func TestAddSourceRejectsNonFeeds(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	web := newSite(t)
	p, _, _ := newTestPoller(t, st)
	web.setPage("/page", articlePage("Not a feed", "Just a page."))
	for _, u := range []string{web.URL + "/page", web.URL + "/nothing", "ftp://example.com/feed"} {
		_, _, err := p.AddSource(ctx, "g", u)
		var se *news.SourceError
		if !errors.As(err, &se) {
			t.Errorf("AddSource(%q) error = %v, want a *news.SourceError", u, err)
		}
	}
	if list, _ := p.Sources(ctx); len(list) != 0 {
		t.Errorf("Sources = %+v, want none stored", list)
	}
}

func TestRemoveSourceOnlyByItsServer(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	web := newSite(t)
	p, _, _ := newTestPoller(t, st)
	web.setFeed("/rss.xml", rss("News"))
	f, _, err := p.AddSource(ctx, "g1", web.URL+"/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.RemoveSource(ctx, "g2", f.ID); err == nil {
		t.Errorf("RemoveSource(other server) error = nil, want a refusal")
	}
	if got, err := p.RemoveSource(ctx, "g1", f.ID); err != nil || got.ID != f.ID {
		t.Errorf("RemoveSource(own) = %+v, %v, want it removed", got, err)
	}
}
