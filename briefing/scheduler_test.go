package briefing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"factdesk/commands"
	"factdesk/news"
	"factdesk/store"
)

// The compile-time checks live here, where every side is known.
var (
	_ Store              = (*store.Store)(nil)
	_ commands.Briefings = (*Service)(nil)
)

// fakeClock is a clock the test moves by hand. After's channels fire when
// the clock is moved past their deadline; waiting tells the test that the
// scheduler went to sleep.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	timers  []fakeTimer
	waiting chan time.Duration
}

type fakeTimer struct {
	at time.Time
	ch chan time.Time
}

func newFakeClock(t time.Time) *fakeClock {
	return &fakeClock{now: t, waiting: make(chan time.Duration, 100)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	ch := make(chan time.Time, 1)
	c.timers = append(c.timers, fakeTimer{at: c.now.Add(d), ch: ch})
	c.mu.Unlock()
	c.waiting <- d
	return ch
}

// Set moves the clock to t and fires the timers due by then.
func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
	kept := c.timers[:0]
	for _, tm := range c.timers {
		if !tm.at.After(t) {
			tm.ch <- t
		} else {
			kept = append(kept, tm)
		}
	}
	c.timers = kept
}

// sent is one message the fake sender delivered.
type sent struct {
	channel string
	at      time.Time
	resp    commands.Response
}

// fakeSender records messages; fail, when set, decides an error per send.
type fakeSender struct {
	mu    sync.Mutex
	clock Clock
	msgs  []sent
	fail  func(channel string, n int) error
	tries int
}

func (f *fakeSender) Send(ctx context.Context, channel string, resp commands.Response) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tries++
	if f.fail != nil {
		if err := f.fail(channel, f.tries); err != nil {
			return err
		}
	}
	f.msgs = append(f.msgs, sent{channel, f.clock.Now(), resp})
	return nil
}

func (f *fakeSender) count(channel string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, m := range f.msgs {
		if m.channel == channel {
			n++
		}
	}
	return n
}

var errGone = errors.New("unknown channel")

func permanent(err error) bool { return errors.Is(err, errGone) }

// harness is a real store in a temp dir, a fake clock and a fake sender.
type harness struct {
	t      *testing.T
	path   string
	st     *store.Store
	clock  *fakeClock
	sender *fakeSender
	logs   *bytes.Buffer
}

func newHarness(t *testing.T, start time.Time) *harness {
	h := &harness{t: t, path: filepath.Join(t.TempDir(), "briefing.db"), clock: newFakeClock(start), logs: &bytes.Buffer{}}
	h.sender = &fakeSender{clock: h.clock}
	h.open()
	t.Cleanup(func() { h.st.Close() })
	return h
}

func (h *harness) open() {
	h.t.Helper()
	st, err := store.Open(context.Background(), h.path)
	if err != nil {
		h.t.Fatalf("store.Open: %v", err)
	}
	h.st = st
}

// restart closes the database and opens it again, as a new process would.
func (h *harness) restart() *Scheduler {
	h.t.Helper()
	if err := h.st.Close(); err != nil {
		h.t.Fatal(err)
	}
	h.open()
	return h.scheduler()
}

func (h *harness) scheduler() *Scheduler {
	s := NewScheduler(h.st, h.sender, permanent)
	s.Clock = h.clock
	s.Logger = slog.New(slog.NewTextHandler(h.logs, nil))
	return s
}

func (h *harness) set(guild, channel, clock, zone string) {
	h.t.Helper()
	svc := NewService(h.st)
	if _, err := svc.SetBriefing(context.Background(), news.BriefingSettings{GuildID: guild, ChannelID: channel, LocalTime: clock, TimeZone: zone}, h.clock.Now()); err != nil {
		h.t.Fatalf("SetBriefing: %v", err)
	}
}

