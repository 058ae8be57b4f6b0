package store

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"

	"factdesk/news"
)

var allTables = []string{"articles", "article_keys", "sentences", "people", "person_aliases", "person_keys",
	"person_facts", "person_mentions", "organizations", "organization_mentions", "places", "place_mentions",
	"timexes", "events", "event_names", "event_keys", "event_participants", "quotes", "summaries", "person_roles"}

// tableCounts returns the row count of every table.
func tableCounts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, tb := range allTables {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM ` + tb).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", tb, err)
		}
		counts[tb] = n
	}
	return counts
}

// checkFTS fails the test if the full-text index disagrees with the
// sentences table.
func checkFTS(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.db.Exec(`INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("fts integrity-check: %v", err)
	}
}

func searchTotal(t *testing.T, s *Store, terms string) int {
	t.Helper()
	_, n, err := s.Search(context.Background(), terms, 0, 10)
	if err != nil {
		t.Fatalf("Search(%q): %v", terms, err)
	}
	return n
}

func TestSaveArticleStatuses(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	doc, ex := articleA()

	res := mustSave(t, s, doc, ex)
	if res.Status != news.IngestAdded || res.Sentences != len(ex.Sentences) || res.Article.ID == 0 {
		t.Fatalf("SaveArticle(A) = %+v, want added with %d sentences", res, len(ex.Sentences))
	}
	wantPeople := []string{"Takeshi Iwaya", "Cho Tae-yul", "Choi Sang-mok", "Donald Trump"}
	if !reflect.DeepEqual(res.People, wantPeople) {
		t.Errorf("SaveArticle(A).People = %v, want %v", res.People, wantPeople)
	}
	ref, ok, err := s.ArticleByHash(ctx, news.Hash(doc.Text))
	if err != nil || !ok || ref.ID != res.Article.ID || ref.Title != doc.Title || ref.Published != "2025-01-13" {
		t.Errorf("ArticleByHash(A) = %+v, %v, %v; want article %d", ref, ok, err, res.Article.ID)
	}
	if _, ok, err := s.ArticleByHash(ctx, news.Hash("other")); ok || err != nil {
		t.Errorf("ArticleByHash(other) = %v, %v; want false, nil", ok, err)
	}
	before := tableCounts(t, s)

	// The same text again, even with other metadata, changes nothing.
	doc2 := doc
	doc2.Title = "Another title"
	again := mustSave(t, s, doc2, ex)
	if again.Status != news.IngestUnchanged || again.Article.ID != res.Article.ID || again.Sentences != res.Sentences {
		t.Errorf("SaveArticle(A again) = %+v, want unchanged article %d", again, res.Article.ID)
	}
	if len(again.People) != 4 {
		t.Errorf("SaveArticle(A again).People = %v, want 4 names", again.People)
	}
	if after := tableCounts(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("table counts after unchanged save = %v, want %v", after, before)
	}

	// A changed text under the same URL replaces the article and its facts.
	doc3, ex3 := articleA()
	doc3.Text += "\n\nA correction was appended."
	ex3.Sentences = append(ex3.Sentences, news.Sentence{Text: "A correction was appended.", Kind: news.KindBody})
	ex3.People = ex3.People[:2] // Choi and Trump are no longer named
	ex3.Events = ex3.Events[:1]
	ex3.Quotes = nil
	rep := mustSave(t, s, doc3, ex3)
	if rep.Status != news.IngestReplaced || rep.Sentences != len(ex3.Sentences) {
		t.Fatalf("SaveArticle(A changed) = %+v, want replaced", rep)
	}
	if _, n, _ := s.Articles(ctx, 0, 10); n != 1 {
		t.Errorf("Articles after replace: total %d, want 1", n)
	}
	if _, ok, _ := s.ArticleByHash(ctx, news.Hash(doc.Text)); ok {
		t.Errorf("ArticleByHash(old text) found the replaced article")
	}
	if n := searchTotal(t, s, "correction"); n != 1 {
		t.Errorf("Search(correction) total = %d, want 1", n)
	}
	if n := searchTotal(t, s, "Acting President"); n != 1 {
		t.Errorf("Search(Acting President) total = %d, want 1 (the sentence is still in the text)", n)
	}
	checkFTS(t, s)
	got := tableCounts(t, s)
	want := map[string]int{"articles": 1, "sentences": 6, "people": 2, "person_mentions": 2, "events": 1,
		"quotes": 0, "event_participants": 2}
	for tb, n := range want {
		if got[tb] != n {
			t.Errorf("rows in %s after replace = %d, want %d", tb, got[tb], n)
		}
	}
	if ps, _ := s.FindPeople(ctx, "Choi Sang-mok", 5); len(ps) != 0 {
		t.Errorf("FindPeople(Choi Sang-mok) after replace = %v, want none", ps)
	}
	if ps, _ := s.FindPeople(ctx, "Takeshi Iwaya", 5); len(ps) != 1 || ps[0].Mentions != 3 {
		t.Errorf("FindPeople(Takeshi Iwaya) after replace = %+v, want one with 3 mentions", ps)
	}
}

