package commands_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
	"factdesk/ingest"
)

// quoted matches a source sentence quoted in an answer.
var quoted = regexp.MustCompile(`“[^”]{20,}”`)

func TestCommands(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		line      string
		want      []string // every one must appear
		not       []string // none may appear
		ephemeral bool
		cites     bool // a source sentence is quoted
	}{
		// The bundled article, through the real extraction: robust facts only.
		{line: "/who Iwaya", want: []string{"Takeshi Iwaya", seedTitle}, cites: true},
		{line: "/who takeshi iwaya", want: []string{"Takeshi Iwaya"}},
		{line: "/who Cho Tae-yul", want: []string{"Cho Tae-yul"}},
		{line: "/when inauguration", want: []string{"Mon, Jan 20, 2025", "in 6 days"}, cites: true},
		{line: "/summary", want: []string{"Summit moved to Osaka", "Osaka"}},
		{line: "/ask When will Iwaya attend the inauguration?", want: []string{"Mon, Jan 20, 2025", "in 6 days"}, cites: true},
		{line: "/ask Who is Choi Sang-mok?", want: []string{"Choi Sang-mok"}, not: []string{"I don't know"}},
		{line: "/ask What did Iwaya say about cooperation?", want: []string{"Takeshi Iwaya", "It is vital to show"}},
		{line: "/ask Who will Iwaya meet on Jan. 14?", want: []string{"Choi Sang-mok"}, cites: true},
		{line: "/ask What is Cho's role?", want: []string{"Cho Tae-yul"}, not: []string{"Several"}},
		{line: "/ask What is the capital of France?", want: []string{"I don't know"}},
		{line: "/search trilateral cooperation", want: []string{"**trilateral cooperation**", seedTitle}},

		// Hand-built facts.
		{line: "/who Kim Min-jae", want: []string{"Kim Min-jae", "Finance Minister", "South Korean", "Roles in earlier articles", "Vice Finance Minister", "Sat, Jun 1, 2024",
			"We expect progress on every point", "Summit moved to Osaka", "[Finance ministers prepare for March summit](https://example.org/news/summit-a)"}, cites: true},
		{line: "/who Kim", want: []string{"Several people match", "Kim Min-jae", "Kim Yo-han"}},
		{line: "/who Min-jae", want: []string{"Kim Min-jae", "Finance Minister"}, not: []string{"Several"}},
		{line: "/who Kim Yong-un", want: []string{"I don't know anyone called", "Kim"}, ephemeral: true},
		{line: "/who Kim Min-jae private:true", want: []string{"Kim Min-jae"}, ephemeral: true},
		{line: "/when summit", want: []string{"disagree", "Wed, Mar 12, 2025", "Osaka", "Mon, Mar 10, 2025", "Tokyo", "in 2 months", "Summit moved to Osaka", "Finance ministers prepare",
			"Other events with this name", "**April 2025 (in 3 months)**: summit on fisheries"}, cites: true},
		{line: "/when meeting", want: []string{"Meeting"}, not: []string{"disagree"}},
		{line: "/when summ", want: []string{"Wed, Mar 12, 2025"}},
		{line: "/when coronation", want: []string{"I don't know of an event called"}, ephemeral: true},
		{line: "/quote Kim Min-jae", want: []string{"Quotes from Kim Min-jae", "We expect progress on every point", "Feb 1, 2025"}},
		{line: "/quote Kim", want: []string{"Several people match"}},
		{line: "/quote", want: []string{"Latest quotes"}},
		{line: "/quote Nobody Atall", want: []string{"I don't know anyone called"}, ephemeral: true},
		{line: "/ask When is the summit with Lee Jae-won?", want: []string{"Wed, Mar 12, 2025", "disagree", "Tokyo"}},
		{line: "/ask Where will the summit be held?", want: []string{"Osaka"}},
		{line: "/ask Who will attend the summit in Osaka?", want: []string{"**Kim Min-jae, Lee Jae-won**"}},
		{line: "/ask Who is Kim Min-jae meeting at the summit?", want: []string{"**Lee Jae-won**"}},
		{line: "/ask Who attended the meeting in Seoul?", want: []string{"Cho Tae-yul"}},
		{line: "/ask What did Kim Min-jae say about progress?", want: []string{"We expect progress on every point"}},
		{line: "/ask What is the airspeed velocity of an unladen swallow?", want: []string{"I don't know"}},
		{line: "/ask When will Kim Min-jae hold the summit in Paris?", want: []string{"I don't know"}},
		{line: "/ask Did Zelensky watch the fireworks at the harbour festival?", want: []string{"I don't know"}},
		{line: "/ask When will Iwaya attend the inauguration in Madrid?", want: []string{"I don't know"}},
		{line: "/ask Did the boat races include fireworks at the harbour festival?", want: []string{"harbour festival", "fireworks"}},
		{line: "/summary article:Summit moved", want: []string{"Summit moved to Osaka", "Kim Min-jae", "Wed, Mar 12, 2025", "https://example.org/news/summit-b"}},
		{line: "/summary article:999999", want: []string{"There is no article #999999"}, ephemeral: true},
		{line: "/summary article:no such headline", want: []string{"No stored article"}, ephemeral: true},
		{line: "/search harbour festival", want: []string{"Page 1 of 3", "12 sentences", "**harbour festival**"}},
		{line: "/search zzzqqq", want: []string{"Nothing stored matches"}, ephemeral: true},
		{line: "/articles", want: []string{"Page 1 of 2", "Summit moved to Osaka", "Next ▶"}},
		{line: "/articles private:true", want: []string{"Stored articles"}, ephemeral: true},
		{line: "/help", want: []string{"/who", "/when", "/ask", "/search", "Summit moved"}, ephemeral: true},

		// MEANTIME articles.
		{line: "/search airtanker", want: []string{"Airbus parent EADS"}},
		{line: "/search keynote Jobs", want: []string{"WWDC"}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			resp := e.line(tt.line)
			text := all(resp)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("%s = \n%s\nwant it to contain %q", tt.line, text, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, w) {
					t.Errorf("%s = \n%s\nwant no %q", tt.line, text, w)
				}
			}
			if resp.Ephemeral != tt.ephemeral {
				t.Errorf("%s ephemeral = %v, want %v", tt.line, resp.Ephemeral, tt.ephemeral)
			}
			if tt.cites && !quoted.MatchString(text) {
				t.Errorf("%s = \n%s\nwant a quoted source sentence", tt.line, text)
			}
		})
	}
}

