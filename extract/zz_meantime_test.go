package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"factdesk/extract/meantime"
)

func TestZZMeantime(t *testing.T) {
	if os.Getenv("DEBUG_MT") == "" {
		t.Skip()
	}
	docs, err := meantime.Load("/work/shared/corpus/meantime/intra-doc_annotation")
	if err != nil {
		t.Fatal(err)
	}
	s := meantime.ScorePeople(docs, Extract)
	fmt.Printf("people %+v\n", s)
	ts := meantime.ScoreTimex(docs, Extract)
	_ = ts
	if os.Getenv("DEBUG_MT") == "v" {
		for _, d := range docs {
			x := Extract(d.Document())
			gold := map[string]bool{}
			for _, m := range d.Persons {
				gold[m.Entity] = true
			}
			var sys []string
			for _, p := range x.People {
				in := false
				for _, i := range p.Mentions {
					if x.Sentences[i].Start < d.Sentences[min(5, len(d.Sentences)-1)].End {
						in = true
					}
				}
				if in {
					sys = append(sys, p.Name+"/"+strings.Join(p.Aliases, ","))
				}
			}
			var g []string
			for k := range gold {
				g = append(g, k)
			}
			fmt.Printf("%s\n  gold=%q\n  sys=%q\n", d.Name, g, sys)
		}
	}
}
