package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"factdesk/news"
)

// openBriefingStore opens a fresh store whose clock the test sets.
func openBriefingStore(tb testing.TB) (*Store, *time.Time) {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), "briefing.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	now := time.Date(2025, 1, 13, 6, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return now }
	return s, &now
}

// briefArticle builds a small article: a headline, two body sentences
// (the summary), one person with a role and one event.
func briefArticle(n int, person, role, event, date, place string) (news.Document, news.Extraction) {
	texts := []string{
		fmt.Sprintf("Story %d", n),
		fmt.Sprintf("%s, the %s, spoke on day %d.", person, role, n),
		fmt.Sprintf("The %s is set for %s in %s.", event, date, place),
	}
	var b strings.Builder
	var sents []news.Sentence
	for i, t := range texts {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(t)
		kind := news.KindBody
		if i == 0 {
			kind = news.KindHeadline
		}
		sents = append(sents, news.Sentence{Text: t, Start: start, End: b.Len(), Kind: kind})
	}
	doc := news.Document{Path: fmt.Sprintf("s%d.txt", n), Title: texts[0], URL: fmt.Sprintf("https://news.example/s/%d", n),
		Source: "Example Wire", Published: "2025-01-13", Text: b.String()}
	ex := news.Extraction{
		Sentences: sents,
		People: []news.Person{{Name: person, Roles: []string{role}, Mentions: []int{1},
			Facts: []news.PersonFact{{Kind: news.FactRole, Value: role, Sentence: 1}}}},
		Events:  []news.Event{{Name: event, Text: event, Date: date, Place: place, Sentence: 2, Status: news.StatusScheduled}},
		Summary: []int{1, 2},
	}
	return doc, ex
}

func TestBriefingData(t *testing.T) {
	ctx := context.Background()
	s, now := openBriefingStore(t)
	save := func(n int, at time.Time, person, role, event, date, place string) news.IngestResult {
		t.Helper()
		*now = at
		doc, ex := briefArticle(n, person, role, event, date, place)
		res, err := s.SaveArticle(ctx, doc, ex)
		if err != nil {
			t.Fatalf("SaveArticle(%d): %v", n, err)
		}
		return res
	}
	day := time.Date(2025, 1, 13, 0, 0, 0, 0, time.UTC)
	save(1, day.Add(-48*time.Hour), "Ada Old", "minister", "Old summit", "2025-01-11", "Paris")
	a2 := save(2, day.Add(2*time.Hour), "Ben New", "mayor", "Parade", "2025-01-20", "Lyon")
	a3 := save(3, day.Add(3*time.Hour), "Ben New", "mayor", "parade", "2025-01-20", "Lyon")
	save(4, day.Add(4*time.Hour), "Cy Month", "judge", "Hearing", "2025-01", "Nice")
	quiet := save(5, day.Add(5*time.Hour), "Di Quiet", "clerk", "Fair", "2025-02-20", "Metz")
	if err := s.RecordFeedItem(ctx, news.FeedItem{FeedID: mustFeed(t, s), GUID: "g5", URL: "https://news.example/s/5", ContentHash: "h5", ArticleID: quiet.Article.ID}, false, day); err != nil {
		t.Fatalf("RecordFeedItem: %v", err)
	}

	got, err := s.BriefingData(ctx, news.BriefingQuery{
		Since: day, Until: day.Add(24 * time.Hour),
		UpcomingFrom: "2025-01-13", UpcomingTo: "2025-01-20",
		HappenedFrom: "2025-01-10", HappenedTo: "2025-01-13",
		MaxArticles: 2, MaxPeople: 10, MaxEvents: 50,
	})
	if err != nil {
		t.Fatalf("BriefingData: %v", err)
	}
	// Articles 2, 3 and 4 are in the window; 5 is unannounced; 1 is older.
	if got.TotalArticles != 3 || len(got.Articles) != 2 {
		t.Fatalf("BriefingData articles = %d of %d, want 2 of 3", len(got.Articles), got.TotalArticles)
	}
	if got.Articles[0].Article.Title != "Story 4" || got.Articles[1].Article.ID != a3.Article.ID {
		t.Errorf("BriefingData articles = %q, %q, want newest first (Story 4, Story 3)", got.Articles[0].Article.Title, got.Articles[1].Article.Title)
	}
	if len(got.Articles[1].Summary) != 2 || !strings.HasPrefix(got.Articles[1].Summary[0], "Ben New, the mayor") {
		t.Errorf("BriefingData summary = %q, want the two summary sentences", got.Articles[1].Summary)
	}
	var names []string
	for _, p := range got.People {
		names = append(names, p.Name+"/"+strings.Join(p.Roles, ","))
	}
	if strings.Join(names, ";") != "Ben New/mayor;Cy Month/judge" {
		t.Errorf("BriefingData people = %q, want Ben New/mayor;Cy Month/judge", names)
	}
	var upcoming []string
	for _, e := range got.Upcoming {
		upcoming = append(upcoming, fmt.Sprintf("%s %s #%d", e.Name, e.Date, e.Source.Article.ID))
	}
	want := fmt.Sprintf("Parade 2025-01-20 #%d;parade 2025-01-20 #%d", a2.Article.ID, a3.Article.ID)
	if strings.Join(upcoming, ";") != want {
		t.Errorf("BriefingData upcoming = %q, want %q (no month-only dates, no later dates)", upcoming, want)
	}
	if len(got.Happened) != 1 || got.Happened[0].Name != "Old summit" || got.Happened[0].Place != "Paris" {
		t.Errorf("BriefingData happened = %+v, want the Old summit in Paris", got.Happened)
	}
	if got.Upcoming[0].Source.Sentence == "" {
		t.Errorf("BriefingData upcoming source sentence is empty, want the event's sentence")
	}
}

