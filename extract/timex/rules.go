package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Each rule reads an expression starting at token i and returns a
// candidate, or the zero cand when nothing starts there. Rules look ahead a
// bounded number of tokens.

var monthAlonePrep = map[string]bool{
	"in": true, "on": true, "since": true, "until": true, "till": true, "by": true, "early": true, "late": true,
	"mid": true, "of": true, "from": true, "through": true, "during": true, "before": true, "after": true,
	"between": true, "and": true, "or": true, "to": true, "for": true, "throughout": true, "end": true, "-": true,
}

// explicit reads calendar dates: "Feb. 3", "March 5, 2024", "5 March",
// "2024-03-05", "7/8/07", "December 2023", "December", with an optional
// weekday in front ("Tuesday, Feb. 4").
func (sc *scanner) explicit(i int) cand {
	if _, wn := sc.weekdayAt(i); wn > 0 {
		j := i + wn
		if sc.low(j) == "," {
			j++
		}
		c := sc.calendar(j, i)
		if c.n == 0 || len(c.val) != 10 {
			return cand{}
		}
		c.n += j - i
		return c
	}
	return sc.calendar(i, i)
}

// calendar reads a date at token j; from is where the whole expression
// starts, for the tense.
func (sc *scanner) calendar(j, from int) cand {
	if j >= len(sc.t) || !sc.t[j].word {
		return cand{}
	}
	if v, ok := numericDate(sc.low(j)); ok {
		return cand{n: 1, typ: Date, val: v}
	}
	if m, mn := sc.monthAt(j); mn > 0 {
		k := j + mn
		d := sc.dayAt(k)
		if d == 0 {
			d = sc.dayRangeAt(k) // "June 6-9": the first day
		}
		if d > 0 && validDay(m, d) && sc.low(k+1) != ":" {
			n := k + 1 - j
			if sc.low(k+1) == "," && sc.yearAt(k+2) > 0 {
				return cand{n: n + 2, typ: Date, val: fmt.Sprintf("%04d-%02d-%02d", sc.yearAt(k+2), m, d)}
			}
			if y := sc.yearAt(k + 1); y > 0 {
				return cand{n: n + 1, typ: Date, val: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}
			}
			if !sc.has {
				return cand{n: n, typ: Date, val: fmt.Sprintf("XXXX-%02d-%02d", m, d)}
			}
			y := sc.yearFor(m, d, sc.dir(from, j+n))
			return cand{n: n, typ: Date, val: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}
		}
		if y := sc.yearAt(k); y > 0 {
			return cand{n: k + 1 - j, typ: Date, val: fmt.Sprintf("%04d-%02d", y, m)}
		}
		if (sc.low(k) == "," || sc.low(k) == "of") && sc.yearAt(k+1) > 0 {
			return cand{n: k + 2 - j, typ: Date, val: fmt.Sprintf("%04d-%02d", sc.yearAt(k+1), m)}
		}
		if r, ok := relWords[sc.low(k+1)]; ok && sc.low(k) == "of" && sc.low(k+2) == "year" && sc.has {
			return cand{n: k + 3 - j, typ: Date, val: fmt.Sprintf("%04d-%02d", sc.dct.Year()+r, m)}
		}
		if !sc.monthAlone(j, mn) {
			return cand{}
		}
		if !sc.has {
			return cand{n: mn, typ: Date, val: fmt.Sprintf("XXXX-%02d", m)}
		}
		y := sc.yearFor(m, 0, sc.dir(from, j+mn))
		return cand{n: mn, typ: Date, val: fmt.Sprintf("%04d-%02d", y, m)}
	}
	if d := sc.dayAt(j); d > 0 {
		k := j + 1
		if sc.low(k) == "of" {
			k++
		}
		m, mn := sc.monthAt(k)
		if mn == 0 || !validDay(m, d) {
			return cand{}
		}
		k += mn
		if y := sc.yearAt(k); y > 0 {
			return cand{n: k + 1 - j, typ: Date, val: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}
		}
		if !sc.has {
			return cand{n: k - j, typ: Date, val: fmt.Sprintf("XXXX-%02d-%02d", m, d)}
		}
		y := sc.yearFor(m, d, sc.dir(from, k))
		return cand{n: k - j, typ: Date, val: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}
	}
	return cand{}
}

// dayRangeAt reads a range of days such as "6-9" and returns its first.
func (sc *scanner) dayRangeAt(k int) int {
	w := sc.low(k)
	p := strings.IndexByte(w, '-')
	if p < 1 || p > 2 || len(w)-p-1 < 1 || len(w)-p-1 > 2 || !allDigits(w[:p]) || !allDigits(w[p+1:]) {
		return 0
	}
	a, _ := strconv.Atoi(w[:p])
	b, _ := strconv.Atoi(w[p+1:])
	if a < 1 || b > 31 || a >= b {
		return 0
	}
	return a
}

// monthAlone reports whether a month name with no day or year is a date:
// abbreviations never are, and "May" and "March" only after a preposition.
func (sc *scanner) monthAlone(j, mn int) bool {
	w := sc.low(j)
	if mn == 2 || len(w) <= 4 && w != "june" && w != "july" && w != "may" {
		return false
	}
	if sc.upper(j+1) && sc.t[j+1].word {
		return false // a name: "April Smith"
	}
	if w == "may" || w == "march" {
		return monthAlonePrep[sc.low(j-1)]
	}
	return true
}

func validDay(m, d int) bool {
	return d >= 1 && d <= ymd(2024, m+1, 0).Day()
}

// numericDate reads "2025-01-20", "2025/01/20" and US "1/20/2025" or
// "7/8/07".
func numericDate(w string) (string, bool) {
	for _, sep := range []string{"-", "/"} {
		p := strings.Split(w, sep)
		if len(p) != 3 || !allDigits(p[0]) || !allDigits(p[1]) || !allDigits(p[2]) {
			continue
		}
		a, _ := strconv.Atoi(p[0])
		b, _ := strconv.Atoi(p[1])
		c, _ := strconv.Atoi(p[2])
		if len(p[0]) == 4 && b >= 1 && b <= 12 && validDay(b, c) {
			return fmt.Sprintf("%04d-%02d-%02d", a, b, c), true
		}
		if sep == "/" && len(p[0]) <= 2 && len(p[1]) <= 2 && a >= 1 && a <= 12 && validDay(a, b) {
			switch len(p[2]) {
			case 2:
				if c < 50 {
					c += 2000
				} else {
					c += 1900
				}
			case 4:
			default:
				continue
			}
			return fmt.Sprintf("%04d-%02d-%02d", c, a, b), true
		}
	}
	return "", false
}

