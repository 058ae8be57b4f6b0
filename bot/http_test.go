package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
	"factdesk/internal/fakediscord"
)

// endpoint is the HTTP interactions endpoint on loopback, with a fake
// Discord for the REST edits that complete deferred replies.
type endpoint struct {
	srv  *httptest.Server
	fake *fakediscord.Server
	h    *HTTPHandler
	priv ed25519.PrivateKey
}

func startEndpoint(t testing.TB, router dispatcher, opts HTTPOptions) *endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	fake := fakediscord.New()
	t.Cleanup(fake.Close)
	if opts.REST == nil {
		if opts.REST, err = NewRESTSession("", fake.URL, nil); err != nil {
			t.Fatal(err)
		}
	}
	opts.Logger = testLogger()
	if opts.DeferAfter == 0 {
		opts.DeferAfter = time.Minute // see startBot
	}
	h, err := newHTTPHandler(router, pub, opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &endpoint{srv: srv, fake: fake, h: h, priv: priv}
}

// signed returns a POST /interactions request signed at ts.
func (e *endpoint) signed(body string, ts time.Time) *http.Request {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	sig := ed25519.Sign(e.priv, []byte(stamp+body))
	req, _ := http.NewRequest("POST", e.srv.URL+"/interactions", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	req.Header.Set("X-Signature-Timestamp", stamp)
	return req
}

// do sends req and returns the status and body.
func do(t testing.TB, req *http.Request) (int, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// answer posts a signed interaction and decodes the interaction response.
func (e *endpoint) answer(t *testing.T, body string) sentResponse {
	t.Helper()
	status, b := do(t, e.signed(body, time.Now()))
	if status != http.StatusOK {
		t.Fatalf("POST /interactions = %d %s, want 200", status, b)
	}
	var resp sentResponse
	if err := json.Unmarshal(b, &resp); err != nil {
		t.Fatalf("decode response %s: %v", b, err)
	}
	return resp
}

func TestHTTPSecurity(t *testing.T) {
	e := startEndpoint(t, newRouter(), HTTPOptions{})
	_, body := interactionJSON("1", discordgo.InteractionApplicationCommand, "5001", "32", slash("help"))
	now := time.Now()

	tests := []struct {
		name string
		req  *http.Request
		want int
	}{
		{"valid", e.signed(body, now), http.StatusOK},
		{"bad signature", func() *http.Request {
			r := e.signed(body, now)
			sig, _ := hex.DecodeString(r.Header.Get("X-Signature-Ed25519"))
			sig[0] ^= 1
			r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
			return r
		}(), http.StatusUnauthorized},
		{"body changed after signing", func() *http.Request {
			r := e.signed(body, now)
			changed := strings.Replace(body, "help", "who!", 1)
			r.Body = io.NopCloser(strings.NewReader(changed))
			return r
		}(), http.StatusUnauthorized},
		{"no signature", func() *http.Request {
			r := e.signed(body, now)
			r.Header.Del("X-Signature-Ed25519")
			return r
		}(), http.StatusUnauthorized},
		{"signed by another key", func() *http.Request {
			other := *e
			_, other.priv, _ = ed25519.GenerateKey(nil)
			return other.signed(body, now)
		}(), http.StatusUnauthorized},
		{"stale timestamp", e.signed(body, now.Add(-6*time.Minute)), http.StatusUnauthorized},
		{"future timestamp", e.signed(body, now.Add(6*time.Minute)), http.StatusUnauthorized},
		{"timestamp not a number", func() *http.Request {
			r := e.signed(body, now)
			r.Header.Set("X-Signature-Timestamp", "yesterday")
			return r
		}(), http.StatusUnauthorized},
		{"oversized body", e.signed(`{"type":1,"pad":"`+strings.Repeat("x", DefaultMaxBody)+`"}`, now), http.StatusRequestEntityTooLarge},
		{"oversized body without length", func() *http.Request {
			r := e.signed(`{"type":1,"pad":"`+strings.Repeat("x", DefaultMaxBody)+`"}`, now)
			r.ContentLength = -1
			r.Body = io.NopCloser(io.MultiReader(r.Body)) // hide the length
			return r
		}(), http.StatusRequestEntityTooLarge},
		{"malformed JSON", e.signed(`{"type":`, now), http.StatusBadRequest},
	}
	for _, tt := range tests {
		if got, b := do(t, tt.req); got != tt.want {
			t.Errorf("POST /interactions (%s) = %d %s, want %d", tt.name, got, b, tt.want)
		}
	}

	req, _ := http.NewRequest("GET", e.srv.URL+"/interactions", nil)
	if got, _ := do(t, req); got != http.StatusMethodNotAllowed {
		t.Errorf("GET /interactions = %d, want 405", got)
	}
}

func TestHTTPPing(t *testing.T) {
	e := startEndpoint(t, newRouter(), HTTPOptions{})
	status, b := do(t, e.signed(`{"id":"1","application_id":"1","type":1,"token":"t","version":1}`, time.Now()))
	if status != http.StatusOK || strings.TrimSpace(string(b)) != `{"type":1}` {
		t.Errorf("PING = %d %s, want 200 {\"type\":1}", status, b)
	}
}

// commandData builds a command's data with every required option filled,
// choosing the first subcommand where there are subcommands.
func commandData(c *discordgo.ApplicationCommand) string {
	fill := func(opts []*discordgo.ApplicationCommandOption) []map[string]any {
		var out []map[string]any
		for _, o := range opts {
			if !o.Required {
				continue
			}
			var v any
			switch o.Type {
			case discordgo.ApplicationCommandOptionInteger, discordgo.ApplicationCommandOptionNumber:
				v = 1
			case discordgo.ApplicationCommandOptionBoolean:
				v = false
			case discordgo.ApplicationCommandOptionChannel:
				v = "400"
			case discordgo.ApplicationCommandOptionUser, discordgo.ApplicationCommandOptionMentionable:
				v = "5001"
			case discordgo.ApplicationCommandOptionRole:
				v = "1"
			default:
				v = "Cho Person00"
				if strings.Contains(o.Name, "url") {
					v = "https://example.org/news/1"
				}
				if len(o.Choices) > 0 {
					v = o.Choices[0].Value
				}
			}
			out = append(out, map[string]any{"name": o.Name, "type": o.Type, "value": v})
		}
		return out
	}
	var opts []map[string]any
	if len(c.Options) > 0 && c.Options[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		sub := c.Options[0]
		opts = []map[string]any{{"name": sub.Name, "type": sub.Type, "options": fill(sub.Options)}}
	} else {
		opts = fill(c.Options)
	}
	b, _ := json.Marshal(map[string]any{"id": "1", "name": c.Name, "type": 1, "options": opts})
	return string(b)
}

// TestHTTPEachCommand sends every registered command through the endpoint
// and checks the answer's shape; deferred ones must be completed over REST.
func TestHTTPEachCommand(t *testing.T) {
	router := newRouter()
	e := startEndpoint(t, router, HTTPOptions{RateLimit: -1})
	for _, c := range router.Definitions() {
		s, body := interactionJSON(e.fake.AppID, discordgo.InteractionApplicationCommand, "5002", "32", commandData(c))
		resp := e.answer(t, body)
		switch resp.Type {
		case int(discordgo.InteractionResponseChannelMessageWithSource):
			checkNoMentions(t, "/"+c.Name, resp.Data)
			checkLimits(t, "/"+c.Name, resp.Data)
			if resp.Data.Content == "" && len(resp.Data.Embeds) == 0 {
				t.Errorf("/%s answered with an empty message", c.Name)
			}
		case int(discordgo.InteractionResponseDeferredChannelMessageWithSource):
			r, err := e.fake.AwaitRequest(waitCtx(t), func(r fakediscord.Request) bool {
				return r.Method == "PATCH" && r.Path == s.originalPath(e.fake.AppID)
			})
			if err != nil {
				t.Fatalf("/%s deferred but @original never edited: %v", c.Name, err)
			}
			var d sentData
			r.Decode(&d)
			checkNoMentions(t, "/"+c.Name+" edit", &d)
			checkLimits(t, "/"+c.Name+" edit", &d)
		default:
			t.Errorf("/%s response type = %d, want 4 or 5", c.Name, resp.Type)
		}
	}
}

func TestHTTPAutocompleteAndDeferral(t *testing.T) {
	e := startEndpoint(t, newRouter(), HTTPOptions{})

	_, body := interactionJSON(e.fake.AppID, discordgo.InteractionApplicationCommandAutocomplete, "5003", "32",
		`{"id":"1","name":"who","type":1,"options":[{"name":"name","type":3,"value":"cho","focused":true}]}`)
	resp := e.answer(t, body)
	if resp.Type != 8 || len(resp.Data.Choices) == 0 || len(resp.Data.Choices) > 25 {
		t.Errorf("/who autocomplete = type %d with %d choices, want 8 with 1..25", resp.Type, len(resp.Data.Choices))
	}

	s, body := interactionJSON(e.fake.AppID, discordgo.InteractionApplicationCommand, "5003", "32", slash("ingest", "url", "https://example.org/b"))
	resp = e.answer(t, body)
	if resp.Type != 5 {
		t.Fatalf("/ingest over HTTP = type %d, want 5", resp.Type)
	}
	if _, err := e.fake.AwaitRequest(waitCtx(t), func(r fakediscord.Request) bool {
		return r.Method == "PATCH" && r.Path == s.originalPath(e.fake.AppID)
	}); err != nil {
		t.Errorf("/ingest deferred over HTTP but @original never edited: %v", err)
	}
	if err := e.h.Wait(waitCtx(t)); err != nil {
		t.Errorf("Wait() = %v, want nil once the edit is done", err)
	}
}

func TestHTTPOps(t *testing.T) {
	e := startEndpoint(t, newRouter(), HTTPOptions{})
	_, body := interactionJSON(e.fake.AppID, discordgo.InteractionApplicationCommand, "5004", "32", slash("help"))
	e.answer(t, body)

	req, _ := http.NewRequest("GET", e.srv.URL+"/healthz", nil)
	if status, b := do(t, req); status != 200 || !bytes.Contains(b, []byte("ok")) {
		t.Errorf("GET /healthz = %d %s, want 200 ok", status, b)
	}
	// The count is taken just after the reply goes out, so wait for it.
	b := metricsWith(t, e.srv.URL+"/metrics", `interactions_total{command="help",outcome="ok"} 1`)
	for _, want := range []string{
		`interactions_total{command="help",outcome="ok"} 1`,
		`interaction_duration_seconds_count{command="help"} 1`,
		`go_goroutines`,
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("GET /metrics lacks %s", want)
		}
	}
}

// TestGatewayMetrics checks the gateway bot's ops server on MetricsAddr.
func TestGatewayMetrics(t *testing.T) {
	h := startBot(t, Config{MetricsAddr: "127.0.0.1:0"}, newRouter())
	h.response(t, h.inject(t, discordgo.InteractionApplicationCommand, "6001", slash("help")))
	addr := <-h.bot.metricsAddr
	metricsWith(t, fmt.Sprintf("http://%s/metrics", addr), `interactions_total{command="help",outcome="ok"} 1`)
	req, _ := http.NewRequest("GET", fmt.Sprintf("http://%s/healthz", addr), nil)
	if status, _ := do(t, req); status != 200 {
		t.Errorf("GET /healthz on MetricsAddr = %d, want 200", status)
	}
}

// metricsWith polls url until its body contains want, and returns it.
func metricsWith(t *testing.T, url, want string) []byte {
	t.Helper()
	ctx := waitCtx(t)
	for {
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		status, b := do(t, req)
		if status == http.StatusOK && bytes.Contains(b, []byte(want)) {
			return b
		}
		select {
		case <-ctx.Done():
			t.Fatalf("GET %s = %d without %s", url, status, want)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func TestHTTPServe(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	e := startEndpoint(t, newRouter(), HTTPOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.h.Serve(ctx, addr) }()
	wctx := waitCtx(t)
	for {
		req, _ := http.NewRequestWithContext(wctx, "GET", "http://"+addr+"/healthz", nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			break
		}
		select {
		case <-wctx.Done():
			t.Fatalf("Serve(%s) never answered /healthz: %v", addr, err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve() after cancel = %v, want nil", err)
	}
}

func TestParsePublicKey(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	got, err := ParsePublicKey(" " + hex.EncodeToString(pub) + "\n")
	if err != nil || !got.Equal(pub) {
		t.Errorf("ParsePublicKey(hex of key) = %x, %v; want the key", got, err)
	}
	for _, bad := range []string{"", "zz", hex.EncodeToString(pub[:31])} {
		if _, err := ParsePublicKey(bad); err == nil {
			t.Errorf("ParsePublicKey(%q) = nil error, want an error", bad)
		}
	}
}

// TestHTTPDeferrals covers the deferral paths with a router that blocks
// until the test lets it go, so which path is taken never depends on time.
func TestHTTPDeferrals(t *testing.T) {
	release := make(chan struct{})
	router := &scripted{
		slow: map[string]bool{"slow": true},
		run: func(ctx context.Context, req commands.Request) (commands.Response, error) {
			<-release
			if req.CustomID == "slow:gone" {
				return commands.Errorf("That page is gone."), nil
			}
			return commands.Response{Content: "done @everyone"}, nil
		},
	}
	// DeferAfter is tiny and the router blocks: the timer always wins.
	e := startEndpoint(t, router, HTTPOptions{DeferAfter: time.Millisecond})

	tests := []struct {
		name     string
		typ      discordgo.InteractionType
		data     string
		wantType int
		method   string // how the answer is completed
		path     func(s sent) string
	}{
		{"command outlasting DeferAfter", discordgo.InteractionApplicationCommand, slash("echo"),
			5, "PATCH", func(s sent) string { return s.originalPath(e.fake.AppID) }},
		{"slow button", discordgo.InteractionMessageComponent, `{"custom_id":"slow:2","component_type":2}`,
			6, "PATCH", func(s sent) string { return s.originalPath(e.fake.AppID) }},
		{"slow button with a private answer", discordgo.InteractionMessageComponent, `{"custom_id":"slow:gone","component_type":2}`,
			6, "POST", func(s sent) string { return "/api/v9/webhooks/" + e.fake.AppID + "/" + s.Token }},
	}
	for _, tt := range tests {
		s, body := interactionJSON(e.fake.AppID, tt.typ, "5010", "32", tt.data)
		resp := e.answer(t, body)
		if resp.Type != tt.wantType {
			t.Errorf("%s: response type = %d, want %d", tt.name, resp.Type, tt.wantType)
		}
		release <- struct{}{}
		r, err := e.fake.AwaitRequest(waitCtx(t), func(r fakediscord.Request) bool {
			return r.Method == tt.method && r.Path == tt.path(s)
		})
		if err != nil {
			t.Fatalf("%s: no %s %s: %v", tt.name, tt.method, tt.path(s), err)
		}
		var d sentData
		if err := r.Decode(&d); err != nil {
			t.Fatal(err)
		}
		checkNoMentions(t, tt.name, &d)
		if tt.method == "POST" && d.Flags != 64 {
			t.Errorf("%s: follow-up flags = %d, want 64", tt.name, d.Flags)
		}
	}
}
