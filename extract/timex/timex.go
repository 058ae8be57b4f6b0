// Package timex finds time expressions in an English sentence and
// normalises them to TimeML TIMEX3 types and values against the document
// creation time: explicit dates, months and years, weekdays, relative
// expressions, durations, vague references, times of day, sets, seasons,
// quarters and decades.
//
// Find is one left-to-right pass over the sentence's tokens; each rule
// looks ahead a bounded number of tokens, so the work is linear in the
// length of the sentence.
package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Match is one time expression. Start and End are byte offsets into the
// sentence passed to Find; Mod is the TIMEX3 mod attribute (APPROX,
// MORE_THAN, START, END, ...) or empty.
type Match struct {
	Text, Type, Value, Mod string
	Start, End             int
}

// TIMEX3 types.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// cand is a candidate expression starting at some token: n tokens long.
type cand struct {
	n             int
	typ, val, mod string
}

type scanner struct {
	s    string
	t    []token
	dct  time.Time
	has  bool // dct is known
	cues []int
	// nearest cue positions, filled by tense
	leftStrong, rightStrong, leftReport, rightReport []int
	headline                                         bool   // the sentence is a headline
	lastDay                                          string // value of the last day-granular date found
	lastDayEnd                                       int    // token index after it
}

// Find returns the time expressions in sentence, in order, normalised
// against dct (the document creation time). With a zero dct, explicit
// dates keep their value, and expressions that need the creation time get
// TimeML's unspecified forms ("XXXX-01-20", "XXXX-XX-XX", "XXXX-WXX-2").
func Find(sentence string, dct time.Time) []Match {
	return FindIn(sentence, dct, Context{})
}

// Context is what the sentences before tell about one sentence.
type Context struct {
	// LastDay is the day (YYYY-MM-DD) an earlier sentence named, or "":
	// "to end the day", "the next day" and "that evening" refer to it
	// until the sentence names another day.
	LastDay string
	// Headline is set for a headline, whose present tense tells the past
	// ("Team beats rivals on Sunday"), so it marks no timetable.
	Headline bool
}

// FindIn is Find for a sentence in its context.
func FindIn(sentence string, dct time.Time, ctx Context) []Match {
	sc := &scanner{s: sentence, t: tokenize(sentence), has: !dct.IsZero(), lastDayEnd: -10, lastDay: ctx.LastDay, headline: ctx.Headline}
	if sc.has {
		sc.dct = time.Date(dct.Year(), dct.Month(), dct.Day(), 0, 0, 0, 0, time.UTC)
	}
	var out []Match
	for i := 0; i < len(sc.t); {
		if !sc.t[i].word && sc.t[i].low != "'" {
			i++
			continue
		}
		c := sc.match(i)
		if c.n == 0 {
			i++
			continue
		}
		m := Match{Type: c.typ, Value: c.val, Mod: c.mod, Start: sc.t[i].start, End: sc.t[i+c.n-1].end}
		m.Text = sentence[m.Start:m.End]
		out = append(out, m)
		if (c.typ == Date || c.typ == Time) && len(c.val) >= 10 && c.val[4] == '-' && c.val[7] == '-' {
			sc.lastDay, sc.lastDayEnd = c.val[:10], i+c.n
		}
		i += c.n
	}
	return out
}

// match returns the longest candidate starting at token i.
func (sc *scanner) match(i int) cand {
	if !sc.starts(i) {
		return cand{}
	}
	switch sc.t[i].low {
	case "the":
		// Most "the" start no time expression; look at the next word.
		if nx := sc.low(i + 1); !afterThe[nx] && !strings.ContainsAny(nx, "0123456789") {
			if _, pl := sc.unitAt(i + 1); !pl {
				return cand{}
			}
		}
	case "a", "an":
		best := sc.duration(i)
		if c := sc.set(i); c.n > best.n {
			best = c
		}
		return best
	}
	best := sc.modified(i)
	for _, c := range [...]cand{sc.explicit(i), sc.year(i), sc.relative(i), sc.weekday(i), sc.clock(i), sc.duration(i), sc.set(i), sc.ref(i), sc.season(i), sc.quarter(i), sc.dayOfMonth(i)} {
		if c.n > best.n {
			best = c
		}
	}
	return best
}

