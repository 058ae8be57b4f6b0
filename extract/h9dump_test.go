package extract

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"factdesk/news"
)

// TestH9Dump is a temporary helper: H9DUMP=path H9PUB=date prints the extraction.
func TestH9Dump(t *testing.T) {
	path := os.Getenv("H9DUMP")
	if path == "" {
		t.Skip()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	pub := os.Getenv("H9PUB")
	title := ""
	if strings.HasPrefix(text, "---\n") {
		if i := strings.Index(text[4:], "\n---\n"); i >= 0 {
			for _, l := range strings.Split(text[4:4+i], "\n") {
				if k, v, ok := strings.Cut(l, ":"); ok {
					switch strings.TrimSpace(k) {
					case "published":
						if pub == "" {
							pub = strings.TrimSpace(v)
						}
					case "title":
						title = strings.TrimSpace(v)
					}
				}
			}
			text = text[4+i+5:]
		}
	}
	ex := Extract(news.Document{Path: path, Published: pub, Title: title, Text: text})
	out, _ := json.Marshal(ex)
	os.WriteFile("/tmp/h9/dump.json", append(out, '\n'), 0o644)
}
