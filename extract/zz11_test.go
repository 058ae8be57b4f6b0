package extract

import (
	"os"
	"runtime/pprof"
	"strings"
	"testing"

	"factdesk/news"
)

func TestZZProf2(t *testing.T) {
	w := os.Getenv("DEBUG_PROF2")
	if w == "" {
		t.Skip()
	}
	text := strings.Repeat(w, (1<<20)/len(w))
	Extract(news.Document{Text: "x"})
	f, _ := os.Create("/tmp/cpu6.out")
	pprof.StartCPUProfile(f)
	Extract(news.Document{Text: text})
	pprof.StopCPUProfile()
}
