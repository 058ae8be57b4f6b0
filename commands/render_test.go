package commands

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestCut(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"the quick brown fox jumps", 12, "the quick…"},
		{"the quick, brown fox", 12, "the quick…"},
		{"abcdefghijklmnop", 6, "abcde…"},
		{"héllo wörld ünïcode", 9, "héllo…"},
		{"**bold text** and more words here", 10, "bold…"},
		{"**bold text** and more words here", 16, "**bold text**…"},
		{"ends with backslash\\ more", 21, "ends with backslash…"},
		{"x", 0, ""},
		{"xy", 1, "…"},
	}
	for _, tt := range tests {
		got := Cut(tt.s, tt.n)
		if got != tt.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
		if utf8.RuneCountInString(got) > max(tt.n, 0) {
			t.Errorf("Cut(%q, %d) = %q is too long", tt.s, tt.n, got)
		}
	}
}

func TestFit(t *testing.T) {
	long := strings.Repeat("word ", 3000)
	var fields []Field
	for i := 0; i < 40; i++ {
		fields = append(fields, Field{Name: strings.Repeat("n", 300), Value: long})
	}
	resp := Fit(Response{
		Content: long,
		Embeds:  []Embed{{Title: long, Description: long, Fields: fields, Footer: long}, {Title: "second", Description: long}},
		Buttons: []Button{{Label: long, CustomID: "a:1"}, {Label: "b", CustomID: strings.Repeat("x", 101)}, {Label: "c", CustomID: "c"}, {Label: "d", CustomID: "d"}, {Label: "e", CustomID: "e"}, {Label: "f", CustomID: "f"}},
	})
	n := utf8.RuneCountInString
	if n(resp.Content) > MaxContent {
		t.Errorf("Fit content = %d characters", n(resp.Content))
	}
	total := 0
	for _, e := range resp.Embeds {
		if n(e.Title) > MaxTitle || n(e.Description) > MaxDescription || n(e.Footer) > MaxFooter || len(e.Fields) > MaxFields {
			t.Errorf("Fit embed over a limit: %d %d %d %d", n(e.Title), n(e.Description), n(e.Footer), len(e.Fields))
		}
		total += n(e.Title) + n(e.Description) + n(e.Footer)
		for _, f := range e.Fields {
			if n(f.Name) > MaxFieldName || n(f.Value) > MaxFieldValue {
				t.Errorf("Fit field over a limit: %d %d", n(f.Name), n(f.Value))
			}
			total += n(f.Name) + n(f.Value)
		}
	}
	if total > MaxEmbedTotal {
		t.Errorf("Fit embeds total = %d, want ≤ %d", total, MaxEmbedTotal)
	}
	if !strings.Contains(resp.Embeds[0].Footer, "not shown") {
		t.Errorf("Fit footer = %q, want a note on what was left out", resp.Embeds[0].Footer)
	}
	if len(resp.Buttons) != 4 {
		t.Errorf("Fit buttons = %d, want 4 (one over-long ID dropped, five at most)", len(resp.Buttons))
	}
	for _, b := range resp.Buttons {
		if n(b.Label) > MaxButtonLabel {
			t.Errorf("Fit button label = %d characters", n(b.Label))
		}
	}
	small := Response{Content: "hi", Embeds: []Embed{{Title: "t", Fields: []Field{{Name: "a", Value: "b"}}}}}
	if got := Fit(small); got.Content != "hi" || got.Embeds[0].Fields[0].Value != "b" || got.Embeds[0].Footer != "" {
		t.Errorf("Fit(small) = %+v, want it unchanged", got)
	}
}

func TestList(t *testing.T) {
	items := []string{strings.Repeat("a", 400), strings.Repeat("b", 400), strings.Repeat("c", 400)}
	got := list(items, 1024, "/articles")
	if utf8.RuneCountInString(got) > 1024 || !strings.HasSuffix(got, "… and 1 more (/articles)") {
		t.Errorf("list = %q (%d), want two items and a pointer to the rest", got, len(got))
	}
	if got := list([]string{strings.Repeat("z", 5000)}, 100, ""); utf8.RuneCountInString(got) > 100 {
		t.Errorf("list(one huge) = %d characters, want ≤ 100", utf8.RuneCountInString(got))
	}
}

