package store

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"factdesk/news"
)

func TestPeopleWithRole(t *testing.T) {
	ctx := context.Background()
	s := loaded(t)
	text, sents := sentences("Presidents meet", "President Joe Biden met acting president Choi Sang-mok and Vice President Kamala Harris.")
	mustSave(t, s, news.Document{Title: "Presidents meet", Published: "2025-01-15", Text: text}, news.Extraction{
		Sentences: sents,
		People: []news.Person{
			{Name: "Joe Biden", Mentions: []int{1}, Facts: []news.PersonFact{{Kind: news.FactRole, Value: "President", Sentence: 1}}},
			{Name: "Kamala Harris", Mentions: []int{1}, Facts: []news.PersonFact{{Kind: news.FactRole, Value: "Vice President", Sentence: 1}}},
			{Name: "Choi Sang-mok", Mentions: []int{1}, Facts: []news.PersonFact{
				{Kind: news.FactRole, Value: "acting president", Sentence: 1},
				{Kind: news.FactRole, Value: "president", Sentence: 1}}},
		},
	})
	tests := []struct {
		role string
		want []string
	}{
		{"president", []string{"Choi Sang-mok — acting president", "Joe Biden — President", "Kamala Harris — Vice President"}},
		{"PRESIDENT", []string{"Choi Sang-mok — acting president", "Joe Biden — President", "Kamala Harris — Vice President"}},
		{"vice president", []string{"Kamala Harris — Vice President"}},
		{"foreign minister", []string{"Takeshi Iwaya — Japanese foreign minister"}},
		{"minister", []string{"Takeshi Iwaya — Japanese foreign minister"}},
		{"minis", []string{}}, // whole words only
		{"Seoul", []string{}},
		{"", []string{}},
	}
	for _, tt := range tests {
		ms, err := s.PeopleWithRole(ctx, tt.role, 10)
		if err != nil {
			t.Errorf("PeopleWithRole(%q): %v", tt.role, err)
			continue
		}
		got := []string{}
		for _, m := range ms {
			got = append(got, m.Name+" — "+m.Role)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("PeopleWithRole(%q) = %v, want %v", tt.role, got, tt.want)
		}
	}
	if ms, _ := s.PeopleWithRole(ctx, "president", 1); len(ms) != 1 {
		t.Errorf("PeopleWithRole(president, 1) = %v, want one person", names(ms))
	}
	// Replacing the article away removes its roles from the index.
	doc, ex := articleB()
	doc.Text += " Updated."
	ex.People[0].Roles, ex.People[0].Facts = nil, nil
	mustSave(t, s, doc, ex)
	ms, err := s.PeopleWithRole(ctx, "foreign minister", 10)
	if err != nil || len(ms) != 1 || ms[0].Role != "foreign minister" {
		t.Errorf("PeopleWithRole(foreign minister) after replacing B = %+v, %v; want Iwaya as foreign minister", ms, err)
	}
}

