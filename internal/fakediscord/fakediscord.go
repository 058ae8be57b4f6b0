// Package fakediscord is a loopback stand-in for Discord, for tests only.
// It speaks enough of the gateway protocol (HELLO, IDENTIFY, READY,
// heartbeats, dispatches, RESUME after a dropped connection) and serves the
// REST routes a slash-command bot calls (gateway discovery, the bulk
// overwrite of commands, interaction callbacks, editing @original,
// follow-ups, channel messages), recording every REST request so that
// tests can check the payloads the real discordgo client sent.
//
// Point a discordgo session at it by sending requests for
// https://discord.com to Server.URL (the bot's rebasing transport does
// this); the gateway URL comes from the fake's GET /gateway(/bot).
package fakediscord

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"

	"github.com/gorilla/websocket"
)

// Request is one REST request the fake received.
type Request struct {
	Method        string
	Path          string // e.g. /api/v9/interactions/1/tok/callback
	Query         string
	Authorization string
	Body          []byte
}

// Decode unmarshals the request's JSON body into v.
func (r Request) Decode(v any) error {
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("decode %s %s body: %w", r.Method, r.Path, err)
	}
	return nil
}

// Identify is the data of one IDENTIFY (op 2) the fake received.
type Identify struct {
	Token   string `json:"token"`
	Intents int    `json:"intents"`
	Shard   *[2]int
}

// Resume is the data of one RESUME (op 6) the fake received.
type Resume struct {
	Token     string `json:"token"`
	SessionID string `json:"session_id"`
	Seq       int64  `json:"seq"`
}

// channelError is the answer configured for messages to one channel.
type channelError struct {
	status  int
	code    int
	message string
}

// event is one dispatch, kept for replay after a RESUME.
type event struct {
	seq  int64
	name string
	data json.RawMessage
}

// Server is a fake Discord on loopback.
type Server struct {
	// URL replaces https://discord.com: REST paths start with /api/v9/.
	URL string
	// AppID and BotID are the application and bot user the fake reports.
	AppID, BotID string

	srv      *httptest.Server
	upgrader websocket.Upgrader

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced on every change
	requests    []Request
	identifies  []Identify
	resumes     []Resume
	heartbeats  int
	connections int
	disconnects []int // len(requests) when each gateway connection ended
	conn        *conn // the identified or resumed connection, if any
	sessionID   string
	seq         int64
	events      []event
	acked       map[string]bool // interaction IDs with a callback
	channelErrs map[string]channelError
	nextID      int64
}

// conn is one gateway websocket.
type conn struct {
	mu sync.Mutex
	ws *websocket.Conn
}

func (c *conn) send(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ws.WriteJSON(v)
}

// New starts a fake Discord. Close it when done.
func New() *Server {
	s := &Server{
		AppID:       "100000000000000001",
		BotID:       "100000000000000002",
		changed:     make(chan struct{}),
		acked:       map[string]bool{},
		channelErrs: map[string]channelError{},
		nextID:      900000000000000000,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /gateway/", s.gateway)
	mux.HandleFunc("GET /gateway", s.gateway)
	mux.HandleFunc("GET /api/{v}/gateway", s.rest(s.gatewayURL))
	mux.HandleFunc("GET /api/{v}/gateway/bot", s.rest(s.gatewayURL))
	mux.HandleFunc("PUT /api/{v}/applications/{app}/commands", s.rest(s.overwrite))
	mux.HandleFunc("PUT /api/{v}/applications/{app}/guilds/{guild}/commands", s.rest(s.overwrite))
	mux.HandleFunc("POST /api/{v}/interactions/{id}/{token}/callback", s.rest(s.callback))
	mux.HandleFunc("PATCH /api/{v}/webhooks/{app}/{token}/messages/{msg}", s.rest(s.message))
	mux.HandleFunc("POST /api/{v}/webhooks/{app}/{token}", s.rest(s.message))
	mux.HandleFunc("POST /api/{v}/channels/{channel}/messages", s.rest(s.channelMessage))
	mux.HandleFunc("/", s.rest(func(w http.ResponseWriter, r *http.Request, _ []byte) {
		apiError(w, http.StatusNotFound, 0, "404: Not Found")
	}))
	s.srv = httptest.NewServer(mux)
	s.URL = s.srv.URL
	return s
}

// Close drops the gateway connection and stops the server.
func (s *Server) Close() {
	s.Drop()
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// FailChannel makes messages to channelID fail with the HTTP status and
// Discord error code given, e.g. 404 and 10003 (Unknown Channel) or 403
// and 50013 (Missing Permissions).
func (s *Server) FailChannel(channelID string, status, code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	msg := map[int]string{10003: "Unknown Channel", 50001: "Missing Access", 50013: "Missing Permissions"}[code]
	if msg == "" {
		msg = http.StatusText(status)
	}
	s.channelErrs[channelID] = channelError{status: status, code: code, message: msg}
}

// Requests returns the REST requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Identifies returns the IDENTIFY payloads received so far.
func (s *Server) Identifies() []Identify {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Identify(nil), s.identifies...)
}

// Resumes returns the RESUME payloads received so far.
func (s *Server) Resumes() []Resume {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Resume(nil), s.resumes...)
}