func TestSnippet(t *testing.T) {
	tests := []struct{ in, want string }{
		{"the **harbour** festival", "the **harbour** festival"},
		{"a_b **c*d**", `a\_b **c\*d**`},
		{"unclosed **mark", "unclosed mark"},
		{"the **harbour** **festival** opened", "the **harbour festival** opened"},
		// The store escapes the article's own '*' and '\': only its
		// marks become bold, and the rest is escaped for Discord.
		{`the budget \*\*bold\*\* **vote**`, `the budget \*\*bold\*\* **vote**`},
		{`\*\***bold**\*\*`, `\*\***bold**\*\*`},
		{`a\\b **c**`, `a\\b **c**`},
		{`||**spoiler**|| [click](http://x) <@1>`, `\|\|**spoiler**\|\| \[click\](http://x) <@1\>`},
		{"…martial law last month.", "…martial law last month."},
	}
	for _, tt := range tests {
		if got := snippet(tt.in); got != tt.want {
			t.Errorf("snippet(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCalendarDate(t *testing.T) {
	now := time.Date(2025, 1, 14, 9, 0, 0, 0, time.UTC)
	tests := []struct{ value, date, rel string }{
		{"2025-01-20", "Mon, Jan 20, 2025", "in 6 days"},
		{"2025-01-14", "Tue, Jan 14, 2025", "today"},
		{"2025-01-15", "Wed, Jan 15, 2025", "tomorrow"},
		{"2025-01-13", "Mon, Jan 13, 2025", "yesterday"},
		{"2024-11-14", "Thu, Nov 14, 2024", "2 months ago"},
		{"2025-01-20T10:30", "Mon, Jan 20, 2025 10:30", "in 6 days"},
		{"2024-12", "December 2024", "last month"},
		{"2025-01", "January 2025", "this month"},
		{"2025-04", "April 2025", "in 3 months"},
		{"2009-06", "June 2009", "15 years ago"},
		{"2023-02", "February 2023", "23 months ago"},
		{"2025", "2025", "this year"},
		{"2019", "2019", "6 years ago"},
		{"2025-W03", "week 3 of 2025", ""},
		{"2025-SU", "summer 2025", ""},
		{"PRESENT_REF", "now", ""},
		{"", "date unknown", ""},
		{"garbage", "garbage", ""},
	}
	for _, tt := range tests {
		if got := calendarDate(tt.value); got != tt.date {
			t.Errorf("calendarDate(%q) = %q, want %q", tt.value, got, tt.date)
		}
		if got := relative(tt.value, now); got != tt.rel {
			t.Errorf("relative(%q) = %q, want %q", tt.value, got, tt.rel)
		}
	}
	if !past("2025-01-13", now) || past("2025-01-14", now) || past("2025-01", now) || !past("2024-12", now) {
		t.Errorf("past: wrong around %v", now)
	}
}

func TestParseLine(t *testing.T) {
	tests := []struct {
		line string
		cmd  string
		sub  string
		opts map[string]string
	}{
		{"/who Cho Tae-yul", "who", "", map[string]string{"name": "Cho Tae-yul"}},
		{"who   Cho  Tae-yul ", "who", "", map[string]string{"name": "Cho Tae-yul"}},
		{"/who name:Cho Tae-yul private:true", "who", "", map[string]string{"name": "Cho Tae-yul", "private": "true"}},
		{"/summary article:3 private:True", "summary", "", map[string]string{"article": "3", "private": "true"}},
		{"/summary", "summary", "", map[string]string{}},
		{"/ask When is it at 10:30?", "ask", "", map[string]string{"question": "When is it at 10:30?"}},
		{`/search terms:"quoted words"`, "search", "", map[string]string{"terms": "quoted words"}},
		{"/ingest url:https://example.com/a.html", "ingest", "", map[string]string{"url": "https://example.com/a.html"}},
		{"/WHO Iwaya", "who", "", map[string]string{"name": "Iwaya"}},
		{"/briefing set channel:123 time:08:00 timezone:Asia/Seoul", "briefing", "set", map[string]string{"channel": "123", "time": "08:00", "timezone": "Asia/Seoul"}},
		{"/briefing show", "briefing", "show", map[string]string{}},
	}
	for _, tt := range tests {
		req, err := ParseLine(tt.line)
		if err != nil {
			t.Errorf("ParseLine(%q) = %v", tt.line, err)
			continue
		}
		if req.Command != tt.cmd || req.Sub != tt.sub || len(req.Options) != len(tt.opts) {
			t.Errorf("ParseLine(%q) = %q %q %v, want %q %q %v", tt.line, req.Command, req.Sub, req.Options, tt.cmd, tt.sub, tt.opts)
			continue
		}
		for k, v := range tt.opts {
			if req.Options[k] != v {
				t.Errorf("ParseLine(%q) option %s = %q, want %q", tt.line, k, req.Options[k], v)
			}
		}
	}
	for _, bad := range []string{"", "/nope", "/who", "/who name:", "/articles extra words", "/who Cho private:maybe", "/who name:a name:b"} {
		if req, err := ParseLine(bad); err == nil {
			t.Errorf("ParseLine(%q) = %+v, want an error", bad, req)
		}
	}
}

func TestParseLineSubcommand(t *testing.T) {
	// The briefing command's definition belongs to another file; find a
	// command with subcommands and parse one of them generically.
	for name, def := range definitions() {
		subs := subcommands(def.Options)
		if len(subs) == 0 {
			continue
		}
		req, err := ParseLine("/" + name + " " + subs[0].Name)
		if err != nil {
			if !strings.Contains(err.Error(), "needs") {
				t.Errorf("ParseLine(/%s %s) = %v", name, subs[0].Name, err)
			}
			continue
		}
		if req.Sub != subs[0].Name {
			t.Errorf("ParseLine(/%s %s).Sub = %q", name, subs[0].Name, req.Sub)
		}
		if _, err := ParseLine("/" + name + " nosuchsub"); err == nil {
			t.Errorf("ParseLine(/%s nosuchsub) = nil error", name)
		}
	}
}

func TestText(t *testing.T) {
	resp := Response{
		Content: "Hello **there**",
		Embeds: []Embed{{
			Title:       "Takeshi Iwaya",
			Description: `**Foreign Minister** (Japanese), stored <t:1736726400:R>; a\_b \*c\*`,
			Fields:      []Field{{Name: "Articles", Value: "• [Some \\[title\\]](https://example.com/a), Jan 13, 2025"}},
			Footer:      "3 mentions",
		}},
		Buttons:   []Button{{Label: "◀ Previous", CustomID: "a:1", Disabled: true}, {Label: "Next ▶", CustomID: "a:2"}},
		Ephemeral: true,
	}
	got := Text(resp)
	for _, want := range []string{"Hello there", "Takeshi Iwaya\n=============", "Foreign Minister (Japanese), stored 2025-01-13 00:00 UTC; a_b *c*",
		"Articles: • Some [title] <https://example.com/a>, Jan 13, 2025", "— 3 mentions", "[Next ▶]", "only you"} {
		if !strings.Contains(got, want) {
			t.Errorf("Text = \n%s\nwant it to contain %q", got, want)
		}
	}
	if strings.Contains(got, "Previous") {
		t.Errorf("Text = \n%s\nwant no disabled button", got)
	}
}

func FuzzCut(f *testing.F) {
	f.Add("the quick brown fox", 7)
	f.Add("**bold** and\\ more", 9)
	f.Add("héllo wörld", 3)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n % 5000
		got := Cut(s, n)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Cut(%q, %d) = %q, not valid UTF-8", s, n, got)
		}
		if utf8.RuneCountInString(got) > max(n, 0) && utf8.RuneCountInString(s) > max(n, 0) {
			t.Fatalf("Cut(%q, %d) = %q, longer than %d", s, n, got, n)
		}
	})
}

