package commands

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"factdesk/news"
)

// Discord's limits on one message, in characters.
const (
	MaxContent      = 2000
	MaxEmbeds       = 10
	MaxTitle        = 256
	MaxDescription  = 4096
	MaxFields       = 25
	MaxFieldName    = 256
	MaxFieldValue   = 1024
	MaxFooter       = 2048
	MaxEmbedTotal   = 6000
	MaxButtons      = 5 // one action row
	MaxButtonLabel  = 80
	MaxCustomID     = 100
	MaxChoiceLength = 100
	MaxURL          = 2048 // an embed's link
)

// ellipsis marks text that was cut.
const ellipsis = "…"

// Cut returns s shortened to at most n characters, cut at a word boundary
// when one is near and marked with "…". Bold markers left unbalanced by the
// cut are closed.
func Cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	if n == 1 {
		return ellipsis
	}
	// Byte index of the end of the first n-1 runes.
	end := len(s)
	for i := range s {
		if n == 1 {
			end = i
			break
		}
		n--
	}
	cut := s[:end]
	// Prefer a word boundary in the second half of the kept text.
	if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > len(cut)/2 {
		cut = cut[:i]
	}
	cut = strings.TrimRightFunc(cut, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' || r == '('
	})
	// A trailing backslash would escape the ellipsis.
	cut = strings.TrimRight(cut, "\\")
	if strings.Count(cut, "**")%2 == 1 {
		i := strings.LastIndex(cut, "**")
		cut = cut[:i] + cut[i+2:]
	}
	return cut + ellipsis
}

// runes is the length Discord counts.
func runes(s string) int { return utf8.RuneCountInString(s) }

// Fit returns resp cut to Discord's limits: each part to its own limit,
// then whole fields dropped from the end of the largest embed (and the
// description cut) until every embed and the message total fit. A note in
// the footer says what was left out.
func Fit(resp Response) Response {
	resp.Content = Cut(resp.Content, MaxContent)
	if len(resp.Embeds) > MaxEmbeds {
		resp.Embeds = resp.Embeds[:MaxEmbeds]
	}
	embeds := make([]Embed, len(resp.Embeds))
	for i, e := range resp.Embeds {
		embeds[i] = fitEmbed(e)
	}
	resp.Embeds = embeds
	shrinkEmbeds(resp.Embeds)
	for len(resp.Embeds) > 0 && embedsTotal(resp.Embeds) > MaxEmbedTotal {
		resp.Embeds = resp.Embeds[:len(resp.Embeds)-1]
	}
	if len(resp.Buttons) > MaxButtons {
		resp.Buttons = resp.Buttons[:MaxButtons]
	}
	buttons := make([]Button, 0, len(resp.Buttons))
	for _, b := range resp.Buttons {
		if len(b.CustomID) > MaxCustomID || b.CustomID == "" {
			continue
		}
		b.Label = Cut(b.Label, MaxButtonLabel)
		buttons = append(buttons, b)
	}
	if len(buttons) == 0 {
		buttons = nil
	}
	resp.Buttons = buttons
	return resp
}

// fitEmbed cuts each part of e to its own limit.
func fitEmbed(e Embed) Embed {
	if len(e.URL) > MaxURL {
		e.URL = ""
	}
	e.Title = Cut(e.Title, MaxTitle)
	e.Description = Cut(e.Description, MaxDescription)
	e.Footer = Cut(e.Footer, MaxFooter)
	if len(e.Fields) > MaxFields {
		dropped := len(e.Fields) - MaxFields
		e.Fields = e.Fields[:MaxFields]
		e.Footer = footerNote(e.Footer, dropped)
	}
	fields := make([]Field, 0, len(e.Fields))
	for _, f := range e.Fields {
		f.Name = Cut(f.Name, MaxFieldName)
		f.Value = Cut(f.Value, MaxFieldValue)
		if strings.TrimSpace(f.Name) == "" {
			f.Name = "\u200b"
		}
		if strings.TrimSpace(f.Value) == "" {
			f.Value = "\u200b"
		}
		fields = append(fields, f)
	}
	e.Fields = fields
	return e
}