func TestEntityKind(t *testing.T) {
	s := loaded(t)
	tests := []struct{ name, want string }{
		{"Seoul", "place"},
		{"seoul", "place"},
		{"Foreign Ministry", "organization"},
		{"Takeshi Iwaya", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := s.EntityKind(context.Background(), tt.name)
		if err != nil || got != tt.want {
			t.Errorf("EntityKind(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

// TestSearchSnippetMarks checks that only the store's own marks become
// ** in a snippet: the article's asterisks are escaped, and mark
// characters in the article's text cannot forge a highlight.
func TestSearchSnippetMarks(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	text, sents := sentences("Budget vote",
		`The budget **bold** vote passed, said a\b spokesman.`,
		"The \uE000forged\uE001 budget tally.")
	mustSave(t, s, news.Document{Title: "Budget vote", Published: "2025-01-15", Text: text}, news.Extraction{Sentences: sents})
	tests := []struct{ terms, want string }{
		{"vote passed", `The budget \*\*bold\*\* **vote** **passed**, said a\\b spokesman.`},
		{"bold", `The budget \*\***bold**\*\* vote passed, said a\\b spokesman.`},
		{"tally", "The forged budget tally."}, // marks in the text: none kept
	}
	for _, tt := range tests {
		hits, _, err := s.Search(ctx, tt.terms, 0, 5)
		if err != nil || len(hits) != 1 {
			t.Errorf("Search(%q) = %v, %v; want one hit", tt.terms, hits, err)
			continue
		}
		if hits[0].Snippet != tt.want {
			t.Errorf("Search(%q) snippet = %q, want %q", tt.terms, hits[0].Snippet, tt.want)
		}
	}
	if hits, _, _ := s.Search(ctx, "forged", 0, 5); len(hits) == 1 && strings.Contains(hits[0].Snippet, "\uE000") {
		t.Errorf("Search(forged) snippet = %q, want no mark characters", hits[0].Snippet)
	}
}

// TestArticleRoles checks the one-line role labels of an article's
// people: every role the article states, a less specific form left out,
// and the nationality it gives.
func TestArticleRoles(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	text, sents := sentences("Ruritania budget",
		"Minister Alice Brown, the finance minister of Ruritania, spoke.",
		"Choi Sang-mok, South Korea's acting president and deputy prime minister, listened.")
	res := mustSave(t, s, news.Document{Title: "Ruritania budget", Published: "2024-02-02", Text: text}, news.Extraction{
		Sentences: sents,
		People: []news.Person{
			{Name: "Alice Brown", Mentions: []int{1}, Facts: []news.PersonFact{
				{Kind: news.FactRole, Value: "minister", Sentence: 1},
				{Kind: news.FactRole, Value: "finance minister", Sentence: 1}}},
			{Name: "Choi Sang-mok", Mentions: []int{2}, Facts: []news.PersonFact{
				{Kind: news.FactRole, Value: "acting president", Sentence: 2},
				{Kind: news.FactRole, Value: "deputy prime minister", Sentence: 2},
				{Kind: news.FactNationality, Value: "South Korea", Sentence: 2}}},
		},
	})
	af, err := s.ArticleFacts(ctx, res.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range af.People {
		got[p.Name] = p.Role
	}
	want := map[string]string{"Alice Brown": "finance minister", "Choi Sang-mok": "acting president and deputy prime minister (South Korea)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ArticleFacts(Ruritania budget) roles = %v, want %v", got, want)
	}
}

// TestRoleKeysMigration checks that migration 004 indexes the roles of a
// database written before it.
func TestRoleKeysMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	docA, exA := articleA()
	mustSave(t, s, docA, exA)
	// Undo migration 004, as in a database made before it.
	if _, err := s.db.ExecContext(ctx, `DROP TABLE role_keys; DELETE FROM migrations WHERE name = '004_role_keys.sql'`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("Open(old.db) = %v", err)
	}
	defer s.Close()
	ms, err := s.PeopleWithRole(ctx, "president", 10)
	if err != nil || len(ms) != 1 || ms[0].Name != "Choi Sang-mok" || ms[0].Role != "acting president" {
		t.Errorf("PeopleWithRole(president) after migrating = %+v, %v; want Choi Sang-mok, acting president", ms, err)
	}
}

// BenchmarkPeopleWithRole10k looks up the holders of roles that many of
// the 10,000 articles' people share ("minister" matches three of them).
func BenchmarkPeopleWithRole10k(b *testing.B) {
	benchBig(b, func(*Store, *synth) []string {
		return []string{"president", "minister", "foreign minister", "acting president", "Seoul"}
	}, func(ctx context.Context, s *Store, in string) error {
		_, err := s.PeopleWithRole(ctx, in, 10)
		return err
	})
}

func TestEventsAt(t *testing.T) {
	s := loaded(t)
	ps, _, err := s.Articles(context.Background(), 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var a int64
	for _, p := range ps {
		if p.Title == "Japan and South Korea reaffirm ties" {
			a = p.ID
		}
	}
	tests := []struct {
		sentence int
		want     []string
	}{
		{1, []string{"meeting"}},
		{2, []string{"inauguration"}},
		{3, []string{}},
	}
	for _, tt := range tests {
		es, err := s.EventsAt(context.Background(), a, tt.sentence)
		got := []string{}
		for _, e := range es {
			got = append(got, e.Name)
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("EventsAt(A, %d) = %v, %v; want %v", tt.sentence, got, err, tt.want)
		}
	}
}
