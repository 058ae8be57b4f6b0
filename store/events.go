package store

import (
	"context"
	"encoding/json"
	"fmt"

	"factdesk/news"
)

// eventCols selects an EventFact from events e, its sentence s and its
// article a; participants resolved to people carry their stored names.
const eventCols = `e.name, e.text, e.date, e.place, e.status, e.sentence, COALESCE(s.text, ''),
	COALESCE((SELECT json_group_array(n) FROM (SELECT COALESCE(xp.name, x.name) AS n
		FROM event_participants x LEFT JOIN people xp ON xp.id = x.person_id
		WHERE x.event_id = e.id ORDER BY x.position)), e.participants), ` + articleCols

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
		WHERE e.norm = ? ORDER BY a.published DESC, a.id DESC, e.sentence LIMIT ?`
	// eventsPrefixSQL takes (key, prefixEnd(key), limit).
	eventsPrefixSQL = `SELECT ` + eventCols + ` FROM
		(SELECT event_id, max(whole) AS whole FROM event_keys WHERE key >= ? AND key < ? GROUP BY event_id) k
		JOIN events e ON e.id = k.event_id JOIN articles a ON a.id = e.article_id
		LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
		ORDER BY k.whole DESC, a.published DESC, a.id DESC, e.sentence LIMIT ?`
	// suggestEventsSQL takes (key, prefixEnd(key), limit).
	suggestEventsSQL = `SELECT e.name FROM
		(SELECT event_id, max(whole) AS whole FROM event_keys WHERE key >= ? AND key < ? GROUP BY event_id) k
		JOIN events e ON e.id = k.event_id
		GROUP BY e.norm ORDER BY max(k.whole) DESC, count(*) DESC, e.norm LIMIT ?`
)

// EventsNamed returns the events whose normalised name equals name, newest
// article first; when there are none, the events with a name or a name
// word starting with it (so "inaug" finds "inauguration"), whole-name
// prefixes first. At most 50 events are returned.
func (s *Store) EventsNamed(ctx context.Context, name string) ([]news.EventFact, error) {
	key := normKey(name)
	if key == "" {
		return nil, nil
	}
	es, err := eventFacts(ctx, s.db, eventsNamedSQL, key, maxListed)
	if err == nil && len(es) == 0 {
		es, err = eventFacts(ctx, s.db, eventsPrefixSQL, key, prefixEnd(key), maxListed)
	}
	if err != nil {
		return nil, fmt.Errorf("events named %q: %w", name, err)
	}
	return es, nil
}

// SuggestEvents returns distinct event names starting with partial, then
// those with a word starting with it, each group most reported first. An
// empty partial gives the names of the newest articles' events.
func (s *Store) SuggestEvents(ctx context.Context, partial string, limit int) ([]string, error) {
	if limit <= 0 {
		return nil, nil
	}
	key := normKey(partial)
	var names []string
	var err error
	if key == "" {
		names, err = s.latestEventNames(ctx, limit)
	} else {
		names, err = queryStrings(ctx, s.db, suggestEventsSQL, key, prefixEnd(key), limit)
	}
	if err != nil {
		return nil, fmt.Errorf("suggest events %q: %w", partial, err)
	}
	return names, nil
}

func (s *Store) latestEventNames(ctx context.Context, limit int) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.name, e.norm FROM articles a JOIN events e ON e.article_id = a.id
		WHERE e.norm != '' ORDER BY a.published DESC, a.id DESC, e.sentence`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	seen := map[string]bool{}
	for rows.Next() && len(names) < limit {
		var name, key string
		if err := rows.Scan(&name, &key); err != nil {
			return nil, err
		}
		if !seen[key] {
			seen[key] = true
			names = append(names, name)
		}
	}
	return names, rows.Err()
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
