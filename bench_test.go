package main

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"factdesk/extract"
	"factdesk/extract/meantime"
	"factdesk/ingest"
	"factdesk/news"
	"factdesk/store"
)

// benchMeantimeDir holds the MEANTIME articles, relative to this package.
var benchMeantimeDir = filepath.Join("..", "shared", "corpus", "meantime", "intra-doc_annotation")

// benchMeantimeDocs loads the MEANTIME articles as documents, each titled by its
// first line (the headline), or skips b when the corpus is missing.
func benchMeantimeDocs(b *testing.B) []news.Document {
	b.Helper()
	if _, err := os.Stat(benchMeantimeDir); err != nil {
		b.Skipf("MEANTIME corpus not found at %s (expected beside the repository): %v", benchMeantimeDir, err)
	}
	docs, err := meantime.Load(benchMeantimeDir)
	if err != nil {
		b.Fatalf("meantime.Load(%s): %v", benchMeantimeDir, err)
	}
	out := make([]news.Document, 0, len(docs))
	for _, d := range docs {
		doc := d.Document()
		title, _, _ := strings.Cut(strings.TrimSpace(doc.Text), "\n")
		doc.Title = strings.TrimSpace(title)
		out = append(out, doc)
	}
	return out
}

// benchDBBytes checkpoints the WAL into the main file and returns the size of
// the database file plus what is left of its WAL.
func benchDBBytes(ctx context.Context, st *store.Store, path string) (int64, error) {
	if _, err := st.DB().ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return 0, fmt.Errorf("checkpoint %s: %w", path, err)
	}
	var total int64
	for _, f := range []string{path, path + "-wal"} {
		info, err := os.Stat(f)
		if errors.Is(err, os.ErrNotExist) && f != path {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("size of %s: %w", f, err)
		}
		total += info.Size()
	}
	return total, nil
}

// BenchmarkIngestMEANTIME measures ingest throughput over the 120 MEANTIME
// articles through the CLI's path (hash look-up, extraction, one
// transaction per article) into a fresh SQLite file per iteration, and the
// database size per article after a WAL checkpoint. Opening the store
// (migrations) and closing it are not timed.
func BenchmarkIngestMEANTIME(b *testing.B) {
	docs := benchMeantimeDocs(b)
	ctx := context.Background()
	extract.Extract(docs[0]) // load the word lists outside the timing
	dir := b.TempDir()
	var (
		ingestTime time.Duration
		ingested   int
		bytes      int64
		i          int
	)
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		i++
		path := filepath.Join(dir, fmt.Sprintf("meantime-%d.db", i))
		st, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		in := ingest.New(st, ingest.Options{})
		b.StartTimer()
		start := time.Now()
		for _, doc := range docs {
			res, err := in.Document(ctx, doc)
			if err != nil {
				b.Fatalf("ingest %s: %v", doc.Path, err)
			}
			if res.Status != news.IngestAdded {
				b.Fatalf("ingest %s into a fresh store = %q, want %q", doc.Path, res.Status, news.IngestAdded)
			}
		}
		ingestTime += time.Since(start)
		ingested += len(docs)
		b.StopTimer()
		n, err := benchDBBytes(ctx, st, path)
		if err != nil {
			b.Fatal(err)
		}
		bytes = n
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
		b.StartTimer()
	}
	b.ReportMetric(float64(ingested)/ingestTime.Seconds(), "articles/s")
	b.ReportMetric(float64(bytes)/float64(len(docs)), "dbbytes/article")
}

// benchArticles is the size of the database the 10k benchmarks use.
const benchArticles = 10000