// starts reports whether a time expression can begin at token i.
func (sc *scanner) starts(i int) bool {
	t := sc.t[i]
	if starters[t.low] || t.num >= 0 {
		return true
	}
	if _, ok := val("month", t.low); ok {
		return true
	}
	if _, ok := val("weekday", t.low); ok || strings.HasSuffix(t.low, "days") {
		return true
	}
	for k := 0; k < len(t.low); k++ {
		if c := t.low[k]; c >= '0' && c <= '9' || c == '-' {
			return true
		}
	}
	return false
}

// low returns the lower-case text of token i, or "" past either end.
func (sc *scanner) low(i int) string {
	if i < 0 || i >= len(sc.t) {
		return ""
	}
	return sc.t[i].low
}

func (sc *scanner) upper(i int) bool { return i >= 0 && i < len(sc.t) && sc.t[i].upper }

// phrase returns the value and length of the longest phrase of table kind
// that starts at token i.
func (sc *scanner) phrase(kind string, i int) (string, int) {
	if i >= len(sc.t) || !sc.t[i].word {
		return "", 0
	}
next:
	for _, e := range lex[kind].first[sc.t[i].low] {
		if i+len(e.words) > len(sc.t) {
			continue
		}
		for k := 1; k < len(e.words); k++ {
			if t := sc.t[i+k]; !t.word || t.low != e.words[k] {
				continue next
			}
		}
		return e.val, len(e.words)
	}
	return "", 0
}

// ---- tense ----

// tense marks past (-1) and future (+1) cues and precomputes, for every
// token, the nearest strong and reporting cue on each side.
func (sc *scanner) tense() {
	n := len(sc.t)
	sc.cues = make([]int, n) // 0 none, ±1 strong, ±2 reporting verb (weak)
	for j, t := range sc.t {
		if !t.word || t.upper && j > 0 {
			continue
		}
		w := t.low
		switch {
		case directive[w] && sc.orderedTo(j):
			// "was ordered to report to prison on Feb. 9", "ordered
			// Kowalski to pay": what is ordered comes after the order.
			sc.cues[j] = 1
		case w == "set" || w == "going":
			if sc.low(j+1) == "to" || w == "set" && sc.low(j+1) == "for" && (sc.low(j-1) == "is" || sc.low(j-1) == "are") {
				sc.cues[j] = 1 // "set to", "is set for Monday"
			}
		case (w == "take" || w == "takes") && (sc.low(j+1) == "effect" || sc.low(j+1) == "place" || sc.low(j+1) == "office"):
			if sc.low(j-1) != "did" && sc.low(j-1) != "to" && !sc.headline {
				sc.cues[j] = 1 // "new contracts take effect on Monday"
			}
		case w == "go" && sc.low(j+1) == "to" && sc.low(j+3) == "polls":
			if !sc.headline {
				sc.cues[j] = 1 // "Voters go to the polls on 1 March"
			}
		case in("schedule", w):
			// "The team plays Monday", "Parliament returns on Monday": a
			// timetable, in a body sentence (headlines tell the past in
			// the present), unless "did" or "to" stands before.
			switch sc.low(j - 1) {
			case "did", "didn't", "to", "the", "a", "its", "his", "her", "their":
			default:
				if !sc.headline && !t.upper && !(sc.low(j-1) == "not" && sc.low(j-2) == "did") {
					sc.cues[j] = 1
				}
			}
		case w == "due":
			if sc.low(j+1) == "to" || sc.low(j+1) == "in" || sc.low(j+1) == "for" || sc.low(j+1) == "on" || sc.low(j+1) == "at" || sc.low(j+1) == "by" {
				switch sc.low(j - 1) {
				case "is", "are", "was", "were", "be":
					sc.cues[j] = 1
				}
			}
		case w == "be" && sc.low(j-1) == "to":
			sc.cues[j] = 1 // "to be held"
		case in("future", w):
			switch sc.low(j - 1) {
			case "originally", "initially", "first", "previously", "once":
				// "first planned for 15 December": the old plan's date
				// may lie either side; the nearest one wins.
			default:
				if w == "must" && (sc.low(j+1) == "have" || sc.low(j+1) == "'ve") {
					break // "must have left on Monday": a guess about the past
				}
				sc.cues[j] = 1
			}
		case sc.low(j-1) == "be" || sc.low(j-1) == "being":
			// a passive participle after "be" carries no tense of its own
		case in("report", w):
			if strings.HasSuffix(w, "s") {
				break // "says": present, no direction
			}
			sc.cues[j] = -2
		case in("past", w):
			sc.cues[j] = -1
		case len(w) >= 5 && strings.HasSuffix(w, "ed") && !edWords[w] && !strings.ContainsAny(w, "-'."):
			if sc.temporalClause(j) {
				// "would be infused when they opened on Friday": the
				// tense of a when-clause follows its main clause.
				break
			}
			sc.cues[j] = -1
		}
	}
	sc.leftStrong, sc.leftReport = make([]int, n), make([]int, n)
	sc.rightStrong, sc.rightReport = make([]int, n), make([]int, n)
	ls, lr := -1, -1
	for j := 0; j < n; j++ {
		sc.leftStrong[j], sc.leftReport[j] = ls, lr
		switch c := sc.cues[j]; {
		case c == 1 || c == -1:
			ls = j
		case c == -2:
			lr = j
		}
	}
	rs, rr := -1, -1
	for j := n - 1; j >= 0; j-- {
		sc.rightStrong[j], sc.rightReport[j] = rs, rr
		switch c := sc.cues[j]; {
		case c == 1 || c == -1:
			rs = j
		case c == -2:
			rr = j
		}
	}
}

