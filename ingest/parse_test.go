package ingest

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseFrontMatter(t *testing.T) {
	in := "---\ntitle: \"Ministers meet\"\npublished: 2025-01-13\nurl: https://example.com/a\nsource: Example News\nauthors: Ann Lee, Bo Park\n---\nThe body starts here.\n"
	doc, err := Parse("a.md", []byte(in))
	if err != nil {
		t.Fatalf("Parse = %v", err)
	}
	if doc.Title != "Ministers meet" || doc.Published != "2025-01-13" || doc.URL != "https://example.com/a" || doc.Source != "Example News" {
		t.Errorf("Parse metadata = %+v", doc)
	}
	if !slices.Equal(doc.Authors, []string{"Ann Lee", "Bo Park"}) {
		t.Errorf("Parse authors = %q, want [Ann Lee Bo Park]", doc.Authors)
	}
	if got := in[doc.Offset:]; got != doc.Text {
		t.Errorf("input[Offset:] = %q, want Text %q", got, doc.Text)
	}
	if !strings.HasPrefix(doc.Text, "The body") {
		t.Errorf("Parse text = %q, want the body", doc.Text)
	}
}

func TestParseFrontMatterYAMLList(t *testing.T) {
	in := "\uFEFF---\r\nauthors:\r\n  - Ann Lee\r\n  - 'Bo Park'\r\ntitle: T\r\n---\r\nBody.\r\n"
	doc, err := Parse("a.txt", []byte(in))
	if err != nil {
		t.Fatalf("Parse = %v", err)
	}
	if !slices.Equal(doc.Authors, []string{"Ann Lee", "Bo Park"}) || doc.Title != "T" {
		t.Errorf("Parse = authors %q title %q, want [Ann Lee Bo Park] T", doc.Authors, doc.Title)
	}
	if in[doc.Offset:] != doc.Text || doc.Text != "Body.\r\n" {
		t.Errorf("Parse text = %q offset %d, want %q", doc.Text, doc.Offset, "Body.\r\n")
	}
}

func TestParseNoFrontMatter(t *testing.T) {
	in := "# A heading\n\nSome text --- with dashes.\n"
	doc, err := Parse("x.md", []byte(in))
	if err != nil {
		t.Fatalf("Parse = %v", err)
	}
	if doc.Offset != 0 || doc.Text != in || doc.Title != "A heading" {
		t.Errorf("Parse = offset %d title %q, want 0 and %q", doc.Offset, doc.Title, "A heading")
	}
}

func TestParseBadInput(t *testing.T) {
	tests := []struct {
		name, file string
		data       string
		want       error
		mention    string
	}{
		{"empty", "a.txt", "", ErrEmpty, "empty"},
		{"blank", "a.txt", " \n\t\n", ErrEmpty, "empty"},
		{"only front matter", "a.md", "---\ntitle: x\n---\n\n", ErrEmpty, "after the front matter"},
		{"NUL", "a.txt", "abc\x00def", ErrBinary, "NUL"},
		{"latin-1", "a.txt", "caf\xe9 au lait", ErrBinary, "UTF-8"},
		{"unclosed", "a.md", "---\ntitle: x\nbody without end\n", ErrFrontMatter, "closing"},
		{"unclosed at EOF", "a.md", "---", ErrFrontMatter, "closing"},
		{"bad date", "a.md", "---\npublished: 13/01/2025\n---\nText.\n", ErrFrontMatter, "YYYY-MM-DD"},
		{"impossible date", "a.md", "---\npublished: 2025-02-30\n---\nText.\n", ErrFrontMatter, "YYYY-MM-DD"},
		{"no colon", "a.md", "---\njust words\n---\nText.\n", ErrFrontMatter, "key: value"},
		{"twice", "a.md", "---\ntitle: a\ntitle: b\n---\nText.\n", ErrFrontMatter, "twice"},
		{"type", "a.pdf", "%PDF", ErrType, ".pdf"},
		{"empty html", "a.html", "  ", ErrEmpty, "empty"},
		{"html without text", "a.html", "<html><head><script>x()</script></head><body><nav>Home</nav></body></html>", ErrNoText, "no readable text"},
		{"binary html", "a.html", "<p>a\x00b</p>", ErrBinary, "NUL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, []byte(tt.data))
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse(%q, %q) = %v, want %v", tt.file, tt.data, err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("Parse(%q, %q) = %q, want it to mention %q", tt.file, tt.data, err, tt.mention)
			}
		})
	}
}

