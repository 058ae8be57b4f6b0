package briefing

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"factdesk/commands"
	"factdesk/news"
)

// Store is what the scheduler and the /briefing command need from the
// database. *store.Store implements it.
type Store interface {
	Source
	SaveBriefingSettings(ctx context.Context, s news.BriefingSettings) error
	BriefingSettings(ctx context.Context, guildID string) (news.BriefingSettings, error)
	EnabledBriefings(ctx context.Context) ([]news.BriefingSettings, error)
	DisableBriefing(ctx context.Context, guildID, reason string, at time.Time) error
	ClaimDelivery(ctx context.Context, d news.Delivery) (news.Delivery, error)
	Delivery(ctx context.Context, guildID, localDate string) (news.Delivery, error)
	UpdateDelivery(ctx context.Context, d news.Delivery) error
	LastSentDelivery(ctx context.Context, guildID string) (news.Delivery, error)
}

// Sender posts one message to a channel. *bot.Bot implements it.
type Sender interface {
	Send(ctx context.Context, channelID string, resp commands.Response) error
}

// Scheduler defaults.
const (
	DefaultCatchUp = 6 * time.Hour
	DefaultTick    = time.Minute
)

// Scheduler sends each server's briefing once per local date at its local
// time. Before the first message it records the delivery as pending in its
// own transaction, and marks it sent after the last, so that after a crash
// or restart a briefing is neither repeated nor lost: a pending or missed
// briefing is sent on start if it is still within CatchUp of its time, and
// skipped (and logged) otherwise. Set its fields before calling Run.
type Scheduler struct {
	Store  Store
	Sender Sender
	Clock  Clock
	Logger *slog.Logger
	// Permanent reports whether a send error will not go away by retrying
	// (a deleted channel, a missing permission): the server's briefing is
	// then turned off. bot.Permanent fits. Nil treats every error as
	// temporary.
	Permanent func(error) bool
	CatchUp   time.Duration // default DefaultCatchUp
	Tick      time.Duration // longest sleep between checks; default DefaultTick
}

// NewScheduler returns a Scheduler on the system clock with the default
// catch-up window.
func NewScheduler(st Store, send Sender, permanent func(error) bool) *Scheduler {
	return &Scheduler{Store: st, Sender: send, Permanent: permanent, Clock: SystemClock{}}
}

func (s *Scheduler) clock() Clock {
	if s.Clock == nil {
		return SystemClock{}
	}
	return s.Clock
}

func (s *Scheduler) log() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

func (s *Scheduler) catchUp() time.Duration {
	if s.CatchUp > 0 {
		return s.CatchUp
	}
	return DefaultCatchUp
}

// Run checks the briefings until ctx ends: once at start (which sends any
// pending or missed briefing still within the window) and then at each
// next due time, waking at least every Tick to see changed settings.
func (s *Scheduler) Run(ctx context.Context) error {
	tick := s.Tick
	if tick <= 0 {
		tick = DefaultTick
	}
	for {
		next, err := s.Check(ctx)
		if err != nil && ctx.Err() == nil {
			s.log().Error("briefing check", "err", err)
		}
		wait := tick
		if !next.IsZero() {
			if d := next.Sub(s.clock().Now()); d < wait {
				wait = max(d, 0)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.clock().After(wait):
		}
	}
}

// Check sends every briefing that is due and not yet delivered, and
// returns the earliest next due time over all servers (zero when none).
// One server's failure never stops the others.
func (s *Scheduler) Check(ctx context.Context) (time.Time, error) {
	list, err := s.Store.EnabledBriefings(ctx)
	if err != nil {
		return time.Time{}, err
	}
	var next time.Time
	for _, b := range list {
		if ctx.Err() != nil {
			return next, ctx.Err()
		}
		if err := s.checkSafely(ctx, b); err != nil {
			s.log().Error("briefing", "guild", b.GuildID, "err", err)
		}
		if n := Next(b, s.clock().Now()); !n.IsZero() && (next.IsZero() || n.Before(next)) {
			next = n
		}
	}
	return next, nil
}

// checkSafely is check with a panic turned into an error, so that one
// server's briefing can never stop the others'.
func (s *Scheduler) checkSafely(ctx context.Context, b news.BriefingSettings) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v", v)
		}
	}()
	return s.check(ctx, b)
}

