package commands

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision of a calendar value.
const (
	precNone = iota
	precYear
	precMonth
	precDay
)

// calendar reads a TIMEX3 date value: "2025-01-20", "2024-12", "2025",
// optionally with a time ("2025-01-20T10:00"). It returns the first day
// of the period and its precision, or precNone.
func calendar(value string) (time.Time, int) {
	v := strings.TrimSpace(value)
	if date, _, ok := strings.Cut(v, "T"); ok && len(date) == 10 {
		v = date
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, precDay
	}
	if t, err := time.Parse("2006-01", v); err == nil {
		return t, precMonth
	}
	if len(v) == 4 {
		if y, err := strconv.Atoi(v); err == nil && y > 0 {
			return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), precYear
		}
	}
	return time.Time{}, precNone
}

// seasons names TIMEX3 season and quarter codes.
var seasons = map[string]string{
	"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter",
	"Q1": "first quarter", "Q2": "second quarter", "Q3": "third quarter", "Q4": "fourth quarter",
	"H1": "first half", "H2": "second half",
}

// calendarDate prints a TIMEX3 value as a calendar date a reader knows:
// "Mon, Jan 20, 2025", "December 2024", "2025". A time of day is added
// as written. Values it cannot read are returned as they are.
func calendarDate(value string) string {
	v := strings.TrimSpace(value)
	switch v {
	case "":
		return "date unknown"
	case "PRESENT_REF":
		return "now"
	case "PAST_REF":
		return "in the past"
	case "FUTURE_REF":
		return "in the future"
	}
	t, prec := calendar(v)
	switch prec {
	case precDay:
		s := t.Format("Mon, Jan 2, 2006")
		if _, clock, ok := strings.Cut(v, "T"); ok && len(clock) >= 5 {
			if c, err := time.Parse("15:04", clock[:5]); err == nil {
				s += " " + c.Format("15:04")
			}
		}
		return s
	case precMonth:
		return t.Format("January 2006")
	case precYear:
		return t.Format("2006")
	}
	// 2025-W03, 2025-SU, 2025-Q1, 199X
	if y, rest, ok := strings.Cut(v, "-"); ok && len(y) == 4 {
		if w, ok := strings.CutPrefix(rest, "W"); ok {
			if n, err := strconv.Atoi(w); err == nil {
				return fmt.Sprintf("week %d of %s", n, y)
			}
		}
		if name, ok := seasons[rest]; ok {
			return name + " " + y
		}
	}
	if len(v) == 4 && strings.HasSuffix(v, "X") {
		return "the " + strings.TrimSuffix(v, "X") + "0s"
	}
	return v
}

// relative says how far a TIMEX3 value lies from now: "today",
// "in 6 days", "2 months ago", "next month". It is "" for values that are
// not calendar dates.
func relative(value string, now time.Time) string {
	t, prec := calendar(value)
	y, m, d := now.Date()
	switch prec {
	case precDay:
		today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		days := int(t.Sub(today).Hours() / 24)
		return relDays(days)
	case precMonth:
		months := (t.Year()-y)*12 + int(t.Month()) - int(m)
		switch months {
		case 0:
			return "this month"
		case 1:
			return "next month"
		case -1:
			return "last month"
		}
		if months >= 24 || months <= -24 {
			// Whole years read better than "209 months ago".
			return relUnit(months/12, "year")
		}
		return relUnit(months, "month")
	case precYear:
		years := t.Year() - y
		switch years {
		case 0:
			return "this year"
		case 1:
			return "next year"
		case -1:
			return "last year"
		}
		return relUnit(years, "year")
	}
	return ""
}

// relDays turns a day difference into words, switching to months and
// years for long spans.
func relDays(days int) string {
	abs := max(days, -days)
	switch {
	case days == 0:
		return "today"
	case days == 1:
		return "tomorrow"
	case days == -1:
		return "yesterday"
	case abs < 45:
		return relUnit(days, "day")
	case abs < 730:
		return relUnit(roundDiv(days, 30), "month")
	}
	return relUnit(roundDiv(days, 365), "year")
}

func roundDiv(a, b int) int {
	if a < 0 {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

func relUnit(n int, unit string) string {
	if n < 0 {
		n = -n
		if n != 1 {
			unit += "s"
		}
		return fmt.Sprintf("%d %s ago", n, unit)
	}
	if n != 1 {
		unit += "s"
	}
	return fmt.Sprintf("in %d %s", n, unit)
}

// when prints a value as a calendar date with its distance from now:
// "Mon, Jan 20, 2025 (in 6 days)".
func when(value string, now time.Time) string {
	s := calendarDate(value)
	if r := relative(value, now); r != "" {
		s += " (" + r + ")"
	}
	return s
}

// past reports whether a calendar value lies wholly before now's date.
func past(value string, now time.Time) bool {
	t, prec := calendar(value)
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	switch prec {
	case precDay:
		return t.Before(today)
	case precMonth:
		return t.AddDate(0, 1, 0).Compare(today) <= 0
	case precYear:
		return t.AddDate(1, 0, 0).Compare(today) <= 0
	}
	return false
}