var notYearBefore = map[string]bool{"$": true, "£": true, "€": true, "#": true, "no": true, "number": true, "flight": true, "route": true, "us$": true, "model": true, "version": true}

var notYearAfter = map[string]bool{
	"%": true, "percent": true, "people": true, "jobs": true, "employees": true, "workers": true, "units": true,
	"shares": true, "points": true, "miles": true, "km": true, "kilometers": true, "kilometres": true, "meters": true,
	"metres": true, "feet": true, "tons": true, "tonnes": true, "cars": true, "vehicles": true, "aircraft": true,
	"planes": true, "passengers": true, "dealers": true, "stores": true, "members": true, "troops": true,
	"soldiers": true, "deaths": true, "cases": true, "votes": true, "seats": true, "pounds": true, "dollars": true,
	"euros": true, "yen": true, "hours": true, "hrs": true, "times": true, "million": true, "billion": true,
	"jets": true, "orders": true, "homes": true, "students": true, "staff": true, "customers": true, "utc": true, "gmt": true,
}

// year reads years ("2024", "'82", "fiscal 2009"), decades ("the 1990s",
// "'90s") and centuries ("the 21st century").
func (sc *scanner) year(i int) cand {
	w := sc.low(i)
	if w == "'" && i+1 < len(sc.t) && sc.t[i+1].start == sc.t[i].end {
		nx := sc.low(i + 1)
		if sc.t[i+1].digits == 2 {
			return cand{n: 2, typ: Date, val: fmt.Sprint(sc.century2(sc.t[i+1].num))}
		}
		if len(nx) == 3 && nx[2] == 's' && allDigits(nx[:2]) {
			v, _ := strconv.Atoi(nx[:2])
			return cand{n: 2, typ: Date, val: fmt.Sprint(sc.century2(v) / 10)}
		}
		return cand{}
	}
	if w == "fiscal" || w == "fy" {
		k := i + 1
		if sc.low(k) == "year" {
			k++
		}
		if y := sc.yearAt(k); y > 0 {
			return cand{n: k + 1 - i, typ: Date, val: fmt.Sprintf("FY%04d", y)}
		}
		return cand{}
	}
	if strings.HasPrefix(w, "fy") && len(w) == 6 && allDigits(w[2:]) {
		return cand{n: 1, typ: Date, val: "FY" + w[2:]}
	}
	if y := sc.yearAt(i); y > 0 {
		if notYearBefore[sc.low(i-1)] || notYearAfter[sc.low(i+1)] || sc.low(i+1) == ":" {
			return cand{}
		}
		if i > 0 && sc.t[i-1].num >= 0 {
			return cand{}
		}
		if i > 1 && sc.upper(i-1) && sc.t[i-1].word && sc.upper(i+1) && sc.t[i+1].word {
			if _, mn := sc.monthAt(i - 1); mn == 0 {
				return cand{} // a name: "Russell 2000 Index"
			}
		}
		switch {
		case y >= 1900 && y <= 2099:
		case monthAlonePrep[sc.low(i-1)] || sc.low(i-1) == "year":
		default:
			return cand{}
		}
		return cand{n: 1, typ: Date, val: fmt.Sprintf("%04d", y)}
	}
	// decades
	if len(w) == 5 && w[4] == 's' && allDigits(w[:4]) && w[3] == '0' {
		return cand{n: 1, typ: Date, val: w[:3]}
	}
	if len(w) == 3 && w[2] == 's' && w[1] == '0' && allDigits(w[:2]) && decadeBefore[sc.low(i-1)] {
		v, _ := strconv.Atoi(w[:2])
		return cand{n: 1, typ: Date, val: fmt.Sprint(sc.century2(v) / 10)}
	}
	// centuries
	if w == "the" {
		if ord := sc.low(i + 1); sc.low(i+2) == "century" && len(ord) >= 3 {
			if n, err := strconv.Atoi(strings.TrimRight(ord, "stndrh")); err == nil && n >= 1 && n <= 30 {
				return cand{n: 3, typ: Date, val: fmt.Sprintf("%02d", n-1)}
			}
		}
	}
	return cand{}
}

var decadeBefore = map[string]bool{"the": true, "and": true, "or": true, "early": true, "late": true, "mid": true, "of": true}

// century2 expands a two-digit year to the century that places it in the
// past or at most ten years ahead of the creation time.
func (sc *scanner) century2(v int) int {
	ref := 2025
	if sc.has {
		ref = sc.dct.Year()
	}
	y := ref/100*100 + v
	if y > ref+10 {
		y -= 100
	}
	return y
}

// lastVerb are the words before "last" as a verb: "will last six weeks".
var lastVerb = map[string]bool{"will": true, "would": true, "could": true, "may": true, "might": true, "should": true, "to": true, "can": true, "'ll": true, "must": true}

var relWords = map[string]int{"this": 0, "last": -1, "next": 1, "coming": 1, "past": -1, "previous": -1, "following": 1, "current": 0}

// relative reads "yesterday", "today", "tomorrow", "tonight" (with a part
// of day), "last month", "this week", "next year", "last Tuesday", "last
// September", "this weekend", "last night", "the weekend", "the day".
func (sc *scanner) relative(i int) cand {
	w := sc.low(i)
	if sc.upper(i) && i > 0 && w != "today" {
		return cand{}
	}
	switch w {
	case "yesterday", "today", "tomorrow", "tonight":
		off := map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[w]
		d := sc.dayValue(off)
		if w == "tonight" {
			return cand{n: 1, typ: Time, val: d + "TNI"}
		}
		if p, ok := val("partofday", sc.low(i+1)); ok {
			return cand{n: 2, typ: Time, val: d + "T" + p}
		}
		return cand{n: 1, typ: Date, val: d}
	case "the", "that":
		if p, ok := val("partofday", sc.low(i+1)); ok && !sc.upper(i+1) && sc.low(i+1) != "overnight" {
			// "that afternoon", "in the evening": the day just mentioned.
			if w == "that" || sc.low(i-1) == "in" || sc.low(i-1) == "during" || sc.low(i-1) == "by" || sc.low(i-1) == "until" {
				return cand{n: 2, typ: Time, val: sc.anchorDay() + "T" + p}
			}
		}
		if w == "the" {
			return sc.theRelative(i)
		}
		return cand{}
	}
	if p, ok := val("partofday", w); ok && !sc.upper(i) {
		if x := sc.low(i + 1); x == "trading" || x == "session" || x == "sessions" {
			return cand{n: 1, typ: Time, val: sc.anchorDay() + "T" + p} // "morning trading"
		}
	}
	r, ok := relWords[w]
	if !ok || w == "past" || w == "previous" || w == "following" || w == "coming" || w == "current" {
		return cand{}
	}
	if w == "this" && sc.low(i+1) == "past" {
		return sc.relUnit(i+2, "last", -1, 2) // "this past weekend"
	}
	return sc.relUnit(i+1, w, r, 1)
}

