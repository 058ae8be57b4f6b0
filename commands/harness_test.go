package commands_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"factdesk/commands"
	"factdesk/ingest"
	"factdesk/news"
	"factdesk/store"
)

// now is the clock of every test request: the day after the bundled
// article was written.
var now = time.Date(2025, 1, 14, 9, 0, 0, 0, time.UTC)

// env is a Router over a real SQLite store holding the bundled article,
// two MEANTIME articles and hand-built ones.
type env struct {
	t      testing.TB
	store  *store.Store
	router *commands.Router
	ids    map[string]int64 // fixture name to article ID
}

// seedTitle is the title the tests give the bundled article, which has none.
const seedTitle = "Japan and South Korea reaffirm cooperation ahead of Trump inauguration"

func newEnv(t testing.TB) *env {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatalf("store.Open = %v", err)
	}
	t.Cleanup(func() { s.Close() })
	e := &env{t: t, store: s, ids: map[string]int64{}}
	in := ingest.New(s, ingest.Options{})

	seed, err := os.ReadFile("../data/000_4a738b6e6d5d89ba.txt")
	if err != nil {
		t.Fatalf("read bundled article: %v", err)
	}
	front := "---\ntitle: " + seedTitle + "\npublished: 2025-01-13\n---\n"
	res, err := in.Bytes(ctx, "seed.md", append([]byte(front), seed...))
	if err != nil {
		t.Fatalf("ingest bundled article: %v", err)
	}
	e.ids["seed"] = res.Article.ID
	for _, name := range []string{"meantime_102977.md", "meantime_10450.md"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		res, err := in.Bytes(ctx, name, data)
		if err != nil {
			t.Fatalf("ingest %s: %v", name, err)
		}
		e.ids[name] = res.Article.ID
	}
	for _, f := range handBuilt() {
		e.save(f)
	}
	e.router = commands.New(commands.Deps{Facts: s, Now: func() time.Time { return now }})
	return e
}

// fixture is a hand-built article with its extraction, for facts the tests
// must not leave to the extraction's quality.
type fixture struct {
	name      string
	doc       news.Document
	sentences []string
	people    []news.Person
	events    []news.Event
	quotes    []news.Quote
	places    []news.Entity
	summary   []int
}

// save stores a fixture, computing sentence offsets.
func (e *env) save(f fixture) int64 {
	e.t.Helper()
	var text strings.Builder
	ex := news.Extraction{Path: f.name, Published: f.doc.Published, Title: f.doc.Title,
		People: f.people, Events: f.events, Quotes: f.quotes, Places: f.places, Summary: f.summary}
	for i, s := range f.sentences {
		if i > 0 {
			text.WriteString("\n\n")
		}
		start := text.Len()
		text.WriteString(s)
		ex.Sentences = append(ex.Sentences, news.Sentence{Text: s, Start: start, End: text.Len(), Kind: news.KindBody})
	}
	doc := f.doc
	doc.Path = f.name
	doc.Text = text.String()
	res, err := e.store.SaveArticle(context.Background(), doc, ex)
	if err != nil {
		e.t.Fatalf("save %s: %v", f.name, err)
	}
	e.ids[f.name] = res.Article.ID
	return res.Article.ID
}