func TestButtons(t *testing.T) {
	e := newEnv(t)
	first := e.line("/search harbour festival")
	var next string
	for _, b := range first.Buttons {
		if strings.HasPrefix(b.Label, "Next") {
			next = b.CustomID
		}
	}
	if next != "search:2:harbour festival" {
		t.Fatalf("/search next button = %q, want search:2:harbour festival", next)
	}
	cmd, _, _ := strings.Cut(next, ":")
	second := e.run(commands.Request{Command: cmd, CustomID: next})
	if !strings.Contains(all(second), "Page 2 of 3") || strings.Contains(all(second), "1. ") {
		t.Errorf("search page 2 = %s, want page 2 starting at hit 6", all(second))
	}
	last := e.run(commands.Request{Command: "search", CustomID: "search:3:harbour festival"})
	for _, b := range last.Buttons {
		if strings.HasPrefix(b.Label, "Next") && !b.Disabled {
			t.Errorf("search last page: Next button enabled")
		}
	}
	if r := e.run(commands.Request{Command: "search", CustomID: "search:9:harbour festival"}); !r.Ephemeral {
		t.Errorf("search page 9 of 3 = %s, want an ephemeral error", all(r))
	}

	// Terms too long for a 100-character custom ID: no buttons, and the
	// footer says how to see the rest.
	long := strings.Repeat("harbour festival ", 6)
	resp := e.run(commands.Request{Command: "search", Options: map[string]string{"terms": long}})
	if len(resp.Buttons) != 0 || !strings.Contains(resp.Embeds[0].Footer, "fewer words") {
		t.Errorf("/search %q = buttons %+v, footer %q; want no buttons and a hint", long, resp.Buttons, resp.Embeds[0].Footer)
	}

	pg2 := e.run(commands.Request{Command: "articles", CustomID: "articles:2"})
	if !strings.Contains(all(pg2), "Page 2 of 2") || !strings.Contains(all(pg2), "Harbour festival day 1") {
		t.Errorf("articles page 2 = %s, want the oldest articles", all(pg2))
	}

	amb := e.line("/who Kim")
	if len(amb.Buttons) != 2 {
		t.Fatalf("/who Kim buttons = %+v, want 2", amb.Buttons)
	}
	for _, b := range amb.Buttons {
		got := e.run(commands.Request{Command: "who", CustomID: b.CustomID})
		if got.Embeds[0].Title != b.Label {
			t.Errorf("press %q = title %q, want %q", b.CustomID, got.Embeds[0].Title, b.Label)
		}
	}
	if r := e.run(commands.Request{Command: "who", CustomID: "who:abc"}); !r.Ephemeral {
		t.Errorf("who:abc = %s, want an ephemeral error", all(r))
	}
	q := e.line("/quote Kim")
	got := e.run(commands.Request{Command: "quote", CustomID: q.Buttons[0].CustomID})
	if !strings.Contains(all(got), "Quotes from Kim") {
		t.Errorf("press %q = %s, want quotes", q.Buttons[0].CustomID, all(got))
	}
}