// relUnit reads the word after a relative word rel ("last", "this",
// "next") at token j; extra is the number of tokens before j.
func (sc *scanner) relUnit(j int, rel string, r int, extra int) cand {
	x := sc.low(j)
	switch x {
	case "week", "month", "year", "weekend", "quarter", "decade", "century":
		return cand{n: extra + 1, typ: Date, val: sc.unitValue(x, r)}
	case "night":
		if rel == "last" {
			return cand{n: extra + 1, typ: Time, val: sc.dayValue(-1) + "TNI"}
		}
	}
	if p, ok := val("partofday", x); ok && rel == "this" {
		return cand{n: extra + 1, typ: Time, val: sc.dayValue(0) + "T" + p}
	}
	if wd, wn := sc.weekdayAt(j); wn > 0 {
		return cand{n: extra + wn, typ: Date, val: sc.weekdayValue(wd, rel, 0)}
	}
	if m, mn := sc.monthAt(j); mn > 0 {
		if !sc.has {
			return cand{n: extra + mn, typ: Date, val: fmt.Sprintf("XXXX-%02d", m)}
		}
		y, dm := sc.dct.Year(), int(sc.dct.Month())
		switch {
		case r < 0 && m >= dm:
			y--
		case r > 0 && m <= dm:
			y++
		}
		return cand{n: extra + mn, typ: Date, val: fmt.Sprintf("%04d-%02d", y, m)}
	}
	if s, ok := val("season", x); ok {
		return cand{n: extra + 1, typ: Date, val: sc.seasonValue(s, rel, 0)}
	}
	return cand{}
}

// theRelative reads expressions that start with "the".
func (sc *scanner) theRelative(i int) cand {
	x := sc.low(i + 1)
	switch {
	case x == "day" && (sc.low(i+2) == "before" && sc.low(i+3) == "yesterday" || sc.low(i+2) == "after" && sc.low(i+3) == "tomorrow"):
		off := -2
		if sc.low(i+3) == "tomorrow" {
			off = 2
		}
		return cand{n: 4, typ: Date, val: sc.dayValue(off)}
	case x == "weekend":
		r := 0
		if sc.dir(i, i+2) < 0 && isoWeekday(sc.dct) < 6 {
			r = -1
		}
		return cand{n: 2, typ: Date, val: sc.unitValue("weekend", r)}
	case x == "day" || x == "same" && sc.low(i+2) == "day":
		// "rose 2% on the day", "to end the day at": the day of the
		// report (or of the date just mentioned).
		n := 2
		if x == "same" {
			n = 3
		}
		switch p := sc.low(i - 1); p {
		case "on", "for", "during", "end", "ended", "ending", "ends", "finish", "finished", "finishing", "close", "closed", "closing", "start", "started", "starting", "began", "begin", "opened":
		case "in":
			switch sc.low(i - 2) {
			case "later", "earlier", "late", "early":
			default:
				return cand{}
			}
		default:
			return cand{}
		}
		switch sc.low(i + n) {
		case "before", "after", "of", "that", "when", "which", "following", "earlier", "later", "in", "he", "she", "they", "it", "we":
			return cand{}
		}
		if sc.lastDay != "" {
			return cand{n: n, typ: Date, val: sc.lastDay}
		}
		return cand{n: n, typ: Date, val: sc.dayValue(0)}
	case (x == "previous" || x == "next" || x == "following") && sc.low(i+2) == "day":
		// "the next day": the day after the date just mentioned.
		off := 1
		if x == "previous" {
			off = -1
		}
		if sc.lastDay != "" {
			if t, err := time.Parse(time.DateOnly, sc.lastDay); err == nil {
				return cand{n: 3, typ: Date, val: t.AddDate(0, 0, off).Format(time.DateOnly)}
			}
		}
		return cand{n: 3, typ: Date, val: sc.dayValue(off)}
	case x == "previous" || x == "following" || x == "current":
		y := sc.low(i + 2)
		switch y {
		case "week", "month", "year", "quarter", "weekend":
			r := relWords[x]
			if x == "current" {
				r = 0
			}
			return cand{n: 3, typ: Date, val: sc.unitValue(y, r)}
		}
	}
	return cand{}
}

// anchorDay returns the last day-granular date of the sentence, or the
// creation date.
func (sc *scanner) anchorDay() string {
	if sc.lastDay != "" {
		return sc.lastDay
	}
	return sc.dayValue(0)
}

// dayValue returns the creation date shifted by off days.
func (sc *scanner) dayValue(off int) string {
	if !sc.has {
		return "XXXX-XX-XX"
	}
	return sc.day(sc.dct.AddDate(0, 0, off))
}