// Word lists of the synthetic articles. People, places and events recur
// across articles, as in real news, so names merge across articles.
var (
	synGiven = []string{"Amara", "Bruno", "Celia", "Dmitri", "Esther", "Farid", "Greta", "Hiro", "Ingrid", "Jonas",
		"Karim", "Lucia", "Mateo", "Nadia", "Oskar", "Priya", "Rafael", "Sofia", "Tomas", "Yara"}
	synFamily = []string{"Alvarez", "Brandt", "Castell", "Dubois", "Eriksen", "Fontaine", "Galvez", "Hartmann", "Ibarra",
		"Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quintero", "Rossi", "Schultz",
		"Takahashi", "Umarov", "Varga", "Weber", "Yilmaz", "Zamora"}
	synRoles = []string{"foreign minister", "finance minister", "prime minister", "president", "defence minister",
		"trade minister", "mayor", "governor", "ambassador", "central bank governor"}
	synCountries = []struct{ name, adj, capital string }{
		{"France", "French", "Paris"}, {"Germany", "German", "Berlin"}, {"Brazil", "Brazilian", "Brasilia"},
		{"Kenya", "Kenyan", "Nairobi"}, {"Canada", "Canadian", "Ottawa"}, {"Poland", "Polish", "Warsaw"},
		{"Chile", "Chilean", "Santiago"}, {"Norway", "Norwegian", "Oslo"}, {"Egypt", "Egyptian", "Cairo"},
		{"India", "Indian", "New Delhi"}, {"Mexico", "Mexican", "Mexico City"}, {"Sweden", "Swedish", "Stockholm"},
	}
	synEvents = []string{"climate summit", "trade talks", "state visit", "peace conference", "budget vote",
		"energy forum", "security dialogue", "investment conference", "water summit", "health ministers' meeting"}
	synTopics = []string{"tariffs", "energy prices", "migration", "fisheries", "rail links", "grain exports",
		"cyber security", "housing", "vaccines", "rare earths"}
	synVerbs = []string{"will attend", "plans to attend", "is expected at", "will host", "will open"}
)

// synPerson is person k of a pool of 500 (20 given names by 25 families).
func synPerson(k int) (given, family string) {
	return synGiven[k%len(synGiven)], synFamily[(k/len(synGiven))%len(synFamily)]
}

// synArticle builds synthetic article i: a dateline, three people with
// roles and nationalities, a dated event in a capital, a quote and a few
// sentences of background, in ordinary news prose.
func synArticle(i int) news.Document {
	pub := time.Date(2016, 1, 4, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*3/10)
	c := synCountries[i%len(synCountries)]
	host := synCountries[(i/7+3)%len(synCountries)]
	p := []int{(i * 7) % 500, (i*13 + 5) % 500, (i*29 + 11) % 500}
	g0, f0 := synPerson(p[0])
	g1, f1 := synPerson(p[1])
	g2, f2 := synPerson(p[2])
	role0, role1, role2 := synRoles[p[0]%len(synRoles)], synRoles[p[1]%len(synRoles)], synRoles[p[2]%len(synRoles)]
	event := synEvents[i%len(synEvents)]
	topic := synTopics[(i/3)%len(synTopics)]
	when := pub.AddDate(0, 0, 5+i%40)
	verb := synVerbs[i%len(synVerbs)]
	title := fmt.Sprintf("%s %s %s %s in %s", strings.ToUpper(role0[:1])+role0[1:], f0, verb, event, host.capital)
	paras := []string{
		fmt.Sprintf("%s — %s %s %s %s %s the %s in %s on %s, the ministry said on %s.",
			strings.ToUpper(c.capital), c.adj, role0, g0, f0, verb, event, host.capital,
			when.Format("January 2"), pub.Weekday()),
		fmt.Sprintf("%s, who became %s in %d, will meet %s %s %s %s to discuss %s, officials said.",
			f0, role0, 2008+p[0]%10, host.adj, role1, g1, f1, topic),
		fmt.Sprintf("\"We expect real progress on %s,\" %s said in a statement. \"Our partners in %s share that goal.\"",
			topic, f0, host.name),
		fmt.Sprintf("%s told reporters that the talks would also cover %s and that a joint declaration was likely.",
			f1, synTopics[(i+4)%len(synTopics)]),
		fmt.Sprintf("The %s was postponed last year after a dispute over %s, according to diplomats in %s.",
			event, synTopics[(i+7)%len(synTopics)], host.capital),
		fmt.Sprintf("%s %s %s %s, a critic of the plan, said the government had not explained its position. \"This is a missed chance,\" %s said.",
			c.adj, role2, g2, f2, f2),
		fmt.Sprintf("Trade between %s and %s rose by %d percent in %d, figures released on %s showed.",
			c.name, host.name, 2+i%19, pub.Year()-1, pub.AddDate(0, 0, -2).Weekday()),
		fmt.Sprintf("Parliament will debate the agreement in %s, and a vote is scheduled for %s.",
			when.AddDate(0, 1, 0).Format("January"), when.AddDate(0, 1, 14).Format("January 2, 2006")),
	}
	return news.Document{
		Path:      fmt.Sprintf("synthetic/%05d.txt", i),
		Title:     title,
		URL:       fmt.Sprintf("https://news.example.org/%d/%05d", pub.Year(), i),
		Source:    "Example Wire",
		Published: pub.Format(time.DateOnly),
		Text:      strings.Join(paras, "\n\n"),
	}
}

