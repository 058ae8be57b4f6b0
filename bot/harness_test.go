package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
	"factdesk/internal/fakediscord"
)

// wait bounds how long a test waits for the fake to see something; it is a
// guard against hangs, not a measurement.
const wait = 30 * time.Second

func testLogger() *slog.Logger {
	if os.Getenv("BOT_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

func waitCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	t.Cleanup(cancel)
	return ctx
}

// harness runs a real Bot (real discordgo session) against a fake Discord.
type harness struct {
	fake   *fakediscord.Server
	bot    *Bot
	cancel context.CancelFunc
	done   chan error
}

// startBot starts a bot over router and waits until it is on the gateway.
func startBot(t *testing.T, cfg Config, router dispatcher) *harness {
	t.Helper()
	fake := fakediscord.New()
	t.Cleanup(fake.Close)
	if cfg.DeferAfter == 0 {
		// A loaded test machine must not turn answers into deferrals;
		// TestHTTPDeferrals covers that path without depending on time.
		cfg.DeferAfter = time.Minute
	}
	cfg.Token = "test-token"
	cfg.AppID = fake.AppID
	cfg.APIURL = fake.URL
	b, err := newBot(cfg, router, testLogger())
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{fake: fake, bot: b, cancel: cancel, done: make(chan error, 1)}
	go func() { h.done <- b.Run(ctx) }()
	t.Cleanup(func() { h.stop(t) })
	if err := fake.AwaitReady(waitCtx(t), 1); err != nil {
		t.Fatalf("bot did not come up on the fake gateway: %v", err)
	}
	return h
}

// stop cancels Run and waits for it to return.
func (h *harness) stop(t *testing.T) {
	t.Helper()
	if h.cancel == nil {
		return
	}
	h.cancel()
	h.cancel = nil
	select {
	case err := <-h.done:
		if err != nil {
			t.Errorf("Run() = %v, want nil after cancel", err)
		}
	case <-time.After(wait):
		t.Errorf("Run() did not return after cancel")
	}
}

var interactionSeq atomic.Int64

// sent is one interaction the test injected.
type sent struct {
	ID, Token string
}

func (s sent) callbackPath() string {
	return "/api/v9/interactions/" + s.ID + "/" + s.Token + "/callback"
}

func (s sent) originalPath(appID string) string {
	return "/api/v9/webhooks/" + appID + "/" + s.Token + "/messages/@original"
}

// interactionJSON builds an interaction as Discord sends it. data is the
// JSON of the "data" object.
func interactionJSON(appID string, typ discordgo.InteractionType, user, perms, data string) (sent, string) {
	n := interactionSeq.Add(1)
	s := sent{ID: fmt.Sprintf("7%017d", n), Token: fmt.Sprintf("tok-%d", n)}
	js := fmt.Sprintf(`{"id":%q,"application_id":%q,"type":%d,"token":%q,"version":1,"guild_id":"300","channel_id":"400",
		"member":{"user":{"id":%q,"username":"tester"},"permissions":%q},"data":%s}`,
		s.ID, appID, typ, s.Token, user, perms, data)
	return s, js
}

// slash builds the data of a slash command with string options given as
// name, value pairs.
func slash(name string, kv ...string) string {
	var opts []string
	for i := 0; i+1 < len(kv); i += 2 {
		v, _ := json.Marshal(kv[i+1])
		opts = append(opts, fmt.Sprintf(`{"name":%q,"type":3,"value":%s}`, kv[i], v))
	}
	return fmt.Sprintf(`{"id":"1","name":%q,"type":1,"options":[%s]}`, name, strings.Join(opts, ","))
}

// inject sends an interaction over the fake gateway.
func (h *harness) inject(t *testing.T, typ discordgo.InteractionType, user, data string) sent {
	t.Helper()
	s, js := interactionJSON(h.fake.AppID, typ, user, "32", data)
	if err := h.fake.Interact(json.RawMessage(js)); err != nil {
		t.Fatalf("inject interaction: %v", err)
	}
	return s
}

// response waits for the callback of s and decodes it.
func (h *harness) response(t *testing.T, s sent) sentResponse {
	t.Helper()
	r, err := h.fake.AwaitRequest(waitCtx(t), func(r fakediscord.Request) bool {
		return r.Method == "POST" && r.Path == s.callbackPath()
	})
	if err != nil {
		t.Fatalf("no callback for interaction %s: %v", s.ID, err)
	}
	var resp sentResponse
	if err := r.Decode(&resp); err != nil {
		t.Fatal(err)
	}
	return resp
}

// edited waits for the PATCH of @original for s and decodes it.
func (h *harness) edited(t *testing.T, s sent) *sentData {
	t.Helper()
	r, err := h.fake.AwaitRequest(waitCtx(t), func(r fakediscord.Request) bool {
		return r.Method == "PATCH" && r.Path == s.originalPath(h.fake.AppID)
	})
	if err != nil {
		t.Fatalf("no edit of @original for interaction %s: %v", s.ID, err)
	}
	var d sentData
	if err := r.Decode(&d); err != nil {
		t.Fatal(err)
	}
	return &d
}

// scripted is a dispatcher whose answers a test sets, for the bot's own
// edge cases (exactly 40 suggestions, a blocked command) that the real
// commands do not produce on demand.
type scripted struct {
	run      func(ctx context.Context, req commands.Request) (commands.Response, error)
	complete func(ctx context.Context, req commands.Request) ([]commands.Choice, error)
	slow     map[string]bool
}

func (s *scripted) Definitions() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{
		{Name: "echo", Description: "echo"},
		{Name: "slow", Description: "slow"},
	}
}

func (s *scripted) Slow(req commands.Request) bool { return s.slow[req.Command] }

func (s *scripted) Run(ctx context.Context, req commands.Request) (commands.Response, error) {
	return s.run(ctx, req)
}

func (s *scripted) Complete(ctx context.Context, req commands.Request) ([]commands.Choice, error) {
	if s.complete == nil {
		return nil, nil
	}
	return s.complete(ctx, req)
}
