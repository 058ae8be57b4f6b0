// Package extract is the language pipeline: it turns one article's text
// into facts. It is pure: text in, facts out; no database, no Discord.
package extract

import (
	"strings"

	"factdesk/news"
)

// Extract runs the whole pipeline over doc. Offsets in the result are byte
// offsets into the original input (doc.Offset bytes of front matter, then
// doc.Text). TODO: placeholder that only splits paragraphs.
func Extract(doc news.Document) news.Extraction {
	ex := news.Extraction{Path: doc.Path, Published: doc.Published, Title: doc.Title, Authors: doc.Authors}
	pos := 0
	for _, para := range strings.Split(doc.Text, "\n") {
		t := strings.TrimSpace(para)
		if t != "" {
			start := pos + strings.Index(para, t)
			ex.Sentences = append(ex.Sentences, news.Sentence{Text: t, Start: doc.Offset + start, End: doc.Offset + start + len(t), Kind: news.KindBody})
		}
		pos += len(para) + 1
	}
	return ex
}
