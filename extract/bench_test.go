package extract

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"factdesk/news"
)

// benchInput returns about n bytes of news text: the bundled article
// repeated, each copy a new paragraph block.
func benchInput(tb testing.TB, n int) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var sb strings.Builder
	sb.Grow(n + len(b) + 2)
	for sb.Len() < n {
		sb.Write(b)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkExtract measures the whole pipeline's speed in words per
// second on one article repeated to about 100 KB.
func BenchmarkExtract(b *testing.B) {
	text := benchInput(b, 100_000)
	words := len(strings.Fields(text))
	doc := news.Document{Path: "bench", Published: "2025-01-13", Text: text}
	Extract(doc) // load the word lists outside the timing
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Extract(doc)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkExtractMemory runs the pipeline over a 5 MB input in a child
// process (this test binary, running TestPeakRSSChild) and reports the
// child's peak resident set size, VmHWM, in MB: the whole process,
// word lists and input included.
func BenchmarkExtractMemory(b *testing.B) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("no /proc: peak RSS is read from /proc/self/status")
	}
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPeakRSSChild$", "-test.v")
		cmd.Env = append(os.Environ(), "EXTRACT_PEAK_RSS_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		var kb float64
		for _, l := range strings.Split(string(out), "\n") {
			if v, ok := strings.CutPrefix(l, "peak-rss-kb "); ok {
				kb, _ = strconv.ParseFloat(strings.TrimSpace(v), 64)
			}
		}
		if kb == 0 {
			b.Fatalf("child printed no peak RSS:\n%s", out)
		}
		b.ReportMetric(kb/1024, "peak-RSS-MB")
	}
}

// TestPeakRSSChild is the child of BenchmarkExtractMemory; it does nothing
// in a normal test run.
func TestPeakRSSChild(t *testing.T) {
	if os.Getenv("EXTRACT_PEAK_RSS_CHILD") == "" {
		t.Skip("run by BenchmarkExtractMemory")
	}
	text := benchInput(t, 5<<20)
	ex := Extract(news.Document{Path: "bench", Published: "2025-01-13", Text: text})
	runtime.KeepAlive(ex)
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			fmt.Printf("peak-rss-kb %s\n", strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
		}
	}
	t.Logf("%d sentences, %d people", len(ex.Sentences), len(ex.People))
}