// directive are past forms whose infinitive object lies ahead: "ordered
// to report", "told to appear".
var directive = map[string]bool{
	"ordered": true, "told": true, "asked": true, "directed": true, "instructed": true, "summoned": true, "required": true,
}

// orderedTo reports whether the directive at j takes an infinitive: "to"
// and a lower-case verb right after it, or after a name of up to three
// words or an object pronoun ("ordered Kowalski to pay", "told him to").
func (sc *scanner) orderedTo(j int) bool {
	k := j + 1
	switch sc.low(k) {
	case "him", "her", "them", "us", "me", "it":
		k++
	default:
		for m := 0; m < 3 && k < len(sc.t) && sc.t[k].word && sc.t[k].upper; m++ {
			k++
		}
	}
	return sc.low(k) == "to" && k+1 < len(sc.t) && sc.t[k+1].word && !sc.t[k+1].upper
}

// temporalClause reports whether the verb at j opens a clause led by
// "when", "once" or "until" a word or two before it.
func (sc *scanner) temporalClause(j int) bool {
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		switch sc.low(k) {
		case "when", "once", "until", "whenever":
			return true
		case ",", ";", ".":
			return false
		}
	}
	return false
}

// dir returns the tense direction for an expression over tokens [i, end):
// the nearest cue decides; reporting verbs ("said") count only next to the
// expression ("said Monday", "said on Monday"), since further away they
// tell when something was said rather than when it happens.
func (sc *scanner) dir(i, end int) int {
	if len(sc.t) == 0 || i >= len(sc.t) {
		return 0
	}
	if sc.cues == nil {
		sc.tense()
	}
	end = min(end, len(sc.t))
	best, bestD := 0, 1<<30
	try := func(j, d int, report bool) {
		if j < 0 || report && (d > 2 || sc.punctBetween(j, i, end)) {
			return
		}
		if !report && sc.clauseBetween(j, i, end) {
			// "X, who is due to visit on Tuesday, welcomed ...": a cue in
			// the same clause outweighs a nearer one across a comma or
			// "unless".
			d += 6
			if d > 12 {
				return // too far away across a clause to govern the expression
			}
		}
		if d < bestD {
			best, bestD = sc.cues[j], d
		}
	}
	// Cues inside the expression ("last", "next") are the expression's own.
	try(sc.leftStrong[i], i-sc.leftStrong[i], false)
	try(sc.leftReport[i], i-sc.leftReport[i], true)
	try(sc.rightStrong[end-1], sc.rightStrong[end-1]-end+2, false)
	try(sc.rightReport[end-1], sc.rightReport[end-1]-end+1, true)
	switch {
	case best > 0:
		return 1
	case best < 0:
		return -1
	}
	return 0
}

