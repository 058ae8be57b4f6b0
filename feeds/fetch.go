// Package feeds reads RSS and Atom feeds: it polls them with conditional
// GET, fetches each new item's page safely, reduces it to its main text and
// hands it to a Saver, deduplicating by canonical URL and content hash.
package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"factdesk/news"
)

// UserAgent is sent with every request.
const UserAgent = "factdesk/0.1 (+news bot)"

// Fetcher defaults.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 5 << 20
	DefaultMaxRedirects = 5
)

// ErrRefused is returned for an address the fetcher will not contact.
var ErrRefused = errors.New("address refused")

// ErrTooLarge is returned when a response exceeds the size cap.
var ErrTooLarge = errors.New("response too large")

// ErrContentType is returned for a response that is not text, HTML or a
// feed.
var ErrContentType = errors.New("unsupported content type")

// StatusError is a non-success HTTP status.
type StatusError struct {
	URL  string
	Code int
}

// Error says which URL answered which status.
func (e *StatusError) Error() string {
	return fmt.Sprintf("GET %s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// Fetcher fetches pages and feeds over HTTP(S) with a timeout, a size cap,
// a redirect limit, a content-type check and a clear User-Agent. Unless
// AllowPrivate is set it refuses private, loopback, link-local and other
// non-public addresses, checked after DNS resolution on every connection
// (so every redirect too). Configure it before first use.
type Fetcher struct {
	AllowPrivate bool
	Timeout      time.Duration
	MaxBytes     int64
	MaxRedirects int

	// allow, when set, admits exactly these addresses even when
	// AllowPrivate is off: tests use it to reach one loopback server while
	// everything else non-public stays refused.
	allow []netip.Addr

	once   sync.Once
	client *http.Client
}

// NewFetcher returns a Fetcher with the default limits.
func NewFetcher(allowPrivate bool) *Fetcher {
	return &Fetcher{AllowPrivate: allowPrivate}
}

// Response is one fetched resource.
type Response struct {
	Body         []byte
	ContentType  string
	FinalURL     string
	ETag         string
	LastModified string
	NotModified  bool // 304: Body is empty
}

// Fetch GETs url and returns its body, content type and the URL it was
// finally served from after redirects.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (body []byte, contentType, finalURL string, err error) {
	r, err := f.Get(ctx, rawURL, "", "")
	if err != nil {
		return nil, "", "", err
	}
	return r.Body, r.ContentType, r.FinalURL, nil
}

// Get GETs url, conditionally when etag or lastModified is set: a 304
// comes back as NotModified with no error.
func (f *Fetcher) Get(ctx context.Context, rawURL, etag, lastModified string) (Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Response{}, &news.SourceError{Msg: fmt.Sprintf("%q is not an http(s) URL.", rawURL), Err: err}
	}
	if err := f.checkLiteral(u); err != nil {
		return Response{}, &news.SourceError{Msg: fmt.Sprintf("%s points to a private or local address, which factdesk does not fetch.", rawURL), Err: err}
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Response{}, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/*;q=0.8")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := f.httpClient().Do(req)
	if err != nil {
		if errors.Is(err, ErrRefused) {
			return Response{}, &news.SourceError{Msg: fmt.Sprintf("%s points to a private or local address, which factdesk does not fetch.", rawURL), Err: err}
		}
		return Response{}, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	out := Response{
		FinalURL:     resp.Request.URL.String(),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Response{}, &StatusError{URL: out.FinalURL, Code: resp.StatusCode}
	}
	max := f.maxBytes()
	if resp.ContentLength > max {
		return Response{}, fmt.Errorf("fetch %s: %w: %d bytes, limit %d", rawURL, ErrTooLarge, resp.ContentLength, max)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return Response{}, fmt.Errorf("read %s: %w", rawURL, err)
	}
	if int64(len(body)) > max {
		return Response{}, fmt.Errorf("fetch %s: %w: over %d bytes", rawURL, ErrTooLarge, max)
	}
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = http.DetectContentType(body)
	}
	if !acceptable(ct) {
		return Response{}, &news.SourceError{Msg: fmt.Sprintf("%s is %s, not a web page, text or a feed.", rawURL, mediaType(ct)), Err: ErrContentType}
	}
	out.Body, out.ContentType = body, ct
	return out, nil
}

func (f *Fetcher) timeout() time.Duration {
	if f.Timeout > 0 {
		return f.Timeout
	}
	return DefaultTimeout
}

func (f *Fetcher) maxBytes() int64 {
	if f.MaxBytes > 0 {
		return f.MaxBytes
	}
	return DefaultMaxBytes
}

func (f *Fetcher) maxRedirects() int {
	if f.MaxRedirects > 0 {
		return f.MaxRedirects
	}
	return DefaultMaxRedirects
}

// httpClient builds the client once. Its dialer checks each resolved
// address just before connecting, which covers DNS names, redirects and
// DNS answers that change between look-ups.
func (f *Fetcher) httpClient() *http.Client {
	f.once.Do(f.build)
	return f.client
}

func (f *Fetcher) build() {
	dialer := &net.Dialer{
		Timeout:   10 * time.Second,
		KeepAlive: 30 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: cannot parse %q", ErrRefused, address)
			}
			return f.checkAddr(ap.Addr())
		},
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would hide the real destination from the address check
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 15 * time.Second,
	}
	f.client = &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > f.maxRedirects() {
				return fmt.Errorf("stopped after %d redirects", f.maxRedirects())
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL.Scheme, ErrRefused)
			}
			return f.checkLiteral(req.URL)
		},
	}
}

// checkLiteral refuses a URL whose host is a non-public IP literal before
// any connection is tried; names are checked by the dialer once resolved.
func (f *Fetcher) checkLiteral(u *url.URL) error {
	host := strings.TrimSuffix(strings.TrimPrefix(u.Hostname(), "["), "]")
	if a, err := netip.ParseAddr(host); err == nil {
		return f.checkAddr(a)
	}
	return nil
}

func (f *Fetcher) checkAddr(a netip.Addr) error {
	a = a.Unmap()
	if f.AllowPrivate || public(a) {
		return nil
	}
	for _, ok := range f.allow {
		if ok == a {
			return nil
		}
	}
	return fmt.Errorf("%s: %w", a, ErrRefused)
}

// nonPublic are ranges that are neither private nor loopback by the
// standard library's tests but still must not be fetched.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("fec0::/10"),       // deprecated site-local
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("192.88.99.0/24"),  // 6to4 relay
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
}

// public reports whether a is a global unicast address outside the
// private, loopback, link-local and reserved ranges.
func public(a netip.Addr) bool {
	if !a.IsValid() || a.IsUnspecified() || a.IsLoopback() || a.IsPrivate() ||
		a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() ||
		a.IsMulticast() || !a.IsGlobalUnicast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// acceptable reports whether a content type is one factdesk reads: HTML,
// plain text or Markdown, XML feeds and JSON feeds.
func acceptable(ct string) bool {
	mt := mediaType(ct)
	switch {
	case strings.HasPrefix(mt, "text/"):
		return true
	case mt == "application/xhtml+xml", mt == "application/xml",
		mt == "application/rss+xml", mt == "application/atom+xml",
		mt == "application/rdf+xml", mt == "application/feed+json",
		mt == "application/json":
		return true
	}
	return false
}

func mediaType(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	}
	return mt
}
