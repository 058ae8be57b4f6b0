package main

import (
	"crypto/ed25519"
	"encoding/hex"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeEndToEnd runs `factdesk serve` and posts real Ed25519-signed
// interactions to it: PING gets PONG, /who gets its answer in the HTTP
// response, a bad signature gets 401, and SIGTERM stops it cleanly.
func TestServeEndToEnd(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	d := startFactdesk(t, []string{"DISCORD_PUBLIC_KEY=" + hex.EncodeToString(pub), "DISCORD_APP_ID=100"},
		"serve", "--db", filepath.Join(t.TempDir(), "s.db"), "--addr", addr)
	client := &http.Client{Timeout: 10 * time.Second}
	base := "http://" + addr
	if err := benchWaitHealthy(client, base+"/healthz", d.exited, 20*time.Second); err != nil {
		t.Fatalf("serve: %v (stderr %s)", err, d.stderr.String())
	}

	status, body, err := benchPostSigned(client, base+"/interactions", priv, `{"type":1,"id":"1","application_id":"100","token":"t","version":1}`)
	if err != nil || status != 200 || !strings.Contains(body, `"type":1`) {
		t.Errorf("signed PING = %d %s (%v), want 200 PONG", status, body, err)
	}
	who := `{"id":"2","application_id":"100","type":2,"token":"t2","version":1,"guild_id":"300","channel_id":"400",
		"member":{"user":{"id":"42","username":"reader"},"permissions":"0"},
		"data":{"id":"1","name":"who","type":1,"options":[{"name":"name","type":3,"value":"Iwaya"}]}}`
	status, body, err = benchPostSigned(client, base+"/interactions", priv, who)
	if err != nil || status != 200 || !strings.Contains(body, "Takeshi Iwaya") || !strings.Contains(body, `"parse":[]`) {
		t.Errorf("signed /who Iwaya = %d %s (%v), want 200 with Takeshi Iwaya and allowed_mentions parse []", status, body, err)
	}
	_, otherKey, _ := ed25519.GenerateKey(nil)
	status, _, err = benchPostSigned(client, base+"/interactions", otherKey, who)
	if err != nil || status != http.StatusUnauthorized {
		t.Errorf("/who signed with another key = %d (%v), want 401", status, err)
	}

	d.stop(t)
}