// unitValue returns the week, month, year, weekend, quarter, decade or
// century r steps from the one holding the creation time.
func (sc *scanner) unitValue(unit string, r int) string {
	if !sc.has {
		return map[string]string{"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "weekend": "XXXX-WXX-WE", "quarter": "XXXX-QX", "decade": "XXX", "century": "XX", "day": "XXXX-XX-XX"}[unit]
	}
	y, m := sc.dct.Year(), int(sc.dct.Month())
	switch unit {
	case "day":
		return sc.dayValue(r)
	case "week":
		return week(sc.dct.AddDate(0, 0, 7*r))
	case "weekend":
		return week(sc.dct.AddDate(0, 0, 7*r)) + "-WE"
	case "month":
		return month(y, m+r)
	case "year":
		return fmt.Sprintf("%04d", y+r)
	case "quarter":
		q := (m-1)/3 + r
		yy := y
		for q < 0 {
			q += 4
			yy--
		}
		for q > 3 {
			q -= 4
			yy++
		}
		return fmt.Sprintf("%04d-Q%d", yy, q+1)
	case "decade":
		return fmt.Sprint(y/10 + r)
	case "century":
		return fmt.Sprintf("%02d", y/100+r)
	}
	return ""
}

// weekdayValue resolves weekday wd (1 Monday .. 7 Sunday) against the
// creation time: "last" is the most recent one before it, "next" and
// "coming" the first after it, "this" the one in the same ISO week, and a
// bare weekday the creation day itself or the nearest one in the tense's
// direction (the past when the tense is unknown).
func (sc *scanner) weekdayValue(wd int, rel string, dir int) string {
	if !sc.has {
		return fmt.Sprintf("XXXX-WXX-%d", wd)
	}
	dw := isoWeekday(sc.dct)
	back := (dw - wd + 7) % 7
	if back == 0 {
		back = 7
	}
	fwd := (wd - dw + 7) % 7
	if fwd == 0 {
		fwd = 7
	}
	var off int
	switch rel {
	case "last", "past", "previous":
		off = -back
	case "next", "coming", "following":
		off = fwd
	case "this":
		off = wd - dw
	default:
		switch {
		case wd == dw:
			off = 0
		case dir > 0:
			off = fwd
		default:
			off = -back
		}
	}
	return sc.day(sc.dct.AddDate(0, 0, off))
}

// weekday reads a bare weekday ("Tuesday", "Tuesday night"), and
// "Mondays" as a set.
func (sc *scanner) weekday(i int) cand {
	wd, wn := sc.weekdayAt(i)
	if wn == 0 {
		w := sc.low(i)
		if sc.upper(i) && strings.HasSuffix(w, "days") {
			if v, ok := val("weekday", strings.TrimSuffix(w, "s")); ok {
				return cand{n: 1, typ: Set, val: "XXXX-WXX-" + v}
			}
		}
		return cand{}
	}
	if i > 0 && sc.upper(i-1) && in("namedday", sc.low(i-1)) {
		return cand{} // a name: "Black Monday", "Super Tuesday"
	}
	v := sc.weekdayValue(wd, "", sc.dir(i, i+wn))
	if p, ok := val("partofday", sc.low(i+wn)); ok && !sc.upper(i+wn) {
		if !sc.has {
			return cand{n: wn + 1, typ: Time, val: fmt.Sprintf("XXXX-WXX-%dT%s", wd, p)}
		}
		return cand{n: wn + 1, typ: Time, val: v + "T" + p}
	}
	return cand{n: wn, typ: Date, val: v}
}

var timeZones = map[string]bool{
	"est": true, "edt": true, "et": true, "cst": true, "cdt": true, "ct": true, "mst": true, "mdt": true, "pst": true,
	"pdt": true, "pt": true, "bst": true, "cet": true, "cest": true, "jst": true, "kst": true, "ist": true, "aest": true,
	"hkt": true, "sgt": true, "msk": true,
}

// clock reads times of day: "10 a.m.", "10:30 p.m.", "10am", "noon",
// "16:08 UTC", "0800 GMT", "9 o'clock", anchored to an adjacent day word
// ("12:00 UTC Monday"), to a date just before ("Tuesday at 10 a.m."), or
// to the creation date.
func (sc *scanner) clock(i int) cand {
	w := sc.low(i)
	h, mnt, n := -1, 0, 0
	strong := false // a.m./p.m., o'clock, noon or a time zone seen
	switch {
	case w == "noon" || w == "midday":
		h, n, strong = 12, 1, true
	case w == "midnight":
		h, n, strong = 24, 1, true
	case isHHMM(w):
		h, _ = strconv.Atoi(w[:strings.IndexByte(w, ':')])
		mnt, _ = strconv.Atoi(w[strings.IndexByte(w, ':')+1:])
		n = 1
	case sc.t[i].num >= 0 && sc.t[i].digits <= 2 && sc.t[i].num <= 12:
		h, n = sc.t[i].num, 1
	case sc.t[i].digits == 4 && sc.t[i].num%100 < 60 && sc.t[i].num/100 < 24:
		switch sc.low(i + 1) {
		case "utc", "gmt", "hours", "hrs", "z":
			h, mnt, n = sc.t[i].num/100, sc.t[i].num%100, 1
		}
	default:
		for _, suf := range []string{"am", "pm", "a.m", "p.m"} {
			if p := strings.TrimSuffix(w, suf); p != w && (isHHMM(p) || allDigits(p) && len(p) <= 2) {
				if isHHMM(p) {
					h, _ = strconv.Atoi(p[:strings.IndexByte(p, ':')])
					mnt, _ = strconv.Atoi(p[strings.IndexByte(p, ':')+1:])
				} else {
					h, _ = strconv.Atoi(p)
				}
				if suf[0] == 'p' && h < 12 {
					h += 12
				}
				if suf[0] == 'a' && h == 12 {
					h = 0
				}
				n, strong = 1, true
				if strings.Contains(suf, ".") && sc.low(i+1) == "." {
					n = 2
				}
			}
		}
	}
	if n == 0 || h < 0 || h > 24 || mnt > 59 {
		return cand{}
	}
	if !strong {
		switch sc.low(i + n) {
		case "a.m", "am", "p.m", "pm":
			ap := sc.low(i + n)
			if h > 12 {
				return cand{}
			}
			if ap[0] == 'p' && h < 12 {
				h += 12
			}
			if ap[0] == 'a' && h == 12 {
				h = 0
			}
			n++
			if strings.Contains(ap, ".") && sc.low(i+n) == "." {
				n++
			}
			strong = true
		case "o'clock":
			n++
			strong = true
		}
	}
	zone := ""
	switch x := sc.low(i + n); {
	case x == "utc" || x == "gmt" || x == "z":
		zone = "Z"
		n++
		strong = true
	case timeZones[x] && sc.upper(i+n):
		n++
		strong = true
	case x == "local" && sc.low(i+n+1) == "time":
		n += 2
	}
	if !strong && !(isHHMM(w) && (sc.low(i-1) == "at" || sc.low(i-1) == "by" || sc.low(i-1) == "until" || sc.low(i-1) == "around")) {
		return cand{}
	}
	date := ""
	switch x := sc.low(i + n); x {
	case "today", "tomorrow", "yesterday", "tonight":
		date = sc.dayValue(map[string]int{"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[x])
		n++
	case ",", "on":
		// "16:15 UTC, June 1st": the date anchors the time but stays an
		// expression of its own.
		if c := sc.explicit(i + n + 1); c.n > 0 && len(c.val) == 10 && !sc.upper(i+n) {
			date = c.val
		} else if wd, wn := sc.weekdayAt(i + n + 1); wn > 0 && sc.has {
			date = sc.weekdayValue(wd, "", sc.dir(i, i+n+1+wn))
		}
	default:
		if wd, wn := sc.weekdayAt(i + n); wn > 0 {
			date = sc.weekdayValue(wd, "", sc.dir(i, i+n+wn))
			n += wn
		}
	}
	if date == "" {
		date = sc.dayValue(0)
		if sc.lastDay != "" && i-sc.lastDayEnd <= 3 {
			date = sc.lastDay
		}
	}
	return cand{n: n, typ: Time, val: fmt.Sprintf("%sT%02d:%02d%s", date, h, mnt, zone)}
}

func isHHMM(w string) bool {
	k := strings.IndexByte(w, ':')
	if k < 1 || k > 2 || len(w)-k != 3 || !allDigits(w[:k]) || !allDigits(w[k+1:]) {
		return false
	}
	h, _ := strconv.Atoi(w[:k])
	return h <= 24
}

var bareBefore = map[string]bool{"for": true, "within": true, "in": true, "just": true, "only": true}

var durationRel = map[string]bool{"past": true, "last": true, "next": true, "coming": true, "previous": true, "following": true, "first": true, "final": true, "initial": true, "remaining": true}

// duration reads lengths of time: "three days", "a week", "nearly nine
// years", "two and a half years", "the past decade", "the next four
// years", "12-year", "for years", with "ago" and "from now" making dates.
// "a year" after a quantity ("15 a year") is a set.
func (sc *scanner) duration(i int) cand {
	if mod, k := sc.phrase("mod", i); k > 0 && !(sc.low(i) == "over" && sc.low(i+k) == "the") {
		if c := sc.durationCore(i+k, i); c.n > 0 {
			c.n += k
			if c.typ == Duration {
				c.mod = mod
			}
			return c
		}
	}
	return sc.durationCore(i, i)
}

func (sc *scanner) durationCore(j, from int) cand {
	start := j
	rel := ""
	if sc.low(j) == "the" && durationRel[sc.low(j+1)] {
		rel = sc.low(j + 1)
		j += 2
	} else if w := sc.low(j); w == "last" && lastVerb[sc.low(j-1)] {
		// "will last six weeks": the verb, not "the last six weeks".
		if _, k, _ := sc.numberAt(j + 1); k > 0 {
			return cand{}
		}
	} else if w := sc.low(j); (w == "last" || w == "past" || w == "next") && sc.t[j].word {
		if _, k, art := sc.numberAt(j + 1); k > 0 && !art {
			rel = w
			j++
		}
	}
	if c := sc.hyphenDuration(j); c.n > 0 && rel == "" {
		return c
	}
	num, k, article := sc.numberAt(j)
	if k == 0 {
		if rel != "" {
			if sc.low(j) != "" && in("unitadj", sc.low(j)) {
				j++
			}
			if u, pl := sc.unitAt(j); u != "" && u != "Q" {
				typ := Duration
				if rel == "previous" || rel == "following" {
					return cand{}
				}
				n := "1"
				if pl {
					n = "X"
				}
				return cand{n: j + 1 - start, typ: typ, val: period(n, u)}
			}
			return cand{}
		}
		// Bare plurals: "for years", "over the years".
		if u, pl := sc.unitAt(j); pl && u != "Q" && bareBefore[sc.low(j-1)] {
			return cand{n: 1, typ: Duration, val: period("X", u)}
		}
		if sc.low(j) == "the" {
			if u, pl := sc.unitAt(j + 1); pl && u != "Q" && (sc.low(j-1) == "over" || sc.low(j-1) == "during") {
				return cand{n: 2, typ: Duration, val: period("X", u)}
			}
		}
		return cand{}
	}
	j += k
	if num == "0.5" && (sc.low(j) == "a" || sc.low(j) == "an") {
		j++ // "half an hour"
	}
	if in("unitadj", sc.low(j)) && sc.t[j].word {
		j++
	}
	u, pl := sc.unitAt(j)
	if u == "" {
		return cand{}
	}
	if u == "TS" && (article || !pl) {
		return cand{} // "a second time"
	}
	if u == "Q" && !pl {
		return cand{} // "a quarter of"
	}
	j++
	if sc.low(j) == "and" && (sc.low(j+1) == "a" || sc.low(j+1) == "one") && sc.low(j+2) == "half" && num != "X" {
		f, _ := strconv.ParseFloat(num, 64)
		num = strconv.FormatFloat(f+0.5, 'f', -1, 64)
		j += 3
	}
	if sc.low(j) == "old" || sc.low(j) == "-" && sc.low(j+1) == "old" {
		return cand{} // an age
	}
	if article && rel == "" && sc.quantityBefore(start) {
		return cand{n: j - start, typ: Set, val: period("1", u)}
	}
	if rel == "" && sc.low(j) == "ago" {
		return cand{n: j + 1 - start, typ: Date, val: sc.shift(num, u, -1)}
	}
	if rel == "" && sc.low(j) == "from" && sc.low(j+1) == "now" {
		return cand{n: j + 2 - start, typ: Date, val: sc.shift(num, u, 1)}
	}
	return cand{n: j - start, typ: Duration, val: period(num, u)}
}

// quantityBefore reports whether token i follows a quantity, as in "15 a
// year", "twice a week", "$100 a day", "3% a year".
func (sc *scanner) quantityBefore(i int) bool {
	if i == 0 {
		return false
	}
	p := sc.t[i-1]
	switch p.low {
	case "times", "twice", "once", "thrice", "%", "percent":
		return true
	}
	if p.num >= 0 || isDecimal(p.low) {
		return true
	}
	if p.word && p.low != "" && p.low[0] >= '0' && p.low[0] <= '9' {
		return true // "15bn", "2,000"
	}
	_, ok := wordNumber(p.low)
	return ok && p.low != "a" && p.low != "an"
}

// shift returns the date num units before (sign -1) or after the creation
// time, at the unit's granularity.
func (sc *scanner) shift(num, u string, sign int) string {
	if num == "X" {
		if sign < 0 {
			return "PAST_REF"
		}
		return "FUTURE_REF"
	}
	f, _ := strconv.ParseFloat(num, 64)
	if f > 5000 {
		return "" // not a plausible span back or ahead
	}
	n := int(f) * sign
	if !sc.has {
		switch u {
		case "Y", "DE", "CE":
			return "XXXX"
		case "M":
			return "XXXX-XX"
		case "W", "2W":
			return "XXXX-WXX"
		}
		return "XXXX-XX-XX"
	}
	switch u {
	case "Y":
		return fmt.Sprintf("%04d", sc.dct.Year()+n)
	case "DE":
		return fmt.Sprintf("%04d", sc.dct.Year()+10*n)
	case "CE":
		return fmt.Sprintf("%04d", sc.dct.Year()+100*n)
	case "M":
		return month(sc.dct.Year(), int(sc.dct.Month())+n)
	case "W":
		return sc.day(sc.dct.AddDate(0, 0, 7*n))
	case "2W":
		return sc.day(sc.dct.AddDate(0, 0, 14*n))
	case "D":
		return sc.day(sc.dct.AddDate(0, 0, n))
	}
	return sc.day(sc.dct)
}

// hyphenDuration reads adjectives such as "12-year", "five-year",
// "two-day", "decades-long", "year-long", "single-day", but not ages
// ("34-year-old").
func (sc *scanner) hyphenDuration(j int) cand {
	if j >= len(sc.t) || !sc.t[j].word || !strings.Contains(sc.low(j), "-") {
		return cand{}
	}
	parts := strings.Split(sc.low(j), "-")
	if parts[len(parts)-1] == "old" || sc.low(j+1) == "old" {
		return cand{}
	}
	if parts[len(parts)-1] == "long" {
		parts = parts[:len(parts)-1]
	}
	if len(parts) == 0 {
		return cand{}
	}
	u, pl := unitWord(parts[len(parts)-1])
	if u == "" || u == "Q" {
		return cand{}
	}
	rest := parts[:len(parts)-1]
	num := ""
	switch {
	case len(rest) == 0 && pl:
		num = "X"
	case len(rest) == 0:
		if sc.low(j) == parts[0] {
			return cand{} // a plain unit word, no hyphen part
		}
		num = "1"
	case len(rest) == 1 && (rest[0] == "single" || rest[0] == "one"):
		num = "1"
	case len(rest) == 1 && rest[0] == "multi":
		num = "X"
	case len(rest) == 1 && rest[0] == "half":
		num = "0.5"
	case len(rest) == 1 && allDigits(rest[0]) && len(rest[0]) <= 3:
		num = rest[0]
	default:
		f, ok := wordNumber(strings.Join(rest, "-"))
		if !ok || f < 1 {
			return cand{}
		}
		num = strconv.FormatFloat(f, 'f', -1, 64)
	}
	if u == "TS" {
		return cand{}
	}
	return cand{n: 1, typ: Duration, val: period(num, u)}
}

// set reads recurrences: "daily", "weekly", "every Monday", "every two
// years", "each year", "per day", "twice a week", "on Mondays".
func (sc *scanner) set(i int) cand {
	w := sc.low(i)
	if sc.upper(i) && i > 0 {
		return cand{}
	}
	switch w {
	case "every", "each", "per":
		j := i + 1
		num := "1"
		if sc.low(j) == "other" {
			num, j = "2", j+1
		} else if v, k, art := sc.numberAt(j); k > 0 && !art && v != "X" {
			num, j = v, j+k
		}
		if w == "per" && sc.low(j) == "annum" {
			return cand{n: 2, typ: Set, val: "P1Y"}
		}
		if u, _ := sc.unitAt(j); u != "" {
			return cand{n: j + 1 - i, typ: Set, val: period(num, u)}
		}
		if wd, wn := sc.weekdayAt(j); wn > 0 && w != "per" {
			return cand{n: j + wn - i, typ: Set, val: fmt.Sprintf("XXXX-WXX-%d", wd)}
		}
		if p, ok := val("partofday", sc.low(j)); ok {
			return cand{n: j + 1 - i, typ: Set, val: "XXXX-XX-XXT" + p}
		}
		return cand{}
	case "once", "twice", "thrice":
		if a := sc.low(i + 1); a == "a" || a == "an" || a == "per" || a == "every" || a == "each" {
			if u, _ := sc.unitAt(i + 2); u != "" {
				return cand{n: 3, typ: Set, val: period("1", u)}
			}
		}
		return cand{}
	}
	if v, ok := val("set", w); ok && !strings.Contains(w, " ") {
		return cand{n: 1, typ: Set, val: v}
	}
	return cand{}
}

// ref reads vague references: "recently", "now", "currently", "soon", "in
// the near future", "the past".
func (sc *scanner) ref(i int) cand {
	if sc.upper(i) && i > 0 {
		return cand{}
	}
	v, k := sc.phrase("ref", i)
	if k == 0 {
		return cand{}
	}
	if strings.HasSuffix(v, "_REF") && (sc.low(i+k-1) == "past" || sc.low(i+k-1) == "future") {
		if _, n, _ := sc.numberAt(i + k); n > 0 {
			return cand{} // "the past nine days" is a duration
		}
		if u, _ := sc.unitAt(i + k); u != "" || in("unitadj", sc.low(i+k)) {
			return cand{}
		}
	}
	switch sc.low(i) {
	case "soon":
		if sc.low(i-1) == "as" {
			return cand{}
		}
	case "later":
		if k == 1 && (sc.low(i+1) == "than" || sc.dir(i, i+1) <= 0) {
			return cand{}
		}
	case "current":
		if sc.low(i+1) == "account" || sc.low(i+1) == "accounts" {
			return cand{}
		}
	case "now":
		if sc.low(i-1) == "from" {
			return cand{}
		}
	}
	return cand{n: k, typ: Date, val: v}
}

var seasonContext = map[string]bool{"the": true, "this": true, "last": true, "next": true, "in": true, "of": true, "during": true, "by": true, "until": true, "since": true, "through": true, "that": true, "early": true, "late": true, "mid": true, "before": true, "after": true}

// season reads "spring", "this summer", "fall 2007", "last winter".
func (sc *scanner) season(i int) cand {
	j := i
	rel := ""
	if r := sc.low(i); r == "this" || r == "last" || r == "next" || r == "past" || r == "coming" {
		if sc.upper(i) && i > 0 {
			return cand{}
		}
		rel, j = r, i+1
	}
	s, ok := val("season", sc.low(j))
	if !ok || j >= len(sc.t) || !sc.t[j].word {
		return cand{}
	}
	if y := sc.yearAt(j + 1); y > 0 {
		return cand{n: j + 2 - i, typ: Date, val: fmt.Sprintf("%04d-%s", y, s)}
	}
	if sc.low(j+1) == "of" && sc.yearAt(j+2) > 0 {
		return cand{n: j + 3 - i, typ: Date, val: fmt.Sprintf("%04d-%s", sc.yearAt(j+2), s)}
	}
	if rel == "" && (s == "SP" || s == "FA") && (!seasonContext[sc.low(j-1)] && !sc.upper(j) || sc.low(j+1) == "of") {
		return cand{} // "prices fall", "spring into action", "the fall of Rome"
	}
	if rel == "" && !sc.upper(j) && !seasonContext[sc.low(j-1)] && j+1 < len(sc.t) && sc.t[j+1].word && !sc.t[j+1].upper && !seasonFollow[sc.low(j+1)] {
		return cand{} // "winter fuel payments", "summer camp": a modifier
	}
	return cand{n: j + 1 - i, typ: Date, val: sc.seasonValue(s, rel, sc.dir(i, j+1))}
}

// seasonFollow are the words after a bare season that leave it a time:
// "winter is coming", "summer and autumn".
var seasonFollow = map[string]bool{
	"is": true, "was": true, "will": true, "has": true, "had": true, "and": true, "or": true, "when": true, "as": true,
	"approaches": true, "arrives": true, "begins": true, "ends": true, "came": true, "comes": true, "months": true,
}

var seasonOrder = []string{"SP", "SU", "FA", "WI"}

// seasonValue resolves a season with no year against the creation time.
func (sc *scanner) seasonValue(s, rel string, dir int) string {
	if !sc.has {
		return "XXXX-" + s
	}
	m, y := int(sc.dct.Month()), sc.dct.Year()
	// current season index and the year it is named by
	ci, cy := 0, y
	switch {
	case m >= 3 && m <= 5:
		ci = 0
	case m >= 6 && m <= 8:
		ci = 1
	case m >= 9 && m <= 11:
		ci = 2
	default:
		ci = 3
		if m <= 2 {
			cy = y - 1
		}
	}
	si := 0
	for k, x := range seasonOrder {
		if x == s {
			si = k
		}
	}
	back := func(strict bool) int { // year of the most recent season si
		yy, k := cy, ci
		if strict {
			if k == 0 {
				k, yy = 3, yy-1
			} else {
				k--
			}
		}
		for k != si {
			if k == 0 {
				k, yy = 3, yy-1
			} else {
				k--
			}
		}
		return yy
	}
	fwd := func(strict bool) int {
		yy, k := cy, ci
		if strict {
			if k == 3 {
				k, yy = 0, yy+1
			} else {
				k++
			}
		}
		for k != si {
			if k == 3 {
				k, yy = 0, yy+1
			} else {
				k++
			}
		}
		return yy
	}
	var yy int
	switch {
	case rel == "last" || rel == "past":
		yy = back(true)
	case rel == "next" || rel == "coming":
		yy = fwd(true)
	case rel == "this":
		yy = y
		if si == ci {
			yy = cy
		}
	case dir < 0:
		yy = back(false)
	case dir > 0:
		yy = fwd(false)
	default:
		yy = y
		if si == ci {
			yy = cy
		}
	}
	return fmt.Sprintf("%04d-%s", yy, s)
}

// quarter reads "the first quarter", "the fourth quarter of 2005",
// "third-quarter", "Q1 2009", "the last quarter", "the second half of
// 2024".
func (sc *scanner) quarter(i int) cand {
	j := i
	if sc.low(j) == "the" {
		j++
	}
	ord, rel, part := 0, "", ""
	w := sc.low(j)
	compound := false
	if len(w) == 2 && (w[0] == 'q' || w[0] == 'h') && w[1] >= '1' && w[1] <= '4' && sc.upper(j) {
		ord, part = int(w[1]-'0'), strings.ToUpper(w[:1])
		j++
	} else {
		if p := strings.Split(w, "-"); len(p) == 2 && (p[1] == "quarter" || p[1] == "half") {
			w, part, compound = p[0], p[1], true
		}
		switch {
		case w == "final":
			ord = 4
		case w == "last" || w == "previous" || w == "this" || w == "current" || w == "next" || w == "coming":
			rel = w
		default:
			v, ok := val("ordinal", w)
			if !ok {
				return cand{}
			}
			ord, _ = strconv.Atoi(v)
		}
		j++
		if part == "" {
			part = sc.low(j)
			if part != "quarter" && part != "half" {
				return cand{}
			}
			j++
		}
		if part == "quarter" {
			part = "Q"
		} else {
			part = "H"
			if ord > 2 || rel != "" && rel != "last" && rel != "previous" && rel != "this" && rel != "current" && rel != "next" {
				return cand{}
			}
		}
	}
	size := 4
	if part == "H" {
		size = 2
	}
	if ord > size {
		return cand{}
	}
	// explicit year
	y := 0
	switch {
	case sc.low(j) == "of" && sc.yearAt(j+1) > 0:
		y, j = sc.yearAt(j+1), j+2
	case sc.yearAt(j) > 0:
		y, j = sc.yearAt(j), j+1
	case sc.low(j) == "of" && (sc.low(j+1) == "this" || sc.low(j+1) == "last" || sc.low(j+1) == "next") && sc.low(j+2) == "year":
		if sc.has {
			y = sc.dct.Year() + relWords[sc.low(j+1)]
		}
		j += 3
	case sc.low(j) == "of" && sc.low(j+1) == "the" && sc.low(j+2) == "year":
		if sc.has {
			y = sc.dct.Year()
		}
		j += 3
	}
	if compound && y == 0 && in("play", sc.low(j)) {
		return cand{} // "a first-half goal": a period of play
	}
	if !sc.has && y == 0 {
		return cand{n: j - i, typ: Date, val: fmt.Sprintf("XXXX-%s%d", part, max(ord, 1))}
	}
	cur := (int(sc.dct.Month())-1)/(12/size) + 1
	if y == 0 {
		y = sc.dct.Year()
		if rel != "" {
			r := relWords[rel]
			if rel == "last" {
				r = -1
			}
			ord = cur + r
			if ord < 1 {
				ord, y = ord+size, y-1
			}
			if ord > size {
				ord, y = ord-size, y+1
			}
		} else {
			d := sc.dir(i, j)
			switch {
			case d < 0 && ord > cur:
				y--
			case d > 0 && ord < cur:
				y++
			}
		}
	} else if rel != "" {
		return cand{}
	}
	return cand{n: j - i, typ: Date, val: fmt.Sprintf("%04d-%s%d", y, part, ord)}
}

// modified reads an expression with a point modifier in front ("early
// 2009", "late last year", "the end of this year", "mid-2011", "the first
// half of 2024") or "earlier"/"later" ("earlier this week", "later
// today").
func (sc *scanner) modified(i int) cand {
	w := sc.low(i)
	if sc.upper(i) && i > 0 {
		return cand{}
	}
	if w == "earlier" || w == "later" {
		c := sc.relative(i + 1)
		if c.n == 0 {
			return cand{}
		}
		c.n++
		return c
	}
	if p := strings.IndexByte(w, '-'); p > 0 {
		return sc.hyphenPoint(i, w[:p], w[p+1:])
	}
	if w == "year-end" {
		return cand{n: 1, typ: Date, val: sc.unitValue("year", 0), mod: "END"}
	}
	mod, k := sc.phrase("pointmod", i)
	if k == 0 {
		return cand{}
	}
	j := i + k
	var inner cand
	for _, f := range []func(int) cand{sc.explicit, sc.year, sc.relative, sc.season, sc.quarter, sc.weekday} {
		if c := f(j); c.n > inner.n {
			inner = c
		}
	}
	if inner.n == 0 && sc.low(j) == "the" {
		switch u := sc.low(j + 1); u {
		case "year", "month", "week", "day", "decade", "quarter", "century":
			inner = cand{n: 2, typ: Date, val: sc.unitValue(u, 0)}
		}
	}
	if inner.n == 0 || inner.typ != Date {
		return cand{}
	}
	inner.n += k
	switch mod {
	case "H1", "H2":
		if len(inner.val) != 4 {
			return cand{}
		}
		inner.val += "-" + mod
	default:
		inner.mod = mod
	}
	return inner
}

// hyphenPoint reads "mid-2011", "mid-June", "early-2009", "mid-1990s",
// "mid-year", "year-end".
func (sc *scanner) hyphenPoint(i int, pre, rest string) cand {
	mods := map[string]string{"mid": "MID", "early": "START", "late": "END"}
	if pre == "year" && rest == "end" {
		return cand{n: 1, typ: Date, val: sc.unitValue("year", 0), mod: "END"}
	}
	mod, ok := mods[pre]
	if !ok {
		return cand{}
	}
	switch {
	case len(rest) == 4 && allDigits(rest):
		return cand{n: 1, typ: Date, val: rest, mod: mod}
	case len(rest) == 5 && rest[4] == 's' && allDigits(rest[:4]):
		return cand{n: 1, typ: Date, val: rest[:3], mod: mod}
	case rest == "year" || rest == "month" || rest == "week":
		return cand{n: 1, typ: Date, val: sc.unitValue(rest, 0), mod: mod}
	}
	v, ok := val("month", rest)
	if !ok || len(rest) <= 3 && rest != "may" {
		return cand{}
	}
	m, _ := strconv.Atoi(v)
	if y := sc.yearAt(i + 1); y > 0 {
		return cand{n: 2, typ: Date, val: fmt.Sprintf("%04d-%02d", y, m), mod: mod}
	}
	if !sc.has {
		return cand{n: 1, typ: Date, val: fmt.Sprintf("XXXX-%02d", m), mod: mod}
	}
	return cand{n: 1, typ: Date, val: fmt.Sprintf("%04d-%02d", sc.yearFor(m, 0, sc.dir(i, i+1)), m), mod: mod}
}

// dayOfMonth reads "the 15th" standing alone: that day of the month the
// tense points to ("will start on the 15th" is this month's 15th if still
// ahead, else next month's).
func (sc *scanner) dayOfMonth(i int) cand {
	if sc.low(i) != "the" || i+1 >= len(sc.t) {
		return cand{}
	}
	d := ordinalDay(sc.low(i + 1))
	if d == 0 {
		return cand{}
	}
	if i+2 < len(sc.t) && sc.t[i+2].word {
		switch sc.low(i + 2) {
		case "and", "when", "at", "to", "until", "so", "but":
		default:
			return cand{} // "the 15th century", "the 20th anniversary", "the 15th of March"
		}
	}
	if !sc.has {
		return cand{n: 2, typ: Date, val: fmt.Sprintf("XXXX-XX-%02d", d)}
	}
	y, m := sc.dct.Year(), int(sc.dct.Month())
	switch dir := sc.dir(i, i+2); {
	case dir > 0 && d < sc.dct.Day():
		m++
	case dir < 0 && d > sc.dct.Day():
		m--
	}
	t := ymd(y, m, 1) // normalises the month
	if d > daysIn(t) {
		return cand{}
	}
	return cand{n: 2, typ: Date, val: sc.day(ymd(t.Year(), int(t.Month()), d))}
}

// ordinalDay returns the day in "15th", "1st", "22nd", "3rd" (1-31), or 0.
func ordinalDay(w string) int {
	if len(w) < 3 || len(w) > 4 {
		return 0
	}
	num, suf := w[:len(w)-2], w[len(w)-2:]
	switch suf {
	case "st", "nd", "rd", "th":
	default:
		return 0
	}
	d, err := strconv.Atoi(num)
	if err != nil || d < 1 || d > 31 {
		return 0
	}
	return d
}

// daysIn returns the number of days in t's month.
func daysIn(t time.Time) int {
	return ymd(t.Year(), int(t.Month())+1, 0).Day()
}
