package bot

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
	"factdesk/internal/fakediscord"
)

func TestGatewayRegistration(t *testing.T) {
	router := newRouter()
	want := router.Definitions()
	for _, tc := range []struct {
		name, guild, path string
	}{
		{"guild", "555", "/api/v9/applications/%s/guilds/555/commands"},
		{"global", "", "/api/v9/applications/%s/commands"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := startBot(t, Config{GuildID: tc.guild}, router)
			var puts []fakediscord.Request
			for _, r := range h.fake.Requests() {
				if r.Method == "PUT" || (r.Method == "POST" && strings.Contains(r.Path, "/commands")) {
					puts = append(puts, r)
				}
			}
			if len(puts) != 1 {
				t.Fatalf("command registration requests = %d, want one bulk overwrite", len(puts))
			}
			if path := fmt.Sprintf(tc.path, h.fake.AppID); puts[0].Path != path {
				t.Errorf("bulk overwrite path = %s, want %s", puts[0].Path, path)
			}
			var got []struct {
				Name                     string  `json:"name"`
				Description              string  `json:"description"`
				DefaultMemberPermissions *string `json:"default_member_permissions"`
			}
			if err := puts[0].Decode(&got); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("bulk overwrite has %d commands, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i].Name != want[i].Name || got[i].Description == "" {
					t.Errorf("command %d = %q (%q), want %q with a description", i, got[i].Name, got[i].Description, want[i].Name)
				}
			}

			ids := h.fake.Identifies()
			if len(ids) != 1 {
				t.Fatalf("IDENTIFY count = %d, want 1", len(ids))
			}
			if ids[0].Intents != int(discordgo.IntentsGuilds) {
				t.Errorf("IDENTIFY intents = %d, want %d (IntentsGuilds only)", ids[0].Intents, discordgo.IntentsGuilds)
			}
			if ids[0].Token != "Bot test-token" {
				t.Errorf("IDENTIFY token = %q, want \"Bot test-token\"", ids[0].Token)
			}
			if _, err := h.fake.AwaitRequest(waitCtx(t), func(r fakediscord.Request) bool {
				return r.Method == "GET" && r.Path == "/api/v9/gateway/bot"
			}); err != nil {
				t.Errorf("GET /gateway/bot was not requested: %v", err)
			}
			if h.fake.Heartbeats() < 1 {
				t.Errorf("heartbeats acknowledged = 0, want ≥ 1")
			}
		})
	}
}