func (h *harness) check(s *Scheduler) {
	h.t.Helper()
	if _, err := s.Check(context.Background()); err != nil {
		h.t.Fatalf("Check: %v", err)
	}
}

func (h *harness) delivery(guild, date string) news.Delivery {
	h.t.Helper()
	d, err := h.st.Delivery(context.Background(), guild, date)
	if err != nil {
		h.t.Fatalf("Delivery(%s, %s): %v", guild, date, err)
	}
	return d
}

func seoul(t *testing.T, day, hour, min int) time.Time {
	return time.Date(2025, 1, day, hour, min, 0, 0, mustLoc(t, "Asia/Seoul"))
}

func TestSchedulerSendsOnceAtLocalTime(t *testing.T) {
	h := newHarness(t, seoul(t, 13, 7, 0))
	h.set("g1", "c1", "08:00", "Asia/Seoul")
	s := h.scheduler()
	h.clock.Set(seoul(t, 13, 7, 59))
	h.check(s)
	if n := h.sender.count("c1"); n != 0 {
		t.Fatalf("messages at 07:59 = %d, want 0", n)
	}
	h.clock.Set(seoul(t, 13, 8, 0))
	h.check(s)
	h.clock.Set(seoul(t, 13, 8, 1))
	h.check(s)
	if n := h.sender.count("c1"); n != 1 {
		t.Fatalf("messages after 08:00 = %d, want 1", n)
	}
	if got := h.sender.msgs[0].resp.Content; !strings.Contains(got, "No new articles") {
		t.Errorf("quiet-day message = %q, want the no-new-articles note", got)
	}
	// A restart after sending does not send again.
	s = h.restart()
	h.check(s)
	if n := h.sender.count("c1"); n != 1 {
		t.Errorf("messages after restart = %d, want still 1", n)
	}
	if d := h.delivery("g1", "2025-01-13"); d.State != news.DeliverySent || d.Parts != 1 {
		t.Errorf("delivery = %+v, want sent with 1 part", d)
	}
	// The next day's goes out the next day.
	h.clock.Set(seoul(t, 14, 8, 0))
	h.check(s)
	if n := h.sender.count("c1"); n != 2 {
		t.Errorf("messages on the second day = %d, want 2", n)
	}
}

func TestSchedulerNotBeforeSettingsExisted(t *testing.T) {
	// Set up at 09:00 for 08:00: today's time already passed, so the
	// first briefing is tomorrow's, not a catch-up now.
	h := newHarness(t, seoul(t, 13, 9, 0))
	h.set("g1", "c1", "08:00", "Asia/Seoul")
	s := h.scheduler()
	h.check(s)
	if n := h.sender.count("c1"); n != 0 {
		t.Errorf("messages right after setup = %d, want 0", n)
	}
}

func TestSchedulerRestartBetweenRecordAndSend(t *testing.T) {
	h := newHarness(t, seoul(t, 13, 7, 0))
	h.set("g1", "c1", "08:00", "Asia/Seoul")
	due := seoul(t, 13, 8, 0)
	// The process recorded its intent and died before sending.
	if _, err := h.st.ClaimDelivery(context.Background(), news.Delivery{GuildID: "g1", LocalDate: "2025-01-13", Due: due, State: news.DeliveryPending, Updated: due}); err != nil {
		t.Fatal(err)
	}
	h.clock.Set(seoul(t, 13, 8, 20))
	s := h.restart()
	h.check(s)
	h.check(s)
	s = h.restart()
	h.check(s)
	if n := h.sender.count("c1"); n != 1 {
		t.Errorf("messages after restarts = %d, want exactly 1", n)
	}
	if d := h.delivery("g1", "2025-01-13"); d.State != news.DeliverySent {
		t.Errorf("delivery state = %q, want sent", d.State)
	}
}

