package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"factdesk/internal/fakediscord"
)

// TestGatewayEndToEnd runs the real binary in gateway mode against the
// loopback fake Discord: it registers its commands in one bulk overwrite,
// identifies with the Guilds intent only, answers /who with a cited embed
// that pings no one, and exits cleanly on SIGTERM.
func TestGatewayEndToEnd(t *testing.T) {
	fake := fakediscord.New()
	defer fake.Close()

	d := startFactdesk(t, []string{
		"DISCORD_TOKEN=test-token", "DISCORD_APP_ID=" + fake.AppID, "DISCORD_GUILD_ID=300",
		"DISCORD_API_URL=" + fake.URL,
	}, "run", "--db", filepath.Join(t.TempDir(), "gw.db"))

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	reg, err := fake.AwaitRequest(ctx, func(r fakediscord.Request) bool {
		return r.Method == "PUT" && strings.HasSuffix(r.Path, "/guilds/300/commands")
	})
	if err != nil {
		t.Fatalf("no guild bulk overwrite: %v (stderr %s)", err, d.stderr.String())
	}
	var defs []struct{ Name string }
	if err := reg.Decode(&defs); err != nil || len(defs) < 9 {
		t.Errorf("bulk overwrite = %d commands (%v), want the whole table", len(defs), err)
	}
	if err := fake.AwaitReady(ctx, 1); err != nil {
		t.Fatalf("gateway never READY: %v", err)
	}
	if ids := fake.Identifies(); len(ids) != 1 || ids[0].Intents != 1 {
		t.Errorf("IDENTIFY = %+v, want one with intents 1 (Guilds)", ids)
	}

	interaction := `{"id":"900000000000000001","application_id":"` + fake.AppID + `","type":2,"token":"tok-e2e","version":1,
		"guild_id":"300","channel_id":"400","member":{"user":{"id":"42","username":"reader"},"permissions":"0"},
		"data":{"id":"1","name":"who","type":1,"options":[{"name":"name","type":3,"value":"Cho Tae-yul"}]}}`
	if err := fake.Interact(json.RawMessage(interaction)); err != nil {
		t.Fatal(err)
	}
	cb, err := fake.AwaitRequest(ctx, func(r fakediscord.Request) bool {
		return strings.HasSuffix(r.Path, "/interactions/900000000000000001/tok-e2e/callback")
	})
	if err != nil {
		t.Fatalf("no interaction callback: %v (stderr %s)", err, d.stderr.String())
	}
	var resp struct {
		Type int `json:"type"`
		Data struct {
			Embeds []struct {
				Title       string `json:"title"`
				Description string `json:"description"`
			} `json:"embeds"`
			AllowedMentions *struct {
				Parse []string `json:"parse"`
			} `json:"allowed_mentions"`
		} `json:"data"`
	}
	if err := cb.Decode(&resp); err != nil {
		t.Fatal(err)
	}
	if resp.Type != 4 || len(resp.Data.Embeds) == 0 || !strings.Contains(resp.Data.Embeds[0].Title, "Cho Tae-yul") {
		t.Errorf("/who callback = %s, want type 4 with an embed about Cho Tae-yul", cb.Body)
	}
	if resp.Data.AllowedMentions == nil || len(resp.Data.AllowedMentions.Parse) != 0 {
		t.Errorf("/who callback allowed_mentions = %+v, want parse []", resp.Data.AllowedMentions)
	}

	d.stop(t)
}
