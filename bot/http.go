package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
)

// Defaults of the HTTP interactions endpoint.
const (
	DefaultMaxBody   = 64 << 10
	DefaultClockSkew = 5 * time.Minute
	shutdownTimeout  = 30 * time.Second
)

// HTTPOptions configure the HTTP interactions endpoint.
type HTTPOptions struct {
	AppID string // used when an interaction lacks its application ID
	// REST sends the edits that complete deferred replies. nil: a session
	// built with NewRESTSession("", APIURL, nil).
	REST   *discordgo.Session
	APIURL string // REST base when REST is nil; "" for Discord's own
	Logger *slog.Logger
	// RateLimit, RateWindow, MaxOptionLen and DeferAfter are as in Config.
	RateLimit    int
	RateWindow   time.Duration
	MaxOptionLen int
	DeferAfter   time.Duration
	MaxBody      int64         // request body cap in bytes; 0: 64 KiB
	ClockSkew    time.Duration // accepted timestamp age or lead; 0: 5 minutes
}

// ParsePublicKey decodes the application's public key as the developer
// portal shows it (64 hex digits).
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("parse public key: %w", err)
	}
	if len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("parse public key: %d bytes, want %d", len(b), ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(b), nil
}

// HTTPHandler serves Discord's HTTP interactions endpoint (POST
// /interactions), /healthz and /metrics.
type HTTPHandler struct {
	core      *core
	publicKey ed25519.PublicKey
	rest      *discordgo.Session
	appID     string
	maxBody   int64
	skew      time.Duration
	mux       *http.ServeMux
	logger    *slog.Logger

	work sync.WaitGroup // deferred replies still being completed
}

// NewHTTPHandler returns the endpoint for router, verifying requests with
// the application's publicKey.
func NewHTTPHandler(router *commands.Router, publicKey ed25519.PublicKey, opts HTTPOptions) (*HTTPHandler, error) {
	if router == nil {
		return nil, errors.New("new HTTP handler: missing router")
	}
	return newHTTPHandler(router, publicKey, opts)
}

// newHTTPHandler is NewHTTPHandler for any dispatcher.
func newHTTPHandler(router dispatcher, publicKey ed25519.PublicKey, opts HTTPOptions) (*HTTPHandler, error) {
	if len(publicKey) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("new HTTP handler: public key has %d bytes, want %d", len(publicKey), ed25519.PublicKeySize)
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	rest := opts.REST
	if rest == nil {
		var err error
		if rest, err = NewRESTSession("", opts.APIURL, nil); err != nil {
			return nil, fmt.Errorf("new HTTP handler: %w", err)
		}
	}
	h := &HTTPHandler{
		core:      newCore(router, limits{opts.RateLimit, opts.RateWindow, opts.MaxOptionLen, opts.DeferAfter}, logger),
		publicKey: publicKey,
		rest:      rest,
		appID:     opts.AppID,
		maxBody:   opts.MaxBody,
		skew:      opts.ClockSkew,
		logger:    logger,
	}
	if h.maxBody <= 0 {
		h.maxBody = DefaultMaxBody
	}
	if h.skew <= 0 {
		h.skew = DefaultClockSkew
	}
	h.mux = opsMux(h.core.metrics)
	h.mux.HandleFunc("POST /interactions", h.interactions)
	return h, nil
}

// ServeHTTP routes /interactions, /healthz and /metrics.
func (h *HTTPHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// Wait blocks until every deferred reply has been completed or ctx is
// done. Call it after http.Server.Shutdown.
func (h *HTTPHandler) Wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() { h.work.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// interactions verifies and answers one interaction. Discord sends bad
// signatures on purpose and expects 401.
func (h *HTTPHandler) interactions(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > h.maxBody {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	if !h.fresh(r.Header.Get("X-Signature-Timestamp")) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if !discordgo.VerifyInteraction(r, h.publicKey) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}

	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "malformed interaction", http.StatusBadRequest)
		return
	}
	if i.Type == discordgo.InteractionPing {
		h.core.metrics.observe("ping", outcomeOK, 0)
		writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	if i.AppID == "" {
		i.AppID = h.appID
	}

	// The first response goes into the HTTP response; anything after a
	// deferral goes over REST, possibly after this handler has returned.
	first := make(chan *discordgo.InteractionResponse, 1)
	finished := make(chan struct{})
	h.work.Add(1)
	go func() {
		defer h.work.Done()
		defer close(finished)
		h.core.handle(context.WithoutCancel(r.Context()), &i, &httpReplier{first: first, rest: &restReplier{s: h.rest, i: &i}})
	}()
	select {
	case resp := <-first:
		writeJSON(w, resp)
	case <-finished:
		select {
		case resp := <-first:
			writeJSON(w, resp)
		default:
			http.Error(w, "interaction not answered", http.StatusInternalServerError)
		}
	case <-r.Context().Done():
		h.logger.Warn("client went away before the interaction was answered", "interaction", i.ID)
	}
}

// Serve serves the endpoint on addr until ctx is done, then stops taking
// requests, lets those in progress finish and waits for deferred replies
// to be completed (at most shutdownTimeout in all).
func (h *HTTPHandler) Serve(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	h.logger.Info("serving interactions", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", addr, err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down %s: %w", addr, err)
	}
	if err := h.Wait(sctx); err != nil {
		return fmt.Errorf("wait for deferred replies: %w", err)
	}
	return nil
}

// fresh reports whether a signature timestamp (Unix seconds) lies within
// the accepted skew of now, which stops replays of old signed requests.
func (h *HTTPHandler) fresh(ts string) bool {
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	d := time.Since(time.Unix(sec, 0))
	return d <= h.skew && d >= -h.skew
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "cannot encode response", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

// httpReplier puts the first response in the HTTP response and sends the
// rest over REST.
type httpReplier struct {
	first chan<- *discordgo.InteractionResponse
	rest  *restReplier
	sent  bool
}

func (r *httpReplier) respond(_ context.Context, resp *discordgo.InteractionResponse) error {
	if r.sent {
		return errors.New("interaction already answered")
	}
	r.sent = true
	r.first <- resp
	return nil
}

func (r *httpReplier) edit(ctx context.Context, e *discordgo.WebhookEdit) error {
	return r.rest.edit(ctx, e)
}

func (r *httpReplier) followup(ctx context.Context, p *discordgo.WebhookParams) error {
	return r.rest.followup(ctx, p)
}