func TestSaveArticleMergesPeopleAcrossArticles(t *testing.T) {
	ctx := context.Background()
	s := loaded(t)
	ps, err := s.FindPeople(ctx, "takeshi iwaya", 5)
	if err != nil || len(ps) != 1 {
		t.Fatalf("FindPeople(takeshi iwaya) = %v, %v; want one person", ps, err)
	}
	iwaya := ps[0]
	if iwaya.Name != "Takeshi Iwaya" || iwaya.Mentions != 5 {
		t.Errorf("FindPeople(takeshi iwaya) = %+v, want Takeshi Iwaya with 5 mentions", iwaya)
	}
	if want := []string{"Iwaya", "Mr. Iwaya"}; !reflect.DeepEqual(iwaya.Aliases, want) {
		t.Errorf("aliases = %v, want %v", iwaya.Aliases, want)
	}
	pf, err := s.Person(ctx, iwaya.ID)
	if err != nil || len(pf.Articles) != 2 {
		t.Errorf("Person(Iwaya).Articles = %v, %v; want 2 articles", pf.Articles, err)
	}
	var people int
	s.db.QueryRow(`SELECT count(*) FROM people`).Scan(&people)
	if people != 4 {
		t.Errorf("people rows = %d, want 4", people)
	}
}

// TestSaveArticleFailureLeavesNothing injects a constraint error after the
// article, its sentences and its people are written.
func TestSaveArticleFailureLeavesNothing(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if _, err := s.db.Exec(`CREATE TRIGGER inject BEFORE INSERT ON quotes BEGIN SELECT RAISE(ABORT, 'injected'); END`); err != nil {
		t.Fatal(err)
	}
	doc, ex := articleA()
	if _, err := s.SaveArticle(ctx, doc, ex); err == nil {
		t.Fatal("SaveArticle with a failing quote insert = nil error, want an error")
	}
	for tb, n := range tableCounts(t, s) {
		if n != 0 {
			t.Errorf("rows in %s after a failed save = %d, want 0", tb, n)
		}
	}
	if n := searchTotal(t, s, "Seoul"); n != 0 {
		t.Errorf("Search(Seoul) after a failed save = %d hits, want 0", n)
	}
	checkFTS(t, s)

	// A failed replacement keeps the old version whole.
	if _, err := s.db.Exec(`DROP TRIGGER inject`); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, doc, ex)
	before := tableCounts(t, s)
	if _, err := s.db.Exec(`CREATE TRIGGER inject BEFORE INSERT ON quotes BEGIN SELECT RAISE(ABORT, 'injected'); END`); err != nil {
		t.Fatal(err)
	}
	doc2 := doc
	doc2.Text += " Changed."
	if _, err := s.SaveArticle(ctx, doc2, ex); err == nil {
		t.Fatal("SaveArticle(replacement) with a failing quote insert = nil error, want an error")
	}
	if after := tableCounts(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("table counts after a failed replacement = %v, want %v", after, before)
	}
	if _, ok, _ := s.ArticleByHash(ctx, news.Hash(doc.Text)); !ok {
		t.Error("ArticleByHash(old text) after a failed replacement = not found, want the old article")
	}
	if n := searchTotal(t, s, "Seoul"); n != 1 {
		t.Errorf("Search(Seoul) after a failed replacement = %d hits, want 1", n)
	}
	checkFTS(t, s)
}

