// Package ingest reads articles from files, directories, standard input and
// URLs, turns each into a news.Document, runs the extraction and saves the
// result. Unchanged content is recognised by its hash and skips extraction.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	nurl "net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"factdesk/extract"
	"factdesk/news"
)

// DefaultMaxBytes is the size limit of one input when Options.MaxBytes is 0.
const DefaultMaxBytes = 5 << 20

// Saver stores one article with its extraction in one transaction.
// *store.Store implements it.
type Saver interface {
	SaveArticle(ctx context.Context, doc news.Document, ex news.Extraction) (news.IngestResult, error)
	ArticleByHash(ctx context.Context, hash string) (news.ArticleRef, bool, error)
}

// Fetcher downloads a URL. It returns the body, its Content-Type and the
// URL finally reached after redirects.
type Fetcher interface {
	Fetch(ctx context.Context, url string) (body []byte, contentType string, finalURL string, err error)
}

// Options configure an Ingester.
type Options struct {
	MaxBytes int64                               // size limit per input; 0 means DefaultMaxBytes
	Fetcher  Fetcher                             // nil: URLs are refused
	Stdin    io.Reader                           // read for the path "-"
	Extract  func(news.Document) news.Extraction // nil: extract.Extract
}

// Result is what happened to one input of Paths: Path names the input,
// Err (when not nil) says why it was not stored.
type Result struct {
	Path string
	news.IngestResult
	Err error
	// Skipped says why a file found in a folder was not read (its type);
	// it is not an error.
	Skipped string
	N       int // 1-based position of this input
	Total   int // number of inputs found
}

// Ingester loads articles into a Saver.
type Ingester struct {
	save Saver
	opts Options
}

// New returns an Ingester saving into s.
func New(s Saver, opts Options) *Ingester {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Extract == nil {
		opts.Extract = extract.Extract
	}
	return &Ingester{save: s, opts: opts}
}

