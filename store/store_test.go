package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"factdesk/commands"
	"factdesk/news"
)

// The compile-time check lives here: store must not import commands.
var _ commands.Facts = (*Store)(nil)

// mustOpen opens a new store in a fresh file under tb.TempDir.
func mustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), "factdesk.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// sentences builds sentences with byte offsets from plain strings; the
// first is the headline.
func sentences(texts ...string) (string, []news.Sentence) {
	var b strings.Builder
	var out []news.Sentence
	for i, t := range texts {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(t)
		kind := news.KindBody
		if i == 0 {
			kind = news.KindHeadline
		}
		out = append(out, news.Sentence{Text: t, Start: start, End: b.Len(), Kind: kind})
	}
	return b.String(), out
}

// articleA is a hand-built extraction of a short article about a
// ministers' meeting.
func articleA() (news.Document, news.Extraction) {
	text, sents := sentences(
		"Japan and South Korea reaffirm ties",
		"Foreign Minister Takeshi Iwaya and his South Korean counterpart, Cho Tae-yul, met in Seoul on Jan. 13.",
		"Iwaya is scheduled to attend Trump's inauguration in Washington on Jan. 20.",
		`"We must deepen trilateral cooperation," Cho said.`,
		"Acting President Choi Sang-mok also met Iwaya.",
	)
	doc := news.Document{Path: "a.txt", Title: "Japan and South Korea reaffirm ties", URL: "https://example.com/a",
		Source: "Example Daily", Authors: []string{"Ann Writer"}, Published: "2025-01-13", Text: text}
	ex := news.Extraction{
		Path: "a.txt", Published: "2025-01-13", Dateline: "SEOUL", Sentences: sents,
		People: []news.Person{
			{Name: "Takeshi Iwaya", Aliases: []string{"Iwaya"}, Roles: []string{"foreign minister"}, Nationality: "Japanese",
				Mentions: []int{1, 2, 4}, Facts: []news.PersonFact{
					{Kind: news.FactRole, Value: "foreign minister", Sentence: 1},
					{Kind: news.FactNationality, Value: "Japanese", Sentence: 1}}},
			{Name: "Cho Tae-yul", Aliases: []string{"Cho"}, Descriptions: []string{"South Korean counterpart"},
				Mentions: []int{1, 3}, Facts: []news.PersonFact{
					{Kind: news.FactDescription, Value: "South Korean counterpart", Sentence: 1},
					{Kind: news.FactNationality, Value: "South Korean", Sentence: 1}}},
			{Name: "Choi Sang-mok", Aliases: []string{"Choi"}, Roles: []string{"acting president"}, Mentions: []int{4}},
			{Name: "Donald Trump", Aliases: []string{"Trump"}, Mentions: []int{2}},
		},
		Organizations: []news.Entity{{Name: "Foreign Ministry", Mentions: []int{1}}},
		Places:        []news.Entity{{Name: "Seoul", Mentions: []int{1}}, {Name: "Washington", Mentions: []int{2}}},
		Timexes: []news.Timex{
			{Text: "Jan. 13", Type: news.TimexDate, Value: "2025-01-13", Sentence: 1},
			{Text: "Jan. 20", Type: news.TimexDate, Value: "2025-01-20", Sentence: 2},
		},
		Events: []news.Event{
			{Name: "meeting", Text: "met in Seoul", Date: "2025-01-13", Place: "Seoul",
				Participants: []string{"Takeshi Iwaya", "Cho Tae-yul"}, Sentence: 1, Status: news.StatusHappened},
			{Name: "inauguration", Text: "attend Trump's inauguration", Date: "2025-01-20", Place: "Washington",
				Participants: []string{"Iwaya", "Trump"}, Sentence: 2, Status: news.StatusScheduled},
		},
		Quotes:  []news.Quote{{Speaker: "Cho", Text: "We must deepen trilateral cooperation", Direct: true, Sentence: 3}},
		Summary: []int{1, 2},
	}
	return doc, ex
}

// articleB is a later article that names Iwaya again, with a new event.
func articleB() (news.Document, news.Extraction) {
	text, sents := sentences(
		"Iwaya attends inauguration",
		"Japanese Foreign Minister Takeshi Iwaya attended the inauguration in Washington on Jan. 20.",
		`Iwaya said the alliance was "stronger than ever".`,
	)
	doc := news.Document{Path: "b.txt", Title: "Iwaya attends inauguration", URL: "https://example.com/b",
		Published: "2025-01-20", Text: text}
	ex := news.Extraction{
		Sentences: sents,
		People: []news.Person{
			{Name: "TAKESHI  IWAYA", Aliases: []string{"Iwaya", "Mr. Iwaya"}, Roles: []string{"Japanese foreign minister"},
				Mentions: []int{1, 2}, Facts: []news.PersonFact{
					{Kind: news.FactRole, Value: "Japanese foreign minister", Sentence: 1},
					{Kind: news.FactNationality, Value: "Japanese", Sentence: 1}}},
		},
		Events: []news.Event{{Name: "Inauguration", Text: "attended the inauguration", Date: "2025-01-20",
			Place: "Washington", Participants: []string{"Iwaya"}, Sentence: 1, Status: news.StatusHappened}},
		Quotes:  []news.Quote{{Speaker: "Iwaya", Text: "the alliance was stronger than ever", Sentence: 2}},
		Summary: []int{1},
	}
	return doc, ex
}

// mustSave saves an article and fails the test on error.
func mustSave(tb testing.TB, s *Store, doc news.Document, ex news.Extraction) news.IngestResult {
	tb.Helper()
	res, err := s.SaveArticle(context.Background(), doc, ex)
	if err != nil {
		tb.Fatalf("SaveArticle(%q): %v", doc.Title, err)
	}
	return res
}

// loaded returns a store holding articleA and articleB.
func loaded(tb testing.TB) *Store {
	tb.Helper()
	s := mustOpen(tb)
	docA, exA := articleA()
	mustSave(tb, s, docA, exA)
	docB, exB := articleB()
	mustSave(tb, s, docB, exB)
	return s
}
