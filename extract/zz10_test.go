package extract

import (
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"factdesk/news"
)

func TestZZPatho(t *testing.T) {
	if os.Getenv("DEBUG_PATHO") == "" {
		t.Skip()
	}
	r := rand.New(rand.NewSource(1))
	syl := []string{"ka", "to", "mi", "ra", "ne", "so", "lu", "vi", "de", "an"}
	word := func() string {
		s := ""
		for k := 0; k < 2+r.Intn(2); k++ {
			s += syl[r.Intn(len(syl))]
		}
		return strings.ToUpper(s[:1]) + s[1:]
	}
	var sb strings.Builder
	for sb.Len() < 2<<20 {
		fmt.Fprintf(&sb, "John %s said %s met President %s %s, the %s minister, in %s. ", word(), word(), word(), word(), "foreign", word())
		if r.Intn(10) == 0 {
			sb.WriteString("\n\n")
		}
	}
	for _, text := range []string{sb.String(), strings.Repeat("A. ", 700000), strings.Repeat("\"", 2<<20), strings.Repeat("(", 2<<20), strings.Repeat("<a ", 700000), strings.Repeat("Mr. ", 500000), strings.Repeat("X", 2<<20)} {
		t0 := time.Now()
		ex := Extract(news.Document{Text: text})
		fmt.Printf("%q... %d bytes: %v, %d sentences, %d people\n", text[:10], len(text), time.Since(t0), len(ex.Sentences), len(ex.People))
	}
}