func TestSchedulerMissedBriefing(t *testing.T) {
	for _, c := range []struct {
		name     string
		start    time.Time
		wantMsgs int
		state    string
	}{
		{"inside the window", seoul(t, 13, 13, 59), 1, news.DeliverySent},
		{"outside the window", seoul(t, 13, 14, 1), 0, news.DeliverySkipped},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, seoul(t, 12, 20, 0))
			h.set("g1", "c1", "08:00", "Asia/Seoul")
			// The bot was down from the evening before until start.
			h.clock.Set(c.start)
			s := h.restart()
			h.check(s)
			h.check(s)
			if n := h.sender.count("c1"); n != c.wantMsgs {
				t.Errorf("messages = %d, want %d", n, c.wantMsgs)
			}
			if d := h.delivery("g1", "2025-01-13"); d.State != c.state {
				t.Errorf("delivery state = %q, want %q", d.State, c.state)
			}
			if c.wantMsgs == 0 && !strings.Contains(h.logs.String(), "outside the catch-up window") {
				t.Errorf("logs = %q, want the skip logged", h.logs.String())
			}
		})
	}
}

func TestSchedulerPendingOutsideWindowIsSkipped(t *testing.T) {
	h := newHarness(t, seoul(t, 13, 7, 0))
	h.set("g1", "c1", "08:00", "Asia/Seoul")
	due := seoul(t, 13, 8, 0)
	if _, err := h.st.ClaimDelivery(context.Background(), news.Delivery{GuildID: "g1", LocalDate: "2025-01-13", Due: due, State: news.DeliveryPending, Updated: due}); err != nil {
		t.Fatal(err)
	}
	h.clock.Set(seoul(t, 13, 15, 0))
	s := h.restart()
	s.CatchUp = 2 * time.Hour
	h.check(s)
	if n := h.sender.count("c1"); n != 0 {
		t.Errorf("messages = %d, want 0", n)
	}
	if d := h.delivery("g1", "2025-01-13"); d.State != news.DeliverySkipped {
		t.Errorf("delivery state = %q, want skipped", d.State)
	}
}

func TestSchedulerPermanentErrorDisablesOneGuild(t *testing.T) {
	h := newHarness(t, seoul(t, 13, 7, 0))
	h.set("g1", "gone", "08:00", "Asia/Seoul")
	h.set("g2", "c2", "08:00", "Asia/Seoul")
	h.sender.fail = func(channel string, _ int) error {
		if channel == "gone" {
			return fmt.Errorf("send: %w", errGone)
		}
		return nil
	}
	s := h.scheduler()
	h.clock.Set(seoul(t, 13, 8, 0))
	h.check(s)
	if n := h.sender.count("c2"); n != 1 {
		t.Errorf("messages to the healthy guild = %d, want 1", n)
	}
	b, err := h.st.BriefingSettings(context.Background(), "g1")
	if err != nil || b.Enabled || !strings.Contains(b.DisabledReason, "unknown channel") {
		t.Errorf("g1 settings = %+v, %v, want disabled with the reason", b, err)
	}
	if d := h.delivery("g1", "2025-01-13"); d.State != news.DeliveryFailed {
		t.Errorf("g1 delivery = %q, want failed", d.State)
	}
	if !strings.Contains(h.logs.String(), "briefing disabled") {
		t.Errorf("logs = %q, want the reason logged", h.logs.String())
	}
	h.clock.Set(seoul(t, 14, 8, 0))
	h.check(s)
	if n := h.sender.count("c2"); n != 2 {
		t.Errorf("messages to the healthy guild on day 2 = %d, want 2", n)
	}
}

func TestSchedulerTransientErrorRetries(t *testing.T) {
	h := newHarness(t, seoul(t, 13, 7, 0))
	h.set("g1", "c1", "08:00", "Asia/Seoul")
	h.sender.fail = func(_ string, n int) error {
		if n == 1 {
			return errors.New("HTTP 502")
		}
		return nil
	}
	s := h.scheduler()
	h.clock.Set(seoul(t, 13, 8, 0))
	h.check(s)
	if d := h.delivery("g1", "2025-01-13"); d.State != news.DeliveryPending || d.Error == "" {
		t.Errorf("delivery after a failed send = %+v, want pending with the error", d)
	}
	h.clock.Set(seoul(t, 13, 8, 1))
	h.check(s)
	h.check(s)
	if n := h.sender.count("c1"); n != 1 {
		t.Errorf("messages = %d, want 1 after the retry", n)
	}
}