func FuzzParseLine(f *testing.F) {
	f.Add("/who Cho Tae-yul private:true")
	f.Add("/briefing set channel:1 time:08:00 timezone:Asia/Seoul")
	f.Add("/summary article:\"3\"")
	f.Fuzz(func(t *testing.T, line string) {
		req, err := ParseLine(line)
		if err != nil {
			return
		}
		if _, ok := definitions()[req.Command]; !ok {
			t.Fatalf("ParseLine(%q) = command %q, not defined", line, req.Command)
		}
	})
}

func TestFairShares(t *testing.T) {
	tests := []struct {
		need   []int
		budget int
		want   []int
	}{
		{[]int{100, 5000, 3000}, 6000, []int{100, 2950, 2950}},
		{[]int{100, 200}, 6000, []int{100, 200}},
		{[]int{100, 5000, 1000}, 6000, []int{100, 4900, 1000}},
		{[]int{500, 500}, -10, []int{0, 0}},
		{nil, 100, []int{}},
	}
	for _, tt := range tests {
		if got := fairShares(tt.need, tt.budget); !slices.Equal(got, tt.want) {
			t.Errorf("fairShares(%v, %d) = %v, want %v", tt.need, tt.budget, got, tt.want)
		}
	}
}

func TestFieldChunks(t *testing.T) {
	text := "• one\n  cited one\n• two\n  cited two\n• three\n… and 2 more (/when)"
	tests := []struct {
		limit int
		want  []string
	}{
		{1024, []string{text}},
		{40, []string{"• one\n  cited one\n• two\n  cited two", "• three\n… and 2 more (/when)"}},
		{20, []string{"• one\n  cited one", "• two\n  cited two", "• three", "… and 2 more (/when)"}},
	}
	for _, tt := range tests {
		if got := fieldChunks(text, tt.limit); !slices.Equal(got, tt.want) {
			t.Errorf("fieldChunks(%q, %d) = %q, want %q", text, tt.limit, got, tt.want)
		}
	}
}

