package bot

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// DefaultAPIURL is Discord's own base URL; discordgo's endpoints all start
// with it.
const DefaultAPIURL = "https://discord.com"

// rebase is an http.RoundTripper that sends requests for Discord's base URL
// to another base (a REST proxy, or a fake Discord in tests). discordgo
// computes every endpoint at package load from EndpointDiscord, so the
// client is the only place to redirect them.
type rebase struct {
	from, to *url.URL
	next     http.RoundTripper
}

// RoundTrip rewrites the scheme, host and path prefix of requests under
// the default base and passes everything else through unchanged.
func (t *rebase) RoundTrip(req *http.Request) (*http.Response, error) {
	u := req.URL
	if u.Scheme != t.from.Scheme || u.Host != t.from.Host || !strings.HasPrefix(u.Path, t.from.Path) {
		return t.next.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	nu := *u
	nu.Scheme = t.to.Scheme
	nu.Host = t.to.Host
	nu.Path = t.to.Path + strings.TrimPrefix(u.Path, t.from.Path)
	if u.RawPath != "" {
		nu.RawPath = t.to.Path + strings.TrimPrefix(u.RawPath, t.from.Path)
	}
	r.URL = &nu
	r.Host = ""
	return t.next.RoundTrip(r)
}

// client returns an *http.Client whose requests for Discord's base go to
// apiURL instead, on top of base (nil: a client with a 20 s timeout).
func client(apiURL string, base *http.Client) (*http.Client, error) {
	c := &http.Client{Timeout: 20 * time.Second}
	if base != nil {
		cc := *base
		c = &cc
	}
	if apiURL == "" || strings.TrimRight(apiURL, "/") == DefaultAPIURL {
		return c, nil
	}
	to, err := url.Parse(strings.TrimRight(apiURL, "/") + "/")
	if err != nil {
		return nil, fmt.Errorf("parse API URL: %w", err)
	}
	if (to.Scheme != "http" && to.Scheme != "https") || to.Host == "" {
		return nil, fmt.Errorf("parse API URL %q: want http(s)://host[/path]", apiURL)
	}
	from, err := url.Parse(discordgo.EndpointDiscord)
	if err != nil {
		return nil, fmt.Errorf("parse discordgo endpoint: %w", err)
	}
	next := c.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	c.Transport = &rebase{from: from, to: to, next: next}
	return c, nil
}

// NewRESTSession returns a discordgo session for REST calls only (no
// gateway), with requests going to apiURL ("" for Discord's own). token
// may be empty: editing an interaction's reply needs only the interaction
// token. httpClient may be nil.
func NewRESTSession(token, apiURL string, httpClient *http.Client) (*discordgo.Session, error) {
	s, err := discordgo.New(botToken(token))
	if err != nil {
		return nil, fmt.Errorf("new discord session: %w", err)
	}
	if s.Client, err = client(apiURL, httpClient); err != nil {
		return nil, err
	}
	return s, nil
}

// botToken adds the "Bot " prefix Discord expects on bot tokens.
func botToken(token string) string {
	if token == "" || strings.HasPrefix(token, "Bot ") || strings.HasPrefix(token, "Bearer ") {
		return token
	}
	return "Bot " + token
}