func TestSaveArticleKeepsProvenance(t *testing.T) {
	s := loaded(t)
	// Every fact row names an existing article and a sentence of it.
	for _, tb := range []string{"person_facts", "events", "quotes", "timexes"} {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM ` + tb + ` x WHERE NOT EXISTS
			(SELECT 1 FROM sentences s WHERE s.article_id = x.article_id AND s.idx = x.sentence)`).Scan(&n); err != nil {
			t.Fatalf("check %s: %v", tb, err)
		}
		if n != 0 {
			t.Errorf("%s rows without a sentence = %d, want 0", tb, n)
		}
	}
	rows, err := s.db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Error("PRAGMA foreign_key_check reports violations, want none")
	}
}

func TestNormKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cho Tae-yul", "cho tae yul"},
		{"  CHO   TAE-YUL ", "cho tae yul"},
		{"Mr. O'Brien", "mr obrien"},
		{"José Müller-Łukasz", "jose muller lukasz"},
		{"Straße", "strasse"},
		{"조태열", "조태열"},
		{"U.S.", "us"},
		{"...", ""},
	}
	for _, tt := range tests {
		if got := normKey(tt.in); got != tt.want {
			t.Errorf("normKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestErrNotFound(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if _, err := s.Person(ctx, 42); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Person(42) on an empty store = %v, want news.ErrNotFound", err)
	}
	if _, err := s.LatestArticle(ctx); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("LatestArticle() on an empty store = %v, want news.ErrNotFound", err)
	}
	if _, err := s.ArticleFacts(ctx, 42); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("ArticleFacts(42) on an empty store = %v, want news.ErrNotFound", err)
	}
}

// TestSaveArticleConcurrent saves from several goroutines at once while
// others read: writers queue on the busy timeout instead of failing.
func TestSaveArticleConcurrent(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := newSynth(7)
	const writers, each = 4, 5
	type job struct {
		doc news.Document
		ex  news.Extraction
	}
	jobs := make([][]job, writers)
	for w := range jobs {
		for i := 0; i < each; i++ {
			doc, ex := g.article(w*each + i)
			jobs[w] = append(jobs[w], job{doc, ex})
		}
	}
	errs := make(chan error, writers*each*3)
	var wg sync.WaitGroup
	for w := range jobs {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for _, j := range jobs[w] {
				_, err := s.SaveArticle(ctx, j.doc, j.ex)
				errs <- err
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				_, _, err := s.Articles(ctx, 0, 5)
				errs <- err
				_, err = s.SuggestPeople(ctx, "a", 5)
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent use: %v", err)
		}
	}
	if _, n, err := s.Articles(ctx, 0, 1); err != nil || n != writers*each {
		t.Errorf("Articles total after concurrent saves = %d, %v; want %d", n, err, writers*each)
	}
	checkFTS(t, s)
}

func TestDeleteArticle(t *testing.T) {
	ctx := context.Background()
	s := loaded(t)
	refs, _, _ := s.Articles(ctx, 0, 10)
	newest := refs[0] // article B
	if err := s.DeleteArticle(ctx, newest.ID); err != nil {
		t.Fatalf("DeleteArticle(B): %v", err)
	}
	if err := s.DeleteArticle(ctx, newest.ID); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("DeleteArticle(B) again = %v, want news.ErrNotFound", err)
	}
	ps, _ := s.FindPeople(ctx, "Iwaya", 5)
	if len(ps) != 1 || ps[0].Mentions != 3 || ps[0].Role != "foreign minister" {
		t.Errorf("FindPeople(Iwaya) after deleting B = %+v, want 3 mentions and A's role", ps)
	}
	if names, _ := s.SuggestEvents(ctx, "inaug", 5); len(names) != 1 || names[0] != "inauguration" {
		t.Errorf("SuggestEvents(inaug) after deleting B = %v, want [inauguration] (A's spelling)", names)
	}
	if n := searchTotal(t, s, "alliance"); n != 0 {
		t.Errorf("Search(alliance) after deleting B = %d, want 0", n)
	}
	checkFTS(t, s)

	// Deleting the last article leaves every table empty.
	if err := s.DeleteArticle(ctx, refs[1].ID); err != nil {
		t.Fatalf("DeleteArticle(A): %v", err)
	}
	for tb, n := range tableCounts(t, s) {
		if n != 0 {
			t.Errorf("rows in %s after deleting every article = %d, want 0", tb, n)
		}
	}
}
