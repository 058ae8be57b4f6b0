package commands

import (
	"strings"
	"unicode"

	"factdesk/news"
)

// quoteText is the text of a quote as its sentence gives it. Extraction
// may drop the article's own markdown from a quote ("**bold**" becomes
// "bold"); when the source sentence holds a quoted span with the quote's
// words in order, from the first to the last, that span is the verbatim
// text, to be escaped for display rather than altered. Otherwise the
// quote's text is returned as it came.
func quoteText(q news.QuoteFact) string {
	want := alnumWords(q.Text)
	if !q.Direct || len(want) == 0 {
		return q.Text
	}
	for _, span := range quotedSpans(q.Source.Sentence) {
		if span != q.Text && sameWordsInOrder(want, alnumWords(span)) {
			return span
		}
	}
	return q.Text
}

// quotedSpans returns the texts between quotation marks in s: straight
// double quotes paired in order, and curly ones.
func quotedSpans(s string) []string {
	var out []string
	for _, pair := range [][2]string{{"“", "”"}, {`"`, `"`}} {
		rest := s
		for {
			i := strings.Index(rest, pair[0])
			if i < 0 {
				break
			}
			rest = rest[i+len(pair[0]):]
			j := strings.Index(rest, pair[1])
			if j < 0 {
				break
			}
			out = append(out, rest[:j])
			rest = rest[j+len(pair[1]):]
		}
	}
	return out
}

// alnumWords splits s into its runs of letters and digits.
func alnumWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// sameWordsInOrder reports whether span has every word of want in order,
// starting with want's first and ending with its last: markup may add
// words (a link's address) but not change the quote.
func sameWordsInOrder(want, span []string) bool {
	if len(span) < len(want) || span[0] != want[0] || span[len(span)-1] != want[len(want)-1] {
		return false
	}
	i := 0
	for _, w := range span {
		if i < len(want) && w == want[i] {
			i++
		}
	}
	return i == len(want)
}

// quoted is a direct quote's text for placing between quotation marks:
// without its own outer marks, nor the comma that led to its attribution
// ("… together,” he said").
func quoted(text string) string {
	return strings.TrimRight(strings.Trim(text, "“”\""), ", ")
}