// TestSchedulerResumesAfterPartialSend: a long briefing goes out as
// several messages; when one fails, the retry sends only those not yet
// delivered.
func TestSchedulerResumesAfterPartialSend(t *testing.T) {
	h := newHarness(t, seoul(t, 13, 7, 0))
	h.set("g1", "c1", "08:00", "Asia/Seoul")
	for i := 0; i < 25; i++ {
		saveArticle(t, h.st, i, "Long story", strings.Repeat("A sentence that goes on for a while to fill the briefing. ", 7), "")
	}
	backdate(t, h.st, seoul(t, 13, 7, 30))
	h.sender.fail = func(_ string, n int) error {
		if n == 2 {
			return errors.New("HTTP 500")
		}
		return nil
	}
	s := h.scheduler()
	h.clock.Set(seoul(t, 13, 8, 0))
	h.check(s)
	h.clock.Set(seoul(t, 13, 8, 1))
	h.check(s)
	d := h.delivery("g1", "2025-01-13")
	if d.State != news.DeliverySent || d.Parts < 2 {
		t.Fatalf("delivery = %+v, want sent in several parts", d)
	}
	if n := h.sender.count("c1"); n != d.Parts {
		t.Errorf("messages = %d, want %d: no part twice", n, d.Parts)
	}
	for i, m := range h.sender.msgs {
		want := fmt.Sprintf("Part %d of %d", i+1, d.Parts)
		last := m.resp.Embeds[len(m.resp.Embeds)-1]
		if last.Footer != want {
			t.Errorf("message %d footer = %q, want %q", i, last.Footer, want)
		}
	}
}

// TestSchedulerAcrossDST runs the scheduler in five-minute steps over
// both changes of 2025 in New York and London and checks one briefing per
// local date at the chosen local time (or the first minute after a gap,
// or the first of two repeated times).
func TestSchedulerAcrossDST(t *testing.T) {
	for _, c := range []struct {
		zone, clock string
		from        time.Time
		want        []string // local times of the deliveries
	}{
		{"America/New_York", "02:30", time.Date(2025, 3, 8, 0, 0, 0, 0, time.UTC),
			[]string{"2025-03-08 02:30 EST", "2025-03-09 03:00 EDT", "2025-03-10 02:30 EDT"}},
		{"America/New_York", "01:30", time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC),
			[]string{"2025-11-01 01:30 EDT", "2025-11-02 01:30 EDT", "2025-11-03 01:30 EST"}},
		{"Europe/London", "01:30", time.Date(2025, 3, 29, 0, 0, 0, 0, time.UTC),
			[]string{"2025-03-29 01:30 GMT", "2025-03-30 02:00 BST", "2025-03-31 01:30 BST"}},
		{"Europe/London", "01:30", time.Date(2025, 10, 25, 0, 0, 0, 0, time.UTC),
			[]string{"2025-10-25 01:30 BST", "2025-10-26 01:30 BST", "2025-10-27 01:30 GMT"}},
		{"Europe/London", "08:00", time.Date(2025, 10, 25, 0, 0, 0, 0, time.UTC),
			[]string{"2025-10-25 08:00 BST", "2025-10-26 08:00 GMT", "2025-10-27 08:00 GMT"}},
	} {
		t.Run(c.zone+" "+c.clock+" "+c.from.Format("Jan"), func(t *testing.T) {
			loc := mustLoc(t, c.zone)
			h := newHarness(t, c.from)
			h.set("g", "c", c.clock, c.zone)
			s := h.scheduler()
			s.CatchUp = time.Minute // a briefing must go out on its own tick
			for now := c.from; now.Before(c.from.Add(72 * time.Hour)); now = now.Add(5 * time.Minute) {
				h.clock.Set(now)
				h.check(s)
			}
			var got []string
			for _, m := range h.sender.msgs {
				got = append(got, m.at.In(loc).Format("2006-01-02 15:04 MST"))
			}
			if strings.Join(got, ", ") != strings.Join(c.want, ", ") {
				t.Errorf("deliveries = %q, want %q", got, c.want)
			}
		})
	}
}

