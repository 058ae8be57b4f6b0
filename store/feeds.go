package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"factdesk/news"
)

const feedColumns = `f.id, f.url, f.title, f.guild_id, f.added, f.etag, f.last_modified, f.primed,
	f.last_polled, f.last_success, f.next_poll, f.failures, f.last_error,
	(SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.article_id IS NOT NULL)`

func scanFeed(sc interface{ Scan(...any) error }) (news.FeedSource, error) {
	var f news.FeedSource
	var added, polled, success, next string
	if err := sc.Scan(&f.ID, &f.URL, &f.Title, &f.GuildID, &added, &f.ETag, &f.LastModified, &f.Primed,
		&polled, &success, &next, &f.Failures, &f.LastError, &f.Items); err != nil {
		return news.FeedSource{}, err
	}
	f.Added = parseTime(added)
	f.LastPolled, f.LastSuccess, f.NextPoll = optionalTime(polled), optionalTime(success), optionalTime(next)
	return f, nil
}

func optionalTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	return parseTime(s)
}

func formatOptional(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatTime(t)
}

// AddFeed stores a new feed (f.URL canonical). When a feed with that URL
// exists it returns the existing one and false.
func (s *Store) AddFeed(ctx context.Context, f news.FeedSource) (news.FeedSource, bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return news.FeedSource{}, false, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO feeds (url, title, guild_id, added, next_poll) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (url) DO NOTHING`, f.URL, f.Title, f.GuildID, formatTime(f.Added), formatOptional(f.NextPoll))
	if err != nil {
		return news.FeedSource{}, false, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	n, _ := res.RowsAffected()
	got, err := scanFeed(tx.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.url = ?`, f.URL))
	if err != nil {
		return news.FeedSource{}, false, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	if err := tx.Commit(); err != nil {
		return news.FeedSource{}, false, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	return got, n > 0, nil
}

// Feeds returns every feed, oldest first.
func (s *Store) Feeds(ctx context.Context) ([]news.FeedSource, error) {
	return s.queryFeeds(ctx, `SELECT `+feedColumns+` FROM feeds f ORDER BY f.id`)
}

// DueFeeds returns the feeds whose next poll is due at now, never polled
// first.
func (s *Store) DueFeeds(ctx context.Context, now time.Time) ([]news.FeedSource, error) {
	return s.queryFeeds(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.next_poll <= ? ORDER BY f.next_poll, f.id`, formatTime(now))
}

func (s *Store) queryFeeds(ctx context.Context, query string, args ...any) ([]news.FeedSource, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	defer rows.Close()
	var out []news.FeedSource
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("list feeds: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Feed returns one feed by id, or news.ErrNotFound.
func (s *Store) Feed(ctx context.Context, id int64) (news.FeedSource, error) {
	f, err := scanFeed(s.db.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return news.FeedSource{}, news.ErrNotFound
	}
	if err != nil {
		return news.FeedSource{}, fmt.Errorf("feed %d: %w", id, err)
	}
	return f, nil
}

// RemoveFeed deletes a feed and its item records; the articles stay.
func (s *Store) RemoveFeed(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("remove feed %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return news.ErrNotFound
	}
	return nil
}

// SaveFeedState stores a feed's title and polling state after a poll.
func (s *Store) SaveFeedState(ctx context.Context, f news.FeedSource) error {
	res, err := s.db.ExecContext(ctx, `UPDATE feeds SET title = ?, etag = ?, last_modified = ?, primed = ?,
		last_polled = ?, last_success = ?, next_poll = ?, failures = ?, last_error = ? WHERE id = ?`,
		f.Title, f.ETag, f.LastModified, f.Primed, formatOptional(f.LastPolled), formatOptional(f.LastSuccess),
		formatOptional(f.NextPoll), f.Failures, f.LastError, f.ID)
	if err != nil {
		return fmt.Errorf("save feed %d state: %w", f.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return news.ErrNotFound
	}
	return nil
}

// FeedItemKnown reports whether an item was read before: the same
// canonical URL from any feed, or the same GUID from this feed.
func (s *Store) FeedItemKnown(ctx context.Context, feedID int64, guid, url string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM feed_items WHERE url = ? AND url != '')
		OR EXISTS (SELECT 1 FROM feed_items WHERE feed_id = ? AND guid = ? AND guid != '')`,
		url, feedID, guid).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("feed item known %s: %w", url, err)
	}
	return n != 0, nil
}

// ContentKnown reports whether an item with this content hash was read
// before.
func (s *Store) ContentKnown(ctx context.Context, hash string) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM feed_items WHERE content_hash = ?)`, hash).Scan(&n); err != nil {
		return false, fmt.Errorf("content known: %w", err)
	}
	return n != 0, nil
}

// RecordFeedItem remembers an item as read. When announce is false its
// article is kept out of briefings (a new feed's back catalogue).
func (s *Store) RecordFeedItem(ctx context.Context, it news.FeedItem, announce bool, at time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record feed item %s: %w", it.URL, err)
	}
	defer tx.Rollback()
	var article any
	if it.ArticleID != 0 {
		article = it.ArticleID
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO feed_items (feed_id, guid, url, content_hash, article_id, seen)
		VALUES (?, ?, ?, ?, ?, ?)`, it.FeedID, it.GUID, it.URL, it.ContentHash, article, formatTime(at)); err != nil {
		return fmt.Errorf("record feed item %s: %w", it.URL, err)
	}
	if !announce && it.ArticleID != 0 {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO unannounced_articles (article_id) VALUES (?)`, it.ArticleID); err != nil {
			return fmt.Errorf("record feed item %s: %w", it.URL, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record feed item %s: %w", it.URL, err)
	}
	return nil
}
