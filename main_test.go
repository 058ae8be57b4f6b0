package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// binary is the factdesk binary built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "factdesk-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "factdesk")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		panic("build factdesk: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// factdesk runs the binary in a clean environment (no .env, no token) and
// returns stdout, stderr and the exit status.
func factdesk(t testing.TB, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + cmd.Dir, "LOG_LEVEL=warn"}
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run factdesk %v: %v", args, err)
	}
	return out.String(), errOut.String(), code
}

// daemon is a factdesk process running in the background for a test.
type daemon struct {
	cmd    *exec.Cmd
	exited chan error
	stderr *bytes.Buffer
}

// startFactdesk starts the binary with a clean environment plus env; the
// process is killed at the end of the test if it is still running.
func startFactdesk(t *testing.T, env []string, args ...string) *daemon {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = t.TempDir()
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + cmd.Dir, "LOG_LEVEL=warn"}, env...)
	d := &daemon{cmd: cmd, exited: make(chan error, 1), stderr: &bytes.Buffer{}}
	cmd.Stderr = d.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { d.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	})
	return d
}

// stop sends SIGTERM and checks that the process exits cleanly and soon.
func (d *daemon) stop(t *testing.T) {
	t.Helper()
	d.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-d.exited:
		if err != nil {
			t.Errorf("factdesk %v after SIGTERM: %v (stderr %s)", d.cmd.Args[1:], err, d.stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("factdesk %v did not stop within 20 s of SIGTERM", d.cmd.Args[1:])
	}
}

func TestAskOnFreshDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fresh.db")
	out, errOut, code := factdesk(t, "", "ask", "--db", db, "/who Cho Tae-yul")
	if code != 0 {
		t.Fatalf("factdesk ask /who Cho Tae-yul = exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"Cho Tae-yul", "foreign minister"} {
		if !strings.Contains(strings.ToLower(out), strings.ToLower(want)) {
			t.Errorf("factdesk ask /who Cho Tae-yul = %q, want it to mention %q", out, want)
		}
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("database %s not created: %v", db, err)
	}
}

func TestAskJSONPayloadAllowsNoMentions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fresh.db")
	out, errOut, code := factdesk(t, "", "ask", "--json", "--db", db, "/summary")
	if code != 0 {
		t.Fatalf("factdesk ask --json /summary = exit %d, stderr %q", code, errOut)
	}
	var payload struct {
		Embeds          []map[string]any `json:"embeds"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
	}
	if err := json.Unmarshal([]byte(out), &payload); err != nil {
		t.Fatalf("factdesk ask --json output is not JSON: %v\n%s", err, out)
	}
	if payload.AllowedMentions == nil || len(payload.AllowedMentions.Parse) != 0 {
		t.Errorf("allowed_mentions = %+v, want {parse: []}", payload.AllowedMentions)
	}
	if len(payload.Embeds) == 0 {
		t.Errorf("factdesk ask --json /summary has no embeds: %s", out)
	}
}

func TestExitStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"help", []string{"help"}, 0},
		{"unknown command", []string{"frobnicate"}, 2},
		{"bad flag", []string{"articles", "--nope"}, 2},
		{"ask without a question", []string{"ask", "--db", db}, 2},
		{"ingest a missing file", []string{"ingest", "--db", db, filepath.Join(t.TempDir(), "missing.txt")}, 1},
		{"articles", []string{"articles", "--db", db}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := factdesk(t, "", tt.args...)
			if code != tt.want {
				t.Errorf("factdesk %v = exit %d, want %d (stderr %q)", tt.args, code, tt.want, errOut)
			}
			// The failure itself is one line; ingest adds a line per bad file before it.
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			if code != 0 && (!strings.HasPrefix(lines[len(lines)-1], "factdesk: ") || (tt.args[0] != "ingest" && len(lines) > 1)) {
				t.Errorf("factdesk %v stderr = %q, want one line starting factdesk:", tt.args, errOut)
			}
		})
	}
}

func TestIngestReportsEachFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "x.db")
	good := "---\ntitle: Harbour reopens\npublished: 2024-03-02\n---\nLISBON—Mayor Ana Costa reopened the harbour on Friday, officials said.\n"
	files := map[string]string{"good.md": good, "empty.txt": "", "binary.txt": "\x00\x01\x02\xff"}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := factdesk(t, "", "ingest", "--db", db, dir)
	if code != 1 {
		t.Errorf("factdesk ingest (with bad files) = exit %d, want 1", code)
	}
	if !strings.Contains(out, "good.md") || strings.Count(strings.TrimSpace(out), "\n") != 0 {
		t.Errorf("factdesk ingest stdout = %q, want one line, for good.md", out)
	}
	for _, name := range []string{"empty.txt", "binary.txt"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("factdesk ingest stderr does not name %s:\n%s", name, errOut)
		}
	}
	again, _, _ := factdesk(t, "", "ingest", "--db", db, filepath.Join(dir, "good.md"))
	if !strings.Contains(again, "unchanged") {
		t.Errorf("second ingest of good.md = %q, want it reported unchanged", again)
	}
	redo, _, code := factdesk(t, "", "reextract", "--db", db)
	if code != 0 || !strings.Contains(redo, "re-extracted 1 article") {
		t.Errorf("factdesk reextract = %q (exit %d), want one article redone", redo, code)
	}
	list, _, _ := factdesk(t, "", "articles", "--db", db)
	if !strings.Contains(list, "Harbour reopens") || !strings.Contains(list, "1 article(s) stored") {
		t.Errorf("factdesk articles = %q, want only the ingested article (no bundled one mixed in)", list)
	}
}

func TestExtractJSONOneLinePerInput(t *testing.T) {
	seed, err := filepath.Abs(filepath.Join("data", "000_4a738b6e6d5d89ba.txt"))
	if err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing.txt")
	out, _, code := factdesk(t, "Mayor Ana Costa spoke in Lisbon on Friday.", "extract", "--json", "--published", "2025-01-13", seed, missing, "-")
	if code != 1 {
		t.Errorf("factdesk extract with a missing input = exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("factdesk extract printed %d lines, want 3:\n%s", len(lines), out)
	}
	var first, second, third map[string]any
	for i, dst := range []*map[string]any{&first, &second, &third} {
		if err := json.Unmarshal([]byte(lines[i]), dst); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
	}
	if first["published"] != "2025-01-13" || first["path"] != seed {
		t.Errorf("first object path/published = %v/%v, want %s/2025-01-13", first["path"], first["published"], seed)
	}
	if _, ok := second["error"]; !ok {
		t.Errorf("second object = %v, want an error field", second)
	}
	if third["path"] != "-" {
		t.Errorf("third object path = %v, want -", third["path"])
	}
}

func TestConsoleWithoutToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	// No command at all, only a flag: the default, run.
	out, errOut, code := factdesk(t, "/who Iwaya\n/nonsense\n", "--db", db)
	if code != 0 {
		t.Fatalf("factdesk run (console) = exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(errOut, "DISCORD_TOKEN") {
		t.Errorf("console stderr = %q, want a line saying there is no token", errOut)
	}
	if !strings.Contains(out, "Takeshi Iwaya") {
		t.Errorf("console answer to /who Iwaya = %q, want Takeshi Iwaya", out)
	}
}

// BenchmarkAskExistingDB measures `factdesk ask` wall time on an existing
// database, process start included.
func BenchmarkAskExistingDB(b *testing.B) {
	db := filepath.Join(b.TempDir(), "x.db")
	if _, errOut, code := factdesk(b, "", "ask", "--db", db, "/help"); code != 0 {
		b.Fatalf("prepare database: %s", errOut)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, errOut, code := factdesk(b, "", "ask", "--db", db, "/who Cho Tae-yul"); code != 0 {
			b.Fatalf("ask: %s", errOut)
		}
	}
}

// BenchmarkFirstAnswerFreshDB measures the first answer on a new database:
// create it, migrate, load and extract the bundled article, answer.
func BenchmarkFirstAnswerFreshDB(b *testing.B) {
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		db := filepath.Join(dir, "fresh"+string(rune('a'+i%26))+strings.Repeat("x", i/26)+".db")
		if _, errOut, code := factdesk(b, "", "ask", "--db", db, "/who Cho Tae-yul"); code != 0 {
			b.Fatalf("ask: %s", errOut)
		}
	}
}