func TestSearchHostileInput(t *testing.T) {
	e := newEnv(t)
	for _, terms := range []string{`"`, `*`, `AND`, `NEAR(`, `(unbalanced`, `harbour AND`, `"harbour`, `festival*`, `-`, `^harbour`,
		`harbour OR NOT festival`, `col:harbour`, `'; DROP TABLE articles; --`, strings.Repeat("(", 300), "\x00", "🎉"} {
		resp := e.run(commands.Request{Command: "search", Options: map[string]string{"terms": terms}})
		if resp.Content == "" && len(resp.Embeds) == 0 {
			t.Errorf("/search %q = empty", terms)
		}
	}
	// Operators are searched as words: "harbour AND" needs the word "and".
	resp := e.run(commands.Request{Command: "search", Options: map[string]string{"terms": "harbour festival*"}})
	if !strings.Contains(all(resp), "harbour") {
		t.Errorf("/search harbour festival* = %s, want hits", all(resp))
	}
	if n, _, _ := e.store.Articles(context.Background(), 0, 1); len(n) == 0 {
		t.Errorf("articles gone after hostile search")
	}
}

func TestMentionSafety(t *testing.T) {
	e := newEnv(t)
	for _, line := range []string{"/summary article:Fans write", "/search everyone", "/who Pia Ng", "/quote Pia Ng", "/ask Who is Pia Ng?", "/articles"} {
		resp := e.line(line)
		text := all(resp)
		if !strings.Contains(text, "everyone") {
			t.Errorf("%s = %s, want the article's text", line, text)
		}
	}
}

func TestLimitsOnEnormousArticle(t *testing.T) {
	e := newEnv(t)
	id := e.save(big())
	for _, line := range []string{
		fmt.Sprintf("/summary article:%d", id), "/who Zed Quux", "/quote Quux", "/when gazebo opening", "/search gazebo project",
		"/ask When was the gazebo opening?", "/ask What did Quux say about taller?", "/articles", "/help",
		"/who " + strings.Repeat("Quux ", 100), "/search " + strings.Repeat("gazebo ", 200),
	} {
		e.line(line) // checkLimits runs on every answer
	}
	// Autocomplete stays within 25 choices of 100 characters.
	for _, req := range []commands.Request{
		{Command: "who", Focused: "name", Options: map[string]string{"name": "Z"}},
		{Command: "summary", Focused: "article", Options: map[string]string{"article": "Enormous"}},
		{Command: "when", Focused: "event", Options: map[string]string{"event": "gaz"}},
	} {
		choices, err := e.router.Complete(context.Background(), req)
		if err != nil || len(choices) == 0 || len(choices) > 25 {
			t.Fatalf("Complete(%s) = %d choices, %v; want 1..25", req.Command, len(choices), err)
		}
		for _, c := range choices {
			if len([]rune(c.Name)) > 100 || len([]rune(c.Value)) > 100 || c.Name == "" || c.Value == "" {
				t.Errorf("Complete(%s) choice %q/%q, want 1..100 characters", req.Command, c.Name, c.Value)
			}
		}
	}
}