// TestGatewayCommands drives the real commands through the real discordgo
// client and checks what reaches Discord.
func TestGatewayCommands(t *testing.T) {
	h := startBot(t, Config{}, newRouter())

	t.Run("slash command", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommand, "1001", slash("summary"))
		resp := h.response(t, s)
		if resp.Type != int(discordgo.InteractionResponseChannelMessageWithSource) {
			t.Fatalf("/summary response type = %d, want 4", resp.Type)
		}
		checkNoMentions(t, "/summary", resp.Data)
		checkLimits(t, "/summary", resp.Data)
		if resp.Data.Flags != 0 {
			t.Errorf("/summary flags = %d, want 0 (public by default)", resp.Data.Flags)
		}
		if len(resp.Data.Embeds) == 0 {
			t.Errorf("/summary embeds = 0, want the article card")
		}
	})

	t.Run("private answer is ephemeral", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommand, "1002",
			`{"id":"1","name":"summary","type":1,"options":[{"name":"private","type":5,"value":true}]}`)
		resp := h.response(t, s)
		if resp.Type != 4 || resp.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("/summary private:true = type %d flags %d, want 4 and 64", resp.Type, resp.Data.Flags)
		}
		checkNoMentions(t, "/summary private", resp.Data)
	})

	t.Run("mentions cannot ping", func(t *testing.T) {
		// The stored article's title, summary and quote contain
		// @everyone, <@123> and <@&456>.
		for i, data := range []string{slash("summary"), slash("quote"), slash("search", "terms", "summit")} {
			s := h.inject(t, discordgo.InteractionApplicationCommand, fmt.Sprintf("103%d", i), data)
			resp := h.response(t, s)
			checkNoMentions(t, data, resp.Data)
		}
	})

	t.Run("autocomplete", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommandAutocomplete, "1004",
			`{"id":"1","name":"who","type":1,"options":[{"name":"name","type":3,"value":"cho","focused":true}]}`)
		resp := h.response(t, s)
		if resp.Type != int(discordgo.InteractionApplicationCommandAutocompleteResult) {
			t.Fatalf("/who autocomplete response type = %d, want 8", resp.Type)
		}
		if n := len(resp.Data.Choices); n == 0 || n > 25 {
			t.Errorf("/who autocomplete over 30 matching people = %d choices, want 1..25", n)
		}
	})

	t.Run("deferred command", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommand, "1005", slash("ingest", "url", "https://example.org/a"))
		resp := h.response(t, s)
		if resp.Type != int(discordgo.InteractionResponseDeferredChannelMessageWithSource) {
			t.Fatalf("/ingest response type = %d, want 5 (deferred)", resp.Type)
		}
		d := h.edited(t, s)
		checkNoMentions(t, "/ingest edit", d)
		checkLimits(t, "/ingest edit", d)
		if d.Content == "" && len(d.Embeds) == 0 {
			t.Errorf("/ingest edit of @original is empty, want the result")
		}
	})

	t.Run("button press updates the message", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommand, "1006", slash("articles"))
		resp := h.response(t, s)
		var id string
		for _, row := range resp.Data.Components {
			for _, b := range row.Components {
				if !b.Disabled && id == "" {
					id = b.CustomID
				}
			}
		}
		if id == "" {
			t.Fatalf("/articles over 40 articles has no enabled button: %+v", resp.Data.Components)
		}
		press := h.inject(t, discordgo.InteractionMessageComponent, "1006",
			fmt.Sprintf(`{"custom_id":%q,"component_type":2}`, id))
		got := h.response(t, press)
		if got.Type != int(discordgo.InteractionResponseUpdateMessage) {
			t.Errorf("button %q response type = %d, want 7 (update message)", id, got.Type)
		}
		checkNoMentions(t, "button", got.Data)
		checkLimits(t, "button", got.Data)
	})

	t.Run("rate limit", func(t *testing.T) {
		var last sentResponse
		for i := range DefaultRateLimit + 1 {
			s := h.inject(t, discordgo.InteractionApplicationCommand, "1007", slash("help"))
			last = h.response(t, s)
			if i < DefaultRateLimit && last.Data.Content == msgRateLimited {
				t.Fatalf("command %d of %d was rate limited", i+1, DefaultRateLimit)
			}
		}
		if last.Type != 4 || last.Data.Content != msgRateLimited || last.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("command %d in the window = type %d %q flags %d, want 4 %q 64",
				DefaultRateLimit+1, last.Type, last.Data.Content, last.Data.Flags, msgRateLimited)
		}
		// Autocomplete has its own, looser allowance.
		s := h.inject(t, discordgo.InteractionApplicationCommandAutocomplete, "1007",
			`{"id":"1","name":"who","type":1,"options":[{"name":"name","type":3,"value":"cho","focused":true}]}`)
		if resp := h.response(t, s); len(resp.Data.Choices) == 0 {
			t.Errorf("autocomplete after the command limit = no choices, want suggestions")
		}
	})

	t.Run("option too long", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommand, "1008", slash("who", "name", strings.Repeat("x", 300)))
		resp := h.response(t, s)
		want := fmt.Sprintf(msgTooLong, "name", DefaultMaxOptionLen)
		if resp.Data.Content != want || resp.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("/who with 300 characters = %q flags %d, want %q flags 64", resp.Data.Content, resp.Data.Flags, want)
		}
	})
}