// Paths ingests files, directories (recursively, .txt, .md and .html files
// only) and "-" for standard input, calling report once per input in
// order. A bad input is reported and the others still load. Paths stops
// early only when ctx is done.
func (in *Ingester) Paths(ctx context.Context, paths []string, report func(Result)) {
	type input struct {
		path string
		err  error
		skip string
	}
	var inputs []input
	for _, p := range paths {
		if p == "-" {
			inputs = append(inputs, input{path: p})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			inputs = append(inputs, input{path: p, err: unreadable(err)})
			continue
		}
		if !info.IsDir() {
			inputs = append(inputs, input{path: p})
			continue
		}
		var found []input
		err = filepath.WalkDir(p, func(file string, d fs.DirEntry, err error) error {
			if err != nil {
				found = append(found, input{path: file, err: unreadable(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if file != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			switch {
			case strings.HasPrefix(d.Name(), "."):
			case filepath.Ext(file) != "" && kindOf(file) != "":
				found = append(found, input{path: file})
			default:
				found = append(found, input{path: file, skip: "not a .txt, .md or .html file"})
			}
			return nil
		})
		if err != nil {
			found = append(found, input{path: p, err: unreadable(err)})
		}
		slices.SortFunc(found, func(a, b input) int { return strings.Compare(a.path, b.path) })
		inputs = append(inputs, found...)
	}
	for i, inp := range inputs {
		if ctx.Err() != nil {
			return
		}
		res := Result{Path: inp.path, N: i + 1, Total: len(inputs), Err: inp.err, Skipped: inp.skip}
		if res.Err == nil && res.Skipped == "" {
			res.IngestResult, res.Err = in.file(ctx, inp.path)
		}
		report(res)
	}
}

// unreadable words a failed stat or open without repeating the path, which
// the caller puts in front.
func unreadable(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("unreadable path: %s: %w", pe.Op, pe.Err)
	}
	return fmt.Errorf("unreadable path: %w", err)
}

// file reads and ingests one file, or standard input for "-".
func (in *Ingester) file(ctx context.Context, name string) (news.IngestResult, error) {
	var r io.Reader
	if name == "-" {
		if in.opts.Stdin == nil {
			return news.IngestResult{}, errors.New("no standard input")
		}
		r = in.opts.Stdin
	} else {
		if kindOf(name) == "" {
			return news.IngestResult{}, fmt.Errorf("%w %q (want .txt, .md or .html)", ErrType, filepath.Ext(name))
		}
		f, err := os.Open(name)
		if err != nil {
			return news.IngestResult{}, unreadable(err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, in.opts.MaxBytes+1))
	if err != nil {
		return news.IngestResult{}, fmt.Errorf("read: %w", err)
	}
	return in.Bytes(ctx, name, data)
}

// Bytes ingests one input held in memory; name's extension picks the format.
func (in *Ingester) Bytes(ctx context.Context, name string, data []byte) (news.IngestResult, error) {
	if err := in.checkSize(len(data)); err != nil {
		return news.IngestResult{}, err
	}
	doc, err := Parse(name, data)
	if err != nil {
		return news.IngestResult{}, err
	}
	return in.Document(ctx, doc)
}

func (in *Ingester) checkSize(n int) error {
	if int64(n) > in.opts.MaxBytes {
		return fmt.Errorf("%w of %d bytes", ErrTooLarge, in.opts.MaxBytes)
	}
	return nil
}

// Document saves a parsed document. Content already stored, by hash, is
// not extracted again and comes back with the status "unchanged".
func (in *Ingester) Document(ctx context.Context, doc news.Document) (news.IngestResult, error) {
	ref, found, err := in.save.ArticleByHash(ctx, news.Hash(doc.Text))
	if err != nil {
		return news.IngestResult{}, fmt.Errorf("look up hash: %w", err)
	}
	if found {
		return news.IngestResult{Article: ref, Status: news.IngestUnchanged}, nil
	}
	ex := in.opts.Extract(doc)
	if strings.TrimSpace(doc.Title) == "" && strings.TrimSpace(ex.Title) == "" {
		doc.Title = fallbackTitle(doc, ex)
	}
	res, err := in.save.SaveArticle(ctx, doc, ex)
	if err != nil {
		return news.IngestResult{}, fmt.Errorf("save: %w", err)
	}
	return res, nil
}

// fallbackTitle names an article that has no headline: its first body
// sentence, cut at a word, or else its file name.
func fallbackTitle(doc news.Document, ex news.Extraction) string {
	const maxTitle = 90
	for _, s := range ex.Sentences {
		if s.Kind != "" && s.Kind != news.KindBody {
			continue
		}
		words := strings.Fields(s.Text)
		title := ""
		for _, w := range words {
			if len(title)+1+len(w) > maxTitle {
				return title + " …"
			}
			title = strings.TrimSpace(title + " " + w)
		}
		if title != "" {
			return title
		}
	}
	if base := filepath.Base(doc.Path); base != "." && base != "/" && base != "-" {
		return strings.TrimSuffix(base, filepath.Ext(base))
	}
	return "Untitled article"
}

// IngestURL fetches a page or a file (such as a Discord attachment) and
// ingests it. The format comes from the Content-Type, else from the URL's
// extension; Document.URL is the URL finally reached.
func (in *Ingester) IngestURL(ctx context.Context, rawURL string) (news.IngestResult, error) {
	u, err := nurl.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return news.IngestResult{}, fmt.Errorf("ingest %q: not an http or https URL", clip(rawURL, 100))
	}
	if in.opts.Fetcher == nil {
		return news.IngestResult{}, fmt.Errorf("ingest %s: fetching URLs is not enabled", u.Redacted())
	}
	body, contentType, finalURL, err := in.opts.Fetcher.Fetch(ctx, u.String())
	if err != nil {
		return news.IngestResult{}, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	if finalURL == "" {
		finalURL = u.String()
	}
	if err := in.checkSize(len(body)); err != nil {
		return news.IngestResult{}, fmt.Errorf("ingest %s: %w", u.Redacted(), err)
	}
	doc, err := parseFetched(finalURL, body, contentType)
	if err != nil {
		return news.IngestResult{}, fmt.Errorf("ingest %s: %w", u.Redacted(), err)
	}
	if doc.URL == "" {
		doc.URL = finalURL
	}
	return in.Document(ctx, doc)
}

// parseFetched picks the format of a download from its media type, falling
// back on the extension of the URL's path.
func parseFetched(finalURL string, body []byte, contentType string) (news.Document, error) {
	media, _, _ := mime.ParseMediaType(contentType)
	switch media {
	case "text/html", "application/xhtml+xml":
		return parseHTML(finalURL, body, contentType)
	case "text/plain", "text/markdown", "text/x-markdown":
		doc, err := parseText(finalURL, body)
		if err == nil && doc.Title == "" && strings.HasSuffix(strings.ToLower(urlPath(finalURL)), ".md") {
			doc.Title = markdownTitle(doc.Text)
		}
		return doc, err
	}
	p := urlPath(finalURL)
	switch kindOf(p) {
	case kindHTML:
		return parseHTML(finalURL, body, contentType)
	case kindText:
		if path.Ext(p) != "" || media == "" {
			return parseText(finalURL, body)
		}
	}
	return news.Document{}, fmt.Errorf("%w: content type %q", ErrType, contentType)
}

// urlPath returns the path of a URL, or "".
func urlPath(raw string) string {
	u, err := nurl.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Path
}
