package briefing

import (
	"fmt"
	"time"

	"factdesk/news"
)

// ParseClock parses a local time of day "HH:MM" (24-hour; "8:05" is
// accepted) into hours and minutes.
func ParseClock(s string) (hour, min int, err error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, 0, fmt.Errorf("parse time of day %q: want HH:MM, 24-hour", s)
	}
	return t.Hour(), t.Minute(), nil
}

// Next returns the first instant strictly after now at which the daily
// briefing in s is due: s.LocalTime on a calendar day in s.TimeZone. A
// local time that a daylight-saving change skips moves to the next minute
// that exists that day; a local time that happens twice counts once, at its
// first occurrence. It returns the zero time when s cannot be scheduled.
func Next(s news.BriefingSettings, now time.Time) time.Time {
	loc, hour, min, err := parseSettings(s)
	if err != nil {
		return time.Time{}
	}
	y, m, d := now.In(loc).Date()
	// Today's slot may have passed; tomorrow's is always later.
	for i := 0; i < 3; i++ {
		t := at(loc, y, m, d+i, hour, min)
		if t.After(now) {
			return t
		}
	}
	return time.Time{}
}

// Prev returns the latest instant at or before now at which the briefing in
// s was due, and that occurrence's local date (YYYY-MM-DD). It is the
// occurrence a scheduler should have sent by now.
func Prev(s news.BriefingSettings, now time.Time) (time.Time, string) {
	loc, hour, min, err := parseSettings(s)
	if err != nil {
		return time.Time{}, ""
	}
	y, m, d := now.In(loc).Date()
	for i := 0; i < 3; i++ {
		t := at(loc, y, m, d-i, hour, min)
		if !t.After(now) {
			return t, time.Date(y, m, d-i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		}
	}
	return time.Time{}, ""
}

// LocalDate returns the local date (YYYY-MM-DD) of the occurrence due at t
// for settings s.
func LocalDate(s news.BriefingSettings, t time.Time) string {
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		return ""
	}
	return t.In(loc).Format(time.DateOnly)
}

func parseSettings(s news.BriefingSettings) (*time.Location, int, int, error) {
	hour, min, err := ParseClock(s.LocalTime)
	if err != nil {
		return nil, 0, 0, err
	}
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("load time zone %q: %w", s.TimeZone, err)
	}
	return loc, hour, min, nil
}

// at returns the instant when the wall clock in loc first reads hour:min on
// the given day, or, when the day skips that time, the first minute after
// it that exists. time.Date alone does not promise which instant it picks
// in either case.
func at(loc *time.Location, y int, m time.Month, d, hour, min int) time.Time {
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC) // normalises d
	for k := 0; k <= 48*60; k++ {
		wall := day.Add(time.Duration(hour*60+min+k) * time.Minute)
		if t, ok := firstInstant(loc, wall); ok {
			return t
		}
	}
	return time.Date(y, m, d, hour, min, 0, 0, loc) // unreachable for real zones
}

// firstInstant returns the earliest instant whose wall clock in loc equals
// wall (given as a UTC time), and false if no instant does.
func firstInstant(loc *time.Location, wall time.Time) (time.Time, bool) {
	var best time.Time
	found := false
	// Any instant showing this wall time has one of the offsets in force
	// around it; a day either side covers every transition.
	for _, probe := range []time.Time{wall.Add(-26 * time.Hour), wall, wall.Add(26 * time.Hour)} {
		_, off := probe.In(loc).Zone()
		t := wall.Add(-time.Duration(off) * time.Second)
		if !sameWall(t.In(loc), wall) {
			continue
		}
		if !found || t.Before(best) {
			best, found = t, true
		}
	}
	return best.In(loc), found
}

func sameWall(local, wall time.Time) bool {
	y1, m1, d1 := local.Date()
	y2, m2, d2 := wall.Date()
	return y1 == y2 && m1 == m2 && d1 == d2 && local.Hour() == wall.Hour() && local.Minute() == wall.Minute()
}
