package fakediscord

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

type frameIn struct {
	Op int             `json:"op"`
	S  int64           `json:"s"`
	T  string          `json:"t"`
	D  json.RawMessage `json:"d"`
}

func dial(t *testing.T, s *Server) *websocket.Conn {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial(s.wsURL()+"/?v=9&encoding=json", nil)
	if err != nil {
		t.Fatalf("dial gateway: %v", err)
	}
	ws.SetReadDeadline(time.Now().Add(30 * time.Second))
	return ws
}

func read(t *testing.T, ws *websocket.Conn) frameIn {
	t.Helper()
	var f frameIn
	if err := ws.ReadJSON(&f); err != nil {
		t.Fatalf("read frame: %v", err)
	}
	return f
}

func TestGatewayProtocol(t *testing.T) {
	s := New()
	defer s.Close()

	ws := dial(t, s)
	if f := read(t, ws); f.Op != 10 {
		t.Fatalf("first frame op = %d, want 10 (HELLO)", f.Op)
	}
	ws.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": "Bot x", "intents": 1}})
	ready := read(t, ws)
	if ready.Op != 0 || ready.T != "READY" || ready.S != 1 {
		t.Fatalf("after IDENTIFY got op %d %s s=%d, want READY s=1", ready.Op, ready.T, ready.S)
	}
	ws.WriteJSON(map[string]any{"op": 1, "d": 1})
	if f := read(t, ws); f.Op != 11 {
		t.Errorf("after HEARTBEAT got op %d, want 11", f.Op)
	}
	if got := s.Identifies(); len(got) != 1 || got[0].Intents != 1 || got[0].Token != "Bot x" {
		t.Errorf("Identifies() = %+v, want one with intents 1", got)
	}
	if err := s.Interact(map[string]any{"id": "1"}); err != nil {
		t.Fatal(err)
	}
	if f := read(t, ws); f.T != "INTERACTION_CREATE" || f.S != 2 {
		t.Errorf("dispatch = %s s=%d, want INTERACTION_CREATE s=2", f.T, f.S)
	}

	s.Drop()
	ws.Close()
	s.Interact(map[string]any{"id": "2"}) // kept for replay

	ws = dial(t, s)
	read(t, ws) // HELLO
	ws.WriteJSON(map[string]any{"op": 6, "d": map[string]any{"token": "Bot x", "session_id": "fake-session-1", "seq": 2}})
	if f := read(t, ws); f.T != "INTERACTION_CREATE" || f.S != 3 || !strings.Contains(string(f.D), `"2"`) {
		t.Errorf("after RESUME first frame = %s s=%d %s, want the missed INTERACTION_CREATE s=3", f.T, f.S, f.D)
	}
	if f := read(t, ws); f.T != "RESUMED" {
		t.Errorf("after replay got %s, want RESUMED", f.T)
	}
	ws.Close()

	ws = dial(t, s)
	defer ws.Close()
	read(t, ws)
	ws.WriteJSON(map[string]any{"op": 6, "d": map[string]any{"session_id": "nope", "seq": 1}})
	if f := read(t, ws); f.Op != 9 {
		t.Errorf("RESUME of an unknown session got op %d, want 9", f.Op)
	}
}

func TestREST(t *testing.T) {
	s := New()
	defer s.Close()
	s.FailChannel("9", 403, 50013)
	post := func(path, body string) int {
		resp, err := http.Post(s.URL+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	tests := []struct {
		path, body string
		want       int
	}{
		{"/api/v9/channels/1/messages", `{"content":"hi"}`, 200},
		{"/api/v9/channels/9/messages", `{"content":"hi"}`, 403},
		{"/api/v9/interactions/5/tok/callback", `{"type":4}`, 204},
		{"/api/v9/interactions/5/tok/callback", `{"type":4}`, 400}, // already acknowledged
		{"/api/v9/webhooks/1/tok", `{"content":"f"}`, 200},
		{"/api/v9/nowhere", `{}`, 404},
	}
	for _, tt := range tests {
		if got := post(tt.path, tt.body); got != tt.want {
			t.Errorf("POST %s = %d, want %d", tt.path, got, tt.want)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := s.AwaitRequest(ctx, func(r Request) bool { return r.Path == "/api/v9/channels/1/messages" })
	if err != nil || string(r.Body) != `{"content":"hi"}` || r.Method != "POST" {
		t.Errorf("AwaitRequest(channel 1) = %+v, %v; want the recorded POST", r, err)
	}
	if n := len(s.Requests()); n != len(tests) {
		t.Errorf("Requests() = %d, want %d", n, len(tests))
	}
}
