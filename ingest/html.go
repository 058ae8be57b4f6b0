package ingest

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"factdesk/news"
)

// boilerplate are the elements dropped before looking for the main text:
// page chrome, not article.
var boilerplate = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Button: true, atom.Select: true, atom.Svg: true,
}

// parseHTML reduces a page to its main text with readability, after
// dropping navigation and other page chrome. contentType may name the
// charset of non-UTF-8 pages. Document.Offset is 0: offsets point into the
// extracted text, since the markup is not kept.
func parseHTML(name string, data []byte, contentType string) (news.Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return news.Document{}, ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return news.Document{}, fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	if !utf8.Valid(data) {
		enc, encName, certain := charset.DetermineEncoding(data, contentType)
		if !certain && encName == "windows-1252" && !strings.Contains(strings.ToLower(contentType), "charset") && !declaresCharset(data) {
			return news.Document{}, fmt.Errorf("%w: invalid UTF-8 at offset %d and no charset declared", ErrBinary, invalidUTF8(data))
		}
		decoded, err := enc.NewDecoder().Bytes(data)
		if err != nil || !utf8.Valid(decoded) {
			return news.Document{}, fmt.Errorf("%w: cannot decode as %s", ErrBinary, encName)
		}
		data = decoded
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return news.Document{}, fmt.Errorf("parse html: %w", err)
	}
	dropElements(root, func(n *html.Node) bool { return boilerplate[n.DataAtom] })

	doc := news.Document{Path: name}
	var pageURL *nurl.URL
	if u, err := nurl.Parse(name); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		pageURL = u
		doc.URL = name
	}
	p := readability.NewParser()
	art, err := p.ParseDocument(root, pageURL)
	var text string
	if err == nil && art.Node != nil {
		text = render.InnerText(art.Node)
		doc.Source = oneLine(art.SiteName())
		doc.Title = withoutSiteName(oneLine(art.Title()), doc.Source)
		if by := byline(art.Byline()); by != "" {
			doc.Authors = splitAuthors(by)
		}
		if t, err := art.PublishedTime(); err == nil {
			doc.Published = t.Format(time.DateOnly)
		}
	}
	if doc.Published == "" {
		doc.Published = pageDate(data)
	}
	if len(strings.Fields(text)) < 20 {
		// Readability gives up on short pages: fall back to the whole
		// body, chrome and scripts already gone.
		dropElements(root, func(n *html.Node) bool { return n.DataAtom == atom.Script || n.DataAtom == atom.Head })
		if body := render.InnerText(root); len(strings.Fields(body)) > len(strings.Fields(text)) {
			text = body
		}
		if doc.Title == "" {
			doc.Title = oneLine(titleOf(data))
		}
	}
	text = tidy(text)
	if text == "" {
		return news.Document{}, fmt.Errorf("%w in the page", ErrNoText)
	}
	doc.Text = text
	return doc, nil
}

// declaresCharset reports whether a page names its charset in a meta tag.
func declaresCharset(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(bytes.ToLower(head), []byte("charset"))
}

// dropElements removes every element for which drop is true.
func dropElements(n *html.Node, drop func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && drop(c) {
			n.RemoveChild(c)
		} else {
			dropElements(c, drop)
		}
		c = next
	}
}

// titleOf returns the page's <title>, or "".
func titleOf(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken:
			name, _ := z.TagName()
			if string(name) == "title" && z.Next() == html.TextToken {
				return string(z.Text())
			}
		}
	}
}

// titleSeparators split a page title from the site name pages append to it.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · "}

// withoutSiteName drops a trailing site name from a page title, as in
// "Harbour reopens after storm | Example Times": the last segment goes when
// it is the site's name, or when it is short and the headline before it is
// not.
func withoutSiteName(title, site string) string {
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if strings.EqualFold(tail, site) || (len(strings.Fields(tail)) <= 3 && len(strings.Fields(head)) >= 3) {
			return head
		}
	}
	return title
}

// tidy trims each line, folds runs of blank lines into one and trims the
// whole, so paragraphs stay one per line and sentences keep their text.
func tidy(s string) string {
	var b strings.Builder
	blank := 0
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}

// splitAuthors splits "Maria Gonzalez, Tom Reilly" or "A and B" into names.
func splitAuthors(s string) []string {
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(s, " and ", ","), ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// dateMetaKeys are the meta names, properties and itemprops that carry a
// page's publication date when readability finds none.
var dateMetaKeys = map[string]bool{
	"datepublished": true, "date": true, "dc.date": true, "dc.date.issued": true, "dcterms.created": true,
	"og:published_time": true, "article:published_time": true, "pubdate": true, "publish-date": true,
}

// pageDate finds a publication date in a page's meta tags, else in its
// first <time datetime>, as YYYY-MM-DD; "" when there is none.
func pageDate(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data))
	firstTime := ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return firstTime
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if (tag != "meta" && tag != "time") || !hasAttr {
				continue
			}
			attrs := map[string]string{}
			for {
				k, v, more := z.TagAttr()
				attrs[strings.ToLower(string(k))] = string(v)
				if !more {
					break
				}
			}
			if tag == "meta" {
				for _, k := range []string{"itemprop", "name", "property"} {
					if dateMetaKeys[strings.ToLower(attrs[k])] {
						if day, ok := calendarDate(attrs["content"]); ok {
							return day
						}
					}
				}
			} else if firstTime == "" {
				if day, ok := calendarDate(attrs["datetime"]); ok {
					firstTime = day
				}
			}
		}
	}
}

// oneLine folds white space, for titles and names.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// byline turns "By Jane Roe" into "Jane Roe".
func byline(s string) string {
	s = oneLine(s)
	for _, p := range []string{"By ", "by ", "BY "} {
		s = strings.TrimPrefix(s, p)
	}
	if len(s) > 120 {
		return ""
	}
	return s
}
