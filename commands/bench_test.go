package commands_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"factdesk/commands"
	"factdesk/news"
	"factdesk/store"
)

// benchArticles is how many synthetic articles the benchmarks store.
const benchArticles = 10000

var (
	benchOnce   sync.Once
	benchDir    string
	benchStore  *store.Store
	benchRouter *commands.Router
	benchErr    error
	benchBuild  time.Duration
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchStore != nil {
		benchStore.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// Name pools: people and events recur across articles, as in real news.
var (
	benchGiven   = []string{"Ana", "Bo", "Chen", "Dara", "Eli", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena", "Milo", "Nia", "Omar", "Pia", "Quin", "Rosa", "Sami", "Tara"}
	benchFamily  = []string{"Abe", "Berg", "Costa", "Diaz", "Eto", "Fox", "Gray", "Holm", "Ito", "Jain", "Kato", "Lund", "Moss", "Nagy", "Ortiz", "Park", "Quist", "Roth", "Sato", "Tan", "Ueda", "Vogel", "Wong", "Xu", "Yang", "Zorn"}
	benchEvents  = []string{"summit", "election", "inauguration", "state visit", "trade talks", "budget vote", "court hearing", "press conference", "ceasefire talks", "product launch", "strike", "referendum"}
	benchPlaces  = []string{"Tokyo", "Seoul", "Paris", "Lima", "Oslo", "Cairo", "Quito", "Hanoi", "Accra", "Perth"}
	benchRoles   = []string{"Foreign Minister", "Finance Minister", "Mayor", "Chief Executive", "Governor", "Ambassador", "Senator", "Prime Minister"}
	benchTopics  = []string{"trade", "security", "energy", "housing", "transport", "health", "tariffs", "climate", "water", "schools"}
	benchWeekday = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
)

func benchPerson(i int) string {
	return benchGiven[i%len(benchGiven)] + " " + benchFamily[(i/len(benchGiven))%len(benchFamily)]
}

// benchArticle builds article i with its extraction: ten sentences, three
// people from a pool of 520, two events and a quote.
func benchArticle(i int) (news.Document, news.Extraction) {
	pub := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/3)
	p := []int{(i * 7) % 520, (i*13 + 5) % 520, (i*29 + 11) % 520}
	topic := benchTopics[i%len(benchTopics)]
	ev := []string{benchEvents[i%len(benchEvents)], benchEvents[(i/3)%len(benchEvents)] + " " + strconv.Itoa(i%40)}
	place := benchPlaces[i%len(benchPlaces)]
	date := pub.AddDate(0, 0, 7+i%30).Format(time.DateOnly)
	sents := []string{
		fmt.Sprintf("%s %s said on %s that the %s in %s would go ahead.", benchRoles[p[0]%len(benchRoles)], benchPerson(p[0]), benchWeekday[i%5], ev[0], place),
		fmt.Sprintf("The %s is planned for %s and will focus on %s.", ev[0], date, topic),
		fmt.Sprintf("%s, the %s, met %s to discuss %s policy.", benchPerson(p[1]), strings.ToLower(benchRoles[p[1]%len(benchRoles)]), benchPerson(p[2]), topic),
		fmt.Sprintf("“We will not give up on %s,” %s said.", topic, benchPerson(p[1])),
		fmt.Sprintf("Officials expect the %s to draw large crowds in %s.", ev[1], place),
		fmt.Sprintf("Article %d also notes that %s prices rose by %d percent this year.", i, topic, i%17),
		fmt.Sprintf("Critics of %s said the plan lacked detail on %s.", benchPerson(p[0]), topic),
		fmt.Sprintf("The council will review the %s proposal in %s.", topic, pub.AddDate(0, 2, 0).Format("January")),
		fmt.Sprintf("Local businesses in %s welcomed the news.", place),
		fmt.Sprintf("The %s will be reviewed again next year, said %s.", ev[1], benchPerson(p[2])),
	}
	doc := news.Document{Path: fmt.Sprintf("bench-%d", i), Title: fmt.Sprintf("%s: %s plans %s talks (%d)", place, benchPerson(p[0]), topic, i),
		Published: pub.Format(time.DateOnly), URL: fmt.Sprintf("https://example.org/bench/%d", i), Source: "Bench Wire"}
	ex := news.Extraction{Path: doc.Path, Published: doc.Published, Title: doc.Title, Summary: []int{0, 2}}
	var text strings.Builder
	for j, s := range sents {
		if j > 0 {
			text.WriteString("\n\n")
		}
		start := text.Len()
		text.WriteString(s)
		ex.Sentences = append(ex.Sentences, news.Sentence{Text: s, Start: start, End: text.Len(), Kind: news.KindBody})
	}
	doc.Text = text.String()
	for k, pi := range p {
		name := benchPerson(pi)
		family := name[strings.LastIndex(name, " ")+1:]
		mentions := []int{0, 6}
		switch k {
		case 1:
			mentions = []int{2, 3}
		case 2:
			mentions = []int{2, 9}
		}
		ex.People = append(ex.People, news.Person{Name: name, Aliases: []string{family}, Mentions: mentions,
			Facts: []news.PersonFact{{Kind: news.FactRole, Value: benchRoles[pi%len(benchRoles)], Sentence: mentions[0]}}})
	}
	ex.Events = []news.Event{
		{Name: ev[0], Text: ev[0] + " in " + place, Date: date, Place: place, Participants: []string{benchPerson(p[0])}, Sentence: 1, Status: news.StatusScheduled},
		{Name: ev[1], Text: ev[1], Date: pub.AddDate(1, 0, 0).Format("2006-01"), Place: place, Participants: []string{benchPerson(p[2])}, Sentence: 4, Status: news.StatusPlanned},
	}
	ex.Quotes = []news.Quote{{Speaker: benchPerson(p[1]), Text: "We will not give up on " + topic, Direct: true, Sentence: 3}}
	return doc, ex
}

// benchEnv builds the benchmark store once per run.
func benchEnv(b *testing.B) *commands.Router {
	b.Helper()
	benchOnce.Do(func() {
		start := time.Now()
		ctx := context.Background()
		if benchDir, benchErr = os.MkdirTemp("", "factdesk-bench-"); benchErr != nil {
			return
		}
		if benchStore, benchErr = store.Open(ctx, filepath.Join(benchDir, "bench.db")); benchErr != nil {
			return
		}
		for i := 0; i < benchArticles; i++ {
			doc, ex := benchArticle(i)
			if _, benchErr = benchStore.SaveArticle(ctx, doc, ex); benchErr != nil {
				return
			}
		}
		benchRouter = commands.New(commands.Deps{Facts: benchStore})
		benchBuild = time.Since(start)
	})
	if benchErr != nil {
		b.Fatalf("build bench store: %v", benchErr)
	}
	return benchRouter
}

// measure runs one request per iteration, cycling through reqs, and
// reports the p50 and p99 latency.
func measure(b *testing.B, reqs []commands.Request, do func(context.Context, commands.Request) error) {
	benchEnv(b)
	b.ReportAllocs()
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := reqs[i%len(reqs)]
		start := time.Now()
		if err := do(ctx, req); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(float64(len(lat))*p))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(benchBuild.Seconds(), "build-s")
}

func runReqs(b *testing.B, reqs []commands.Request) {
	measure(b, reqs, func(ctx context.Context, req commands.Request) error {
		req.Now = now
		resp, err := benchRouter.Run(ctx, req)
		if err == nil && resp.Content == "" && len(resp.Embeds) == 0 {
			err = fmt.Errorf("empty answer to %v", req.Options)
		}
		return err
	})
}

func completeReqs(b *testing.B, reqs []commands.Request) {
	measure(b, reqs, func(ctx context.Context, req commands.Request) error {
		_, err := benchRouter.Complete(ctx, req)
		return err
	})
}

func BenchmarkWho(b *testing.B) {
	var reqs []commands.Request
	for i := 0; i < 50; i++ {
		name := benchPerson(i * 11 % 520)
		if i%5 == 4 {
			name = name[strings.LastIndex(name, " ")+1:] // a surname: often ambiguous
		}
		reqs = append(reqs, commands.Request{Command: "who", Options: map[string]string{"name": name}})
	}
	runReqs(b, reqs)
}

func BenchmarkWhen(b *testing.B) {
	var reqs []commands.Request
	for i, ev := range benchEvents {
		reqs = append(reqs, commands.Request{Command: "when", Options: map[string]string{"event": ev}},
			commands.Request{Command: "when", Options: map[string]string{"event": fmt.Sprintf("%s %d", ev, i%40)}})
	}
	runReqs(b, reqs)
}

func BenchmarkSummary(b *testing.B) {
	reqs := []commands.Request{{Command: "summary", Options: map[string]string{}}}
	for i := 1; i <= 50; i++ {
		reqs = append(reqs, commands.Request{Command: "summary", Options: map[string]string{"article": strconv.Itoa(i * 197 % benchArticles)}})
	}
	runReqs(b, reqs)
}

func BenchmarkAsk(b *testing.B) {
	var reqs []commands.Request
	for i := 0; i < 20; i++ {
		p := benchPerson(i * 7 % 520)
		reqs = append(reqs,
			commands.Request{Command: "ask", Options: map[string]string{"question": "Who is " + p + "?"}},
			commands.Request{Command: "ask", Options: map[string]string{"question": fmt.Sprintf("When is the %s with %s?", benchEvents[i%len(benchEvents)], p)}},
			commands.Request{Command: "ask", Options: map[string]string{"question": "Did " + benchTopics[i%len(benchTopics)] + " prices rise?"}})
	}
	runReqs(b, reqs)
}

func BenchmarkSearch(b *testing.B) {
	var reqs []commands.Request
	for i, t := range benchTopics {
		reqs = append(reqs, commands.Request{Command: "search", Options: map[string]string{"terms": t + " " + benchPlaces[i%len(benchPlaces)]}},
			commands.Request{Command: "search", CustomID: "search:3:" + t})
	}
	runReqs(b, reqs)
}

func BenchmarkAutocomplete(b *testing.B) {
	kinds := map[string][]commands.Request{}
	for i := 0; i < 20; i++ {
		g := benchGiven[i%len(benchGiven)]
		f := benchFamily[i%len(benchFamily)]
		kinds["who"] = append(kinds["who"], commands.Request{Command: "who", Focused: "name", Options: map[string]string{"name": g[:1+i%len(g)]}})
		kinds["quote"] = append(kinds["quote"], commands.Request{Command: "quote", Focused: "person", Options: map[string]string{"person": strings.ToLower(f[:2])}})
		kinds["when"] = append(kinds["when"], commands.Request{Command: "when", Focused: "event", Options: map[string]string{"event": benchEvents[i%len(benchEvents)][:1+i%3]}})
		kinds["summary"] = append(kinds["summary"], commands.Request{Command: "summary", Focused: "article", Options: map[string]string{"article": benchPlaces[i%len(benchPlaces)][:1+i%3]}})
	}
	for _, k := range []string{"who", "quote", "when", "summary"} {
		b.Run(k, func(b *testing.B) { completeReqs(b, kinds[k]) })
	}
}
