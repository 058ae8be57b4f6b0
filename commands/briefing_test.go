package commands_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"factdesk/briefing"
	"factdesk/commands"
	"factdesk/feeds"
	"factdesk/store"
)

// adminEnv is a Router whose /briefing and /source run on the real
// briefing service and feed poller over a real SQLite store.
type adminEnv struct {
	store  *store.Store
	router *commands.Router
	poller *feeds.Poller
	now    time.Time
}

func newAdminEnv(t *testing.T) *adminEnv {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "admin.db"))
	if err != nil {
		t.Fatalf("store.Open = %v", err)
	}
	t.Cleanup(func() { st.Close() })
	fetcher := feeds.NewFetcher(true) // the test feeds are on loopback
	poller := feeds.NewPoller(st, nil, fetcher)
	poller.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	e := &adminEnv{store: st, poller: poller, now: time.Date(2025, 1, 13, 7, 0, 0, 0, time.UTC)}
	e.router = commands.New(commands.Deps{Facts: st, Briefings: briefing.NewService(st), Sources: poller, Now: func() time.Time { return e.now }})
	return e
}

func (e *adminEnv) run(t *testing.T, cmd, sub string, opts map[string]string, manage bool) commands.Response {
	t.Helper()
	resp, err := e.router.Run(context.Background(), commands.Request{
		Command: cmd, Sub: sub, Options: opts, GuildID: "g1", ChannelID: "c0", UserID: "u1", CanManage: manage, Now: e.now,
	})
	if err != nil {
		t.Fatalf("Run(/%s %s %v) = %v", cmd, sub, opts, err)
	}
	return resp
}

// respText is every piece of text in a response, for assertions.
func respText(r commands.Response) string {
	var b strings.Builder
	b.WriteString(r.Content + "\n")
	for _, e := range r.Embeds {
		b.WriteString(e.Title + "\n" + e.Description + "\n")
		for _, f := range e.Fields {
			b.WriteString(f.Name + ": " + f.Value + "\n")
		}
		b.WriteString(e.Footer + "\n")
	}
	return b.String()
}

func TestAdminCommandDefinitions(t *testing.T) {
	r := commands.New(commands.Deps{})
	for _, d := range r.Definitions() {
		if d.Name != "briefing" && d.Name != "source" {
			continue
		}
		if d.DefaultMemberPermissions == nil || *d.DefaultMemberPermissions != discordgo.PermissionManageGuild {
			t.Errorf("/%s DefaultMemberPermissions = %v, want Manage Server", d.Name, d.DefaultMemberPermissions)
		}
		for _, sub := range d.Options {
			for _, o := range sub.Options {
				if o.Name == "channel" && o.Type != discordgo.ApplicationCommandOptionChannel {
					t.Errorf("/%s %s channel option type = %v, want channel", d.Name, sub.Name, o.Type)
				}
				if o.Autocomplete && len(o.Choices) > 0 {
					t.Errorf("/%s %s %s has both autocomplete and choices", d.Name, sub.Name, o.Name)
				}
			}
		}
	}
}

func TestBriefingCommand(t *testing.T) {
	e := newAdminEnv(t)
	// Not a manager: refused, privately, even if the command was shown.
	if r := e.run(t, "briefing", "show", nil, false); !r.Ephemeral || !strings.Contains(r.Content, "Manage Server") {
		t.Errorf("/briefing show without Manage Server = %+v, want an ephemeral refusal", r)
	}
	if r := e.run(t, "briefing", "show", nil, true); !strings.Contains(r.Content, "no briefing yet") {
		t.Errorf("/briefing show before set = %q, want a hint to set one", r.Content)
	}
	for _, c := range []struct {
		opts map[string]string
		want string
	}{
		{map[string]string{"channel": "42", "time": "8am", "timezone": "Asia/Seoul"}, "not a time of day"},
		{map[string]string{"channel": "42", "time": "08:00", "timezone": "Seoul"}, "not an IANA time zone"},
		{map[string]string{"channel": "42", "time": "08:00", "timezone": "Local"}, "not an IANA time zone"},
		{map[string]string{"channel": "", "time": "08:00", "timezone": "Asia/Seoul"}, "Pick the channel"},
	} {
		if r := e.run(t, "briefing", "set", c.opts, true); !r.Ephemeral || !strings.Contains(r.Content, c.want) {
			t.Errorf("/briefing set %v = %q, want an ephemeral %q", c.opts, r.Content, c.want)
		}
	}
	r := e.run(t, "briefing", "set", map[string]string{"channel": "<#42>", "time": "8:00", "timezone": "Asia/Seoul", "quiet": "silent"}, true)
	// 07:00 UTC is 16:00 in Seoul: the next 08:00 there is 23:00 UTC.
	next := time.Date(2025, 1, 13, 23, 0, 0, 0, time.UTC)
	got := respText(r)
	for _, want := range []string{"Daily briefing set", "<#42>", "08:00 Asia/Seoul", "nothing", fmt.Sprintf("<t:%d:F>", next.Unix())} {
		if !strings.Contains(got, want) {
			t.Errorf("/briefing set = %q, want it to contain %q", got, want)
		}
	}
	if r := e.run(t, "briefing", "show", nil, true); !strings.Contains(respText(r), fmt.Sprintf("<t:%d:F>", next.Unix())) || !strings.Contains(respText(r), "Status: on") {
		t.Errorf("/briefing show = %q, want it on with the next run as a timestamp", respText(r))
	}
	if r := e.run(t, "briefing", "off", nil, true); !strings.Contains(r.Content, "off") {
		t.Errorf("/briefing off = %q", r.Content)
	}
	if r := e.run(t, "briefing", "show", nil, true); !strings.Contains(respText(r), "Status: off") || strings.Contains(respText(r), "Next briefing") {
		t.Errorf("/briefing show after off = %q, want off with no next run", respText(r))
	}
}

func TestBriefingNowIsAPrivatePreview(t *testing.T) {
	e := newAdminEnv(t)
	r := e.run(t, "briefing", "now", nil, true)
	if !r.Ephemeral || !strings.Contains(respText(r), "No new articles") {
		t.Errorf("/briefing now on an empty store = %+v, want an ephemeral quiet note", r)
	}
}

func TestBriefingTimezoneAutocomplete(t *testing.T) {
	e := newAdminEnv(t)
	for partial, want := range map[string]string{"seo": "Asia/Seoul", "new_y": "America/New_York", "london": "Europe/London", "": ""} {
		choices, err := e.router.Complete(context.Background(), commands.Request{
			Command: "briefing", Sub: "set", Focused: "timezone", Options: map[string]string{"timezone": partial}, GuildID: "g1", CanManage: true,
		})
		if err != nil || len(choices) == 0 || len(choices) > 25 {
			t.Fatalf("Complete(timezone %q) = %d choices, %v, want 1–25", partial, len(choices), err)
		}
		if want != "" && choices[0].Value != want {
			t.Errorf("Complete(timezone %q)[0] = %+v, want %s", partial, choices[0], want)
		}
	}
}
