package extract

import (
	"encoding/json"
	"os"
	"testing"

	"factdesk/news"
)

func TestZZDebug(t *testing.T) {
	p := os.Getenv("DEBUG_FILE")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	ex := Extract(news.Document{Path: p, Text: string(b), Published: os.Getenv("DEBUG_DATE")})
	out, _ := json.MarshalIndent(ex, "", " ")
	os.Stdout.Write(out)
}