func TestDateMatch(t *testing.T) {
	tests := []struct {
		dates []string
		date  string
		want  float64
	}{
		{[]string{"XXXX-01-14"}, "2025-01-14", 1},
		{[]string{"XXXX-01-14"}, "2025-01-14T10:00", 1},
		{[]string{"2025-01-14"}, "2024-01-14", -0.5},
		{[]string{"XXXX-01-14"}, "2025-01", 0.3},
		{[]string{"2025"}, "2025-01-14", 0.3},
		{[]string{"XXXX-01-14"}, "2025-01-13", -0.5},
		{[]string{"XXXX-01-14"}, "FUTURE_REF", -0.5},
		{[]string{"XXXX-01-14"}, "", 0},
		{nil, "2025-01-14", 0},
	}
	for _, tt := range tests {
		if got := dateMatch(tt.dates, tt.date); got != tt.want {
			t.Errorf("dateMatch(%v, %q) = %v, want %v", tt.dates, tt.date, got, tt.want)
		}
	}
}

func TestQuestionDates(t *testing.T) {
	now := time.Date(2025, 1, 14, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		q, want, rest string
	}{
		{"Who will Iwaya meet on Jan. 14?", "XXXX-01-14", "Who will Iwaya meet on        ?"},
		{"What happened on January 20, 2025?", "2025-01-20", ""},
		{"Who did Iwaya meet yesterday?", "2025-01-13", ""},
		{"Who is Iwaya?", "", "Who is Iwaya?"},
	}
	for _, tt := range tests {
		dates, rest := questionDates(tt.q, now)
		if got := strings.Join(dates, ","); got != tt.want || tt.rest != "" && rest != tt.rest {
			t.Errorf("questionDates(%q) = %q, %q; want %q, %q", tt.q, got, rest, tt.want, tt.rest)
		}
	}
}

// TestPlainUndoesEscapes checks that the console shows article text as
// written: escaped markdown, including a link inside the text, comes back
// verbatim, while a real link still reads "title <url>".
func TestPlainUndoesEscapes(t *testing.T) {
	tests := []string{
		"the budget **bold** @everyone <@123456789> [click](http://evil.example) ||spoiler|| `code`.",
		`a_b \ c*d [x] #tag > quote`,
	}
	for _, s := range tests {
		if got := plain(md(s)); got != s {
			t.Errorf("plain(md(%q)) = %q, want it back", s, got)
		}
		withLink := md(s) + " — [Title](https://example.org/a)"
		if got, want := plain(withLink), s+" — Title <https://example.org/a>"; got != want {
			t.Errorf("plain(%q) = %q, want %q", withLink, got, want)
		}
	}
}
