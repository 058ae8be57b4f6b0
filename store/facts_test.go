package store

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"factdesk/news"
)

func names(ms []news.PersonMatch) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, m.Name)
	}
	return out
}

func personID(t *testing.T, s *Store, name string) int64 {
	t.Helper()
	ps, err := s.FindPeople(context.Background(), name, 1)
	if err != nil || len(ps) == 0 {
		t.Fatalf("FindPeople(%q) = %v, %v; want a person", name, ps, err)
	}
	return ps[0].ID
}

func TestFindPeople(t *testing.T) {
	s := loaded(t)
	// A second person sharing the alias "Cho" makes the name ambiguous.
	text, sents := sentences("Cho Min-ho speaks", "Cho Min-ho, a lawmaker, spoke.", "Cho said more.", "Cho again.")
	mustSave(t, s, news.Document{Title: "Cho Min-ho speaks", Published: "2025-01-14", Text: text}, news.Extraction{
		Sentences: sents,
		People:    []news.Person{{Name: "Cho Min-ho", Aliases: []string{"Cho"}, Mentions: []int{1, 2, 3}}},
	})
	tests := []struct {
		name string
		want []string
	}{
		{"Takeshi Iwaya", []string{"Takeshi Iwaya"}},
		{"takeshi   IWAYA", []string{"Takeshi Iwaya"}},
		{"Iwaya", []string{"Takeshi Iwaya"}},
		{"Mr Iwaya", []string{"Takeshi Iwaya"}},
		{"Cho", []string{"Cho Min-ho", "Cho Tae-yul"}}, // most mentioned first
		{"Cho Tae yul", []string{"Cho Tae-yul"}},
		{"Choi", []string{"Choi Sang-mok"}},
		{"Tae-yul", []string{}}, // a word of a name is not a name
		{"Nobody", []string{}},
		{"  ", []string{}},
	}
	for _, tt := range tests {
		got, err := s.FindPeople(context.Background(), tt.name, 10)
		if err != nil {
			t.Errorf("FindPeople(%q): %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(names(got), tt.want) {
			t.Errorf("FindPeople(%q) = %v, want %v", tt.name, names(got), tt.want)
		}
	}
	got, _ := s.FindPeople(context.Background(), "Iwaya", 10)
	if len(got) == 1 && (got[0].Role != "Japanese foreign minister" || got[0].Mentions != 5) {
		t.Errorf("FindPeople(Iwaya)[0] = %+v, want newest role Japanese foreign minister and 5 mentions", got[0])
	}
}

func TestSuggestPeople(t *testing.T) {
	s := loaded(t)
	tests := []struct {
		partial string
		limit   int
		want    []string
	}{
		{"ch", 10, []string{"Cho Tae-yul", "Choi Sang-mok"}},
		{"CHOI", 10, []string{"Choi Sang-mok"}},
		{"iw", 10, []string{"Takeshi Iwaya"}},
		{"tae", 10, []string{"Cho Tae-yul"}}, // a word inside the name
		{"mok", 10, []string{"Choi Sang-mok"}},
		// Whole-name and alias prefixes come before word matches, even
		// when the word match has more mentions.
		{"t", 10, []string{"Takeshi Iwaya", "Donald Trump", "Cho Tae-yul"}},
		{"t", 2, []string{"Takeshi Iwaya", "Donald Trump"}},
		{"", 2, []string{"Takeshi Iwaya", "Cho Tae-yul"}},
		{"zz", 10, []string{}},
	}
	for _, tt := range tests {
		got, err := s.SuggestPeople(context.Background(), tt.partial, tt.limit)
		if err != nil {
			t.Errorf("SuggestPeople(%q, %d): %v", tt.partial, tt.limit, err)
			continue
		}
		if !reflect.DeepEqual(names(got), tt.want) {
			t.Errorf("SuggestPeople(%q, %d) = %v, want %v", tt.partial, tt.limit, names(got), tt.want)
		}
	}
}

func TestNearestPeople(t *testing.T) {
	s := loaded(t)
	tests := []struct{ name, want string }{
		{"Cho Tae-yol", "Cho Tae-yul"},
		{"Iwaja", "Takeshi Iwaya"},
		{"Takesi Iwaya", "Takeshi Iwaya"},
		{"Choi Sang-mock", "Choi Sang-mok"},
		{"Donld Trmp", "Donald Trump"},
	}
	for _, tt := range tests {
		got, err := s.NearestPeople(context.Background(), tt.name, 3)
		if err != nil || len(got) == 0 || got[0].Name != tt.want {
			t.Errorf("NearestPeople(%q) = %v, %v; want %s first", tt.name, names(got), err, tt.want)
		}
		if len(got) > 3 {
			t.Errorf("NearestPeople(%q) gave %d names, want at most 3", tt.name, len(got))
		}
	}
	// Words that are not like any stored name suggest nobody.
	for _, name := range []string{"Xylophone Quartz", "Seoul", "president", "Washington"} {
		if got, err := s.NearestPeople(context.Background(), name, 3); err != nil || len(got) != 0 {
			t.Errorf("NearestPeople(%s) = %v, %v; want none", name, names(got), err)
		}
	}
}

func TestPerson(t *testing.T) {
	ctx := context.Background()
	s := loaded(t)
	pf, err := s.Person(ctx, personID(t, s, "Iwaya"))
	if err != nil {
		t.Fatalf("Person(Iwaya): %v", err)
	}
	if pf.Name != "Takeshi Iwaya" || pf.Nationality != "Japanese" || pf.Mentions != 5 {
		t.Errorf("Person(Iwaya) = %s, %s, %d mentions; want Takeshi Iwaya, Japanese, 5", pf.Name, pf.Nationality, pf.Mentions)
	}
	var roles []string
	for _, r := range pf.Roles {
		roles = append(roles, r.Role+"@"+r.Since)
	}
	if want := []string{"Japanese foreign minister@2025-01-20", "foreign minister@2025-01-13"}; !reflect.DeepEqual(roles, want) {
		t.Errorf("Person(Iwaya).Roles = %v, want %v", roles, want)
	}
	if r := pf.Roles[0]; r.Source.SentenceIndex != 1 || !strings.Contains(r.Source.Sentence, "attended the inauguration") ||
		r.Source.Article.Title != "Iwaya attends inauguration" || r.Nationality != "Japanese" {
		t.Errorf("Person(Iwaya).Roles[0] = %+v, want cited to sentence 1 of the newest article", r)
	}
	var events []string
	for _, e := range pf.Events {
		events = append(events, e.Name+"/"+e.Status)
	}
	if want := []string{"Inauguration/happened", "meeting/happened", "inauguration/scheduled"}; !reflect.DeepEqual(events, want) {
		t.Errorf("Person(Iwaya).Events = %v, want %v", events, want)
	}
	if want := []string{"Takeshi Iwaya", "Donald Trump"}; !reflect.DeepEqual(pf.Events[2].Participants, want) {
		t.Errorf("Person(Iwaya).Events[2].Participants = %v, want %v (resolved names)", pf.Events[2].Participants, want)
	}
	if len(pf.Quotes) != 1 || pf.Quotes[0].Speaker != "Takeshi Iwaya" || pf.Quotes[0].Source.SentenceIndex != 2 {
		t.Errorf("Person(Iwaya).Quotes = %+v, want one quote from sentence 2", pf.Quotes)
	}
	if len(pf.Articles) != 2 || pf.Articles[0].Published != "2025-01-20" || pf.Articles[1].Published != "2025-01-13" {
		t.Errorf("Person(Iwaya).Articles = %+v, want the two articles newest first", pf.Articles)
	}

	cho, err := s.Person(ctx, personID(t, s, "Cho Tae-yul"))
	if err != nil {
		t.Fatalf("Person(Cho): %v", err)
	}
	if cho.Nationality != "South Korean" || len(cho.Roles) != 1 || !cho.Roles[0].Description ||
		cho.Roles[0].Role != "South Korean counterpart" {
		t.Errorf("Person(Cho) = %+v, want a South Korean with one description", cho)
	}
	if len(cho.Quotes) != 1 || cho.Quotes[0].Text != "We must deepen trilateral cooperation" || !cho.Quotes[0].Direct {
		t.Errorf("Person(Cho).Quotes = %+v, want the direct quote", cho.Quotes)
	}
	// A role known only from Roles is cited at the first mention.
	choi, err := s.Person(ctx, personID(t, s, "Choi"))
	if err != nil || len(choi.Roles) != 1 || choi.Roles[0].Role != "acting president" || choi.Roles[0].Source.SentenceIndex != 4 {
		t.Errorf("Person(Choi).Roles = %+v, %v; want acting president cited at sentence 4", choi.Roles, err)
	}
}

func TestEvents(t *testing.T) {
	ctx := context.Background()
	s := loaded(t)
	tests := []struct {
		name string
		want []string // date/status/article date
	}{
		{"inauguration", []string{"2025-01-20/happened/2025-01-20", "2025-01-20/scheduled/2025-01-13"}},
		{"INAUGURATION", []string{"2025-01-20/happened/2025-01-20", "2025-01-20/scheduled/2025-01-13"}},
		{"inaug", []string{"2025-01-20/happened/2025-01-20", "2025-01-20/scheduled/2025-01-13"}},
		{"meeting", []string{"2025-01-13/happened/2025-01-13"}},
		{"summit", []string{}},
		{"", []string{}},
	}
	for _, tt := range tests {
		es, err := s.EventsNamed(ctx, tt.name)
		if err != nil {
			t.Errorf("EventsNamed(%q): %v", tt.name, err)
			continue
		}
		got := []string{}
		for _, e := range es {
			got = append(got, e.Date+"/"+e.Status+"/"+e.Source.Article.Published)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("EventsNamed(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
	es, _ := s.EventsNamed(ctx, "meeting")
	if len(es) == 1 && (es[0].Place != "Seoul" || !strings.Contains(es[0].Source.Sentence, "met in Seoul")) {
		t.Errorf("EventsNamed(meeting)[0] = %+v, want Seoul with its sentence", es[0])
	}

	suggest := []struct {
		partial string
		want    []string
	}{
		{"in", []string{"inauguration"}},
		{"Me", []string{"meeting"}},
		{"", []string{"Inauguration", "meeting"}},
		{"x", []string{}},
	}
	for _, tt := range suggest {
		got, err := s.SuggestEvents(ctx, tt.partial, 5)
		if err != nil {
			t.Errorf("SuggestEvents(%q): %v", tt.partial, err)
			continue
		}
		if got == nil {
			got = []string{}
		}
		// Names differing only in case are one event; either spelling will do.
		for i := range got {
			got[i] = strings.ToLower(got[i])
		}
		want := append([]string{}, tt.want...)
		for i := range want {
			want[i] = strings.ToLower(want[i])
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("SuggestEvents(%q) = %v, want %v", tt.partial, got, want)
		}
	}
}

func TestArticles(t *testing.T) {
	ctx := context.Background()
	s := loaded(t)
	af, err := s.LatestArticle(ctx)
	if err != nil || af.Article.Title != "Iwaya attends inauguration" {
		t.Fatalf("LatestArticle() = %+v, %v; want the 2025-01-20 article", af.Article, err)
	}
	refs, total, err := s.Articles(ctx, 0, 10)
	if err != nil || total != 2 || len(refs) != 2 || refs[0].Published != "2025-01-20" {
		t.Fatalf("Articles(0, 10) = %+v, %d, %v; want 2 newest first", refs, total, err)
	}
	if page, total, _ := s.Articles(ctx, 1, 1); total != 2 || len(page) != 1 || page[0].ID != refs[1].ID {
		t.Errorf("Articles(1, 1) = %+v, %d; want the older article of 2", page, total)
	}

	a, err := s.ArticleFacts(ctx, refs[1].ID)
	if err != nil {
		t.Fatalf("ArticleFacts(A): %v", err)
	}
	if a.Dateline != "SEOUL" || !reflect.DeepEqual(a.Authors, []string{"Ann Writer"}) || a.Sentences != 5 ||
		a.Article.URL != "https://example.com/a" || a.Article.Source != "Example Daily" {
		t.Errorf("ArticleFacts(A) = %+v, want its metadata", a)
	}
	if len(a.Summary) != 2 || !strings.HasPrefix(a.Summary[0], "Foreign Minister Takeshi Iwaya") {
		t.Errorf("ArticleFacts(A).Summary = %q, want sentences 1 and 2", a.Summary)
	}
	var people []string
	for _, p := range a.People {
		people = append(people, p.Name+"/"+p.Role)
	}
	// Iwaya's role as this article states it, not his newest one, with
	// the nationality it gives.
	want := []string{"Takeshi Iwaya/foreign minister (Japanese)", "Cho Tae-yul/", "Choi Sang-mok/acting president", "Donald Trump/"}
	if !reflect.DeepEqual(people, want) {
		t.Errorf("ArticleFacts(A).People = %v, want %v", people, want)
	}
	if len(a.Events) != 2 || a.Events[0].Name != "meeting" || a.Events[1].Name != "inauguration" {
		t.Errorf("ArticleFacts(A).Events = %+v, want meeting then inauguration", a.Events)
	}

	suggest := []struct {
		partial string
		want    []string
	}{
		{"iwaya", []string{"Iwaya attends inauguration"}},
		{"JAPAN AND", []string{"Japan and South Korea reaffirm ties"}},
		{"korea", []string{"Japan and South Korea reaffirm ties"}},
		{"ko", []string{"Japan and South Korea reaffirm ties"}},
		{"i", []string{"Iwaya attends inauguration"}},
		{"a", []string{"Iwaya attends inauguration", "Japan and South Korea reaffirm ties"}}, // word matches, newest first
		{"j", []string{"Japan and South Korea reaffirm ties"}},
		{"", []string{"Iwaya attends inauguration", "Japan and South Korea reaffirm ties"}},
		{"zzz", []string{}},
	}
	for _, tt := range suggest {
		refs, err := s.SuggestArticles(ctx, tt.partial, 5)
		got := []string{}
		for _, r := range refs {
			got = append(got, r.Title)
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SuggestArticles(%q) = %v, %v; want %v", tt.partial, got, err, tt.want)
		}
	}
}

func TestQuotes(t *testing.T) {
	ctx := context.Background()
	s := loaded(t)
	qs, err := s.Quotes(ctx, 0, 10)
	if err != nil || len(qs) != 2 || qs[0].Speaker != "Takeshi Iwaya" || qs[1].Speaker != "Cho Tae-yul" {
		t.Fatalf("Quotes(0, 10) = %+v, %v; want Iwaya's (newer) then Cho's", qs, err)
	}
	if qs, _ := s.Quotes(ctx, 0, 1); len(qs) != 1 {
		t.Errorf("Quotes(0, 1) gave %d quotes, want 1", len(qs))
	}
	cho := personID(t, s, "Cho Tae-yul")
	qs, err = s.Quotes(ctx, cho, 10)
	if err != nil || len(qs) != 1 || !strings.Contains(qs[0].Source.Sentence, "Cho said") || qs[0].Source.Article.Published != "2025-01-13" {
		t.Errorf("Quotes(Cho) = %+v, %v; want one quote with its sentence", qs, err)
	}
	if qs, err := s.Quotes(ctx, personID(t, s, "Donald Trump"), 10); err != nil || len(qs) != 0 {
		t.Errorf("Quotes(Trump) = %+v, %v; want none", qs, err)
	}
}

// TestPersonRolesFollowArticles checks the per-person role summary as
// articles are added and replaced: a role restated later moves to the
// front, keeps its first date and is cited from the newest article, and a
// role whose only article is replaced away disappears.
func TestPersonRolesFollowArticles(t *testing.T) {
	ctx := context.Background()
	s := loaded(t)
	iwaya := personID(t, s, "Iwaya")
	text, sents := sentences("Minister visits", "Foreign Minister Takeshi Iwaya visited Manila.")
	mustSave(t, s, news.Document{Title: "Minister visits", URL: "https://example.com/c", Published: "2025-01-25", Text: text},
		news.Extraction{Sentences: sents, People: []news.Person{{Name: "Takeshi Iwaya", Mentions: []int{1},
			Facts: []news.PersonFact{{Kind: news.FactRole, Value: "Foreign Minister", Sentence: 1}}}}})
	roles := func() []string {
		t.Helper()
		pf, err := s.Person(ctx, iwaya)
		if err != nil {
			t.Fatalf("Person(Iwaya): %v", err)
		}
		var out []string
		for _, r := range pf.Roles {
			out = append(out, r.Role+"@"+r.Since+"#"+r.Source.Article.Published)
		}
		return out
	}
	want := []string{"foreign minister@2025-01-13#2025-01-25", "Japanese foreign minister@2025-01-20#2025-01-20"}
	if got := roles(); !reflect.DeepEqual(got, want) {
		t.Errorf("Person(Iwaya).Roles after a restatement = %v, want %v", got, want)
	}
	if ps, _ := s.FindPeople(ctx, "Iwaya", 1); len(ps) != 1 || ps[0].Role != "foreign minister" {
		t.Errorf("FindPeople(Iwaya) role = %+v, want the most recently stated, foreign minister", ps)
	}

	// Replace article B with a version that gives no role.
	doc, ex := articleB()
	doc.Text += " Updated."
	ex.People[0].Roles, ex.People[0].Facts = nil, nil
	if res := mustSave(t, s, doc, ex); res.Status != news.IngestReplaced {
		t.Fatalf("SaveArticle(B changed).Status = %s, want replaced", res.Status)
	}
	want = []string{"foreign minister@2025-01-13#2025-01-25"}
	if got := roles(); !reflect.DeepEqual(got, want) {
		t.Errorf("Person(Iwaya).Roles after replacing B = %v, want %v", got, want)
	}
}
