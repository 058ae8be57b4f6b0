package extract

import (
	"fmt"
	"os"
	"testing"

	"factdesk/extract/meantime"
)

func TestZZAll(t *testing.T) {
	if os.Getenv("DEBUG_ALL") == "" {
		t.Skip()
	}
	docs, _ := meantime.Load("/work/shared/corpus/meantime/intra-doc_annotation")
	for _, d := range docs {
		x := Extract(d.Document())
		for _, p := range x.People {
			fmt.Printf("%s | %q %q %s\n", p.Name, p.Roles, p.Descriptions, p.Nationality)
		}
	}
}
