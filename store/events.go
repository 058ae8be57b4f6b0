package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"factdesk/news"
)

// eventCols selects an EventFact from events e, its sentence s and its
// article a.
const eventCols = `e.name, e.text, e.date, e.place, e.status, e.sentence, COALESCE(s.text, ''),
	e.participants, ` + articleCols

func eventFacts(ctx context.Context, q querier, query string, args ...any) ([]news.EventFact, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var es []news.EventFact
	for rows.Next() {
		var e news.EventFact
		var participants string
		var ar refScan
		if err := rows.Scan(append([]any{&e.Name, &e.Text, &e.Date, &e.Place, &e.Status,
			&e.Source.SentenceIndex, &e.Source.Sentence, &participants}, ar.dest(&e.Source.Article)...)...); err != nil {
			return nil, err
		}
		ar.done()
		if err := json.Unmarshal([]byte(participants), &e.Participants); err != nil {
			return nil, fmt.Errorf("event participants %q: %w", participants, err)
		}
		if e.Participants == nil {
			e.Participants = []string{}
		}
		es = append(es, e)
	}
	return es, rows.Err()
}

// Queries behind /when and its autocomplete, named for the query plan test.
const (
	// eventsNamedSQL takes (key, limit).
	eventsNamedSQL = `SELECT ` + eventCols + ` FROM events e JOIN articles a ON a.id = e.article_id
		LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
		WHERE e.norm = ? ORDER BY e.published DESC, e.article_id DESC, e.sentence LIMIT ?`
	// suggestEventsSQL takes (key, prefixEnd(key), limit): names starting
	// with key, then names with a word starting with it, most events first.
	suggestEventsSQL = `SELECT n.norm, n.name FROM
		(SELECT norm, max(whole) AS whole FROM event_keys WHERE key >= ? AND key < ? GROUP BY norm) k
		JOIN event_names n ON n.norm = k.norm
		ORDER BY k.whole DESC, n.events DESC, n.norm LIMIT ?`
	// eventsAtSQL takes (article, sentence): the events one sentence tells.
	eventsAtSQL = `SELECT ` + eventCols + ` FROM events e JOIN articles a ON a.id = e.article_id
		LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
		WHERE e.article_id = ? AND e.sentence = ? ORDER BY e.id`
	// latestEventsSQL takes (limit): the newest events' names.
	latestEventsSQL = `SELECT e.norm, e.name FROM events e
		WHERE e.norm != '' ORDER BY e.published DESC, e.article_id DESC, e.sentence LIMIT ?`
)

// EventsNamed returns the events whose normalised name equals name, newest
// article first. When there are none, it takes the event names starting
// with name, or with a word starting with it (so "inaug" finds
// "inauguration"), best match first, and returns their events name by
// name. At most 25 events are returned.
func (s *Store) EventsNamed(ctx context.Context, name string) ([]news.EventFact, error) {
	key := normKey(name)
	if key == "" {
		return nil, nil
	}
	es, err := eventFacts(ctx, s.db, eventsNamedSQL, key, maxListed)
	if err == nil && len(es) == 0 {
		var names [][2]string
		if names, err = pairs(ctx, s.db, suggestEventsSQL, key, prefixEnd(key), maxListed); err == nil {
			for _, n := range names {
				var more []news.EventFact
				if more, err = eventFacts(ctx, s.db, eventsNamedSQL, n[0], maxListed-len(es)); err != nil {
					break
				}
				if es = append(es, more...); len(es) >= maxListed {
					break
				}
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("events named %q: %w", name, err)
	}
	return es, nil
}

// EventsAt returns the events told in one sentence of an article, in the
// order the extraction found them, so that a sentence found by full-text
// search leads to its events ("the trip was canceled" to the visit it calls a trip).
func (s *Store) EventsAt(ctx context.Context, articleID int64, sentence int) ([]news.EventFact, error) {
	es, err := eventFacts(ctx, s.db, eventsAtSQL, articleID, sentence)
	if err != nil {
		return nil, fmt.Errorf("events at %d:%d: %w", articleID, sentence, err)
	}
	return es, nil
}

// SuggestEvents returns distinct event names starting with partial, then
// those with a word starting with it, each group most reported first. An
// empty partial gives the names of the newest events.
func (s *Store) SuggestEvents(ctx context.Context, partial string, limit int) ([]string, error) {
	limit = orDefault(limit)
	key := normKey(partial)
	var names []string
	var err error
	if key == "" {
		names, err = s.latestEventNames(ctx, limit)
	} else {
		var ps [][2]string
		ps, err = pairs(ctx, s.db, suggestEventsSQL, key, prefixEnd(key), limit)
		for _, p := range ps {
			names = append(names, p[1])
		}
	}
	if err != nil {
		return nil, fmt.Errorf("suggest events %q: %w", partial, err)
	}
	return names, nil
}

// latestEventNames reads the newest events in index order until it has
// limit distinct names, looking at most 20 events per name wanted.
func (s *Store) latestEventNames(ctx context.Context, limit int) ([]string, error) {
	ps, err := pairs(ctx, s.db, latestEventsSQL, limit*20)
	if err != nil {
		return nil, err
	}
	var names []string
	seen := map[string]bool{}
	for _, p := range ps {
		if !seen[p[0]] && len(names) < limit {
			seen[p[0]] = true
			names = append(names, p[1])
		}
	}
	return names, nil
}

// pairs runs a query selecting two text columns.
func pairs(ctx context.Context, q querier, query string, args ...any) ([][2]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// queryStrings runs a query selecting one text column.
func queryStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Queries behind EventsOn, named for the query plan test.
const (
	// eventsOnSQL takes (date, date+"U", limit): the events dated on
	// date or within it ("2009-06" holds "2009-06-01T10:00").
	eventsOnSQL = `SELECT ` + eventCols + ` FROM events e JOIN articles a ON a.id = e.article_id
		LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
		WHERE e.date >= ? AND e.date < ? ORDER BY e.date, e.published DESC, e.article_id DESC, e.sentence LIMIT ?`
	// eventsOnDaySQL takes ("MM-DD", limit): the events dated on that day
	// of any year, newest year first.
	eventsOnDaySQL = `SELECT ` + eventCols + ` FROM events e JOIN articles a ON a.id = e.article_id
		LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
		WHERE substr(e.date, 6, 5) = ? AND e.date != '' ORDER BY e.date DESC, e.published DESC, e.article_id DESC, e.sentence LIMIT ?`
)

// EventsOn returns the events dated on date, a TIMEX3 date value: a day
// ("2009-06-01"), a month or a year holds the events dated within it, and
// a day without a year ("XXXX-01-20") finds that day in every year, newest
// first. Other values give nothing. At most limit events are returned.
func (s *Store) EventsOn(ctx context.Context, date string, limit int) ([]news.EventFact, error) {
	limit = orDefault(limit)
	var (
		es  []news.EventFact
		err error
	)
	switch day, ok := strings.CutPrefix(date, "XXXX-"); {
	case ok && len(day) == 5 && !strings.Contains(day, "X"):
		es, err = eventFacts(ctx, s.db, eventsOnDaySQL, day, limit)
	case len(date) >= 4 && !strings.Contains(date, "X"):
		es, err = eventFacts(ctx, s.db, eventsOnSQL, date, date+"U", limit)
	default:
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("events on %q: %w", date, err)
	}
	return es, nil
}