func TestParseHTMLDropsChrome(t *testing.T) {
	page := `<!doctype html><html><head><title>Ministers meet in Seoul | Example</title>
<style>body{color:red}</style><script>var tracker = "SCRIPT-TEXT";</script>
<meta property="article:published_time" content="2025-01-13T09:00:00Z"></head>
<body><header><a href="/">HEADER-TEXT</a></header>
<nav><ul><li>NAV-TEXT</li><li>World</li></ul></nav>
<article><h1>Ministers meet in Seoul</h1>
<p>The foreign ministers of two neighbouring countries met in the capital on Monday to discuss cooperation on security and trade.</p>
<p>They agreed to hold another meeting next month, officials said, and to expand exchange programmes for students and young workers.</p>
<p>The talks lasted three hours and ended with a joint statement that both sides described as a step forward for the relationship.</p>
</article>
<aside>ASIDE-TEXT related stories</aside>
<footer>FOOTER-TEXT copyright</footer>
<script>document.write("SCRIPT-TWO")</script></body></html>`
	doc, err := Parse("page.html", []byte(page))
	if err != nil {
		t.Fatalf("Parse = %v", err)
	}
	for _, bad := range []string{"SCRIPT-TEXT", "SCRIPT-TWO", "NAV-TEXT", "HEADER-TEXT", "FOOTER-TEXT", "ASIDE-TEXT", "color:red"} {
		if strings.Contains(doc.Text, bad) {
			t.Errorf("Parse(page).Text contains %q:\n%s", bad, doc.Text)
		}
	}
	for _, good := range []string{"foreign ministers", "joint statement"} {
		if !strings.Contains(doc.Text, good) {
			t.Errorf("Parse(page).Text lacks %q:\n%s", good, doc.Text)
		}
	}
	if !strings.Contains(doc.Title, "Ministers meet in Seoul") {
		t.Errorf("Parse(page).Title = %q, want the page title", doc.Title)
	}
	if doc.Published != "2025-01-13" {
		t.Errorf("Parse(page).Published = %q, want 2025-01-13", doc.Published)
	}
	// Paragraphs stay apart, so sentences do not run together.
	if strings.Count(doc.Text, "\n") < 2 {
		t.Errorf("Parse(page).Text has no paragraph breaks:\n%s", doc.Text)
	}
}

func TestParseHTMLShortPage(t *testing.T) {
	page := `<html><head><title>Short</title><script>evil()</script></head><body><nav>Menu</nav><p>Only one short line of text.</p></body></html>`
	doc, err := Parse("s.htm", []byte(page))
	if err != nil {
		t.Fatalf("Parse = %v", err)
	}
	if doc.Text != "Only one short line of text." || doc.Title != "Short" {
		t.Errorf("Parse = text %q title %q, want the paragraph and Short", doc.Text, doc.Title)
	}
}

func TestParseHTMLCharset(t *testing.T) {
	page := "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 owners in the old town said business was good this year.</p></body></html>"
	doc, err := Parse("c.html", []byte(page))
	if err != nil {
		t.Fatalf("Parse = %v", err)
	}
	if !strings.Contains(doc.Text, "Café owners") {
		t.Errorf("Parse text = %q, want it decoded from Latin-1", doc.Text)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("a.md", []byte("---\ntitle: x\npublished: 2025-01-13\nauthors:\n - A\n---\nText here.\n"))
	f.Add("a.txt", []byte("Plain text."))
	f.Add("a.txt", []byte("---\n---\n"))
	f.Add("a.html", []byte("<p>Hello <b>world</b></p><script>x</script>"))
	f.Add("a.html", []byte("<html><nav>n</nav><article><p>t</p></article>"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := Parse(name, data)
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) || strings.TrimSpace(doc.Text) == "" {
			t.Fatalf("Parse(%q) = text %q, want valid non-empty UTF-8", name, doc.Text)
		}
		if kindOf(name) == kindText {
			if doc.Offset < 0 || doc.Offset > len(data) || string(data[doc.Offset:]) != doc.Text {
				t.Fatalf("Parse(%q) offset %d does not point at the text", name, doc.Offset)
			}
		}
	})
}

// Front matter from static site generators carries keys factdesk does not
// use; they are skipped, list items included, and the known keys still count.
func TestParseSkipsUnknownKeys(t *testing.T) {
	in := "---\nlayout: post\ntags:\n  - world\n  - asia\ntitle: Port reopens\nauthors:\n  - Ana Costa\n---\nText of the article.\n"
	doc, err := Parse("a.md", []byte(in))
	if err != nil {
		t.Fatalf("Parse(site front matter) error: %v", err)
	}
	if doc.Title != "Port reopens" || len(doc.Authors) != 1 || doc.Authors[0] != "Ana Costa" {
		t.Errorf("Parse(site front matter) = title %q, authors %q, want %q and [Ana Costa]", doc.Title, doc.Authors, "Port reopens")
	}
}

// Publication dates as other tools write them are read as calendar dates.
func TestParsePublishedForms(t *testing.T) {
	for _, in := range []string{
		"published: 2024-03-05", "published: 2024-03-05T11:32:00Z", "date: 2024-03-05",
		"published: March 5, 2024", "published: \"2024-03-05T23:30:00+09:00\"",
	} {
		doc, err := Parse("a.md", []byte("---\n"+in+"\n---\nText.\n"))
		if err != nil || doc.Published != "2024-03-05" {
			t.Errorf("Parse(%q).Published = %q, %v; want 2024-03-05", in, doc.Published, err)
		}
	}
}

// Pages that give their date only in an itemprop meta or a <time> element
// still get it, and a comma-separated author meta becomes several authors.
func TestParseHTMLDateAndAuthors(t *testing.T) {
	body := strings.Repeat("The harbour reopened after the storm, officials said on Monday. ", 8)
	pages := map[string]string{
		"itemprop": `<html><head><meta itemprop="datePublished" content="2024-10-04"></head><body><article><h1>Harbour</h1><p>` + body + `</p></article></body></html>`,
		"time":     `<html><body><article><h1>Harbour</h1><p>Published: <time datetime="2024-10-04T16:05">Fri 4 Oct</time></p><p>` + body + `</p></article></body></html>`,
	}
	for name, page := range pages {
		doc, err := Parse(name+".html", []byte(page))
		if err != nil || doc.Published != "2024-10-04" {
			t.Errorf("Parse(%s page).Published = %q, %v; want 2024-10-04", name, doc.Published, err)
		}
	}
	if got := splitAuthors("Maria Gonzalez, Tom Reilly and Ana Costa"); len(got) != 3 || got[2] != "Ana Costa" {
		t.Errorf("splitAuthors(three names) = %q, want three names", got)
	}
}
