package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"factdesk/extract"
	"factdesk/ingest"
	"factdesk/news"
	"factdesk/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatalf("store.Open = %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// counting wraps the extraction to count how often it runs.
func counting(n *atomic.Int32) func(news.Document) news.Extraction {
	return func(d news.Document) news.Extraction {
		n.Add(1)
		return extract.Extract(d)
	}
}

func stored(t *testing.T, s *store.Store) []news.ArticleRef {
	t.Helper()
	refs, _, err := s.Articles(context.Background(), 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	return refs
}

func TestIdempotentReingest(t *testing.T) {
	s := openStore(t)
	var runs atomic.Int32
	in := ingest.New(s, ingest.Options{Extract: counting(&runs)})
	ctx := context.Background()
	data := []byte("---\ntitle: Ferry resumes\npublished: 2025-01-12\n---\nThe island ferry resumed service on Sunday.\n")
	first, err := in.Bytes(ctx, "ferry.md", data)
	if err != nil || first.Status != news.IngestAdded {
		t.Fatalf("Bytes(first) = %+v, %v; want added", first, err)
	}
	second, err := in.Bytes(ctx, "ferry.md", data)
	if err != nil || second.Status != news.IngestUnchanged || second.Article.ID != first.Article.ID {
		t.Fatalf("Bytes(again) = %+v, %v; want unchanged, same ID", second, err)
	}
	if runs.Load() != 1 {
		t.Errorf("extraction ran %d times, want 1 (unchanged content skips it)", runs.Load())
	}
	if refs := stored(t, s); len(refs) != 1 || refs[0].Title != "Ferry resumes" || refs[0].Published != "2025-01-12" {
		t.Errorf("stored = %+v, want one article with its front matter", refs)
	}
}

func TestReplaceOnChange(t *testing.T) {
	s := openStore(t)
	in := ingest.New(s, ingest.Options{})
	ctx := context.Background()
	v1 := "---\nurl: https://example.org/ferry\ntitle: Ferry resumes\n---\nThe island ferry resumed service on Sunday.\n"
	v2 := "---\nurl: https://example.org/ferry\ntitle: Ferry resumes after storm\n---\nThe island ferry resumed service on Sunday after the storm.\n"
	if r, err := in.Bytes(ctx, "a.md", []byte(v1)); err != nil || r.Status != news.IngestAdded {
		t.Fatalf("Bytes(v1) = %+v, %v", r, err)
	}
	r, err := in.Bytes(ctx, "a.md", []byte(v2))
	if err != nil || r.Status != news.IngestReplaced {
		t.Fatalf("Bytes(v2) = %+v, %v; want replaced", r, err)
	}
	refs := stored(t, s)
	if len(refs) != 1 || refs[0].Title != "Ferry resumes after storm" {
		t.Errorf("stored = %+v, want only the new version", refs)
	}
	hits, _, err := s.Search(ctx, "storm", 0, 5)
	if err != nil || len(hits) != 1 {
		t.Errorf("Search(storm) = %d hits, %v; want the new text indexed", len(hits), err)
	}
	if hits, _, _ := s.Search(ctx, "Sunday", 0, 5); len(hits) != 1 {
		t.Errorf("Search(Sunday) = %d hits, want 1 (old sentences gone)", len(hits))
	}
}

func TestPathsGoodAndBad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("good.txt", "The council approved the new bridge on Monday.\n")
	write("good.md", "---\ntitle: Library opens\npublished: 2025-01-10\nauthors: [Ann Lee, Bo Park]\n---\nThe new library opened its doors on Friday.\n")
	write("page.html", "<html><head><title>Park reopens</title><script>bad()</script></head><body><nav>Menu</nav><p>The city park reopened after repairs, the mayor said on Tuesday.</p></body></html>")
	write("sub/deeper/nested.txt", "A nested story about the harbour festival.\n")
	write("empty.txt", "")
	write("binary.txt", "PK\x03\x04\x00\x00binary")
	write("latin1.txt", "Caf\xe9 reopens.")
	write("unclosed.md", "---\ntitle: Oops\nNo closing line.\n")
	write("baddate.md", "---\npublished: yesterday\n---\nText.\n")
	write("huge.txt", strings.Repeat("All work and no play. ", 100))
	write("notes.json", `{"skip": true}`)
	write(".hidden.txt", "Hidden file is skipped.\n")
	missing := filepath.Join(dir, "missing.txt")

	s := openStore(t)
	in := ingest.New(s, ingest.Options{MaxBytes: 1000, Stdin: strings.NewReader("Standard input carries a story about rain.\n")})
	var results []ingest.Result
	in.Paths(context.Background(), []string{dir, missing, "-"}, func(r ingest.Result) { results = append(results, r) })

	want := map[string]string{ // file name to the error it must name ("" = stored)
		"good.txt": "", "good.md": "", "page.html": "", "nested.txt": "", "-": "",
		"empty.txt": "empty file", "binary.txt": "binary", "latin1.txt": "non-UTF-8", "unclosed.md": "closing ---",
		"baddate.md": "YYYY-MM-DD", "huge.txt": "size limit", "missing.txt": "unreadable path",
	}
	got := map[string]ingest.Result{}
	for i, r := range results {
		if r.N != i+1 || r.Total != len(results) {
			t.Errorf("result %d: N/Total = %d/%d, want %d/%d", i, r.N, r.Total, i+1, len(results))
		}
		got[filepath.Base(r.Path)] = r
	}
	// notes.json is reported as skipped, not as an error, and not stored.
	if r, ok := got["notes.json"]; !ok || r.Skipped == "" || r.Err != nil {
		t.Errorf("Paths notes.json = %+v, want it reported as skipped", r)
	}
	delete(got, "notes.json")
	if len(results)-1 != len(want) {
		t.Errorf("Paths reported %d inputs besides notes.json, want %d: %v", len(results)-1, len(want), got)
	}
	for name, msg := range want {
		r, ok := got[name]
		switch {
		case !ok:
			t.Errorf("Paths: no result for %s", name)
		case msg == "" && (r.Err != nil || r.Status != news.IngestAdded):
			t.Errorf("Paths %s = %+v, %v; want added", name, r.IngestResult, r.Err)
		case msg != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), msg) || filepath.Base(r.Path) != name):
			t.Errorf("Paths %s = path %q, error %v; want the file's path and an error naming %q", name, r.Path, r.Err, msg)
		}
	}
	refs := stored(t, s)
	if len(refs) != 5 {
		t.Errorf("stored %d articles, want the 5 good ones", len(refs))
	}
	for _, r := range refs {
		if r.Title == "Park reopens" {
			return
		}
	}
	t.Errorf("stored = %+v, want the HTML page titled Park reopens", refs)
}

