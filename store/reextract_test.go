package store

import (
	"context"
	"testing"

	"factdesk/news"
)

// Facts written by an older extractor are replaced by what the current one
// finds, and the article keeps its text, title and date.
func TestReextractReplacesFacts(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	doc := news.Document{Title: "Port reopens", Published: "2024-05-02", Text: "Mayor Ana Costa reopened the port."}
	old := news.Extraction{
		Sentences: []news.Sentence{{Text: doc.Text, Start: 0, End: len(doc.Text), Kind: news.KindBody}},
		People:    []news.Person{{Name: "Port Authority", Mentions: []int{0}}},
	}
	if _, err := s.SaveArticle(ctx, doc, old); err != nil {
		t.Fatal(err)
	}
	current := func(d news.Document) news.Extraction {
		if d.Text != doc.Text || d.Title != doc.Title || d.Published != doc.Published {
			t.Errorf("Reextract fed %+v, want the stored document", d)
		}
		ex := old
		ex.People = []news.Person{{Name: "Ana Costa", Roles: []string{"mayor"}, Mentions: []int{0}}}
		return ex
	}
	n, err := s.Reextract(ctx, current)
	if err != nil || n != 1 {
		t.Fatalf("Reextract = %d, %v; want 1, nil", n, err)
	}
	if got, _ := s.FindPeople(ctx, "Port Authority", 5); len(got) != 0 {
		t.Errorf("FindPeople(old person) = %+v, want none after Reextract", got)
	}
	got, err := s.FindPeople(ctx, "Ana Costa", 5)
	if err != nil || len(got) != 1 {
		t.Fatalf("FindPeople(Ana Costa) = %+v, %v; want her", got, err)
	}
	refs, total, err := s.Articles(ctx, 0, 5)
	if err != nil || total != 1 || refs[0].Title != "Port reopens" || refs[0].Published != "2024-05-02" {
		t.Errorf("Articles after Reextract = %+v (%d), %v; want the one article unchanged", refs, total, err)
	}
}
