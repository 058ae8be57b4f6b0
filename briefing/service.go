package briefing

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"factdesk/commands"
	"factdesk/news"
)

// Service answers /briefing: it keeps each server's settings and builds
// previews. It implements commands.Briefings.
type Service struct {
	Store Store
}

// NewService returns a Service over st.
func NewService(st Store) *Service { return &Service{Store: st} }

// SetBriefing validates and stores a server's settings, turning its
// briefing on. Settings take effect from now: a time already passed today
// first fires tomorrow.
func (s *Service) SetBriefing(ctx context.Context, b news.BriefingSettings, now time.Time) (news.BriefingSettings, error) {
	hour, min, err := ParseClock(b.LocalTime)
	if err != nil {
		return news.BriefingSettings{}, &news.SourceError{Msg: fmt.Sprintf("%q is not a time of day: use 24-hour HH:MM, like 08:00.", b.LocalTime), Err: err}
	}
	b.LocalTime = fmt.Sprintf("%02d:%02d", hour, min)
	if _, err := time.LoadLocation(b.TimeZone); err != nil || b.TimeZone == "" || strings.EqualFold(b.TimeZone, "local") {
		return news.BriefingSettings{}, &news.SourceError{Msg: fmt.Sprintf("%q is not an IANA time zone name: pick one from the list, like Asia/Seoul.", b.TimeZone), Err: err}
	}
	switch b.Quiet {
	case "":
		b.Quiet = news.QuietNote
		if old, err := s.Store.BriefingSettings(ctx, b.GuildID); err == nil {
			b.Quiet = old.Quiet
		}
	case news.QuietNote, news.QuietSilent:
	default:
		return news.BriefingSettings{}, &news.SourceError{Msg: fmt.Sprintf("quiet must be %q or %q.", news.QuietNote, news.QuietSilent)}
	}
	b.Enabled, b.DisabledReason, b.Updated = true, "", now
	if err := s.Store.SaveBriefingSettings(ctx, b); err != nil {
		return news.BriefingSettings{}, err
	}
	return b, nil
}

// BriefingStatus returns a server's settings and, when the briefing is on,
// its next run. It returns news.ErrNotFound when none were set.
func (s *Service) BriefingStatus(ctx context.Context, guildID string, now time.Time) (news.BriefingSettings, time.Time, error) {
	b, err := s.Store.BriefingSettings(ctx, guildID)
	if err != nil {
		return news.BriefingSettings{}, time.Time{}, err
	}
	if !b.Enabled {
		return b, time.Time{}, nil
	}
	return b, Next(b, now), nil
}

// StopBriefing turns a server's briefing off.
func (s *Service) StopBriefing(ctx context.Context, guildID string, now time.Time) error {
	return s.Store.DisableBriefing(ctx, guildID, "turned off with /briefing off", now)
}

// Preview composes what the server's next briefing would say if it went
// out now (in UTC when the server has no settings). A quiet day gives the
// short note even when the server chose silence, so the caller sees
// something.
func (s *Service) Preview(ctx context.Context, guildID string, now time.Time) ([]commands.Response, error) {
	loc := time.UTC
	since := now.Add(-24 * time.Hour)
	if b, err := s.Store.BriefingSettings(ctx, guildID); err == nil {
		if l, err := time.LoadLocation(b.TimeZone); err == nil {
			loc = l
		}
	} else if !errors.Is(err, news.ErrNotFound) {
		return nil, err
	}
	if last, err := s.Store.LastSentDelivery(ctx, guildID); err == nil && last.Due.Before(now) {
		since = last.Due
	} else if err != nil && !errors.Is(err, news.ErrNotFound) {
		return nil, err
	}
	return Compose(ctx, s.Store, Window{Since: capSince(since, now), Until: now, Loc: loc}, news.QuietNote)
}

// TimeZones returns IANA names matching partial, for autocomplete.
func (s *Service) TimeZones(partial string, limit int) []string { return Zones(partial, limit) }

// Print writes the briefing for one local date as text, for
// `factdesk brief [--date D] [--tz Z]`: the articles published on that date
// or stored during it, the people they name, and the events around it.
// date is YYYY-MM-DD ("" for today in tz); tz is an IANA name ("" for UTC).
func Print(ctx context.Context, w io.Writer, src Source, date, tz string, now time.Time) error {
	loc := time.UTC
	if tz != "" {
		l, err := time.LoadLocation(tz)
		if err != nil {
			return fmt.Errorf("brief: time zone %q: %w", tz, err)
		}
		loc = l
	}
	day := now.In(loc)
	if date != "" {
		d, err := time.ParseInLocation(time.DateOnly, date, loc)
		if err != nil {
			return fmt.Errorf("brief: date %q: want YYYY-MM-DD", date)
		}
		day = d
	}
	y, m, d := day.Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, loc)
	end := time.Date(y, m, d+1, 0, 0, 0, 0, loc)
	until := end.Add(-time.Second) // still that date, for the heading and the events
	if date == "" && now.Before(end) {
		until = now
	}
	msgs, err := Compose(ctx, src, Window{Since: start, Until: until, Loc: loc, PublishedOn: start.Format(time.DateOnly)}, news.QuietNote)
	if err != nil {
		return err
	}
	return WriteText(w, msgs, loc)
}

var stamp = regexp.MustCompile(`<t:(-?\d+):[tTdDfFR]>`)

// WriteText renders messages as plain text for a terminal with
// commands.Text, after writing Discord timestamps as times in loc (Text
// would show them in UTC).
func WriteText(w io.Writer, msgs []commands.Response, loc *time.Location) error {
	local := func(s string) string {
		return stamp.ReplaceAllStringFunc(s, func(m string) string {
			sec, err := strconv.ParseInt(stamp.FindStringSubmatch(m)[1], 10, 64)
			if err != nil {
				return m
			}
			return time.Unix(sec, 0).In(loc).Format("Mon, Jan 2, 2006 15:04 MST")
		})
	}
	var b strings.Builder
	for i, m := range msgs {
		if i > 0 {
			b.WriteString("\n")
		}
		m.Content = local(m.Content)
		embeds := make([]commands.Embed, len(m.Embeds))
		for j, e := range m.Embeds {
			e.Description, e.Footer = local(e.Description), local(e.Footer)
			fields := make([]commands.Field, len(e.Fields))
			for k, f := range e.Fields {
				f.Value = local(f.Value)
				fields[k] = f
			}
			e.Fields = fields
			embeds[j] = e
		}
		m.Embeds = embeds
		b.WriteString(commands.Text(m))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