// TestGatewayScripted covers the bot's own rules with answers that the
// real commands would not give on demand.
func TestGatewayScripted(t *testing.T) {
	release := make(chan struct{})
	router := &scripted{
		slow: map[string]bool{"slow": true},
		run: func(ctx context.Context, req commands.Request) (commands.Response, error) {
			if req.Command == "slow" {
				<-release
			}
			if req.Option("fail") != "" {
				return commands.Response{}, fmt.Errorf("store is down")
			}
			if req.Option("panic") != "" {
				panic("boom")
			}
			if req.CustomID == "echo:gone" {
				return commands.Errorf("That page is gone."), nil
			}
			return commands.Response{
				Content: "Hey @everyone, <@123> and <@&456> said: " + strings.Repeat("more words ", 400),
				Embeds:  []commands.Embed{{Title: "@here", Description: hostileText}},
			}, nil
		},
		complete: func(ctx context.Context, req commands.Request) ([]commands.Choice, error) {
			var out []commands.Choice
			for i := range 40 {
				out = append(out, commands.Choice{Name: fmt.Sprintf("choice %d", i), Value: fmt.Sprint(i)})
			}
			return out, nil
		},
	}
	h := startBot(t, Config{}, router)

	t.Run("mentions", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommand, "2001", slash("echo"))
		r, err := h.fake.AwaitRequest(waitCtx(t), func(r fakediscord.Request) bool { return r.Path == s.callbackPath() })
		if err != nil {
			t.Fatal(err)
		}
		body := string(r.Body)
		if !strings.Contains(body, "@everyone") || !strings.Contains(body, `\u003c@123\u003e`) {
			t.Fatalf("echo body lacks the hostile text: %s", body)
		}
		var resp sentResponse
		r.Decode(&resp)
		checkNoMentions(t, "echo", resp.Data)
		checkLimits(t, "echo", resp.Data)
		if !strings.HasSuffix(resp.Data.Content, cutMark) {
			t.Errorf("echo content of 4,000+ characters does not end with %q", cutMark)
		}
	})

	t.Run("autocomplete capped at 25", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommandAutocomplete, "2002",
			`{"id":"1","name":"echo","type":1,"options":[{"name":"q","type":3,"value":"c","focused":true}]}`)
		resp := h.response(t, s)
		if resp.Type != 8 || len(resp.Data.Choices) != 25 {
			t.Errorf("autocomplete of 40 = type %d with %d choices, want 8 with 25", resp.Type, len(resp.Data.Choices))
		}
	})

	t.Run("internal error is kind and ephemeral", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommand, "2003", slash("echo", "fail", "yes"))
		resp := h.response(t, s)
		if resp.Data.Content != msgInternal || resp.Data.Flags != 64 || strings.Contains(resp.Data.Content, "store") {
			t.Errorf("failing command = %q flags %d, want %q flags 64", resp.Data.Content, resp.Data.Flags, msgInternal)
		}
	})

	t.Run("panic is answered", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommand, "2006", slash("echo", "panic", "yes"))
		resp := h.response(t, s)
		if resp.Data.Content != msgInternal || resp.Data.Flags != 64 {
			t.Errorf("panicking command = %q flags %d, want %q flags 64", resp.Data.Content, resp.Data.Flags, msgInternal)
		}
	})

	t.Run("private answer to a button is a new message", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionMessageComponent, "2007", `{"custom_id":"echo:gone","component_type":2}`)
		resp := h.response(t, s)
		if resp.Type != 4 || resp.Data.Flags != 64 {
			t.Errorf("button with an ephemeral answer = type %d flags %d, want 4 and 64 (not an update of the public message)", resp.Type, resp.Data.Flags)
		}
	})

	t.Run("slow command deferred, private", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommand, "2004",
			`{"id":"1","name":"slow","type":1,"options":[{"name":"private","type":5,"value":true}]}`)
		resp := h.response(t, s)
		if resp.Type != 5 || resp.Data == nil || resp.Data.Flags != 64 {
			t.Fatalf("slow private command = %+v, want type 5 with flags 64", resp)
		}
		release <- struct{}{}
		d := h.edited(t, s)
		checkNoMentions(t, "slow edit", d)
		checkLimits(t, "slow edit", d)
	})

	t.Run("shutdown waits for interactions in flight", func(t *testing.T) {
		s := h.inject(t, discordgo.InteractionApplicationCommand, "2005", slash("slow"))
		if resp := h.response(t, s); resp.Type != 5 {
			t.Fatalf("slow command response type = %d, want 5", resp.Type)
		}
		h.cancel()
		// Let the edit go only once Run has begun shutting down.
		h.bot.mu.Lock()
		for !h.bot.closing {
			h.bot.mu.Unlock()
			runtime.Gosched()
			h.bot.mu.Lock()
		}
		h.bot.mu.Unlock()
		release <- struct{}{}
		h.edited(t, s)
		if err := <-h.done; err != nil {
			t.Errorf("Run() = %v, want nil", err)
		}
		h.cancel = nil
		reqs := h.fake.Requests()
		edit := -1
		for i, r := range reqs {
			if r.Path == s.originalPath(h.fake.AppID) {
				edit = i
			}
		}
		if err := h.fake.AwaitDisconnects(waitCtx(t), 1); err != nil {
			t.Fatal(err)
		}
		if d := h.fake.Disconnects(); d[0] <= edit {
			t.Errorf("gateway closed after %d requests, before the in-flight edit (request %d)", d[0], edit+1)
		}
	})
}

