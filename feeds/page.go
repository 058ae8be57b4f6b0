package feeds

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ErrNoText is returned when a page has no readable text.
var ErrNoText = errors.New("no readable text")

// minWords is the shortest main text taken as an article; readability's
// result below it is replaced by the feed's own content when that is longer.
const minWords = 20

// leastWords is the shortest text stored at all: less is page chrome, not
// an article.
const leastWords = 8

// page is a fetched page reduced to its main text.
type page struct {
	Title  string
	Byline string
	Site   string
	Text   string
}

// mainText reduces an HTML (or plain text) page to its main text with
// readability. contentType may name the page's charset.
func mainText(body []byte, contentType, pageURL string) (page, error) {
	if bytes.IndexByte(body, 0) >= 0 {
		return page{}, fmt.Errorf("%w: binary data", ErrNoText)
	}
	mt := mediaType(contentType)
	if mt == "text/plain" || mt == "text/markdown" {
		text := tidy(string(bytes.ToValidUTF8(body, []byte("\uFFFD"))))
		if text == "" {
			return page{}, ErrNoText
		}
		return page{Text: text}, nil
	}
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return page{}, fmt.Errorf("decode page: %w", err)
	}
	root, err := html.Parse(r)
	if err != nil {
		return page{}, fmt.Errorf("parse page: %w", err)
	}
	u, _ := nurl.Parse(pageURL)
	parser := readability.NewParser()
	art, err := parser.ParseDocument(root, u)
	var p page
	if err == nil && art.Node != nil {
		p = page{Title: oneLine(art.Title()), Byline: oneLine(art.Byline()), Site: oneLine(art.SiteName()), Text: tidy(render.InnerText(art.Node))}
	}
	if p.Text == "" {
		return p, ErrNoText
	}
	return p, nil
}

// htmlText renders an HTML fragment (a feed item's content) as text, one
// paragraph per block element.
func htmlText(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return tidy(fragment)
	}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return tidy(fragment)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				b.WriteString("\n")
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blocks[n.DataAtom] {
			b.WriteString("\n\n")
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return tidy(b.String())
}

// blocks are the elements that end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.Blockquote: true, atom.Pre: true, atom.Tr: true, atom.Section: true, atom.Article: true,
}

// tidy trims each line and folds runs of blank lines, keeping one
// paragraph per line.
func tidy(s string) string {
	var b strings.Builder
	blank := false
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			blank = true
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func words(s string) int { return len(strings.Fields(s)) }