func TestAutocomplete(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		req  commands.Request
		want string
	}{
		{commands.Request{Command: "who", Focused: "name", Options: map[string]string{"name": "iwa"}}, "Takeshi Iwaya"},
		{commands.Request{Command: "who", Focused: "name", Options: map[string]string{"name": "Min"}}, "Kim Min-jae"},
		{commands.Request{Command: "quote", Focused: "person", Options: map[string]string{"person": "kim"}}, "Kim Min-jae"},
		{commands.Request{Command: "when", Focused: "event", Options: map[string]string{"event": "sum"}}, "summit"},
		{commands.Request{Command: "summary", Focused: "article", Options: map[string]string{"article": "summit"}}, "Finance ministers prepare for March summit"},
	}
	for _, tt := range tests {
		got, err := e.router.Complete(context.Background(), tt.req)
		if err != nil {
			t.Fatalf("Complete(%v) = %v", tt.req.Options, err)
		}
		found := false
		for _, c := range got {
			found = found || strings.Contains(c.Name, tt.want)
		}
		if !found {
			t.Errorf("Complete(%s %v) = %+v, want a choice naming %q", tt.req.Command, tt.req.Options, got, tt.want)
		}
	}
	// The /summary choice value is the article ID, which /summary accepts.
	got, _ := e.router.Complete(context.Background(), commands.Request{Command: "summary", Focused: "article", Options: map[string]string{"article": "Summit moved"}})
	if len(got) == 0 {
		t.Fatal("Complete(summary, Summit moved) = none")
	}
	resp := e.run(commands.Request{Command: "summary", Options: map[string]string{"article": got[0].Value}})
	if resp.Embeds[0].Title != "Summit moved to Osaka" {
		t.Errorf("/summary article:%s = %q, want Summit moved to Osaka", got[0].Value, resp.Embeds[0].Title)
	}
}

// fetcher serves URLs from an httptest server, as the feeds fetcher would.
type fetcher struct{ client *http.Client }

func (f fetcher) Fetch(ctx context.Context, url string) ([]byte, string, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", "", err
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, "", "", err
	}
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	if resp.StatusCode != http.StatusOK {
		return nil, "", "", fmt.Errorf("status %s", resp.Status)
	}
	return []byte(b.String()), resp.Header.Get("Content-Type"), resp.Request.URL.String(), nil
}

func TestIngestCommand(t *testing.T) {
	e := newEnv(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story.txt":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprint(w, "---\ntitle: Ferry service resumes\npublished: 2025-01-12\n---\nThe island ferry service resumed on Sunday after the storm, operator Ola Berg said.\n")
		case "/empty.txt":
			w.Header().Set("Content-Type", "text/plain")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	in := ingest.New(e.store, ingest.Options{Fetcher: fetcher{srv.Client()}})
	r := commands.New(commands.Deps{Facts: e.store, Ingester: in})
	run := func(req commands.Request) commands.Response {
		t.Helper()
		req.Command = "ingest"
		req.Now = now
		resp, err := r.Run(context.Background(), req)
		if err != nil {
			t.Fatalf("Run(ingest %v) = %v", req.Options, err)
		}
		checkLimits(t, req, resp)
		return resp
	}
	if !r.Slow(commands.Request{Command: "ingest"}) {
		t.Errorf("Slow(ingest) = false, want true")
	}
	tests := []struct {
		name   string
		req    commands.Request
		want   string
		manage bool
	}{
		{"not allowed", commands.Request{Options: map[string]string{"url": srv.URL + "/story.txt"}}, "Only members with Manage Server", false},
		{"nothing given", commands.Request{Options: map[string]string{}}, "Give a url", true},
		{"both given", commands.Request{Options: map[string]string{"url": srv.URL + "/story.txt", "file": srv.URL + "/story.txt"}}, "not both", true},
		{"added", commands.Request{Options: map[string]string{"url": srv.URL + "/story.txt"}}, "Ferry service resumes", true},
		{"unchanged", commands.Request{Options: map[string]string{"file": srv.URL + "/story.txt"}}, "Already stored", true},
		{"empty", commands.Request{Options: map[string]string{"url": srv.URL + "/empty.txt"}}, "empty", true},
		{"missing", commands.Request{Options: map[string]string{"url": srv.URL + "/gone.html"}}, "404", true},
		{"not a URL", commands.Request{Options: map[string]string{"url": "file:///etc/passwd"}}, "not an http", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.CanManage = tt.manage
			resp := run(tt.req)
			if !strings.Contains(all(resp), tt.want) {
				t.Errorf("/ingest %s = %s, want %q", tt.name, all(resp), tt.want)
			}
			if !resp.Ephemeral {
				t.Errorf("/ingest %s not ephemeral", tt.name)
			}
		})
	}
	off := commands.New(commands.Deps{Facts: e.store})
	resp, _ := off.Run(context.Background(), commands.Request{Command: "ingest", CanManage: true, Options: map[string]string{"url": srv.URL + "/story.txt"}})
	if !strings.Contains(resp.Content, "not enabled") || !resp.Ephemeral {
		t.Errorf("/ingest without ingester = %+v, want a refusal", resp)
	}
}

