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

// TestQueryPlansUseIndexes checks that the look-ups behind /who, /when and
// autocomplete search indexes and never scan a table. (Scanning k or a
// subquery, the small result of an index search, is fine.)
func TestQueryPlansUseIndexes(t *testing.T) {
	s := loaded(t)
	key := "cho"
	tests := []struct {
		name  string
		query string
		args  []any
		want  []string // index searches the plan must make
	}{
		{"FindPeople", findPeopleSQL, []any{key, 10},
			[]string{"sqlite_autoindex_people_1 (norm=?)", "USING INDEX person_aliases_norm (norm=?)",
				"USING INDEX person_facts_person (person_id=? AND kind=?)"}},
		{"SuggestPeople", suggestPeopleSQL, []any{key, prefixEnd(key), 10},
			[]string{"SEARCH person_keys USING PRIMARY KEY (key>? AND key<?)", "USING INDEX person_facts_person (person_id=? AND kind=?)"}},
		{"NearestPeople", nearestPeopleSQL, []any{"ch", prefixEnd("ch"), 10},
			[]string{"SEARCH k USING PRIMARY KEY (key>? AND key<?)"}},
		{"EventsNamed", eventsNamedSQL, []any{"inauguration", 50},
			[]string{"SEARCH e USING INDEX events_norm (norm=?)"}},
		{"EventsNamed prefix", eventsPrefixSQL, []any{"inaug", prefixEnd("inaug"), 50}, []string{"SEARCH event_keys USING PRIMARY KEY (key>? AND key<?)"}},
		{"SuggestEvents", suggestEventsSQL, []any{"in", prefixEnd("in"), 25}, []string{"SEARCH event_keys USING PRIMARY KEY (key>? AND key<?)"}},
		{"SuggestArticles", suggestArticlesSQL, []any{"iw", prefixEnd("iw"), 25}, []string{"SEARCH article_keys USING PRIMARY KEY (key>? AND key<?)"}},
	}
	for _, tt := range tests {
		plan := queryPlan(t, s, tt.query, tt.args...)
		joined := strings.Join(plan, "\n")
		for _, d := range plan {
			if strings.HasPrefix(d, "SCAN ") && d != "SCAN k" && !strings.HasPrefix(d, "SCAN (subquery") {
				t.Errorf("%s plan has %q, want no table scan; plan:\n%s", tt.name, d, joined)
			}
		}
		for _, idx := range tt.want {
			if !strings.Contains(joined, idx) {
				t.Errorf("%s plan does not use %s; plan:\n%s", tt.name, idx, joined)
			}
		}
	}
}