// Disconnects returns, for each gateway connection that has ended, how
// many REST requests had been received by then: tests use it to check
// what was sent before the client closed the gateway.
func (s *Server) Disconnects() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]int(nil), s.disconnects...)
}

// AwaitDisconnects waits until n gateway connections have ended.
func (s *Server) AwaitDisconnects(ctx context.Context, n int) error {
	return s.await(ctx, func() bool { return len(s.disconnects) >= n })
}

// Heartbeats returns how many heartbeats (op 1) the fake has acknowledged.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heartbeats
}

// AwaitRequest waits for a recorded REST request that match accepts,
// received at any time, and returns the first one.
func (s *Server) AwaitRequest(ctx context.Context, match func(Request) bool) (Request, error) {
	var found Request
	err := s.await(ctx, func() bool {
		for _, r := range s.requests {
			if match(r) {
				found = r
				return true
			}
		}
		return false
	})
	return found, err
}

// AwaitReady waits until a client has identified or resumed on the
// gateway and heartbeats have been acknowledged, n connections in all.
func (s *Server) AwaitReady(ctx context.Context, n int) error {
	return s.await(ctx, func() bool { return s.conn != nil && s.connections >= n && s.heartbeats >= n })
}

// await waits until cond, called with s.mu held, is true.
func (s *Server) await(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ok, ch := cond(), s.changed
		s.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("fake discord: %w", ctx.Err())
		}
	}
}

// notify wakes waiters; call with s.mu held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Dispatch sends a gateway event (op 0) named name with data. When no
// client is connected the event is kept and replayed on RESUME, as Discord
// does.
func (s *Server) Dispatch(name string, data any) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("dispatch %s: %w", name, err)
	}
	s.mu.Lock()
	s.seq++
	ev := event{seq: s.seq, name: name, data: raw}
	s.events = append(s.events, ev)
	c := s.conn
	s.mu.Unlock()
	if c == nil {
		return nil
	}
	return c.send(frame(ev))
}

// Interact dispatches INTERACTION_CREATE with interaction, a
// *discordgo.Interaction or its JSON form.
func (s *Server) Interact(interaction any) error {
	return s.Dispatch("INTERACTION_CREATE", interaction)
}

// Drop closes the gateway connection without a close frame, as a network
// failure would. The client is expected to reconnect and RESUME.
func (s *Server) Drop() {
	s.mu.Lock()
	c := s.conn
	s.conn = nil
	s.notify()
	s.mu.Unlock()
	if c != nil {
		c.ws.UnderlyingConn().Close()
	}
}

func frame(ev event) map[string]any {
	return map[string]any{"op": 0, "s": ev.seq, "t": ev.name, "d": ev.data}
}

// gateway serves one websocket connection.
func (s *Server) gateway(w http.ResponseWriter, r *http.Request) {
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &conn{ws: ws}
	defer func() {
		ws.Close()
		s.mu.Lock()
		if s.conn == c {
			s.conn = nil
		}
		s.disconnects = append(s.disconnects, len(s.requests))
		s.notify()
		s.mu.Unlock()
	}()
	if err := c.send(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 41250}}); err != nil {
		return
	}
	for {
		var p struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := ws.ReadJSON(&p); err != nil {
			return
		}
		switch p.Op {
		case 1:
			s.mu.Lock()
			s.heartbeats++
			s.notify()
			s.mu.Unlock()
			if c.send(map[string]any{"op": 11}) != nil {
				return
			}
		case 2:
			if !s.identify(c, p.D) {
				return
			}
		case 6:
			if !s.resume(c, p.D) {
				return
			}
		}
	}
}