// footerNote adds "n more sections not shown" to a footer.
func footerNote(footer string, n int) string {
	note := fmt.Sprintf("%d more %s not shown", n, plural(n, "section", "sections"))
	if footer == "" {
		return note
	}
	return Cut(footer, MaxFooter-runes(note)-3) + " · " + note
}

// embedTotal counts what Discord counts toward the 6,000 characters.
func embedTotal(e Embed) int {
	n := runes(e.Title) + runes(e.Description) + runes(e.Footer)
	for _, f := range e.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	return n
}

func embedsTotal(es []Embed) int {
	n := 0
	for _, e := range es {
		n += embedTotal(e)
	}
	return n
}

func largestEmbed(es []Embed) int {
	best := 0
	for i, e := range es {
		if embedTotal(e) > embedTotal(es[best]) {
			best = i
		}
	}
	return best
}

// shrinkEmbeds makes the embeds fit the message total: it drops whole
// fields from the end of the largest embed, noting it in the footer, then
// cuts descriptions, footers and titles.
func shrinkEmbeds(es []Embed) {
	footers := make([]string, len(es))
	dropped := make([]int, len(es))
	for i, e := range es {
		footers[i] = e.Footer
	}
	for total := embedsTotal(es); total > MaxEmbedTotal; total = embedsTotal(es) {
		i := largestEmbed(es)
		e := &es[i]
		over := total - MaxEmbedTotal
		switch {
		case len(e.Fields) > 0:
			e.Fields = e.Fields[:len(e.Fields)-1]
			dropped[i]++
			e.Footer = footerNote(footers[i], dropped[i])
		case runes(e.Description) > 0:
			e.Description = Cut(e.Description, max(0, runes(e.Description)-over))
		case runes(e.Footer) > 0:
			e.Footer = Cut(e.Footer, max(0, runes(e.Footer)-over))
		case runes(e.Title) > 0:
			e.Title = Cut(e.Title, max(0, runes(e.Title)-over))
		default:
			return
		}
	}
}

// list joins items as lines within limit characters. When not all fit, a
// last line says how many more there are and, when more is set, where.
func list(items []string, limit int, more string) string {
	return listN(len(items), func(i int) string { return items[i] }, limit, more)
}

// listN is list over n items made on demand by item, so that long lists
// cost only the items shown.
func listN(n int, item func(int) string, limit int, more string) string {
	var b strings.Builder
	used := 0
	for i := 0; i < n; i++ {
		it := item(i)
		rest := n - i - 1
		tail := 0
		if rest > 0 {
			tail = runes(moreLine(rest, more)) + 1
		}
		add := runes(it)
		if b.Len() > 0 {
			add++
		}
		if used+add+tail > limit {
			if used == 0 {
				// Even the first item is too long: cut it.
				it = Cut(it, limit-tail)
				b.WriteString(it)
				i++
			}
			if left := n - i; left > 0 {
				if b.Len() > 0 {
					b.WriteString("\n")
				}
				b.WriteString(moreLine(left, more))
			}
			return b.String()
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(it)
		used += add
	}
	return b.String()
}

func moreLine(n int, more string) string {
	if more == "" {
		return fmt.Sprintf("… and %d more", n)
	}
	return fmt.Sprintf("… and %d more (%s)", n, more)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// escaper backslash-escapes Discord markdown in text taken from articles
// or users, so it reads as typed.
var escaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, "~", `\~`, "`", "\\`", `|`, `\|`,
	`>`, `\>`, `[`, `\[`, `]`, `\]`, `#`, `\#`,
)

// md escapes s for Discord markdown and folds its white space.
func md(s string) string { return escaper.Replace(strings.Join(strings.Fields(s), " ")) }

// snippet renders a search snippet from the store, in which ** marks a
// match and a backslash escapes the article's own '*' and '\'. The
// article's text is escaped for Discord first; only the store's marks
// become bold, so text such as "**bold**" in an article cannot pass for a
// match.
func snippet(s string) string {
	var out, part strings.Builder
	open := false
	flush := func() {
		out.WriteString(escaper.Replace(part.String()))
		part.Reset()
	}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i++
			part.WriteByte(s[i])
		case strings.HasPrefix(s[i:], "**"):
			flush()
			out.WriteString("**")
			open = !open
			i++
		default:
			part.WriteByte(s[i])
		}
	}
	flush()
	text := out.String()
	if open {
		// An unclosed mark: leave it out.
		i := strings.LastIndex(text, "**")
		text = text[:i] + text[i+2:]
	}
	// Neighbouring matches read as one: "**martial law**".
	return strings.ReplaceAll(strings.Join(strings.Fields(text), " "), "** **", " ")
}