var (
	db10kOnce  sync.Once
	db10kPath  string
	db10kBuild time.Duration
	db10kErr   error
)

// db10k builds, once per test binary, a database of 10,000 synthetic
// articles run through the real extraction (in parallel) and saved one
// transaction each. The file lives in TestMain's temporary folder, next to
// the binary, so TestMain removes it at the end.
func db10k(b *testing.B) string {
	b.Helper()
	db10kOnce.Do(func() {
		start := time.Now()
		ctx := context.Background()
		dir, err := os.MkdirTemp(filepath.Dir(binary), "db10k-")
		if err != nil {
			db10kErr = err
			return
		}
		db10kPath = filepath.Join(dir, "10k.db")
		st, err := store.Open(ctx, db10kPath)
		if err != nil {
			db10kErr = err
			return
		}
		defer st.Close()
		type item struct {
			doc news.Document
			ex  news.Extraction
		}
		jobs := make(chan int)
		done := make(chan item, 64)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for i := range jobs {
					doc := synArticle(i)
					done <- item{doc, extract.Extract(doc)}
				}
			})
		}
		go func() {
			for i := range benchArticles {
				jobs <- i
			}
			close(jobs)
			wg.Wait()
			close(done)
		}()
		for it := range done {
			if db10kErr != nil {
				continue // drain
			}
			res, err := st.SaveArticle(ctx, it.doc, it.ex)
			if err != nil {
				db10kErr = fmt.Errorf("save %s: %w", it.doc.Path, err)
			} else if res.Status != news.IngestAdded {
				db10kErr = fmt.Errorf("save %s = %q, want %q", it.doc.Path, res.Status, news.IngestAdded)
			}
		}
		if db10kErr == nil {
			_, db10kErr = st.DB().ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
		}
		db10kBuild = time.Since(start)
	})
	if db10kErr != nil {
		b.Fatalf("build the 10k database: %v", db10kErr)
	}
	return db10kPath
}

// benchFreePort returns a loopback address that was free a moment ago.
func benchFreePort(b *testing.B) string {
	b.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// benchProcStatus reads the kB fields of /proc/PID/status, in MB.
func benchProcStatus(pid int, fields ...string) (map[string]float64, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for line := range strings.SplitSeq(string(raw), "\n") {
		name, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		for _, f := range fields {
			if name == f {
				kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(val), " kB"), 64)
				if err != nil {
					return nil, fmt.Errorf("parse %s %q: %w", name, val, err)
				}
				out[name] = kb / 1024
			}
		}
	}
	for _, f := range fields {
		if _, ok := out[f]; !ok {
			return nil, fmt.Errorf("no %s in /proc/%d/status", f, pid)
		}
	}
	return out, nil
}

// benchInteraction is a Discord interaction of type typ (2 command, 4
// autocomplete) from user, with data as its data object.
func benchInteraction(n int, typ int, user, data string) string {
	return fmt.Sprintf(`{"id":"%d","application_id":"900","type":%d,"token":"tok-%d","version":1,"guild_id":"300","channel_id":"400",`+
		`"member":{"user":{"id":%q,"username":"bench"},"permissions":"0"},"data":%s}`, 8000000+n, typ, n, user, data)
}

// benchCommandData is the data of a slash command with one string option;
// focused marks it as the option being autocompleted.
func benchCommandData(name, option, value string, focused bool) string {
	v, _ := json.Marshal(value)
	f := ""
	if focused {
		f = `,"focused":true`
	}
	return fmt.Sprintf(`{"id":"1","name":%q,"type":1,"options":[{"name":%q,"type":3,"value":%s%s}]}`, name, option, v, f)
}

// benchStoredEvents returns the names of the events the extraction finds in the
// first synthetic articles, so /when asks about events that are stored.
func benchStoredEvents() []string {
	var names []string
	seen := map[string]bool{}
	for i := range 60 {
		for _, ev := range extract.Extract(synArticle(i)).Events {
			if ev.Name != "" && !seen[ev.Name] {
				seen[ev.Name] = true
				names = append(names, ev.Name)
			}
		}
	}
	if len(names) == 0 {
		return synEvents
	}
	return names
}