// check handles one server: the occurrence due most recently, if any.
func (s *Scheduler) check(ctx context.Context, b news.BriefingSettings) error {
	now := s.clock().Now()
	due, date := Prev(b, now)
	if due.IsZero() {
		// Only a hand-edited database gets here: SetBriefing validates.
		reason := fmt.Sprintf("cannot schedule %q in time zone %q", b.LocalTime, b.TimeZone)
		s.log().Error("briefing disabled", "guild", b.GuildID, "reason", reason)
		return s.Store.DisableBriefing(ctx, b.GuildID, reason, now)
	}
	if due.Before(b.Updated) {
		return nil // set up after today's time: the first one is the next
	}
	late := now.Sub(due)
	d, err := s.Store.Delivery(ctx, b.GuildID, date)
	switch {
	case errors.Is(err, news.ErrNotFound):
		state := news.DeliveryPending
		if late > s.catchUp() {
			state = news.DeliverySkipped
		}
		d, err = s.Store.ClaimDelivery(ctx, news.Delivery{GuildID: b.GuildID, LocalDate: date, Due: due, State: state, Updated: now})
		if err != nil {
			return err
		}
		if d.State == news.DeliverySkipped {
			s.log().Warn("briefing missed, outside the catch-up window", "guild", b.GuildID, "date", date, "due", due, "late", late.Round(time.Second), "window", s.catchUp())
			return nil
		}
	case err != nil:
		return err
	}
	if d.State != news.DeliveryPending {
		return nil
	}
	if late > s.catchUp() {
		d.State, d.Updated = news.DeliverySkipped, now
		s.log().Warn("pending briefing skipped, outside the catch-up window", "guild", b.GuildID, "date", date, "due", due, "late", late.Round(time.Second))
		return s.Store.UpdateDelivery(ctx, d)
	}
	return s.deliver(ctx, b, d)
}

// deliver composes and sends a pending delivery, resuming after the parts
// already sent.
func (s *Scheduler) deliver(ctx context.Context, b news.BriefingSettings, d news.Delivery) error {
	loc, err := time.LoadLocation(b.TimeZone)
	if err != nil {
		return fmt.Errorf("load time zone %q: %w", b.TimeZone, err)
	}
	since := d.Due.Add(-24 * time.Hour)
	switch last, err := s.Store.LastSentDelivery(ctx, b.GuildID); {
	case err == nil && last.Due.Before(d.Due):
		since = last.Due
	case err != nil && !errors.Is(err, news.ErrNotFound):
		return err
	}
	since = capSince(since, d.Due)
	// The window ends at the due time, not now: a retry composes the
	// same briefing, and later articles go to the next one.
	msgs, err := Compose(ctx, s.Store, Window{Since: since, Until: d.Due, Loc: loc}, b.Quiet)
	if err != nil {
		return err
	}
	for i := d.Parts; i < len(msgs); i++ {
		if err := s.Sender.Send(ctx, b.ChannelID, msgs[i]); err != nil {
			now := s.clock().Now()
			d.Error, d.Updated = shortError(err), now
			if s.Permanent != nil && s.Permanent(err) {
				d.State = news.DeliveryFailed
				reason := fmt.Sprintf("sending to channel %s failed: %s", b.ChannelID, d.Error)
				s.log().Error("briefing disabled", "guild", b.GuildID, "channel", b.ChannelID, "reason", reason)
				if derr := s.Store.DisableBriefing(ctx, b.GuildID, reason, now); derr != nil {
					return errors.Join(err, derr)
				}
			} else {
				s.log().Warn("briefing send failed, will retry", "guild", b.GuildID, "date", d.LocalDate, "part", i+1, "err", err)
			}
			if uerr := s.Store.UpdateDelivery(ctx, d); uerr != nil {
				return errors.Join(err, uerr)
			}
			return nil
		}
		d.Parts = i + 1
		d.Updated = s.clock().Now()
		if err := s.Store.UpdateDelivery(ctx, d); err != nil {
			return err
		}
	}
	d.State, d.Error, d.Updated = news.DeliverySent, "", s.clock().Now()
	if err := s.Store.UpdateDelivery(ctx, d); err != nil {
		return err
	}
	s.log().Info("briefing sent", "guild", b.GuildID, "date", d.LocalDate, "messages", len(msgs))
	return nil
}

// MaxLookback is the longest span one briefing covers: after a long pause
// it reports the last week, not everything since the last one.
const MaxLookback = 7 * 24 * time.Hour

func capSince(since, until time.Time) time.Time {
	if earliest := until.Add(-MaxLookback); since.Before(earliest) {
		return earliest
	}
	return since
}

func shortError(err error) string {
	s := oneLine(err.Error())
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
