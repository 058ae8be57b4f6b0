package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"factdesk/news"
)

// AddSource checks that rawURL serves an RSS or Atom feed and stores it,
// due for its first poll at once. guildID is the server that added it (""
// from the command line). created is false when the feed was already
// there. Problems the user can fix come back as *news.SourceError.
func (p *Poller) AddSource(ctx context.Context, guildID, rawURL string) (f news.FeedSource, created bool, err error) {
	rawURL = strings.TrimSpace(rawURL)
	if !strings.Contains(rawURL, "://") {
		rawURL = "https://" + rawURL
	}
	canon := Canonical(rawURL)
	resp, err := p.Fetcher.Get(ctx, canon, "", "")
	if err != nil {
		var se *news.SourceError
		if errors.As(err, &se) {
			return news.FeedSource{}, false, err
		}
		return news.FeedSource{}, false, &news.SourceError{Msg: fmt.Sprintf("I could not fetch %s: %s.", canon, shortError(err)), Err: err}
	}
	parsed, err := parseFeed(resp.Body)
	if err != nil {
		return news.FeedSource{}, false, &news.SourceError{Msg: fmt.Sprintf("%s is not an RSS or Atom feed I can read.", canon), Err: err}
	}
	now := p.now()
	f, created, err = p.Store.AddFeed(ctx, news.FeedSource{
		URL: canon, Title: oneLine(parsed.Title), GuildID: guildID, Added: now, NextPoll: now,
	})
	if err != nil {
		return news.FeedSource{}, false, err
	}
	return f, created, nil
}

// Sources returns every feed with its polling state.
func (p *Poller) Sources(ctx context.Context) ([]news.FeedSource, error) {
	return p.Store.Feeds(ctx)
}

// RemoveSource deletes a feed by id. A server can remove only the feeds it
// added; guildID "" (the command line) can remove any. The articles
// already stored stay.
func (p *Poller) RemoveSource(ctx context.Context, guildID string, id int64) (news.FeedSource, error) {
	f, err := p.Store.Feed(ctx, id)
	if err != nil {
		return news.FeedSource{}, err
	}
	if guildID != "" && f.GuildID != guildID {
		return news.FeedSource{}, &news.SourceError{Msg: fmt.Sprintf("%s was added by another server or from the command line; only they can remove it.", f.URL)}
	}
	if err := p.Store.RemoveFeed(ctx, id); err != nil {
		return news.FeedSource{}, err
	}
	return f, nil
}

// FindSource returns the feed with this id or URL, or news.ErrNotFound.
func (p *Poller) FindSource(ctx context.Context, idOrURL string) (news.FeedSource, error) {
	all, err := p.Store.Feeds(ctx)
	if err != nil {
		return news.FeedSource{}, err
	}
	canon := Canonical(idOrURL)
	for _, f := range all {
		if fmt.Sprint(f.ID) == strings.TrimSpace(idOrURL) || f.URL == canon {
			return f, nil
		}
	}
	return news.FeedSource{}, news.ErrNotFound
}

// PrintSources writes the feed list as text, for `factdesk feeds list`.
func PrintSources(w io.Writer, list []news.FeedSource, now time.Time) error {
	if len(list) == 0 {
		_, err := fmt.Fprintln(w, "No feeds. Add one with: factdesk feeds add URL")
		return err
	}
	for _, f := range list {
		status := "ok"
		switch {
		case f.Failing():
			status = fmt.Sprintf("FAILING x%d: %s", f.Failures, f.LastError)
		case f.LastPolled.IsZero():
			status = "not polled yet"
		}
		title := f.Title
		if title == "" {
			title = "(untitled)"
		}
		if _, err := fmt.Fprintf(w, "%d\t%s\t%s\t%d articles\tlast polled %s\t%s\n",
			f.ID, title, f.URL, f.Items, ago(f.LastPolled, now), status); err != nil {
			return err
		}
	}
	return nil
}

// PrintResults writes what a poll did, one line per feed, for
// `factdesk feeds poll`.
func PrintResults(w io.Writer, results []Result) error {
	for _, r := range results {
		var line string
		switch {
		case r.Err != nil:
			line = fmt.Sprintf("%s: failed (%s), retry after %s", r.Feed.URL, shortError(r.Err), r.Feed.NextPoll.Format(time.RFC3339))
		case r.NotModified:
			line = fmt.Sprintf("%s: not modified", r.Feed.URL)
		default:
			line = fmt.Sprintf("%s: %d new, %d already known, %d unreadable", r.Feed.URL, r.Added, r.Duplicates, r.Failed)
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// ago says how long before now t was: "just now", "5m ago", "3h20m ago",
// "2d ago".
func ago(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case t.IsZero():
		return "never"
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%dm ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh%02dm ago", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%dd ago", int(d.Hours()/24))
}