func TestDefinitions(t *testing.T) {
	r := commands.New(commands.Deps{})
	valid := regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)
	mine := map[string]bool{"who": true, "when": true, "summary": true, "quote": true, "ask": true, "search": true, "articles": true, "help": true, "ingest": true}
	seen := map[string]bool{}
	for _, d := range r.Definitions() {
		if !valid.MatchString(d.Name) || seen[d.Name] {
			t.Errorf("command name %q invalid or repeated", d.Name)
		}
		seen[d.Name] = true
		if n := len([]rune(d.Description)); n == 0 || n > 100 {
			t.Errorf("/%s description has %d characters, want 1..100", d.Name, n)
		}
		if !mine[d.Name] {
			continue
		}
		private := false
		var check func(prefix string, opts []*discordgo.ApplicationCommandOption)
		check = func(prefix string, opts []*discordgo.ApplicationCommandOption) {
			if len(opts) > 25 {
				t.Errorf("%s has %d options, want ≤ 25", prefix, len(opts))
			}
			for _, o := range opts {
				if !valid.MatchString(o.Name) {
					t.Errorf("%s option %q invalid", prefix, o.Name)
				}
				if n := len([]rune(o.Description)); n == 0 || n > 100 {
					t.Errorf("%s %s description has %d characters", prefix, o.Name, n)
				}
				if o.Autocomplete && len(o.Choices) > 0 {
					t.Errorf("%s %s has autocomplete and choices", prefix, o.Name)
				}
				if o.Name == "private" && o.Type == discordgo.ApplicationCommandOptionBoolean {
					private = true
				}
				check(prefix+" "+o.Name, o.Options)
			}
		}
		check("/"+d.Name, d.Options)
		if want := d.Name != "help" && d.Name != "ingest"; private != want {
			t.Errorf("/%s has private option = %v, want %v", d.Name, private, want)
		}
	}
	var ingestDef *discordgo.ApplicationCommand
	for _, d := range r.Definitions() {
		if d.Name == "ingest" {
			ingestDef = d
		}
	}
	if ingestDef == nil || ingestDef.DefaultMemberPermissions == nil || *ingestDef.DefaultMemberPermissions != discordgo.PermissionManageGuild {
		t.Errorf("/ingest DefaultMemberPermissions = %v, want Manage Server", ingestDef)
	}
}

func TestUnknownCommand(t *testing.T) {
	r := commands.New(commands.Deps{})
	resp, err := r.Run(context.Background(), commands.Request{Command: "nope"})
	if err != nil || !resp.Ephemeral || !strings.Contains(resp.Content, "/help") {
		t.Errorf("Run(nope) = %+v, %v; want an ephemeral pointer to /help", resp, err)
	}
}

func TestStoreFailure(t *testing.T) {
	e := newEnv(t)
	e.store.Close() // every query now fails, as a broken disk would
	for _, line := range []string{"/who Iwaya", "/when summit", "/summary", "/quote", "/quote Kim", "/ask Who is Kim?", "/ask When is the summit?",
		"/search harbour", "/articles", "/help"} {
		req, err := commands.ParseLine(line)
		if err != nil {
			t.Fatal(err)
		}
		req.Now = now
		if resp, err := e.router.Run(context.Background(), req); err == nil {
			t.Errorf("Run(%s) on a closed store = %+v, nil; want an error for the transport to log", line, resp)
		} else if !strings.Contains(err.Error(), "/"+req.Command) {
			t.Errorf("Run(%s) error = %v, want it to name the command", line, err)
		}
	}
	if _, err := e.router.Complete(context.Background(), commands.Request{Command: "who", Focused: "name", Options: map[string]string{"name": "K"}}); err == nil {
		t.Errorf("Complete on a closed store = nil error")
	}
}
