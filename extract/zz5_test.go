package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"factdesk/extract/meantime"
)

func TestZZ5(t *testing.T) {
	name := os.Getenv("DEBUG_DOC")
	if name == "" {
		t.Skip()
	}
	docs, _ := meantime.Load("/work/shared/corpus/meantime/intra-doc_annotation")
	for _, d := range docs {
		x := Extract(d.Document())
		for _, p := range x.People {
			if strings.Contains(p.Name, name) {
				fmt.Println(d.Name)
				for _, f := range p.Facts {
					fmt.Printf("  %+v\n", f)
				}
				for _, m := range p.Mentions {
					fmt.Printf("  %d %s\n", m, x.Sentences[m].Text)
				}
			}
		}
	}
}
