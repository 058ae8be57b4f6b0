package bot

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
)

// interaction decodes a Discord interaction from its JSON form, as the
// gateway or the HTTP endpoint would deliver it.
func interaction(t testing.TB, js string) *discordgo.Interaction {
	t.Helper()
	var i discordgo.Interaction
	if err := json.Unmarshal([]byte(js), &i); err != nil {
		t.Fatalf("decode interaction %s: %v", js, err)
	}
	return &i
}

func TestRequest(t *testing.T) {
	tests := []struct {
		name string
		js   string
		want commands.Request
	}{
		{
			name: "slash command with options in a guild",
			js: `{"id":"1","type":2,"guild_id":"g","channel_id":"c","member":{"user":{"id":"u"},"permissions":"32"},
				"data":{"name":"search","options":[{"name":"terms","type":3,"value":"tokyo summit"},
				{"name":"page","type":4,"value":2},{"name":"private","type":5,"value":true},{"name":"score","type":10,"value":1.5}]}}`,
			want: commands.Request{Command: "search", GuildID: "g", ChannelID: "c", UserID: "u", CanManage: true,
				Options: map[string]string{"terms": "tokyo summit", "page": "2", "private": "true", "score": "1.5"}},
		},
		{
			name: "subcommand",
			js: `{"id":"1","type":2,"guild_id":"g","channel_id":"c","member":{"user":{"id":"u"},"permissions":"0"},
				"data":{"name":"briefing","options":[{"name":"set","type":1,"options":[{"name":"time","type":3,"value":"08:00"}]}]}}`,
			want: commands.Request{Command: "briefing", Sub: "set", GuildID: "g", ChannelID: "c", UserID: "u",
				Options: map[string]string{"time": "08:00"}},
		},
		{
			name: "subcommand group, administrator",
			js: `{"id":"1","type":2,"guild_id":"g","channel_id":"c","member":{"user":{"id":"u"},"permissions":"8"},
				"data":{"name":"source","options":[{"name":"feed","type":2,"options":[{"name":"add","type":1,
				"options":[{"name":"url","type":3,"value":"https://example.org/rss"}]}]}]}}`,
			want: commands.Request{Command: "source", Sub: "feed add", GuildID: "g", ChannelID: "c", UserID: "u", CanManage: true,
				Options: map[string]string{"url": "https://example.org/rss"}},
		},
		{
			name: "autocomplete in a DM",
			js: `{"id":"1","type":4,"channel_id":"c","user":{"id":"u"},
				"data":{"name":"who","options":[{"name":"name","type":3,"value":"Ch","focused":true}]}}`,
			want: commands.Request{Command: "who", ChannelID: "c", UserID: "u", Focused: "name",
				Options: map[string]string{"name": "Ch"}},
		},
		{
			name: "attachment becomes its URL",
			js: `{"id":"1","type":2,"guild_id":"g","channel_id":"c","member":{"user":{"id":"u"},"permissions":"32"},
				"data":{"name":"ingest","options":[{"name":"file","type":11,"value":"att1"}],
				"resolved":{"attachments":{"att1":{"id":"att1","url":"https://cdn.example/a.txt","filename":"a.txt"}}}}}`,
			want: commands.Request{Command: "ingest", GuildID: "g", ChannelID: "c", UserID: "u", CanManage: true,
				Options: map[string]string{"file": "https://cdn.example/a.txt"}},
		},
		{
			name: "button press",
			js: `{"id":"1","type":3,"guild_id":"g","channel_id":"c","member":{"user":{"id":"u"},"permissions":"0"},
				"data":{"custom_id":"articles:page:2","component_type":2}}`,
			want: commands.Request{Command: "articles", CustomID: "articles:page:2", GuildID: "g", ChannelID: "c", UserID: "u",
				Options: map[string]string{}},
		},
	}
	for _, tt := range tests {
		got, err := request(interaction(t, tt.js), 0)
		if err != nil {
			t.Errorf("request(%s) error: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("request(%s) = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestRequestTooLong(t *testing.T) {
	long := strings.Repeat("a", 201)
	cmd := interaction(t, `{"id":"1","type":2,"user":{"id":"u"},"data":{"name":"who","options":[{"name":"name","type":3,"value":"`+long+`"}]}}`)
	_, err := request(cmd, 0)
	var tl *tooLongError
	if !errors.As(err, &tl) || tl.option != "name" || tl.limit != DefaultMaxOptionLen {
		t.Errorf("request(201-character option) error = %v, want too long for name at %d", err, DefaultMaxOptionLen)
	}

	ac := interaction(t, `{"id":"1","type":4,"user":{"id":"u"},"data":{"name":"who","options":[{"name":"name","type":3,"value":"`+long+`","focused":true}]}}`)
	got, err := request(ac, 0)
	if err != nil || len(got.Options["name"]) != DefaultMaxOptionLen {
		t.Errorf("request(201-character autocomplete) = %d characters, %v; want %d, nil", len(got.Options["name"]), err, DefaultMaxOptionLen)
	}

	url := "https://example.org/" + long
	ing := interaction(t, `{"id":"1","type":2,"user":{"id":"u"},"data":{"name":"ingest","options":[{"name":"url","type":3,"value":"`+url+`"}]}}`)
	if got, err := request(ing, 0); err != nil || got.Options["url"] != url {
		t.Errorf("request(%d-character url) = %q, %v; want it whole", len(url), got.Options["url"], err)
	}
}

func TestLimiter(t *testing.T) {
	l := newLimiter(5, 10*time.Second)
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 5 {
		if !l.allow("u", t0.Add(time.Duration(i)*time.Second)) {
			t.Fatalf("allow(u, +%ds) = false, want true for command %d of 5", i, i+1)
		}
	}
	if l.allow("u", t0.Add(5*time.Second)) {
		t.Errorf("allow(u, +5s) = true, want false for the 6th command in 10 s")
	}
	if !l.allow("v", t0.Add(5*time.Second)) {
		t.Errorf("allow(v, +5s) = false, want true: users have their own limit")
	}
	if !l.allow("u", t0.Add(10*time.Second+time.Millisecond)) {
		t.Errorf("allow(u, +10.001s) = false, want true once the first command left the window")
	}
	if l.allow("u", t0.Add(10*time.Second+2*time.Millisecond)) {
		t.Errorf("allow(u, +10.002s) = true, want false: still 5 in the window")
	}
	for i := range 100 {
		l.allow(time.Duration(i).String(), t0.Add(time.Hour))
	}
	l.mu.Lock()
	l.sweep(t0.Add(2 * time.Hour))
	n := len(l.users)
	l.mu.Unlock()
	if n != 0 {
		t.Errorf("limiter keeps %d users after sweeping an hour later, want 0", n)
	}
	var none *limiter
	if !none.allow("u", t0) {
		t.Errorf("nil limiter allow = false, want true")
	}
}
