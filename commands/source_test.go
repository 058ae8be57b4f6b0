package commands_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"factdesk/commands"
	"factdesk/news"
)

func TestSourceCommand(t *testing.T) {
	e := newAdminEnv(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<rss version="2.0"><channel><title>Town News</title></channel></rss>`)
		case "/broken.xml":
			http.Error(w, "down", http.StatusServiceUnavailable)
		case "/page":
			fmt.Fprint(w, "<html><body><p>not a feed</p></body></html>")
		}
	}))
	defer srv.Close()

	if r := e.run(t, "source", "list", nil, false); !r.Ephemeral || !strings.Contains(r.Content, "Manage Server") {
		t.Errorf("/source list without Manage Server = %+v, want a refusal", r)
	}
	if r := e.run(t, "source", "add", map[string]string{"url": srv.URL + "/page"}, true); !r.Ephemeral || !strings.Contains(r.Content, "not an RSS or Atom feed") {
		t.Errorf("/source add (a page) = %q, want an ephemeral explanation", r.Content)
	}
	if r := e.run(t, "source", "add", map[string]string{"url": srv.URL + "/feed.xml"}, true); !strings.Contains(r.Content, "Now reading **Town News**") {
		t.Errorf("/source add = %q, want Now reading Town News", r.Content)
	}
	if r := e.run(t, "source", "add", map[string]string{"url": srv.URL + "/feed.xml#x"}, true); !strings.Contains(r.Content, "already read") {
		t.Errorf("/source add (again) = %q, want already read", r.Content)
	}
	// A feed that breaks after it was added shows as failing.
	f, _, err := e.store.AddFeed(context.Background(), news.FeedSource{URL: srv.URL + "/broken.xml", Title: "Broken", GuildID: "g1", Added: e.now})
	if err != nil {
		t.Fatal(err)
	}
	e.poller.Now = func() time.Time { return e.now }
	e.poller.Poll(context.Background(), f)
	got := respText(e.run(t, "source", "list", nil, true))
	for _, want := range []string{"Feeds (2)", "**Town News**", "**Broken**", "failing (1 in a row): GET " + srv.URL + "/broken.xml: HTTP 503", "1 failing"} {
		if !strings.Contains(got, want) {
			t.Errorf("/source list = %q, want it to contain %q", got, want)
		}
	}

	choices, err := e.router.Complete(context.Background(), commands.Request{Command: "source", Sub: "remove", Focused: "feed", Options: map[string]string{"feed": "town"}, GuildID: "g1", CanManage: true})
	if err != nil || len(choices) != 1 || !strings.HasPrefix(choices[0].Name, "Town News") {
		t.Fatalf("Complete(feed town) = %+v, %v, want Town News", choices, err)
	}
	if r := e.run(t, "source", "remove", map[string]string{"feed": choices[0].Value}, true); !strings.Contains(r.Content, "Stopped reading **Town News**") {
		t.Errorf("/source remove = %q, want Stopped reading Town News", r.Content)
	}
	if r := e.run(t, "source", "remove", map[string]string{"feed": "nothing-like-it"}, true); !r.Ephemeral || !strings.Contains(r.Content, "No feed matches") {
		t.Errorf("/source remove (unknown) = %q, want No feed matches", r.Content)
	}
	// Another server cannot remove this server's feed.
	resp, err := e.router.Run(context.Background(), commands.Request{Command: "source", Sub: "remove", Options: map[string]string{"feed": fmt.Sprint(f.ID)}, GuildID: "g2", CanManage: true})
	if err != nil || !resp.Ephemeral || !strings.Contains(resp.Content, "another server") {
		t.Errorf("/source remove from another server = %+v, %v, want a refusal", resp, err)
	}
}
