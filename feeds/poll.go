package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"factdesk/news"
)

// Poller defaults.
const (
	DefaultInterval    = 15 * time.Minute
	DefaultRetryBase   = time.Minute
	DefaultRetryMax    = 6 * time.Hour
	DefaultConcurrency = 4
	DefaultMaxItems    = 50
)

// Store is what the poller needs from the database. *store.Store
// implements it.
type Store interface {
	AddFeed(ctx context.Context, f news.FeedSource) (news.FeedSource, bool, error)
	Feeds(ctx context.Context) ([]news.FeedSource, error)
	Feed(ctx context.Context, id int64) (news.FeedSource, error)
	DueFeeds(ctx context.Context, now time.Time) ([]news.FeedSource, error)
	RemoveFeed(ctx context.Context, id int64) error
	SaveFeedState(ctx context.Context, f news.FeedSource) error
	FeedItemKnown(ctx context.Context, feedID int64, guid, url string) (bool, error)
	ContentKnown(ctx context.Context, hash string) (bool, error)
	RecordFeedItem(ctx context.Context, it news.FeedItem, announce bool, at time.Time) error
}

// Saver extracts and stores one article. main hands in the ingest path.
type Saver interface {
	IngestDocument(ctx context.Context, doc news.Document) (news.IngestResult, error)
}

// Poller reads the stored feeds on an interval and saves their new items.
// It also manages the list of feeds, for /source and `factdesk feeds`.
// Set its fields before calling Run.
type Poller struct {
	Store   Store
	Saver   Saver
	Fetcher *Fetcher
	Logger  *slog.Logger
	Now     func() time.Time

	Interval    time.Duration // between successful polls of one feed
	RetryBase   time.Duration // first retry after a failure; doubles each time
	RetryMax    time.Duration // longest wait between retries
	Concurrency int           // feeds polled at once
	MaxItems    int           // items read per poll of one feed
}

// NewPoller returns a Poller with the default interval, backoff and limits.
func NewPoller(st Store, saver Saver, f *Fetcher) *Poller {
	return &Poller{Store: st, Saver: saver, Fetcher: f}
}

// Result is what one poll of one feed did.
type Result struct {
	Feed        news.FeedSource
	NotModified bool
	Added       int // new articles stored
	Duplicates  int // items whose URL, GUID or content was already known
	Failed      int // items that could not be read; retried when the feed changes
	Err         error
}

func (p *Poller) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Poller) log() *slog.Logger {
	if p.Logger != nil {
		return p.Logger
	}
	return slog.Default()
}

func orDefault[T int | time.Duration](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}

// Run polls due feeds until ctx ends, checking every tick (at most the
// interval). A failing feed never stops the others.
func (p *Poller) Run(ctx context.Context, tick time.Duration) error {
	tick = min(orDefault(tick, time.Minute), orDefault(p.Interval, DefaultInterval))
	for {
		if _, err := p.PollDue(ctx); err != nil && ctx.Err() == nil {
			p.log().Error("poll feeds", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(tick):
		}
	}
}

// PollDue polls every feed whose next poll is due.
func (p *Poller) PollDue(ctx context.Context) ([]Result, error) {
	due, err := p.Store.DueFeeds(ctx, p.now())
	if err != nil {
		return nil, err
	}
	return p.pollMany(ctx, due), nil
}

// PollAll polls every feed now, due or not: `factdesk feeds poll`.
func (p *Poller) PollAll(ctx context.Context) ([]Result, error) {
	all, err := p.Store.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	return p.pollMany(ctx, all), nil
}

func (p *Poller) pollMany(ctx context.Context, list []news.FeedSource) []Result {
	results := make([]Result, len(list))
	sem := make(chan struct{}, orDefault(p.Concurrency, DefaultConcurrency))
	var wg sync.WaitGroup
	for i, f := range list {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			// A parser panic on one hostile feed or page must not take the
			// bot down with it.
			defer func() {
				if v := recover(); v != nil {
					results[i] = Result{Feed: f, Err: fmt.Errorf("poll %s: panic: %v", f.URL, v)}
					p.log().Error("feed poll panicked", "feed", f.URL, "panic", v)
				}
			}()
			results[i] = p.Poll(ctx, f)
		}()
	}
	wg.Wait()
	return results
}