func handBuilt() []fixture {
	fs := []fixture{
		{
			name: "vice",
			doc:  news.Document{Title: "Vice minister tours Seoul markets", Published: "2024-06-01", URL: "https://example.org/news/vice", Source: "Example Wire"},
			sentences: []string{
				"Vice Finance Minister Kim Min-jae toured markets in Seoul on June 1.",
			},
			people: []news.Person{{Name: "Kim Min-jae", Aliases: []string{"Kim"}, Mentions: []int{0},
				Facts: []news.PersonFact{{Kind: news.FactRole, Value: "Vice Finance Minister", Sentence: 0}}}},
			summary: []int{0},
		},
		{
			name: "summit-a",
			doc:  news.Document{Title: "Finance ministers prepare for March summit", Published: "2025-02-01", URL: "https://example.org/news/summit-a", Source: "Example Wire"},
			sentences: []string{
				"Finance Minister Kim Min-jae will host a summit with his counterpart Lee Jae-won in Tokyo on March 10.",
				"Kim Yo-han, a trade official, said the talks would cover tariffs.",
				"“We expect progress on every point,” Kim Min-jae said.",
				"A separate summit on fisheries with Oda Ren is planned for April.",
			},
			people: []news.Person{
				{Name: "Kim Min-jae", Aliases: []string{"Kim"}, Nationality: "South Korean", Mentions: []int{0, 2},
					Facts: []news.PersonFact{{Kind: news.FactRole, Value: "Finance Minister", Sentence: 0}, {Kind: news.FactNationality, Value: "South Korean", Sentence: 0}}},
				{Name: "Kim Yo-han", Aliases: []string{"Kim"}, Mentions: []int{1},
					Facts: []news.PersonFact{{Kind: news.FactRole, Value: "trade official", Sentence: 1}}},
				{Name: "Lee Jae-won", Aliases: []string{"Lee"}, Mentions: []int{0},
					Facts: []news.PersonFact{{Kind: news.FactDescription, Value: "his counterpart", Sentence: 0}}},
			},
			events: []news.Event{{Name: "summit", Text: "host a summit", Date: "2025-03-10", Place: "Tokyo",
				Participants: []string{"Kim Min-jae", "Lee Jae-won"}, Sentence: 0, Status: news.StatusScheduled},
				{Name: "summit", Text: "summit on fisheries", Date: "2025-04", Participants: []string{"Oda Ren"}, Sentence: 3, Status: news.StatusPlanned}},
			quotes: []news.Quote{
				{Speaker: "Kim Min-jae", Text: "We expect progress on every point", Direct: true, Sentence: 2},
				{Speaker: "Kim Yo-han", Text: "the talks would cover tariffs", Direct: false, Sentence: 1},
			},
			summary: []int{0, 2},
		},
		{
			name: "summit-b",
			doc:  news.Document{Title: "Summit moved to Osaka", Published: "2025-02-05", URL: "https://example.org/news/summit-b", Source: "Other Daily"},
			sentences: []string{
				"The summit between Kim Min-jae and Lee Jae-won will be held in Osaka on March 12, officials said.",
			},
			people: []news.Person{
				{Name: "Kim Min-jae", Aliases: []string{"Kim"}, Mentions: []int{0}},
				{Name: "Lee Jae-won", Aliases: []string{"Lee"}, Mentions: []int{0}},
			},
			events: []news.Event{{Name: "summit", Text: "summit held", Date: "2025-03-12", Place: "Osaka",
				Participants: []string{"Kim Min-jae", "Lee Jae-won"}, Sentence: 0, Status: news.StatusScheduled}},
			summary: []int{0},
		},
		{
			name: "mentions",
			doc:  news.Document{Title: "Fans write @everyone and <@123> on rally banners", Published: "2025-01-10"},
			sentences: []string{
				"Protesters wrote @everyone, @here, <@123> and <@&456> on banners at the harbour rally.",
				"The organiser, Pia Ng, said: “@everyone should come.”",
			},
			people: []news.Person{{Name: "Pia Ng", Mentions: []int{1},
				Facts: []news.PersonFact{{Kind: news.FactRole, Value: "organiser of @everyone <@123>", Sentence: 1}}}},
			quotes:  []news.Quote{{Speaker: "Pia Ng", Text: "@everyone should come. <@123>", Direct: true, Sentence: 1}},
			summary: []int{0, 1},
		},
	}
	// Fillers: enough articles for two pages of /articles and three of
	// /search "harbour festival".
	for i := 1; i <= 6; i++ {
		fs = append(fs, fixture{
			name: fmt.Sprintf("filler-%d", i),
			doc:  news.Document{Title: fmt.Sprintf("Harbour festival day %d", i), Published: fmt.Sprintf("2023-07-%02d", i)},
			sentences: []string{
				fmt.Sprintf("The harbour festival opened its day %d with boat races.", i),
				fmt.Sprintf("Crowds at the harbour festival watched fireworks on day %d.", i),
			},
			summary: []int{0},
		})
	}
	return fs
}

