package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"factdesk/news"
)

func TestFeeds(t *testing.T) {
	ctx := context.Background()
	s, _ := openBriefingStore(t)
	at := time.Date(2025, 1, 13, 7, 0, 0, 0, time.UTC)
	f, created, err := s.AddFeed(ctx, news.FeedSource{URL: "https://a.example/feed", Title: "A", GuildID: "g1", Added: at, NextPoll: at})
	if err != nil || !created || f.ID == 0 || f.Title != "A" {
		t.Fatalf("AddFeed = %+v, %v, %v, want a new feed", f, created, err)
	}
	if again, created, err := s.AddFeed(ctx, news.FeedSource{URL: "https://a.example/feed", Title: "other", Added: at}); err != nil || created || again.ID != f.ID || again.Title != "A" {
		t.Errorf("AddFeed(same URL) = %+v, %v, %v, want the existing feed", again, created, err)
	}
	g, _, err := s.AddFeed(ctx, news.FeedSource{URL: "https://b.example/feed", Added: at, NextPoll: at.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	due, err := s.DueFeeds(ctx, at.Add(time.Minute))
	if err != nil || len(due) != 1 || due[0].ID != f.ID {
		t.Errorf("DueFeeds = %+v, %v, want feed A only", due, err)
	}

	f.ETag, f.LastModified, f.Primed, f.Failures, f.LastError = `"v1"`, "Mon, 13 Jan 2025 07:00:00 GMT", true, 2, "HTTP 500"
	f.LastPolled, f.NextPoll = at, at.Add(4*time.Minute)
	if err := s.SaveFeedState(ctx, f); err != nil {
		t.Fatal(err)
	}
	got, err := s.Feed(ctx, f.ID)
	if err != nil || got.ETag != `"v1"` || !got.Primed || got.Failures != 2 || got.LastError != "HTTP 500" || !got.NextPoll.Equal(at.Add(4*time.Minute)) || !got.Failing() {
		t.Errorf("Feed after SaveFeedState = %+v, %v, want the saved state", got, err)
	}

	known := func(feed int64, guid, url string) bool {
		t.Helper()
		ok, err := s.FeedItemKnown(ctx, feed, guid, url)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if known(f.ID, "g1", "https://a.example/1") {
		t.Errorf("FeedItemKnown before recording = true, want false")
	}
	if err := s.RecordFeedItem(ctx, news.FeedItem{FeedID: f.ID, GUID: "g1", URL: "https://a.example/1", ContentHash: "h1"}, true, at); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		feed      int64
		guid, url string
		want      bool
	}{
		{f.ID, "changed-guid", "https://a.example/1", true}, // same URL, new GUID
		{g.ID, "x", "https://a.example/1", true},            // same URL from another feed
		{f.ID, "g1", "https://a.example/moved", true},       // same GUID in the same feed
		{g.ID, "g1", "https://a.example/2", false},          // a GUID is only unique within its feed
		{f.ID, "", "", false},
	} {
		if got := known(c.feed, c.guid, c.url); got != c.want {
			t.Errorf("FeedItemKnown(%d, %q, %q) = %v, want %v", c.feed, c.guid, c.url, got, c.want)
		}
	}
	if ok, err := s.ContentKnown(ctx, "h1"); err != nil || !ok {
		t.Errorf("ContentKnown(h1) = %v, %v, want true", ok, err)
	}
	if ok, _ := s.ContentKnown(ctx, "h2"); ok {
		t.Errorf("ContentKnown(h2) = true, want false")
	}
	if err := s.RemoveFeed(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Feed(ctx, f.ID); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Feed(removed) error = %v, want ErrNotFound", err)
	}
	if known(g.ID, "x", "https://a.example/1") {
		t.Errorf("FeedItemKnown after removing the feed = true, want its items gone")
	}
	if err := s.RemoveFeed(ctx, f.ID); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("RemoveFeed(removed) error = %v, want ErrNotFound", err)
	}
}