// Poll reads one feed once: a conditional GET, then each item not seen
// before is fetched, reduced to its main text and saved. The first poll of
// a feed stores its items without announcing them in briefings. Failures
// are recorded on the feed (shown by /source list) and retried with
// exponential backoff.
func (p *Poller) Poll(ctx context.Context, f news.FeedSource) Result {
	now := p.now()
	f.LastPolled = now
	res := Result{}
	resp, err := p.Fetcher.Get(ctx, f.URL, f.ETag, f.LastModified)
	if err == nil && !resp.NotModified {
		var parsed *gofeed.Feed
		parsed, err = parseFeed(resp.Body)
		if err == nil {
			if t := oneLine(parsed.Title); t != "" {
				f.Title = t
			}
			res.Added, res.Duplicates, res.Failed = p.items(ctx, f, parsed, resp.FinalURL)
		}
	}
	if err != nil {
		f.Failures++
		f.LastError = shortError(err)
		f.NextPoll = now.Add(p.backoff(f.Failures))
		res.Err = err
		p.log().Warn("feed failed", "feed", f.URL, "failures", f.Failures, "retry", f.NextPoll, "err", err)
	} else {
		if resp.NotModified {
			res.NotModified = true
		} else {
			f.ETag, f.LastModified = resp.ETag, resp.LastModified
			f.Primed = true
		}
		f.Failures, f.LastError = 0, ""
		f.LastSuccess = now
		f.NextPoll = now.Add(orDefault(p.Interval, DefaultInterval))
	}
	if err := p.Store.SaveFeedState(ctx, f); err != nil {
		res.Err = errors.Join(res.Err, err)
		p.log().Error("save feed state", "feed", f.URL, "err", err)
	}
	f.Items += res.Added
	res.Feed = f
	return res
}

// backoff is the wait before retry n (1-based): RetryBase doubled each
// time, at most RetryMax.
func (p *Poller) backoff(n int) time.Duration {
	base, max := orDefault(p.RetryBase, DefaultRetryBase), orDefault(p.RetryMax, DefaultRetryMax)
	d := base
	for i := 1; i < n && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}

func parseFeed(body []byte) (*gofeed.Feed, error) {
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, &news.SourceError{Msg: "This is not an RSS or Atom feed I can read.", Err: fmt.Errorf("parse feed: %w", err)}
	}
	return parsed, nil
}

// shortError keeps a stored error to one readable line.
func shortError(err error) string {
	s := oneLine(err.Error())
	var se *news.SourceError
	if errors.As(err, &se) && se.Err != nil {
		s = oneLine(se.Err.Error())
	}
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// items reads a feed's entries oldest first, at most MaxItems of them.
func (p *Poller) items(ctx context.Context, f news.FeedSource, parsed *gofeed.Feed, feedURL string) (added, dups, failed int) {
	list := append([]*gofeed.Item(nil), parsed.Items...)
	sort.SliceStable(list, func(i, j int) bool { return itemTime(list[i]).Before(itemTime(list[j])) })
	if max := orDefault(p.MaxItems, DefaultMaxItems); len(list) > max {
		list = list[len(list)-max:] // the newest
	}
	for _, it := range list {
		if ctx.Err() != nil {
			return
		}
		switch ok, err := p.item(ctx, f, oneLine(parsed.Title), it, feedURL); {
		case err != nil:
			failed++
			p.log().Warn("feed item failed", "feed", f.URL, "item", it.Link, "err", err)
		case ok:
			added++
		default:
			dups++
		}
	}
	return
}

func itemTime(it *gofeed.Item) time.Time {
	if it.PublishedParsed != nil {
		return *it.PublishedParsed
	}
	if it.UpdatedParsed != nil {
		return *it.UpdatedParsed
	}
	return time.Time{}
}

// dateLayouts are the feed date forms whose written offset is kept, so
// that the publication date is the publisher's own calendar date (the
// parser converts to UTC, which can move it a day).
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700", time.RFC3339, time.RFC3339Nano,
}