// benchRequests is the mix of interactions sent to the running bot:
// /who by full name and by family name, /when, /summary and autocomplete
// on people and events.
func benchRequests(n int) []string {
	events := benchStoredEvents()
	var bodies []string
	for i := range n {
		g, f := synPerson(i * 17 % 500)
		user := strconv.Itoa(100000 + i) // one user per request: stay under the rate limit
		var body string
		switch i % 6 {
		case 0:
			body = benchInteraction(i, 2, user, benchCommandData("who", "name", g+" "+f, false))
		case 1:
			body = benchInteraction(i, 2, user, benchCommandData("who", "name", f, false))
		case 2:
			body = benchInteraction(i, 2, user, benchCommandData("when", "event", events[i%len(events)], false))
		case 3:
			body = benchInteraction(i, 2, user, `{"id":"1","name":"summary","type":1,"options":[]}`)
		case 4:
			body = benchInteraction(i, 4, user, benchCommandData("who", "name", strings.ToLower(benchPrefix(f, 1+i%3)), true))
		default:
			body = benchInteraction(i, 4, user, benchCommandData("when", "event", benchPrefix(events[i%len(events)], 3), true))
		}
		bodies = append(bodies, body)
	}
	return bodies
}

// BenchmarkBotMemory10k starts the real binary as the HTTP interactions
// endpoint over a 10,000-article database, sends it a few hundred signed
// interactions on loopback, and reports its resident memory after start-up
// and after the load (VmRSS) and its peak (VmHWM), in MB. The resident set
// is split into private memory (RssAnon) and file pages (RssFile: mostly
// the database, which the store maps with mmap), with the Go heap from
// /metrics beside them. Every request must be answered 200 with a public
// answer, a deferral or a choice list, every interaction must be counted
// ok or deferred, and the process must exit 0 on SIGTERM.
func BenchmarkBotMemory10k(b *testing.B) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("no /proc: memory is read from /proc/PID/status")
	}
	db := db10k(b)
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		b.Fatal(err)
	}
	// Deferred replies are edited over REST: point that at loopback and
	// count the calls, so nothing leaves the machine.
	var restCalls atomic.Int64
	rest := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		restCalls.Add(1)
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"1","channel_id":"400","content":""}`)
	}))
	defer rest.Close()
	const requests = 300
	bodies := benchRequests(requests)
	client := &http.Client{Timeout: 10 * time.Second}
	var (
		idle, loaded, prom map[string]float64
		emptyChoices       int
	)
	for b.Loop() {
		addr := benchFreePort(b)
		cmd := exec.Command(binary, "serve", "--db", db, "--addr", addr)
		cmd.Dir = b.TempDir()
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + cmd.Dir, "LOG_LEVEL=warn",
			"DISCORD_PUBLIC_KEY=" + hex.EncodeToString(pub), "DISCORD_APP_ID=900", "DISCORD_API_URL=" + rest.URL}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			b.Fatalf("start factdesk serve: %v", err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		stop := func() {
			cmd.Process.Signal(syscall.SIGKILL)
			<-exited
		}
		base := "http://" + addr
		if err := benchWaitHealthy(client, base+"/healthz", exited, 15*time.Second); err != nil {
			stop()
			b.Fatalf("factdesk serve: %v\nstderr: %s", err, stderr.String())
		}
		if idle, err = benchProcStatus(cmd.Process.Pid, "VmRSS"); err != nil {
			stop()
			b.Fatal(err)
		}
		deadline := time.Now().Add(60 * time.Second)
		for n, body := range bodies {
			if time.Now().After(deadline) {
				stop()
				b.Fatalf("sent %d of %d requests in 60 s: too slow", n, len(bodies))
			}
			status, answer, err := benchPostSigned(client, base+"/interactions", priv, body)
			if err != nil || status != http.StatusOK {
				stop()
				b.Fatalf("POST /interactions %s = %d %s, %v; want 200\nstderr: %s", body, status, answer, err, stderr.String())
			}
			if err := benchCheckAnswer(answer, &emptyChoices); err != nil {
				stop()
				b.Fatalf("POST /interactions %s: %v", body, err)
			}
		}
		if loaded, err = benchProcStatus(cmd.Process.Pid, "VmRSS", "VmHWM", "RssAnon", "RssFile"); err != nil {
			stop()
			b.Fatal(err)
		}
		if prom, err = benchScrape(client, base+"/metrics"); err != nil {
			stop()
			b.Fatal(err)
		}
		outcomes := map[string]float64{}
		for k, v := range prom {
			if name, labels, ok := strings.Cut(k, "{"); ok && name == "interactions_total" {
				_, outcome, _ := strings.Cut(labels, `outcome="`)
				outcome, _, _ = strings.Cut(outcome, `"`)
				outcomes[outcome] += v
			}
		}
		if n := outcomes["ok"] + outcomes["deferred"]; n != requests {
			stop()
			b.Fatalf("interactions_total by outcome = %v, want all %d ok or deferred", outcomes, requests)
		}
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			stop()
			b.Fatal(err)
		}
		select {
		case err := <-exited:
			if err != nil {
				b.Fatalf("factdesk serve after SIGTERM: %v, want exit 0\nstderr: %s", err, stderr.String())
			}
		case <-time.After(30 * time.Second):
			stop()
			b.Fatalf("factdesk serve still running 30 s after SIGTERM")
		}
	}
	info, err := os.Stat(db)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(idle["VmRSS"], "idle-rss-MB")
	b.ReportMetric(loaded["VmRSS"], "rss-MB")
	b.ReportMetric(loaded["VmHWM"], "peak-rss-MB")
	b.ReportMetric(loaded["RssAnon"], "anon-rss-MB")
	b.ReportMetric(loaded["RssFile"], "file-rss-MB")
	b.ReportMetric(prom["go_memstats_heap_inuse_bytes"]/(1<<20), "go-heap-MB")
	b.ReportMetric(float64(info.Size())/(1<<20), "db-MB")
	b.ReportMetric(float64(restCalls.Load()), "rest-calls")
	b.ReportMetric(float64(emptyChoices)/float64(b.N), "empty-choices")
	b.ReportMetric(db10kBuild.Seconds(), "build-s")
}