func TestGatewayResume(t *testing.T) {
	h := startBot(t, Config{}, newRouter())
	before := h.response(t, h.inject(t, discordgo.InteractionApplicationCommand, "3001", slash("help")))
	if before.Type != 4 {
		t.Fatalf("/help before the drop = type %d, want 4", before.Type)
	}

	h.fake.Drop()
	// Sent while the client is away: Discord replays it after RESUME.
	s := h.inject(t, discordgo.InteractionApplicationCommand, "3002", slash("help"))
	if err := h.fake.AwaitReady(waitCtx(t), 2); err != nil {
		t.Fatalf("bot did not reconnect: %v", err)
	}
	resumes := h.fake.Resumes()
	if len(resumes) != 1 || resumes[0].SessionID != "fake-session-1" || resumes[0].Seq < 2 {
		t.Errorf("RESUME payloads = %+v, want one for fake-session-1 from seq ≥ 2", resumes)
	}
	if n := len(h.fake.Identifies()); n != 1 {
		t.Errorf("IDENTIFY count after the drop = %d, want 1 (resumed, not re-identified)", n)
	}
	if resp := h.response(t, s); resp.Type != 4 {
		t.Errorf("/help replayed after RESUME = type %d, want 4", resp.Type)
	}
	after := h.response(t, h.inject(t, discordgo.InteractionApplicationCommand, "3003", slash("help")))
	if after.Type != 4 {
		t.Errorf("/help after RESUME = type %d, want 4", after.Type)
	}
}

func TestSend(t *testing.T) {
	h := startBot(t, Config{}, newRouter())
	h.fake.FailChannel("404", 404, discordgo.ErrCodeUnknownChannel)
	h.fake.FailChannel("403", 403, discordgo.ErrCodeMissingPermissions)
	h.fake.FailChannel("500", 500, 0)
	ctx := waitCtx(t)

	resp := commands.Response{Content: "Briefing for @everyone <@123>", Embeds: []commands.Embed{{Title: "Today", Description: hostileText}}}
	if err := h.bot.Send(ctx, "777", resp); err != nil {
		t.Fatalf("Send(777) = %v, want nil", err)
	}
	r, err := h.fake.AwaitRequest(ctx, func(r fakediscord.Request) bool {
		return r.Method == "POST" && r.Path == "/api/v9/channels/777/messages"
	})
	if err != nil {
		t.Fatal(err)
	}
	var d sentData
	if err := r.Decode(&d); err != nil {
		t.Fatal(err)
	}
	checkNoMentions(t, "Send", &d)
	if d.Content != resp.Content || len(d.Embeds) != 1 {
		t.Errorf("Send body = %q with %d embeds, want %q with 1", d.Content, len(d.Embeds), resp.Content)
	}

	for _, tc := range []struct {
		channel   string
		permanent bool
	}{{"404", true}, {"403", true}, {"500", false}} {
		err := h.bot.Send(ctx, tc.channel, resp)
		if err == nil {
			t.Errorf("Send(%s) = nil, want an error", tc.channel)
			continue
		}
		if got := Permanent(err); got != tc.permanent {
			t.Errorf("Permanent(Send(%s) error %v) = %v, want %v", tc.channel, err, got, tc.permanent)
		}
	}
	rest, err := NewRESTSession("test-token", h.fake.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	cs := NewChannelSender(rest)
	if err := cs.Send(ctx, "778", resp); err != nil {
		t.Errorf("ChannelSender.Send(778) = %v, want nil", err)
	}
	if err := cs.Send(ctx, "404", resp); !Permanent(err) {
		t.Errorf("Permanent(ChannelSender.Send(404) error %v) = false, want true", err)
	}
	if Permanent(fmt.Errorf("send: %w", context.DeadlineExceeded)) || Permanent(nil) {
		t.Errorf("Permanent(non-Discord error) = true, want false")
	}
}

// TestRebase checks that requests for Discord's base go to the configured
// base with its path prefix, and others pass through.
func TestRebase(t *testing.T) {
	fake := fakediscord.New()
	defer fake.Close()
	s, err := NewRESTSession("tok", fake.URL+"/proxy/", nil)
	if err != nil {
		t.Fatal(err)
	}
	// The fake has no /proxy prefix, so a rebased request is a recorded 404.
	s.Gateway()
	reqs := fake.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/proxy/api/v9/gateway" || reqs[0].Authorization != "Bot tok" {
		t.Errorf("requests = %+v, want GET /proxy/api/v9/gateway with the bot token", reqs)
	}
	if _, err := NewRESTSession("", "ftp://x", nil); err == nil {
		t.Errorf("NewRESTSession(ftp://x) = nil error, want an error")
	}
}
