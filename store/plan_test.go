package store

import (
	"context"
	"strings"
	"testing"
)

// queryPlan returns the EXPLAIN QUERY PLAN details of query.
func queryPlan(t *testing.T, s *Store, query string, args ...any) []string {
	t.Helper()
	rows, err := s.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("explain: %v", err)
	}
	defer rows.Close()
	var details []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatalf("explain: %v", err)
		}
		details = append(details, detail)
	}
	return details
}

// TestQueryPlansUseIndexes checks that the look-ups behind /who, /when,
// /quote and autocomplete search indexes and never scan a table: the only
// scans allowed are of a small intermediate result (k, t, a subquery) or
// an index walked in order under a LIMIT. Newest-first lists must come in
// index order, without sorting every matching row.
func TestQueryPlansUseIndexes(t *testing.T) {
	s := loaded(t)
	key := "cho t"
	tests := []struct {
		name   string
		query  string
		args   []any
		want   []string // index searches the plan must make
		sorted bool     // the index gives the order: no temp b-tree
	}{
		{"FindPeople", findPeopleSQL, []any{key, 10},
			[]string{"sqlite_autoindex_people_1 (norm=?)", "person_aliases_norm (norm=?)",
				"SEARCH r USING PRIMARY KEY (person_id=? AND kind=?)"}, false},
		{"SuggestPeople", suggestPeopleSQL, []any{key, prefixEnd(key), 10},
			[]string{"sqlite_autoindex_person_keys_1 (key>? AND key<?)", "SEARCH r USING PRIMARY KEY (person_id=? AND kind=?)"}, false},
		{"SuggestPeople 1", suggestShortSQL[1], []any{"c", 40}, []string{"person_keys_p1 (<expr>=?)"}, true},
		{"SuggestPeople 2", suggestShortSQL[2], []any{"ch", 40}, []string{"person_keys_p2 (<expr>=?)"}, true},
		{"SuggestPeople 3", suggestShortSQL[3], []any{"cho", 40}, []string{"person_keys_p3 (<expr>=?)"}, true},
		{"SuggestArticles 2", suggestArticlesShortSQL[2], []any{"iw", 40}, []string{"article_keys_p2 (<expr>=?)"}, true},
		{"NearestPeople", nearestPeopleSQL, []any{"ch", 10}, []string{"person_keys_p2 (<expr>=?)"}, true},
		{"EventsNamed", eventsNamedSQL, []any{"inauguration", 50},
			[]string{"SEARCH e USING INDEX events_norm (norm=?)"}, true},
		{"SuggestEvents", suggestEventsSQL, []any{"in", prefixEnd("in"), 25},
			[]string{"SEARCH event_keys USING PRIMARY KEY (key>? AND key<?)", "SEARCH n USING PRIMARY KEY (norm=?)"}, false},
		{"SuggestEvents empty", latestEventsSQL, []any{25}, []string{"SCAN e USING INDEX events_newest"}, true},
		{"SuggestArticles", suggestArticlesSQL, []any{"iwaya a", prefixEnd("iwaya a"), 25},
			[]string{"sqlite_autoindex_article_keys_1 (key>? AND key<?)"}, false},
		{"Person roles", personRolesSQL, []any{1}, []string{"SEARCH r USING PRIMARY KEY (person_id=?)", "person_facts_article (article_id=? AND person_id=? AND kind=?)"}, false},
		{"Person events", personEventsSQL, []any{1, 50}, []string{"event_participants_person (person_id=?)"}, true},
		{"Person quotes", quoteFactsSQL + personQuotesSQL, []any{1, 50}, []string{"quotes_speaker (speaker_id=?)"}, true},
		{"Person articles", personArticlesSQL, []any{1, 50}, []string{"person_mentions_newest (person_id=?)"}, true},
		{"PeopleWithRole", peopleWithRoleSQL, []any{"president", 30},
			[]string{"role_keys_newest (key=?)", "SEARCH r USING PRIMARY KEY (person_id=? AND kind=? AND norm=?)",
				"SEARCH p USING INTEGER PRIMARY KEY (rowid=?)"}, false},
		{"EntityKind", entityKindSQL, []any{"seoul"},
			[]string{"sqlite_autoindex_places_1 (norm=?)", "sqlite_autoindex_organizations_1 (norm=?)"}, false},
		{"EventsAt", eventsAtSQL, []any{1, 2}, []string{"events_article (article_id=? AND sentence=?)"}, false},
		{"Article roles", articleRolesSQL, []any{1}, []string{"person_facts_article (article_id=?)"}, false},
		{"EventsOn", eventsOnSQL, []any{"2025-01-20", "2025-01-20U", 25}, []string{"events_date (date>? AND date<?)"}, true},
		{"EventsOn day", eventsOnDaySQL, []any{"01-20", 25}, []string{"events_day (<expr>=?)"}, true},
		{"Article people", articlePeopleSQL, []any{1}, []string{"person_mentions_article (article_id=?)",
			"person_facts_article (article_id=? AND person_id=? AND kind=?)", "event_participants_person (person_id=? AND published=? AND article_id=?)",
			"quotes_speaker (speaker_id=? AND published=? AND article_id=?)"}, false},
		{"Latest quotes", quoteFactsSQL + latestQuotesSQL, []any{10}, []string{"SCAN q USING INDEX quotes_newest"}, true},
	}
	for _, tt := range tests {
		plan := queryPlan(t, s, tt.query, tt.args...)
		joined := strings.Join(plan, "\n")
		for _, d := range plan {
			small := d == "SCAN k" || d == "SCAN t" || strings.HasPrefix(d, "SCAN (subquery")
			ordered := strings.Contains(d, " USING INDEX ") || strings.Contains(d, " USING COVERING INDEX ")
			if strings.HasPrefix(d, "SCAN ") && !small && !ordered {
				t.Errorf("%s plan has %q, want no table scan; plan:\n%s", tt.name, d, joined)
			}
			if tt.sorted && strings.Contains(d, "TEMP B-TREE FOR ORDER BY") {
				t.Errorf("%s plan sorts (%q), want index order; plan:\n%s", tt.name, d, joined)
			}
		}
		for _, idx := range tt.want {
			if !strings.Contains(joined, idx) {
				t.Errorf("%s plan does not use %s; plan:\n%s", tt.name, idx, joined)
			}
		}
	}
}