// big is an article far larger than any message can hold.
func big() fixture {
	f := fixture{
		name: "big",
		doc:  news.Document{Title: strings.Repeat("Enormous headline about the gazebo project ", 150), Published: "2024-01-01", URL: "https://example.org/" + strings.Repeat("x", 3000)},
	}
	person := news.Person{Name: "Zed Quux", Aliases: []string{"Quux"}, Nationality: strings.Repeat("Ruritanian ", 40)}
	for i := 0; i < 3000; i++ {
		f.sentences = append(f.sentences, fmt.Sprintf("Sentence %d says the giant gazebo project led by Zed Quux grew again, %s.", i, strings.Repeat("with many more words about it", 8)))
		person.Mentions = append(person.Mentions, i)
	}
	for i := 0; i < 200; i++ {
		person.Facts = append(person.Facts,
			news.PersonFact{Kind: news.FactRole, Value: fmt.Sprintf("Chief gazebo officer number %d %s", i, strings.Repeat("of the long title ", 20)), Sentence: i},
			news.PersonFact{Kind: news.FactDescription, Value: fmt.Sprintf("the builder %d %s", i, strings.Repeat("of very tall things ", 20)), Sentence: i})
		f.events = append(f.events, news.Event{Name: "gazebo opening", Text: strings.Repeat("opening of the gazebo ", 30),
			Date: fmt.Sprintf("2024-%02d-%02d", i%12+1, i%28+1), Place: fmt.Sprintf("Town %d %s", i, strings.Repeat("upon Avon ", 20)),
			Participants: []string{"Zed Quux", strings.Repeat("Someone Else ", 30)}, Sentence: i, Status: news.StatusHappened})
		f.quotes = append(f.quotes, news.Quote{Speaker: "Zed Quux", Text: strings.Repeat("We will build it taller and taller. ", 60), Direct: true, Sentence: i})
		f.summary = append(f.summary, i)
	}
	f.people = []news.Person{person}
	return f
}

// run answers one request at the test clock and checks that the answer
// fits Discord's limits.
func (e *env) run(req commands.Request) commands.Response {
	e.t.Helper()
	if req.Options == nil {
		req.Options = map[string]string{}
	}
	req.Now = now
	resp, err := e.router.Run(context.Background(), req)
	if err != nil {
		e.t.Fatalf("Run(%s %v %q) = %v", req.Command, req.Options, req.CustomID, err)
	}
	checkLimits(e.t, req, resp)
	return resp
}

// line parses and answers a typed command.
func (e *env) line(s string) commands.Response {
	e.t.Helper()
	req, err := commands.ParseLine(s)
	if err != nil {
		e.t.Fatalf("ParseLine(%q) = %v", s, err)
	}
	return e.run(req)
}

// checkLimits fails when a response breaks one of Discord's limits.
func checkLimits(t testing.TB, req commands.Request, r commands.Response) {
	t.Helper()
	n := utf8.RuneCountInString
	where := fmt.Sprintf("/%s %v %q", req.Command, req.Options, req.CustomID)
	if n(r.Content) > 2000 {
		t.Errorf("%s: content has %d characters, want ≤ 2000", where, n(r.Content))
	}
	if r.Content == "" && len(r.Embeds) == 0 {
		t.Errorf("%s: empty response", where)
	}
	if len(r.Embeds) > 10 {
		t.Errorf("%s: %d embeds, want ≤ 10", where, len(r.Embeds))
	}
	total := 0
	for _, e := range r.Embeds {
		if n(e.Title) > 256 || n(e.Description) > 4096 || n(e.Footer) > 2048 || len(e.Fields) > 25 || len(e.URL) > 2048 {
			t.Errorf("%s: embed over a limit: title %d, description %d, footer %d, fields %d", where, n(e.Title), n(e.Description), n(e.Footer), len(e.Fields))
		}
		total += n(e.Title) + n(e.Description) + n(e.Footer)
		for _, f := range e.Fields {
			if n(f.Name) > 256 || n(f.Value) > 1024 || f.Name == "" || f.Value == "" {
				t.Errorf("%s: field over a limit or empty: name %d, value %d", where, n(f.Name), n(f.Value))
			}
			total += n(f.Name) + n(f.Value)
		}
	}
	if total > 6000 {
		t.Errorf("%s: embeds total %d characters, want ≤ 6000", where, total)
	}
	if len(r.Buttons) > 5 {
		t.Errorf("%s: %d buttons, want ≤ 5", where, len(r.Buttons))
	}
	ids := map[string]bool{}
	for _, b := range r.Buttons {
		if len(b.CustomID) > 100 || b.CustomID == "" || n(b.Label) > 80 || ids[b.CustomID] {
			t.Errorf("%s: bad button %+v", where, b)
		}
		ids[b.CustomID] = true
	}
}

// all is every piece of text in a response, for assertions.
func all(r commands.Response) string {
	var b strings.Builder
	b.WriteString(r.Content + "\n")
	for _, e := range r.Embeds {
		b.WriteString(e.Title + "\n" + e.URL + "\n" + e.Description + "\n")
		for _, f := range e.Fields {
			b.WriteString(f.Name + "\n" + f.Value + "\n")
		}
		b.WriteString(e.Footer + "\n")
	}
	for _, btn := range r.Buttons {
		b.WriteString("[" + btn.Label + "] " + btn.CustomID + "\n")
	}
	return b.String()
}