func mustFeed(t *testing.T, s *Store) int64 {
	t.Helper()
	f, _, err := s.AddFeed(context.Background(), news.FeedSource{URL: "https://news.example/feed", Added: time.Now()})
	if err != nil {
		t.Fatalf("AddFeed: %v", err)
	}
	return f.ID
}

// TestBriefingQueriesUseIndexes checks that the window queries are range
// scans, not table scans, so composing stays fast with many articles.
func TestBriefingQueriesUseIndexes(t *testing.T) {
	s, _ := openBriefingStore(t)
	for query, index := range map[string]string{
		`SELECT id FROM articles a WHERE a.ingested >= '2025' AND a.ingested < '2026'`:                        "articles_ingested",
		`SELECT id FROM events e WHERE e.date >= '2025-01-01' AND e.date < '2025-01-08'`:                      "events_date",
		`SELECT 1 FROM briefing_deliveries WHERE guild_id = 'g' AND state = 'sent' ORDER BY due DESC LIMIT 1`: "briefing_deliveries_sent",
	} {
		rows, err := s.db.Query("EXPLAIN QUERY PLAN " + query)
		if err != nil {
			t.Fatalf("explain %s: %v", query, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if p := strings.Join(plan, " | "); !strings.Contains(p, index) {
			t.Errorf("plan(%s) = %q, want it to use %s", query, p, index)
		}
	}
}

func TestBriefingSettingsAndDeliveries(t *testing.T) {
	ctx := context.Background()
	s, _ := openBriefingStore(t)
	if _, err := s.BriefingSettings(ctx, "g1"); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("BriefingSettings(unknown) error = %v, want ErrNotFound", err)
	}
	at := time.Date(2025, 1, 13, 7, 0, 0, 0, time.UTC)
	set := news.BriefingSettings{GuildID: "g1", ChannelID: "c1", LocalTime: "08:00", TimeZone: "Asia/Seoul", Quiet: news.QuietSilent, Enabled: true, Updated: at}
	if err := s.SaveBriefingSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBriefingSettings(ctx, news.BriefingSettings{GuildID: "g2", ChannelID: "c2", LocalTime: "09:00", TimeZone: "UTC", Enabled: true, Updated: at}); err != nil {
		t.Fatal(err)
	}
	got, err := s.BriefingSettings(ctx, "g1")
	if err != nil || got != set {
		t.Errorf("BriefingSettings(g1) = %+v, %v, want %+v", got, err, set)
	}
	if err := s.DisableBriefing(ctx, "g2", "channel deleted", at); err != nil {
		t.Fatal(err)
	}
	on, err := s.EnabledBriefings(ctx)
	if err != nil || len(on) != 1 || on[0].GuildID != "g1" {
		t.Errorf("EnabledBriefings = %+v, %v, want g1 only", on, err)
	}
	if g2, _ := s.BriefingSettings(ctx, "g2"); g2.Enabled || g2.DisabledReason != "channel deleted" {
		t.Errorf("BriefingSettings(g2) = %+v, want disabled with its reason", g2)
	}

	d := news.Delivery{GuildID: "g1", LocalDate: "2025-01-13", Due: at, State: news.DeliveryPending, Updated: at}
	first, err := s.ClaimDelivery(ctx, d)
	if err != nil || first.State != news.DeliveryPending {
		t.Fatalf("ClaimDelivery = %+v, %v, want pending", first, err)
	}
	first.State, first.Parts = news.DeliverySent, 2
	if err := s.UpdateDelivery(ctx, first); err != nil {
		t.Fatal(err)
	}
	// A second claim for the same server and date finds the sent row.
	again, err := s.ClaimDelivery(ctx, d)
	if err != nil || again.State != news.DeliverySent || again.Parts != 2 {
		t.Errorf("ClaimDelivery(again) = %+v, %v, want the existing sent row", again, err)
	}
	last, err := s.LastSentDelivery(ctx, "g1")
	if err != nil || !last.Due.Equal(at) {
		t.Errorf("LastSentDelivery = %+v, %v, want due %v", last, err, at)
	}
	if _, err := s.LastSentDelivery(ctx, "g2"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("LastSentDelivery(g2) error = %v, want ErrNotFound", err)
	}
}
