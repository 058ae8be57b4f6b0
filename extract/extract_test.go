package extract

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"factdesk/news"
)

// expected is the hand-written golden file for the bundled article.
type expected struct {
	Published string   `json:"published"`
	Dateline  string   `json:"dateline"`
	Authors   []string `json:"authors"`
	People    []struct {
		Name         string   `json:"name"`
		Aliases      []string `json:"aliases"`
		Roles        []string `json:"roles"`
		Descriptions []string `json:"descriptions"`
		Nationality  string   `json:"nationality"`
	} `json:"people"`
	Quotes []struct {
		Speaker string `json:"speaker"`
		Prefix  string `json:"prefix"`
		Direct  bool   `json:"direct"`
	} `json:"quotes"`
	Places        []string       `json:"places"`
	Organizations []string       `json:"organizations"`
	Kinds         map[string]int `json:"kinds"`
	Timexes       []struct {
		Text, Type, Value string
	} `json:"timexes"`
}

func loadSeed(t *testing.T) (string, expected) {
	t.Helper()
	b, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	e, err := os.ReadFile("testdata/seed.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var want expected
	if err := json.Unmarshal(e, &want); err != nil {
		t.Fatalf("testdata/seed.expected.json: %v", err)
	}
	return string(b), want
}

func findPerson(ex news.Extraction, name string) (news.Person, bool) {
	for _, p := range ex.People {
		if p.Name == name {
			return p, true
		}
	}
	return news.Person{}, false
}

// TestGoldenSeed checks the bundled article against the facts a reader
// gives (testdata/seed.expected.json).
func TestGoldenSeed(t *testing.T) {
	text, want := loadSeed(t)
	doc := news.Document{Path: "seed", Published: want.Published, Text: text}
	ex := Extract(doc)
	checkInvariants(t, doc, ex)

	if ex.Dateline != want.Dateline {
		t.Errorf("Extract(seed).Dateline = %q, want %q", ex.Dateline, want.Dateline)
	}
	if !slices.Equal(ex.Authors, want.Authors) {
		t.Errorf("Extract(seed).Authors = %q, want %q", ex.Authors, want.Authors)
	}
	for _, wp := range want.People {
		p, ok := findPerson(ex, wp.Name)
		if !ok {
			t.Errorf("Extract(seed) has no person %q", wp.Name)
			continue
		}
		for _, r := range wp.Roles {
			if !slices.Contains(p.Roles, r) {
				t.Errorf("Extract(seed) %s roles = %q, want %q among them", wp.Name, p.Roles, r)
			}
		}
		for _, d := range wp.Descriptions {
			if !slices.Contains(p.Descriptions, d) {
				t.Errorf("Extract(seed) %s descriptions = %q, want %q among them", wp.Name, p.Descriptions, d)
			}
		}
		for _, a := range wp.Aliases {
			if !slices.Contains(p.Aliases, a) {
				t.Errorf("Extract(seed) %s aliases = %q, want %q among them", wp.Name, p.Aliases, a)
			}
		}
		if p.Nationality != wp.Nationality {
			t.Errorf("Extract(seed) %s nationality = %q, want %q", wp.Name, p.Nationality, wp.Nationality)
		}
		for _, f := range p.Facts {
			if f.Sentence < 0 || f.Sentence >= len(ex.Sentences) {
				t.Errorf("Extract(seed) %s fact %+v points at no sentence", wp.Name, f)
			}
		}
	}
	if len(ex.People) != len(want.People) {
		var got []string
		for _, p := range ex.People {
			got = append(got, p.Name)
		}
		t.Errorf("Extract(seed) people = %q, want exactly the %d expected", got, len(want.People))
	}
	for _, wq := range want.Quotes {
		found := false
		for _, q := range ex.Quotes {
			if q.Speaker == wq.Speaker && q.Direct == wq.Direct && strings.HasPrefix(q.Text, wq.Prefix) {
				found = true
			}
		}
		if !found {
			t.Errorf("Extract(seed) quotes = %+v, want %q by %s (direct %v)", ex.Quotes, wq.Prefix, wq.Speaker, wq.Direct)
		}
	}
	for _, pl := range want.Places {
		if !slices.ContainsFunc(ex.Places, func(e news.Entity) bool { return e.Name == pl }) {
			t.Errorf("Extract(seed) places = %+v, want %q among them", ex.Places, pl)
		}
	}
	for _, o := range want.Organizations {
		if !slices.ContainsFunc(ex.Organizations, func(e news.Entity) bool { return e.Name == o }) {
			t.Errorf("Extract(seed) organizations = %+v, want %q among them", ex.Organizations, o)
		}
	}
	kinds := map[string]int{}
	for _, s := range ex.Sentences {
		kinds[s.Kind]++
	}
	for k, n := range want.Kinds {
		if kinds[k] != n {
			t.Errorf("Extract(seed) has %d %s sentences, want %d", kinds[k], k, n)
		}
	}
	if len(ex.Sentences) > 0 && !strings.HasPrefix(ex.Sentences[3].Text, "Top Japanese") {
		t.Errorf("Extract(seed) first body sentence = %q, want it to start after the dateline", ex.Sentences[3].Text)
	}
	var got []string
	for _, tx := range ex.Timexes {
		got = append(got, tx.Text+"|"+tx.Type+"|"+tx.Value)
	}
	var wantT []string
	for _, tx := range want.Timexes {
		wantT = append(wantT, tx.Text+"|"+tx.Type+"|"+tx.Value)
	}
	if !slices.Equal(got, wantT) {
		t.Errorf("Extract(seed) timexes = %q, want %q", got, wantT)
	}
	if len(ex.Summary) != 3 {
		t.Errorf("Extract(seed).Summary = %v, want 3 sentences", ex.Summary)
	}
}

// checkInvariants checks what must hold for any input: offsets point into
// the input and give back each sentence's text, indexes point at
// sentences, and the summary is body sentences in text order.
func checkInvariants(t *testing.T, doc news.Document, ex news.Extraction) {
	t.Helper()
	in := strings.Repeat("x", doc.Offset) + doc.Text
	prevEnd := 0
	for i, s := range ex.Sentences {
		if s.Start < doc.Offset || s.End > len(in) || s.Start > s.End || s.Start < prevEnd {
			t.Fatalf("sentence %d [%d,%d) out of order or outside the input (len %d, previous end %d)", i, s.Start, s.End, len(in), prevEnd)
		}
		if in[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d text %q, want input[%d:%d] = %q", i, s.Text, s.Start, s.End, in[s.Start:s.End])
		}
		prevEnd = s.End
	}
	valid := func(i int) bool { return i >= 0 && i < len(ex.Sentences) }
	for _, p := range ex.People {
		if p.Name == "" || len(p.Mentions) == 0 {
			t.Fatalf("person %+v has no name or no mention", p)
		}
		for _, m := range p.Mentions {
			if !valid(m) {
				t.Fatalf("person %q mention %d points at no sentence", p.Name, m)
			}
		}
	}
	for _, es := range [][]news.Entity{ex.Places, ex.Organizations} {
		for _, e := range es {
			for _, m := range e.Mentions {
				if !valid(m) {
					t.Fatalf("entity %q mention %d points at no sentence", e.Name, m)
				}
			}
		}
	}
	for _, tx := range ex.Timexes {
		if tx.Start < doc.Offset || tx.End > len(in) || tx.Start > tx.End || in[tx.Start:tx.End] != tx.Text || !valid(tx.Sentence) {
			t.Fatalf("timex %+v does not point into the input", tx)
		}
	}
	for _, q := range ex.Quotes {
		if !valid(q.Sentence) || q.Speaker == "" {
			t.Fatalf("quote %+v has no speaker or no sentence", q)
		}
	}
	for _, e := range ex.Events {
		if !valid(e.Sentence) {
			t.Fatalf("event %+v points at no sentence", e)
		}
	}
	for i, s := range ex.Summary {
		if !valid(s) || (i > 0 && s <= ex.Summary[i-1]) {
			t.Fatalf("summary %v is not increasing sentence indexes", ex.Summary)
		}
		if k := ex.Sentences[s].Kind; k != news.KindBody {
			t.Fatalf("summary %v includes a %s sentence", ex.Summary, k)
		}
	}
	if _, err := json.Marshal(ex); err != nil {
		t.Fatalf("json.Marshal(extraction): %v", err)
	}
}

// TestSeedWithFrontMatterOffset checks that offsets count the front matter
// the caller says preceded the text.
func TestSeedWithFrontMatterOffset(t *testing.T) {
	text, _ := loadSeed(t)
	doc := news.Document{Text: text, Offset: 57, Published: "2025-01-13"}
	ex := Extract(doc)
	checkInvariants(t, doc, ex)
	// The first sentence is the caption without its "Photo/..." label.
	want := 57 + strings.Index(text, ex.Sentences[0].Text)
	if got := ex.Sentences[0].Start; got != want || want < 57 {
		t.Errorf("Extract(offset 57).Sentences[0].Start = %d, want %d", got, want)
	}
	if strings.HasPrefix(ex.Sentences[0].Text, "Photo") {
		t.Errorf("Extract(seed).Sentences[0].Text = %q, want the caption without its label", ex.Sentences[0].Text)
	}
}

// TestConcurrentExtract runs the pipeline from several goroutines at once,
// as the bot does when articles arrive together; run it with -race.
func TestConcurrentExtract(t *testing.T) {
	text, want := loadSeed(t)
	done := make(chan news.Extraction)
	for range 4 {
		go func() { done <- Extract(news.Document{Text: text, Published: want.Published}) }()
	}
	for range 4 {
		if ex := <-done; len(ex.People) != len(want.People) {
			t.Errorf("Extract(seed) in parallel found %d people, want %d", len(ex.People), len(want.People))
		}
	}
}
