package briefing

import (
	"context"
	"strings"
	"testing"
	"time"

	"factdesk/bot"
	"factdesk/internal/fakediscord"
	"factdesk/news"
)

// TestEndToEndWithFakeDiscord runs the scheduler's Run loop with the real
// discordgo client (through bot's channel sender) against the loopback fake
// Discord: a configured server receives its briefing at its local time,
// once, even across a restart; a server whose channel is gone is disabled
// without stopping the other.
func TestEndToEndWithFakeDiscord(t *testing.T) {
	fake := fakediscord.New()
	defer fake.Close()
	session, err := bot.NewRESTSession("test-token", fake.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	sender := bot.NewChannelSender(session)

	h := newHarness(t, seoul(t, 13, 7, 0))
	const good, gone = "300000000000000001", "300000000000000002"
	h.set("g1", good, "08:00", "Asia/Seoul")
	h.set("g2", gone, "08:00", "Asia/Seoul")
	fake.FailChannel(gone, 404, 10003)
	saveArticle(t, h.st, 1, "Harbour reopens", "The harbour reopened after repairs, @everyone <@123> cheered.", "")
	backdate(t, h.st, seoul(t, 13, 6, 0))

	posts := func(channel string) []fakediscord.Request {
		var out []fakediscord.Request
		for _, r := range fake.Requests() {
			if r.Method == "POST" && strings.HasSuffix(r.Path, "/channels/"+channel+"/messages") {
				out = append(out, r)
			}
		}
		return out
	}
	run := func() (stop func()) {
		s := NewScheduler(h.st, sender, bot.Permanent)
		s.Clock, s.Logger, s.Tick = h.clock, h.scheduler().Logger, time.Hour
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { s.Run(ctx); close(done) }()
		<-h.clock.waiting // the first check is done and Run sleeps
		return func() { cancel(); <-done }
	}

	stop := run()
	if n := len(posts(good)); n != 0 {
		t.Fatalf("messages before 08:00 = %d, want 0", n)
	}
	h.clock.Set(seoul(t, 13, 8, 0))
	<-h.clock.waiting
	stop()
	got := posts(good)
	if len(got) != 1 {
		t.Fatalf("messages after 08:00 = %d, want 1", len(got))
	}
	var msg struct {
		Embeds []struct {
			Title       string `json:"title"`
			Description string `json:"description"`
		} `json:"embeds"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
	}
	if err := got[0].Decode(&msg); err != nil {
		t.Fatal(err)
	}
	if len(msg.Embeds) < 2 || !strings.HasPrefix(msg.Embeds[0].Title, "Daily briefing — Mon, Jan 13, 2025") ||
		!strings.Contains(msg.Embeds[1].Description, "Harbour reopens 1") {
		t.Errorf("briefing payload = %+v, want the header and the new article", msg.Embeds)
	}
	if msg.AllowedMentions == nil || len(msg.AllowedMentions.Parse) != 0 {
		t.Errorf("allowed_mentions = %+v, want nothing allowed", msg.AllowedMentions)
	}
	b, _ := h.st.BriefingSettings(context.Background(), "g2")
	if b.Enabled || !strings.Contains(b.DisabledReason, "Unknown Channel") {
		t.Errorf("g2 = %+v, want disabled because its channel is gone", b)
	}

	// A restart later that morning sends nothing again.
	h.clock.Set(seoul(t, 13, 9, 30))
	h.restart()
	stop = run()
	stop()
	if n := len(posts(good)); n != 1 {
		t.Errorf("messages after a restart = %d, want still 1", n)
	}
	if d := h.delivery("g1", "2025-01-13"); d.State != news.DeliverySent {
		t.Errorf("delivery = %+v, want sent", d)
	}
}