// identify starts a new session on c and sends READY.
func (s *Server) identify(c *conn, raw json.RawMessage) bool {
	var id Identify
	if json.Unmarshal(raw, &id) != nil {
		return false
	}
	s.mu.Lock()
	s.identifies = append(s.identifies, id)
	s.sessionID = fmt.Sprintf("fake-session-%d", len(s.identifies))
	s.seq = 0
	s.events = nil
	s.conn = c
	s.connections++
	s.seq++
	ready := map[string]any{
		"v":                  10,
		"session_id":         s.sessionID,
		"resume_gateway_url": s.wsURL(),
		"user":               map[string]any{"id": s.BotID, "username": "factdesk", "discriminator": "0", "bot": true},
		"guilds":             []any{},
		"shard":              []int{0, 1},
		"application":        map[string]any{"id": s.AppID, "flags": 0},
	}
	data, _ := json.Marshal(ready)
	ev := event{seq: s.seq, name: "READY", data: data}
	s.events = append(s.events, ev)
	s.notify()
	s.mu.Unlock()
	return c.send(frame(ev)) == nil
}

// resume continues the session on c: it replays the events after the
// client's sequence number, then sends RESUMED. An unknown session gets
// op 9 (invalid session).
func (s *Server) resume(c *conn, raw json.RawMessage) bool {
	var rs Resume
	if json.Unmarshal(raw, &rs) != nil {
		return false
	}
	s.mu.Lock()
	s.resumes = append(s.resumes, rs)
	if rs.SessionID != s.sessionID || s.sessionID == "" {
		s.notify()
		s.mu.Unlock()
		return c.send(map[string]any{"op": 9, "d": false}) == nil
	}
	var replay []event
	for _, ev := range s.events {
		if ev.seq > rs.Seq {
			replay = append(replay, ev)
		}
	}
	s.seq++
	resumed := event{seq: s.seq, name: "RESUMED", data: json.RawMessage(`{}`)}
	s.events = append(s.events, resumed)
	s.conn = c
	s.connections++
	s.notify()
	s.mu.Unlock()
	for _, ev := range append(replay, resumed) {
		if c.send(frame(ev)) != nil {
			return false
		}
	}
	return true
}

func (s *Server) wsURL() string {
	return "ws" + strings.TrimPrefix(s.URL, "http") + "/gateway"
}

// rest wraps a REST handler: it records the request first.
func (s *Server) rest(h func(w http.ResponseWriter, r *http.Request, body []byte)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.requests = append(s.requests, Request{
			Method:        r.Method,
			Path:          r.URL.Path,
			Query:         r.URL.RawQuery,
			Authorization: r.Header.Get("Authorization"),
			Body:          body,
		})
		s.notify()
		s.mu.Unlock()
		h(w, r, body)
	}
}

func (s *Server) id() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	return strconv.FormatInt(s.nextID, 10)
}

func (s *Server) gatewayURL(w http.ResponseWriter, r *http.Request, _ []byte) {
	writeJSON(w, http.StatusOK, map[string]any{
		"url":    s.wsURL(),
		"shards": 1,
		"session_start_limit": map[string]any{
			"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1,
		},
	})
}

// overwrite answers a bulk overwrite with the commands it was sent, given
// IDs.
func (s *Server) overwrite(w http.ResponseWriter, r *http.Request, body []byte) {
	var cmds []map[string]any
	if err := json.Unmarshal(body, &cmds); err != nil {
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	for _, c := range cmds {
		c["id"] = s.id()
		c["application_id"] = r.PathValue("app")
		c["version"] = "1"
		if g := r.PathValue("guild"); g != "" {
			c["guild_id"] = g
		}
	}
	writeJSON(w, http.StatusOK, cmds)
}

// callback acknowledges an interaction once; a second response to the same
// interaction fails as on Discord (40060).
func (s *Server) callback(w http.ResponseWriter, r *http.Request, body []byte) {
	id := r.PathValue("id")
	s.mu.Lock()
	again := s.acked[id]
	s.acked[id] = true
	s.mu.Unlock()
	if again {
		apiError(w, http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
		return
	}
	if !json.Valid(body) {
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// message answers webhook edits and follow-ups with a message.
func (s *Server) message(w http.ResponseWriter, r *http.Request, body []byte) {
	if !json.Valid(body) {
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": s.id(), "type": 0})
}

// channelMessage posts a message to a channel, or fails as configured.
func (s *Server) channelMessage(w http.ResponseWriter, r *http.Request, body []byte) {
	ch := r.PathValue("channel")
	s.mu.Lock()
	fail, ok := s.channelErrs[ch]
	s.mu.Unlock()
	if ok {
		apiError(w, fail.status, fail.code, fail.message)
		return
	}
	if !json.Valid(body) {
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": s.id(), "channel_id": ch, "type": 0})
}

func apiError(w http.ResponseWriter, status, code int, message string) {
	writeJSON(w, status, map[string]any{"code": code, "message": message})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
