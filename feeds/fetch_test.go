package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"factdesk/news"
)

func TestFetchRefusesLoopbackWhenPrivateIsOff(t *testing.T) {
	var hits int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	f := NewFetcher(false)
	// By IP literal (refused before dialing) and by name (refused after
	// DNS resolution, in the dialer).
	for _, u := range []string{srv.URL + "/", "http://localhost" + port + "/"} {
		_, _, _, err := f.Fetch(context.Background(), u)
		var se *news.SourceError
		if !errors.Is(err, ErrRefused) || !errors.As(err, &se) {
			t.Errorf("Fetch(%q) error = %v, want ErrRefused as a SourceError", u, err)
		}
	}
	if hits != 0 {
		t.Errorf("server hits = %d, want 0", hits)
	}
	// With private fetching allowed the same server answers.
	if _, _, _, err := NewFetcher(true).Fetch(context.Background(), srv.URL+"/"); err != nil {
		t.Errorf("Fetch(AllowPrivate) error = %v, want nil", err)
	}
}

func TestFetchRefusesRedirectToPrivateAddress(t *testing.T) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	// None of these targets is ever contacted: the redirect check refuses
	// IP literals, and the dialer refuses names once resolved.
	targets := map[string]string{
		"/to-private":    "http://10.0.0.1/admin",
		"/to-metadata":   "http://169.254.169.254/latest/meta-data/",
		"/to-loopback":   "http://127.0.0.2" + port + "/",
		"/to-ipv6":       "http://[::1]" + port + "/",
		"/to-mapped":     "http://[::ffff:127.0.0.1]" + port + "/",
		"/to-name":       "http://localhost" + port + "/ok",
		"/to-file":       "file:///etc/passwd",
		"/to-zero":       "http://0.0.0.0" + port + "/",
		"/to-cgnat":      "http://100.64.0.1/",
		"/to-unique-ula": "http://[fd00::1]/",
	}
	for path, to := range targets {
		mux.Handle(path, http.RedirectHandler(to, http.StatusFound))
	}
	okHits := 0
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { okHits++; fmt.Fprint(w, "fine") })
	f := loopback() // 127.0.0.1 only
	if _, _, _, err := f.Fetch(context.Background(), srv.URL+"/ok"); err != nil {
		t.Fatalf("Fetch(allowed) error = %v", err)
	}
	for path, to := range targets {
		if path == "/to-name" {
			// localhost may resolve to ::1 first; what matters is that only
			// the allowed 127.0.0.1 can be reached.
			continue
		}
		_, _, _, err := f.Fetch(context.Background(), srv.URL+path)
		if err == nil {
			t.Errorf("Fetch(redirect to %s) error = nil, want a refusal", to)
		}
	}
	if okHits != 1 {
		t.Errorf("allowed endpoint hits = %d, want 1", okHits)
	}
}

func TestFetchLimits(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, strings.Repeat("x", 2048))
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/sniffed", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no type: sniffed from the body
		fmt.Fprint(w, "<html><body>hello</body></html>")
	})
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	mux.HandleFunc("/ua", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, r.Header.Get("User-Agent")) })
	hops := 0
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		hops++
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := loopback()
	f.MaxBytes = 1024
	f.MaxRedirects = 3
	ctx := context.Background()

	if _, _, _, err := f.Fetch(ctx, srv.URL+"/big"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Fetch(/big) error = %v, want ErrTooLarge", err)
	}
	if _, _, _, err := f.Fetch(ctx, srv.URL+"/image"); !errors.Is(err, ErrContentType) {
		t.Errorf("Fetch(/image) error = %v, want ErrContentType", err)
	}
	if _, ct, _, err := f.Fetch(ctx, srv.URL+"/sniffed"); err != nil || !strings.HasPrefix(ct, "text/html") {
		t.Errorf("Fetch(/sniffed) = %q, %v, want text/html", ct, err)
	}
	var se *StatusError
	if _, _, _, err := f.Fetch(ctx, srv.URL+"/status"); !errors.As(err, &se) || se.Code != http.StatusGone {
		t.Errorf("Fetch(/status) error = %v, want HTTP 410", err)
	}
	if body, _, final, err := f.Fetch(ctx, srv.URL+"/ua"); err != nil || string(body) != UserAgent || final != srv.URL+"/ua" {
		t.Errorf("Fetch(/ua) = %q, %q, %v, want the User-Agent %q", body, final, err, UserAgent)
	}
	if _, _, _, err := f.Fetch(ctx, srv.URL+"/loop"); err == nil || hops != 4 {
		t.Errorf("Fetch(/loop) = %v after %d requests, want an error after 4", err, hops)
	}
}

func TestConditionalGet(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Mon, 13 Jan 2025 07:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 13 Jan 2025 07:00:00 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	f := loopback()
	ctx := context.Background()
	first, err := f.Get(ctx, srv.URL, "", "")
	if err != nil || first.NotModified || first.ETag != `"v1"` || first.LastModified == "" {
		t.Fatalf("Get(first) = %+v, %v, want a full answer with validators", first, err)
	}
	for _, c := range [][2]string{{first.ETag, ""}, {"", first.LastModified}} {
		got, err := f.Get(ctx, srv.URL, c[0], c[1])
		if err != nil || !got.NotModified || len(got.Body) != 0 {
			t.Errorf("Get(%q, %q) = %+v, %v, want not modified", c[0], c[1], got, err)
		}
	}
}

func TestPublic(t *testing.T) {
	for _, c := range []struct {
		addr string
		want bool
	}{
		{"93.184.216.34", true}, {"2606:2800:220:1:248:1893:25c8:1946", true},
		{"127.0.0.1", false}, {"10.1.2.3", false}, {"172.16.0.1", false}, {"192.168.1.1", false},
		{"169.254.169.254", false}, {"0.0.0.0", false}, {"100.64.0.1", false}, {"224.0.0.1", false},
		{"::1", false}, {"fe80::1", false}, {"fd00::1", false}, {"::", false}, {"255.255.255.255", false},
	} {
		f := NewFetcher(false)
		err := f.checkAddr(mustAddr(t, c.addr))
		if got := err == nil; got != c.want {
			t.Errorf("checkAddr(%s) allowed = %v, want %v", c.addr, got, c.want)
		}
	}
}