// benchWaitHealthy polls url until it answers 200, the process exits or the
// timeout passes.
func benchWaitHealthy(client *http.Client, url string, exited <-chan error, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("exited before answering /healthz: %v", err)
		default:
		}
		resp, err := client.Get(url)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("GET %s did not answer 200 within %s", url, timeout)
}

// benchPostSigned posts body signed with priv as Discord does and returns the
// status and the answer.
func benchPostSigned(client *http.Client, url string, priv ed25519.PrivateKey, body string) (int, string, error) {
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, []byte(stamp+body))))
	req.Header.Set("X-Signature-Timestamp", stamp)
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, string(answer), err
}

// benchScrape reads the unlabelled and labelled samples of a Prometheus text
// exposition, keyed by name with labels as written.
func benchScrape(client *http.Client, url string) (map[string]float64, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, fmt.Errorf("benchScrape %s: %w", url, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil || resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("benchScrape %s: status %d, %v", url, resp.StatusCode, err)
	}
	out := map[string]float64{}
	for line := range strings.SplitSeq(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			continue
		}
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	return out, nil
}

// benchPrefix returns the first n bytes of s, or s when it is shorter.
func benchPrefix(s string, n int) string { return s[:min(n, len(s))] }

// benchCheckAnswer checks an interaction response: a command must get a public
// answer (errors and misses are ephemeral) or a deferral, and autocomplete
// a choice list; autocomplete with no choices is counted in empty.
func benchCheckAnswer(answer string, empty *int) error {
	var resp struct {
		Type int `json:"type"`
		Data struct {
			Flags   int               `json:"flags"`
			Content string            `json:"content"`
			Choices []json.RawMessage `json:"choices"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(answer), &resp); err != nil {
		return fmt.Errorf("answer %q is not an interaction response: %w", answer, err)
	}
	switch resp.Type {
	case 4: // channel message
		if resp.Data.Flags&64 != 0 {
			return fmt.Errorf("answer is ephemeral (an error or a miss): %q", resp.Data.Content)
		}
	case 5: // deferred
	case 8: // autocomplete result
		if len(resp.Data.Choices) == 0 {
			*empty++
		}
	default:
		return fmt.Errorf("answer type %d, want 4, 5 or 8: %.200s", resp.Type, answer)
	}
	return nil
}
