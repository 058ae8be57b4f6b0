package extract

import (
	"os"
	"testing"

	"factdesk/news"
)

// FuzzExtract runs the whole pipeline over arbitrary text and checks that
// it never panics and that every offset and index it returns is valid.
func FuzzExtract(f *testing.F) {
	if b, err := os.ReadFile("testdata/seed.txt"); err == nil {
		f.Add(string(b), 0)
	}
	for _, s := range []string{
		"", " ", "\u201c", "Mr.", "U.S.", "(((", "\"a\" \"", "SEOUL\u2014", "By A B and C D",
		"<p>x</p>&amp;", "Jan. 20. He", "\xff\xfe", "A. B. C. D.", "\u2014\u2014\u2014",
		"President X, the Y of Z, said \"w\".", "Photo/\n\n(Provided by x)", "a\r\nb\rc",
	} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, offset int) {
		if offset < 0 || offset > 1000 {
			offset = 0
		}
		doc := news.Document{Text: text, Offset: offset, Published: "2025-01-13"}
		checkInvariants(t, doc, Extract(doc))
	})
}
