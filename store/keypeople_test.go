package store

import (
	"context"
	"slices"
	"testing"

	"factdesk/news"
)

func person(name string, mentions, roles, acts int) keyPerson {
	return keyPerson{PersonMatch: news.PersonMatch{Name: name, Mentions: mentions}, roles: roles, acts: acts}
}

func TestKeyPeople(t *testing.T) {
	tests := []struct {
		name string
		in   []keyPerson
		want []string
	}{
		{"passing mention dropped beside key people",
			[]keyPerson{person("Passing", 1, 0, 0), person("Chief", 3, 1, 1), person("Doctor", 1, 1, 0), person("Deputy", 2, 1, 0)},
			[]string{"Chief", "Deputy", "Doctor"}},
		{"roles and events outrank bare mentions",
			[]keyPerson{person("Named", 3, 0, 0), person("Actor", 1, 1, 1)},
			[]string{"Actor", "Named"}},
		{"a lone key person keeps the passing ones",
			[]keyPerson{person("Only", 2, 1, 0), person("Aside", 1, 0, 0)},
			[]string{"Only", "Aside"}},
		{"all passing are kept",
			[]keyPerson{person("B", 1, 0, 0), person("A", 1, 0, 0)},
			[]string{"A", "B"}},
	}
	for _, tt := range tests {
		if got := names(keyPeople(tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("keyPeople(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// bylineArticle names a minister who acts, a deputy, a reporter and an
// editor of the byline, and a man named once in passing.
func bylineArticle() (news.Document, news.Extraction) {
	text, sents := sentences(
		"Budget passes",
		"Finance minister Rae Holm said the budget passed on Monday.",
		"Deputy minister Ola Berg backed it; Berg voted first.",
		"Banks were closed in honour of Per Lund.",
		"Reporting by Kit Moe; Editing by Jon Sand.",
	)
	doc := news.Document{Path: "byline.txt", Title: "Budget passes", Published: "2024-11-06", Text: text}
	ex := news.Extraction{
		Sentences: sents,
		People: []news.Person{
			{Name: "Rae Holm", Mentions: []int{1}, Facts: []news.PersonFact{{Kind: news.FactRole, Value: "finance minister", Sentence: 1}}},
			{Name: "Ola Berg", Aliases: []string{"Berg"}, Mentions: []int{2, 2}, Facts: []news.PersonFact{{Kind: news.FactRole, Value: "deputy minister", Sentence: 2}}},
			{Name: "Per Lund", Mentions: []int{3}},
			{Name: "Kit Moe", Mentions: []int{4}, Facts: []news.PersonFact{{Kind: news.FactRole, Value: "reporter", Sentence: 4}}},
			{Name: "Jon Sand", Mentions: []int{4}, Facts: []news.PersonFact{{Kind: news.FactRole, Value: "editor", Sentence: 4}}},
		},
		Events: []news.Event{{Name: "vote", Text: "the budget passed", Date: "2024-11-04", Participants: []string{"Rae Holm"},
			Sentence: 1, Status: news.StatusHappened}},
	}
	return doc, ex
}

func TestKeyPeopleLeaveOutBylineAndPassing(t *testing.T) {
	s := mustOpen(t)
	doc, ex := bylineArticle()
	res := mustSave(t, s, doc, ex)
	ctx := context.Background()
	af, err := s.ArticleFacts(ctx, res.Article.ID)
	if err != nil {
		t.Fatalf("ArticleFacts: %v", err)
	}
	want := []string{"Rae Holm", "Ola Berg"}
	if got := names(af.People); !slices.Equal(got, want) {
		t.Errorf("ArticleFacts(byline article).People = %v, want %v", got, want)
	}
	bd, err := s.BriefingData(ctx, news.BriefingQuery{PublishedFrom: "2024-11-01", PublishedTo: "2024-11-30", MaxArticles: 10, MaxPeople: 10})
	if err != nil {
		t.Fatalf("BriefingData: %v", err)
	}
	var got []string
	for _, p := range bd.People {
		got = append(got, p.Name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("BriefingData(byline article).People = %v, want %v", got, want)
	}
}

func TestBriefingUpcomingLeavesOutHappened(t *testing.T) {
	s := mustOpen(t)
	doc, ex := bylineArticle()
	ex.Events = append(ex.Events, news.Event{Name: "hearing", Text: "a hearing", Date: "2024-11-05", Sentence: 2, Status: news.StatusScheduled})
	mustSave(t, s, doc, ex)
	bd, err := s.BriefingData(context.Background(), news.BriefingQuery{
		UpcomingFrom: "2024-11-01", UpcomingTo: "2024-11-07", HappenedFrom: "2024-11-01", HappenedTo: "2024-11-07", MaxEvents: 10})
	if err != nil {
		t.Fatalf("BriefingData: %v", err)
	}
	var up, happened []string
	for _, e := range bd.Upcoming {
		up = append(up, e.Name)
	}
	for _, e := range bd.Happened {
		happened = append(happened, e.Name)
	}
	if !slices.Equal(up, []string{"hearing"}) {
		t.Errorf("BriefingData upcoming = %v, want [hearing] (the vote happened)", up)
	}
	if !slices.Contains(happened, "vote") {
		t.Errorf("BriefingData happened = %v, want the vote in it", happened)
	}
}

func TestKeyPeopleHeadlineSubjectFirst(t *testing.T) {
	s := mustOpen(t)
	text, sents := sentences(
		"Ada Finch dies at 90",
		"Ada Finch died on Sunday.",
		"Her son Tom Finch confirmed it; Tom Finch said she was at home.",
	)
	doc := news.Document{Path: "obit.txt", Title: "Ada Finch dies at 90", Published: "2024-03-06", Text: text}
	ex := news.Extraction{Sentences: sents, People: []news.Person{
		{Name: "Tom Finch", Mentions: []int{2, 2}},
		{Name: "Ada Finch", Mentions: []int{1}},
	}}
	res := mustSave(t, s, doc, ex)
	af, err := s.ArticleFacts(context.Background(), res.Article.ID)
	if err != nil {
		t.Fatalf("ArticleFacts: %v", err)
	}
	if got := names(af.People); len(got) == 0 || got[0] != "Ada Finch" {
		t.Errorf("ArticleFacts(obituary).People = %v, want Ada Finch first", got)
	}
	bd, err := s.BriefingData(context.Background(), news.BriefingQuery{PublishedFrom: "2024-03-01", PublishedTo: "2024-03-31", MaxArticles: 5, MaxPeople: 5})
	if err != nil {
		t.Fatalf("BriefingData: %v", err)
	}
	if len(bd.People) == 0 || bd.People[0].Name != "Ada Finch" {
		t.Errorf("BriefingData(obituary).People = %v, want Ada Finch first", bd.People)
	}
}
