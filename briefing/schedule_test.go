package briefing

import (
	"testing"
	"time"

	"factdesk/news"
)

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func settings(clock, zone string) news.BriefingSettings {
	return news.BriefingSettings{GuildID: "g", ChannelID: "c", LocalTime: clock, TimeZone: zone, Enabled: true}
}

func TestNext(t *testing.T) {
	utc := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct {
		name        string
		clock, zone string
		now, want   string
	}{
		{"later today", "08:00", "Asia/Seoul", "2025-01-12T22:00:00Z", "2025-01-12T23:00:00Z"}, // 07:00 KST -> 08:00 KST
		{"passed today", "08:00", "Asia/Seoul", "2025-01-12T23:00:00Z", "2025-01-13T23:00:00Z"},
		{"just before", "08:00", "Asia/Seoul", "2025-01-12T22:59:59Z", "2025-01-12T23:00:00Z"},
		// America/New_York springs forward on 2025-03-09 at 02:00 EST to 03:00 EDT.
		{"NY day before the gap", "02:30", "America/New_York", "2025-03-08T06:00:00Z", "2025-03-08T07:30:00Z"},
		{"NY gap day", "02:30", "America/New_York", "2025-03-08T08:00:00Z", "2025-03-09T07:00:00Z"}, // 03:00 EDT
		{"NY after the gap", "02:30", "America/New_York", "2025-03-09T07:00:00Z", "2025-03-10T06:30:00Z"},
		{"NY 23-hour day at 08:00", "08:00", "America/New_York", "2025-03-08T14:00:00Z", "2025-03-09T12:00:00Z"},
		// It falls back on 2025-11-02 at 02:00 EDT to 01:00 EST: 01:30 happens twice.
		{"NY ambiguous: first occurrence", "01:30", "America/New_York", "2025-11-02T04:00:00Z", "2025-11-02T05:30:00Z"}, // 01:30 EDT
		{"NY ambiguous: not the second", "01:30", "America/New_York", "2025-11-02T05:30:00Z", "2025-11-03T06:30:00Z"},
		{"NY 25-hour day at 08:00", "08:00", "America/New_York", "2025-11-01T13:00:00Z", "2025-11-02T13:00:00Z"},
		// Europe/London springs forward on 2025-03-30 at 01:00 GMT to 02:00 BST.
		{"London gap", "01:15", "Europe/London", "2025-03-29T02:00:00Z", "2025-03-30T01:00:00Z"}, // 02:00 BST
		{"London after the gap", "01:15", "Europe/London", "2025-03-30T01:00:00Z", "2025-03-31T00:15:00Z"},
		// It falls back on 2025-10-26 at 02:00 BST to 01:00 GMT.
		{"London ambiguous: first occurrence", "01:30", "Europe/London", "2025-10-25T12:00:00Z", "2025-10-26T00:30:00Z"},
		{"London ambiguous: not the second", "01:30", "Europe/London", "2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z"},
		{"midnight", "00:00", "UTC", "2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z"},
		{"half-hour zone", "09:00", "Asia/Kolkata", "2025-01-01T00:00:00Z", "2025-01-01T03:30:00Z"},
	} {
		got := Next(settings(c.clock, c.zone), utc(c.now))
		if !got.Equal(utc(c.want)) {
			t.Errorf("%s: Next(%s %s, %s) = %s, want %s", c.name, c.clock, c.zone, c.now, got.UTC().Format(time.RFC3339), c.want)
		}
	}
}

func TestNextInvalid(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, s := range []news.BriefingSettings{settings("25:00", "UTC"), settings("08:00", "Mars/Olympus"), settings("", "UTC")} {
		if got := Next(s, now); !got.IsZero() {
			t.Errorf("Next(%s %s) = %v, want zero", s.LocalTime, s.TimeZone, got)
		}
	}
}