// itemDate returns an item's publication (or update) date, YYYY-MM-DD.
func itemDate(it *gofeed.Item) string {
	for _, s := range []string{it.Published, it.Updated} {
		s = strings.TrimSpace(s)
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return t.Format(time.DateOnly)
			}
		}
	}
	if t := itemTime(it); !t.IsZero() {
		return t.Format(time.DateOnly)
	}
	return ""
}

// item saves one entry unless its URL, GUID or content is already known,
// and reports whether it stored a new article.
func (p *Poller) item(ctx context.Context, f news.FeedSource, feedTitle string, it *gofeed.Item, feedURL string) (bool, error) {
	link := it.Link
	if link == "" && len(it.Links) > 0 {
		link = it.Links[0]
	}
	link = resolve(feedURL, link)
	canon := ""
	if link != "" {
		canon = Canonical(link)
	}
	guid := strings.TrimSpace(it.GUID)
	if canon == "" && guid == "" {
		return false, fmt.Errorf("item %q has neither link nor guid", it.Title)
	}
	known, err := p.Store.FeedItemKnown(ctx, f.ID, guid, canon)
	if err != nil || known {
		return false, err
	}
	doc := news.Document{Path: canon, URL: canon, Title: oneLine(it.Title), Source: feedTitle}
	if doc.Path == "" {
		doc.Path = guid
	}
	doc.Published = itemDate(it)
	for _, a := range it.Authors {
		if a != nil && oneLine(a.Name) != "" {
			doc.Authors = append(doc.Authors, oneLine(a.Name))
		}
	}
	var pageErr error
	if link != "" {
		body, ct, _, err := p.Fetcher.Fetch(ctx, link)
		if err == nil {
			var pg page
			pg, err = mainText(body, ct, link)
			if err == nil {
				doc.Text = pg.Text
				if doc.Title == "" {
					doc.Title = pg.Title
				}
				if len(doc.Authors) == 0 && pg.Byline != "" {
					doc.Authors = []string{strings.TrimPrefix(pg.Byline, "By ")}
				}
			}
		}
		pageErr = err
	}
	// The feed's own text stands in when the page is short or unreadable.
	if words(doc.Text) < minWords {
		for _, s := range []string{it.Content, it.Description} {
			if t := htmlText(s); words(t) > words(doc.Text) {
				doc.Text = t
			}
		}
	}
	if words(doc.Text) < leastWords {
		if pageErr == nil {
			pageErr = ErrNoText
		}
		return false, fmt.Errorf("read %s: %w", link, pageErr)
	}
	hash := ContentHash(doc.Text)
	rec := news.FeedItem{FeedID: f.ID, GUID: guid, URL: canon, ContentHash: hash}
	if seen, err := p.Store.ContentKnown(ctx, hash); err != nil {
		return false, err
	} else if seen {
		return false, p.Store.RecordFeedItem(ctx, rec, true, p.now())
	}
	if p.Saver == nil {
		return false, errors.New("no saver configured: feed items cannot be stored")
	}
	saved, err := p.Saver.IngestDocument(ctx, doc)
	if err != nil {
		return false, fmt.Errorf("save %s: %w", canon, err)
	}
	rec.ArticleID = saved.Article.ID
	// A new feed's back catalogue is stored quietly; an article that was
	// already stored some other way keeps its own standing.
	announce := f.Primed || saved.Status != news.IngestAdded
	if err := p.Store.RecordFeedItem(ctx, rec, announce, p.now()); err != nil {
		return false, err
	}
	return saved.Status != news.IngestUnchanged, nil
}

// resolve makes a possibly relative item link absolute against the feed's
// URL.
func resolve(base, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if u.IsAbs() {
		return u.String()
	}
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	return b.ResolveReference(u).String()
}