func TestPathsErrorsAreTyped(t *testing.T) {
	in := ingest.New(openStore(t), ingest.Options{MaxBytes: 10})
	_, err := in.Bytes(context.Background(), "a.txt", []byte("more than ten bytes"))
	if !errors.Is(err, ingest.ErrTooLarge) {
		t.Errorf("Bytes(over limit) = %v, want ErrTooLarge", err)
	}
	var got []ingest.Result
	ingest.New(openStore(t), ingest.Options{}).Paths(context.Background(), []string{"-"}, func(r ingest.Result) { got = append(got, r) })
	if len(got) != 1 || got[0].Err == nil {
		t.Errorf("Paths(-) without stdin = %+v, want one error", got)
	}
}

// fetcher fetches from an httptest server with its client.
type fetcher struct{ c *http.Client }

func (f fetcher) Fetch(ctx context.Context, url string) ([]byte, string, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", "", err
	}
	resp, err := f.c.Do(req)
	if err != nil {
		return nil, "", "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, "", "", err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, "", "", fmt.Errorf("status %s", resp.Status)
	}
	return body, resp.Header.Get("Content-Type"), resp.Request.URL.String(), nil
}

func TestIngestURL(t *testing.T) {
	page := `<html><head><title>Bridge opens | City News</title></head><body><header>City News</header><nav>Home</nav>
<article><p>The new river bridge opened to traffic on Monday after three years of construction work in the city.</p>
<p>The mayor said the bridge would cut commuting times for thousands of residents who cross the river every day.</p>
<p>Engineers will keep monitoring the structure during the first months of use, the transport department said.</p></article>
<footer>Copyright City News</footer></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/news/bridge", http.StatusMovedPermanently)
		case "/news/bridge":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, page)
		case "/files/note.md":
			w.Header().Set("Content-Type", "application/octet-stream")
			io.WriteString(w, "# Council note\n\nThe council met on Monday.\n")
		case "/image.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		case "/big.txt":
			w.Header().Set("Content-Type", "text/plain")
			io.WriteString(w, strings.Repeat("word ", 1000))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	s := openStore(t)
	in := ingest.New(s, ingest.Options{Fetcher: fetcher{srv.Client()}, MaxBytes: 4000})
	ctx := context.Background()

	res, err := in.IngestURL(ctx, srv.URL+"/old")
	if err != nil || res.Status != news.IngestAdded {
		t.Fatalf("IngestURL(page) = %+v, %v", res, err)
	}
	if res.Article.URL != srv.URL+"/news/bridge" || !strings.Contains(res.Article.Title, "Bridge opens") {
		t.Errorf("IngestURL(page) article = %+v, want the final URL and the page title", res.Article)
	}
	if hits, _, _ := s.Search(ctx, "Copyright", 0, 5); len(hits) != 0 {
		t.Errorf("footer text was stored")
	}
	res, err = in.IngestURL(ctx, srv.URL+"/files/note.md")
	if err != nil || res.Article.Title != "Council note" {
		t.Errorf("IngestURL(note.md) = %+v, %v; want the Markdown title", res, err)
	}
	for path, want := range map[string]string{"/image.png": "unsupported", "/big.txt": "size limit", "/missing": "404"} {
		if _, err := in.IngestURL(ctx, srv.URL+path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("IngestURL(%s) = %v, want an error naming %q", path, err, want)
		}
	}
	if _, err := in.IngestURL(ctx, "ftp://example.org/a.txt"); err == nil {
		t.Errorf("IngestURL(ftp) = nil error")
	}
	off := ingest.New(s, ingest.Options{})
	if _, err := off.IngestURL(ctx, srv.URL+"/news/bridge"); err == nil || !strings.Contains(err.Error(), "not enabled") {
		t.Errorf("IngestURL without fetcher = %v, want a refusal", err)
	}
}

// An article with no front matter and no headline line is named after its
// first sentence, so lists and /summary never show a blank title.
func TestUntitledArticleGetsATitle(t *testing.T) {
	s := openStore(t)
	in := ingest.New(s, ingest.Options{})
	text := "WASHINGTON (Reuters) - The Senate passed the spending bill on Friday after a long night of votes on amendments from both parties, aides said.\n\nThe House votes next week.\n"
	res, err := in.Bytes(context.Background(), "wire.txt", []byte(text))
	if err != nil {
		t.Fatalf("Bytes(untitled) error: %v", err)
	}
	if res.Article.Title == "" || len(res.Article.Title) > 95 {
		t.Errorf("Bytes(untitled).Article.Title = %q, want a short title from the first sentence", res.Article.Title)
	}
}