// TestOncePerLocalDate walks minute by minute across both DST changes
// of a year in New York and London and checks that every local date has
// exactly one occurrence, at the chosen local time or just after a gap.
func TestOncePerLocalDate(t *testing.T) {
	for _, zone := range []string{"America/New_York", "Europe/London"} {
		loc := mustLoc(t, zone)
		for _, clock := range []string{"01:30", "02:30", "08:00"} {
			s := settings(clock, zone)
			start := time.Date(2025, 3, 1, 0, 0, 0, 0, loc)
			end := time.Date(2025, 11, 15, 0, 0, 0, 0, loc)
			seen := map[string]int{}
			for now := start; now.Before(end); {
				next := Next(s, now)
				if !next.After(now) {
					t.Fatalf("Next(%s %s, %v) = %v, not after now", clock, zone, now, next)
				}
				local := next.In(loc)
				seen[local.Format(time.DateOnly)]++
				if got := local.Format("15:04"); got != clock && !(clock == "02:30" && zone == "America/New_York" && got == "03:00") &&
					!(clock == "01:30" && zone == "Europe/London" && got == "02:00") {
					t.Errorf("Next(%s %s) on %s at %s local, want %s", clock, zone, local.Format(time.DateOnly), got, clock)
				}
				now = next
			}
			for d := start; d.Before(end.AddDate(0, 0, -1)); d = d.AddDate(0, 0, 1) {
				if n := seen[d.Format(time.DateOnly)]; n != 1 {
					t.Errorf("%s %s: %d occurrences on %s, want 1", clock, zone, n, d.Format(time.DateOnly))
				}
			}
		}
	}
}

func TestPrev(t *testing.T) {
	s := settings("02:30", "America/New_York")
	now := time.Date(2025, 3, 9, 12, 0, 0, 0, time.UTC) // 08:00 EDT
	due, date := Prev(s, now)
	if !due.Equal(time.Date(2025, 3, 9, 7, 0, 0, 0, time.UTC)) || date != "2025-03-09" {
		t.Errorf("Prev(02:30 New York, %v) = %v, %q, want 03:00 EDT on 2025-03-09", now, due, date)
	}
	due, date = Prev(s, due.Add(-time.Second))
	if date != "2025-03-08" || !due.Equal(time.Date(2025, 3, 8, 7, 30, 0, 0, time.UTC)) {
		t.Errorf("Prev(just before) = %v, %q, want 2025-03-08 02:30 EST", due, date)
	}
}

func TestZones(t *testing.T) {
	if got := Zones("seoul", 25); len(got) == 0 || got[0] != "Asia/Seoul" {
		t.Errorf("Zones(seoul) = %q, want Asia/Seoul first", got)
	}
	if got := Zones("new york", 25); len(got) == 0 || got[0] != "America/New_York" {
		t.Errorf("Zones(new york) = %q, want America/New_York first", got)
	}
	if got := Zones("", 25); len(got) != 25 {
		t.Errorf("len(Zones(\"\", 25)) = %d, want 25", len(got))
	}
	if got := Zones("europe/", 200); len(got) < 50 {
		t.Errorf("len(Zones(europe/)) = %d, want the European zones", len(got))
	}
	for _, z := range zones {
		if _, err := time.LoadLocation(z); err != nil {
			t.Errorf("LoadLocation(%q) = %v, want every listed zone to load", z, err)
		}
	}
}

func TestParseClock(t *testing.T) {
	for in, want := range map[string][2]int{"08:00": {8, 0}, "8:05": {8, 5}, "23:59": {23, 59}, "00:00": {0, 0}} {
		h, m, err := ParseClock(in)
		if err != nil || h != want[0] || m != want[1] {
			t.Errorf("ParseClock(%q) = %d, %d, %v, want %v", in, h, m, err, want)
		}
	}
	for _, in := range []string{"24:00", "8am", "08:60", "", "0800"} {
		if _, _, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) error = nil, want an error", in)
		}
	}
}