// clauseBetween reports whether a punctuation mark or a subordinating
// conjunction separates token j from the expression over tokens [i, end).
func (sc *scanner) clauseBetween(j, i, end int) bool {
	lo, hi := j+1, i
	if j >= end {
		lo, hi = end, j
	}
	for k := lo; k < hi; k++ {
		switch sc.t[k].low {
		case ",", ";", ":", "-", "--", "(", ")", "unless", "if", "because", "although", "though", "whereas", "while":
			return true
		}
	}
	return false
}

// punctBetween reports whether a punctuation mark separates token j from
// the expression over tokens [i, end).
func (sc *scanner) punctBetween(j, i, end int) bool {
	lo, hi := j+1, i
	if j >= end {
		lo, hi = end, j
	}
	for k := lo; k < hi; k++ {
		if !sc.t[k].word {
			return true
		}
	}
	return false
}

// ---- value helpers ----

func (sc *scanner) day(t time.Time) string { return t.Format(time.DateOnly) }

func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func week(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// month formats year y and month m, which may lie outside 1..12.
func month(y, m int) string {
	m--
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	return fmt.Sprintf("%04d-%02d", y, m+1)
}

// isoWeekday returns 1 for Monday through 7 for Sunday.
func isoWeekday(t time.Time) int {
	d := int(t.Weekday())
	if d == 0 {
		return 7
	}
	return d
}

// yearFor picks the year for a month (and day, or 0) with no year: the one
// nearest the creation time in the direction of the tense.
func (sc *scanner) yearFor(m, d, dir int) int {
	y := sc.dct.Year()
	if d == 0 {
		dm := int(sc.dct.Month())
		switch {
		case dir < 0 && m > dm:
			return y - 1
		case dir > 0 && m < dm:
			return y + 1
		case dir == 0 && m-dm > 6:
			return y - 1
		case dir == 0 && dm-m > 6:
			return y + 1
		}
		return y
	}
	for _, yy := range []int{y, y - 1, y + 1} {
		c := ymd(yy, m, d)
		if dir < 0 && c.After(sc.dct) || dir > 0 && c.Before(sc.dct) {
			// Against the tense ("took office on March 20" in an article
			// of March 10): only a day or two off, as a late dateline is.
			if absDays(c, sc.dct) <= 2 {
				return yy
			}
			continue
		}
		if absDays(c, sc.dct) <= 14 {
			// A date within two weeks of the creation time is that one,
			// whatever the tense: the cue is likely about something else.
			return yy
		}
	}
	c := ymd(y, m, d)
	switch {
	case dir < 0 && c.After(sc.dct):
		return y - 1
	case dir > 0 && c.Before(sc.dct):
		return y + 1
	case dir == 0:
		best, bestD := y, absDays(c, sc.dct)
		for _, yy := range []int{y - 1, y + 1} {
			if dd := absDays(ymd(yy, m, d), sc.dct); dd < bestD {
				best, bestD = yy, dd
			}
		}
		return best
	}
	return y
}

func absDays(a, b time.Time) int {
	d := int(a.Sub(b).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// ---- number helpers ----

// monthAt returns the month number of token i (upper case, with an
// optional period after an abbreviation) and how many tokens it uses.
func (sc *scanner) monthAt(i int) (int, int) {
	if i >= len(sc.t) || !sc.t[i].word || !sc.t[i].upper {
		return 0, 0
	}
	v, ok := val("month", sc.low(i))
	if !ok {
		return 0, 0
	}
	m, _ := strconv.Atoi(v)
	n := 1
	if w := sc.low(i); len(w) <= 4 && w != "june" && w != "july" && w != "may" && sc.low(i+1) == "." && sc.t[i+1].start == sc.t[i].end {
		n = 2
	}
	return m, n
}

// dayAt returns the day of month of token i ("20", "01", "20th", "1st").
func (sc *scanner) dayAt(i int) int {
	if i >= len(sc.t) {
		return 0
	}
	w := sc.low(i)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if len(w) == 0 || len(w) > 2 || !allDigits(w) {
		return 0
	}
	d, _ := strconv.Atoi(w)
	if d < 1 || d > 31 {
		return 0
	}
	return d
}

// yearAt returns the four-digit year of token i, or 0.
func (sc *scanner) yearAt(i int) int {
	if i >= len(sc.t) || sc.t[i].digits != 4 {
		return 0
	}
	if y := sc.t[i].num; y >= 1000 && y <= 2999 {
		return y
	}
	return 0
}

// weekdayAt returns the ISO weekday of token i (full name, or an
// abbreviation followed by a period) and the tokens it uses.
func (sc *scanner) weekdayAt(i int) (int, int) {
	if i >= len(sc.t) || !sc.t[i].upper {
		return 0, 0
	}
	v, ok := val("weekday", sc.low(i))
	if !ok {
		return 0, 0
	}
	d, _ := strconv.Atoi(v)
	if len(sc.low(i)) <= 5 && !strings.HasSuffix(sc.low(i), "day") {
		if sc.low(i+1) != "." {
			return 0, 0
		}
		return d, 2
	}
	return d, 1
}

// numberAt reads a count at token i: digits, a number word, a hyphenated
// compound ("twenty-five"), "two and a half", or a vague quantity
// ("several" gives "X"). It returns the count as TIMEX3 text and the tokens
// used; article is true for "a"/"an".
func (sc *scanner) numberAt(i int) (num string, n int, article bool) {
	if i >= len(sc.t) || !sc.t[i].word {
		return "", 0, false
	}
	if v, k := sc.phrase("vague", i); k > 0 {
		return v, k, false
	}
	w := sc.low(i)
	var f float64
	switch {
	case sc.t[i].num >= 0:
		f = float64(sc.t[i].num)
	case isDecimal(w):
		f, _ = strconv.ParseFloat(w, 64)
	default:
		v, ok := wordNumber(w)
		if !ok {
			return "", 0, false
		}
		f = v
		article = w == "a" || w == "an"
	}
	n = 1
	if sc.low(i+1) == "and" && (sc.low(i+2) == "a" || sc.low(i+2) == "one") && sc.low(i+3) == "half" {
		f += 0.5
		n = 4
	}
	return strconv.FormatFloat(f, 'f', -1, 64), n, article
}

func isDecimal(w string) bool {
	i := strings.IndexByte(w, '.')
	return i > 0 && allDigits(w[:i]) && allDigits(w[i+1:])
}

// wordNumber reads "seven", "twenty-five" or "a".
func wordNumber(w string) (float64, bool) {
	var sum float64
	for _, p := range strings.Split(w, "-") {
		v, ok := val("number", p)
		if !ok {
			return 0, false
		}
		f, _ := strconv.ParseFloat(v, 64)
		sum += f
	}
	return sum, true
}

// unitAt reads a unit at token i, singular or plural.
func (sc *scanner) unitAt(i int) (unit string, plural bool) {
	if i >= len(sc.t) || !sc.t[i].word {
		return "", false
	}
	if t := sc.t[i]; t.upper && t.end-t.start <= 3 && sc.s[t.start:t.end] == strings.ToUpper(sc.s[t.start:t.end]) {
		return "", false // "SEC", "HR": an acronym
	}
	return unitWord(sc.low(i))
}

func unitWord(w string) (string, bool) {
	if u, ok := val("unit", w); ok {
		return u, false
	}
	if strings.HasSuffix(w, "ies") {
		if u, ok := val("unit", strings.TrimSuffix(w, "ies")+"y"); ok {
			return u, true
		}
	}
	if strings.HasSuffix(w, "s") {
		if u, ok := val("unit", strings.TrimSuffix(w, "s")); ok {
			return u, true
		}
	}
	return "", false
}

// period formats a duration of num units as a TIMEX3 value ("P3D", "PT2H",
// "P10Y" for a decade, "PXY").
func period(num, unit string) string {
	if num == "0.5" {
		switch unit {
		case "TH":
			return "PT30M"
		case "D":
			return "PT12H"
		case "Y":
			return "P6M"
		case "M":
			return "P2W"
		}
	}
	switch unit {
	case "TS", "TM", "TH":
		return "PT" + num + unit[1:]
	case "DE", "CE":
		if num == "X" {
			return "PX" + unit
		}
		f, _ := strconv.ParseFloat(num, 64)
		if unit == "DE" {
			f *= 10
		} else {
			f *= 100
		}
		return "P" + strconv.FormatFloat(f, 'f', -1, 64) + "Y"
	case "2W":
		if num == "X" {
			return "PXW"
		}
		f, _ := strconv.ParseFloat(num, 64)
		return "P" + strconv.FormatFloat(2*f, 'f', -1, 64) + "W"
	}
	return "P" + num + unit
}