// maxLinkURL is the longest URL linked in a text; a longer one would eat
// the message's budget, so its title is shown unlinked.
const maxLinkURL = 300

// urlEscaper keeps a URL from closing a markdown link early.
var urlEscaper = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20")

// link renders an article title, linked when it has a URL.
func link(a news.ArticleRef) string {
	title := articleTitle(a)
	u := linkURL(a)
	if u == "" {
		return "*" + md(Cut(title, 120)) + "*"
	}
	return "[" + md(Cut(title, 120)) + "](" + u + ")"
}

// linkURL is the article's URL made safe for a markdown link, or "" when
// it has none fit to link.
func linkURL(a news.ArticleRef) string {
	if a.URL == "" || !strings.HasPrefix(a.URL, "http") || len(a.URL) > maxLinkURL {
		return ""
	}
	return urlEscaper.Replace(a.URL)
}

// articleTitle is the title, or a stand-in for an untitled article.
func articleTitle(a news.ArticleRef) string {
	if strings.TrimSpace(a.Title) != "" {
		return strings.Join(strings.Fields(a.Title), " ")
	}
	return fmt.Sprintf("Article #%d", a.ID)
}

// articleDate is the publication date as a calendar date, or when the
// article was stored, as an instant.
func articleDate(a news.ArticleRef) string {
	if t, err := time.Parse(time.DateOnly, a.Published); err == nil {
		return t.Format("Jan 2, 2006")
	}
	if !a.Ingested.IsZero() {
		return fmt.Sprintf("added <t:%d:R>", a.Ingested.Unix())
	}
	return "undated"
}

// cite renders a source: the article, its date and the sentence, quoted
// and cut to about quote characters.
func cite(c news.Citation, quote int) string {
	s := link(c.Article) + ", " + articleDate(c.Article)
	if sent := strings.TrimSpace(c.Sentence); sent != "" && quote > 0 {
		s += ": “" + md(Cut(strings.Join(strings.Fields(sent), " "), quote)) + "”"
	}
	return s
}

// withPrivate sets the reply's visibility from the "private" option.
func withPrivate(req Request, resp Response) Response {
	if isTrue(req.Option("private")) {
		resp.Ephemeral = true
	}
	return resp
}

// isTrue reads a boolean option value.
func isTrue(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "yes", "1", "on":
		return true
	}
	return false
}

// choice builds an autocomplete choice within Discord's 100 characters.
func choice(name, value string) Choice {
	return Choice{Name: Cut(oneLine(name), MaxChoiceLength), Value: cutBytes(value, MaxChoiceLength)}
}

// capital upper-cases the first letter of s.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// oneLine folds white space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// cutBytes cuts s to at most n characters without a mark, for values
// that go back to the bot rather than to a reader.
func cutBytes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if n == 0 {
			i = j
			break
		}
		n--
	}
	return s[:i]
}