// TestSchedulerRun drives the Run loop with the fake clock: it sleeps
// until the next due time and sends then.
func TestSchedulerRun(t *testing.T) {
	h := newHarness(t, seoul(t, 13, 7, 0))
	h.set("g1", "c1", "08:00", "Asia/Seoul")
	s := h.scheduler()
	s.Tick = time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Run(ctx) }()
	if d := <-h.clock.waiting; d != time.Hour {
		t.Errorf("first sleep = %v, want 1h (next due at 08:00)", d)
	}
	h.clock.Set(seoul(t, 13, 8, 0))
	if d := <-h.clock.waiting; d != 24*time.Hour && d != time.Hour {
		t.Errorf("sleep after sending = %v, want at most the tick", d)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v, want nil after cancel", err)
	}
	if n := h.sender.count("c1"); n != 1 {
		t.Errorf("messages = %d, want 1", n)
	}
}

// saveArticle stores a small article through the real store.
func saveArticle(t testing.TB, st *store.Store, n int, title, body, event string) news.IngestResult {
	t.Helper()
	title = fmt.Sprintf("%s %d", title, n)
	text := title + "\n\n" + body
	ex := news.Extraction{Sentences: []news.Sentence{
		{Text: title, Start: 0, End: len(title), Kind: news.KindHeadline},
		{Text: body, Start: len(title) + 2, End: len(text), Kind: news.KindBody},
	}, Summary: []int{1}}
	res, err := st.SaveArticle(context.Background(), news.Document{
		Path: fmt.Sprintf("a%d.txt", n), Title: title, URL: fmt.Sprintf("https://news.example/%d", n),
		Source: "Example Wire", Published: "2025-01-13", Text: text,
	}, ex)
	if err != nil {
		t.Fatalf("SaveArticle: %v", err)
	}
	return res
}

// backdate sets every article's ingestion time: SaveArticle stamps the
// real time, and these tests run on a fake one.
func backdate(t testing.TB, st *store.Store, at time.Time) {
	t.Helper()
	if _, err := st.DB().Exec(`UPDATE articles SET ingested = ?`, at.UTC().Format("2006-01-02T15:04:05.000000000Z")); err != nil {
		t.Fatal(err)
	}
}

func TestSchedulerDisablesUnschedulableSettings(t *testing.T) {
	h := newHarness(t, seoul(t, 13, 7, 0))
	bad := news.BriefingSettings{GuildID: "g9", ChannelID: "c9", LocalTime: "08:00", TimeZone: "Nowhere/Town", Quiet: news.QuietNote, Enabled: true, Updated: h.clock.Now()}
	if err := h.st.SaveBriefingSettings(context.Background(), bad); err != nil {
		t.Fatal(err)
	}
	h.set("g1", "c1", "08:00", "Asia/Seoul")
	h.clock.Set(seoul(t, 13, 8, 0))
	h.check(h.scheduler())
	if b, _ := h.st.BriefingSettings(context.Background(), "g9"); b.Enabled || !strings.Contains(b.DisabledReason, "Nowhere/Town") {
		t.Errorf("g9 = %+v, want disabled with the reason", b)
	}
	if n := h.sender.count("c1"); n != 1 {
		t.Errorf("messages to the healthy guild = %d, want 1", n)
	}
}
