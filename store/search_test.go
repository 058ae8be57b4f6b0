package store

import (
	"context"
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s := loaded(t)
	hits, total, err := s.Search(ctx, "inauguration Washington", 0, 10)
	if err != nil || total != 2 || len(hits) != 2 {
		t.Fatalf("Search(inauguration Washington) = %d hits of %d, %v; want 2 of 2", len(hits), total, err)
	}
	for _, h := range hits {
		if !strings.Contains(h.Snippet, "**inauguration**") || !strings.Contains(h.Snippet, "**Washington**") {
			t.Errorf("snippet %q, want ** around both terms", h.Snippet)
		}
		if h.Citation.Sentence == "" || h.Citation.Article.Title == "" {
			t.Errorf("hit %+v, want a citation with sentence and title", h)
		}
	}
	if hits[0].Score > hits[1].Score {
		t.Errorf("scores %v then %v, want best (lowest bm25) first", hits[0].Score, hits[1].Score)
	}
	// Porter stemming: "attending" finds attend, attends and attended.
	if _, n, _ := s.Search(ctx, "attending", 0, 10); n != 3 {
		t.Errorf("Search(attending) total = %d, want 3 (attend, attends, attended)", n)
	}
	// Paging.
	page, total, err := s.Search(ctx, "Iwaya", 1, 2)
	all, _, _ := s.Search(ctx, "Iwaya", 0, 100)
	if err != nil || total != len(all) || len(page) != 2 || page[0].Citation != all[1].Citation {
		t.Errorf("Search(Iwaya, 1, 2) = %d hits of %d, %v; want hits 1 and 2 of %d", len(page), total, err, len(all))
	}
	if page, total, _ := s.Search(ctx, "Iwaya", 100, 2); len(page) != 0 || total != len(all) {
		t.Errorf("Search(Iwaya, 100, 2) = %d hits of %d, want 0 of %d", len(page), total, len(all))
	}
}

// TestSearchHostileInput checks that FTS5 syntax in user text is searched
// as words and never raises an error.
func TestSearchHostileInput(t *testing.T) {
	ctx := context.Background()
	s := loaded(t)
	tests := []struct {
		terms string
		total int
	}{
		{`"`, 0},
		{`""""`, 0},
		{`*`, 0},
		{`cooperation*`, 1}, // "*" is not a prefix operator here
		{`cooperat*`, 0},
		{`AND`, 2}, // the word "and"
		{`OR`, 0},
		{`NOT`, 0},
		{`Seoul AND`, 1},
		{`Seoul OR Washington`, 0}, // "or" is a word that is not there
		{`NEAR(`, 0},
		{`NEAR(Iwaya Cho)`, 0},
		{`(`, 0},
		{`)`, 0},
		{`(Seoul`, 1},
		{`Seoul)`, 1},
		{`"Seoul`, 1},
		{`Seoul"`, 1},
		{`text:Seoul`, 0}, // a column filter would match; as words "text seoul" does not
		{`^Iwaya`, 6},
		{`-Iwaya`, 6},
		{`+`, 0},
		{`{text}: Seoul`, 0},
		{`'Seoul'`, 1},
		{`Trump's`, 1},
		{"", 0},
		{"   \t\n", 0},
		{`!!! ??? ...`, 0},
		{`🙂`, 0},
		{"Seoul\xff\x00", 1},
		{"\x00Seoul", 1},
		{"\xff\xfe", 0},
		{`Sé​oul`, 0},
		{`Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya Iwaya`, 6},
	}
	for _, tt := range tests {
		_, total, err := s.Search(ctx, tt.terms, 0, 5)
		if err != nil {
			t.Errorf("Search(%q) error %v, want none", tt.terms, err)
			continue
		}
		if total != tt.total {
			t.Errorf("Search(%q) total = %d, want %d", tt.terms, total, tt.total)
		}
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{`a "b" c*`, `"a" """b""" "c*"`},
		{`NEAR(`, `"NEAR("`},
		{`* " ()`, ``},
	}
	for _, tt := range tests {
		if got := ftsQuery(tt.in); got != tt.want {
			t.Errorf("ftsQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
