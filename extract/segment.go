package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [s, e) in the cleaned text.
type span struct{ s, e int }

// maxSentence bounds a sentence's length in bytes: text with no sentence
// punctuation is cut at a space after this many bytes, which keeps every
// later stage linear in the input.
const maxSentence = 2000

// paragraphs splits t into non-empty paragraphs. A blank line always
// splits; a single newline splits too, unless it only wraps a line (the
// line does not end a sentence and the next starts in lower case).
func paragraphs(t string) []span {
	var out []span
	start := -1
	i := 0
	for i <= len(t) {
		j := strings.IndexByte(t[i:], '\n')
		if j < 0 {
			j = len(t)
		} else {
			j += i
		}
		line := strings.TrimSpace(t[i:j])
		if line == "" {
			if start >= 0 {
				out = appendTrimmed(out, t, start, i)
				start = -1
			}
		} else if start < 0 {
			start = i
		} else if !wrapped(t[start:i], line) {
			out = appendTrimmed(out, t, start, i)
			start = i
		}
		i = j + 1
	}
	if start >= 0 {
		out = appendTrimmed(out, t, start, len(t))
	}
	return out
}

// wrapped reports whether next continues prev as a hard-wrapped line.
func wrapped(prev, next string) bool {
	prev = strings.TrimSpace(prev)
	if prev == "" {
		return false
	}
	last := prev[len(prev)-1]
	if strings.IndexByte(`.!?:;"')]`, last) >= 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

func appendTrimmed(out []span, t string, s, e int) []span {
	for s < e && isSpace(t[s]) {
		s++
	}
	for e > s && isSpace(t[e-1]) {
		e--
	}
	if e > s {
		out = append(out, span{s, e})
	}
	return out
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// sentences splits the paragraph p of t into sentences and appends them.
func sentences(t string, p span, out []span) []span {
	x := words()
	start := p.s
	depth, openAt := 0, 0
	for i := p.s; i < p.e; i++ {
		c := t[i]
		switch c {
		case '(', '[':
			if depth == 0 {
				openAt = i
			}
			depth++
			continue
		case ')', ']':
			if depth > 0 {
				depth--
			}
			continue
		case ' ', '\n':
			if i-start > maxSentence {
				out = appendTrimmed(out, t, start, i)
				start = i + 1
			}
			continue
		case '.', '!', '?':
		default:
			continue
		}
		if depth > 0 && i-openAt > 400 {
			depth = 0 // a parenthesis that never closes
		}
		j := i + 1
		for j < p.e && (t[j] == '.' || t[j] == '!' || t[j] == '?') {
			j++
		}
		closedQuote := false
		for j < p.e && strings.IndexByte(`"')]`, t[j]) >= 0 {
			if t[j] == ')' || t[j] == ']' {
				if depth > 0 {
					depth--
				}
			}
			if t[j] == '"' || t[j] == '\'' {
				closedQuote = true
			}
			j++
		}
		if j < p.e && !isSpace(t[j]) {
			i = j - 1
			continue
		}
		k := j
		for k < p.e && isSpace(t[k]) {
			k++
		}
		if k >= p.e {
			break
		}
		if depth > 0 {
			i = j - 1
			continue
		}
		if !boundary(x, t, start, i, k, p.e, closedQuote) {
			i = j - 1
			continue
		}
		out = appendTrimmed(out, t, start, j)
		start = k
		i = k - 1
	}
	return appendTrimmed(out, t, start, p.e)
}

// boundary decides whether the punctuation at t[i] ends a sentence whose
// next word starts at t[k].
func boundary(x *lexicon, t string, start, i, k, end int, closedQuote bool) bool {
	r, _ := utf8.DecodeRuneInString(t[k:])
	if unicode.IsLower(r) {
		return false
	}
	next := nextWord(t, k, end)
	if closedQuote && attribution(x, t, k, end) {
		return false
	}
	if t[i] != '.' || (i > 0 && t[i-1] == '.') {
		return true
	}
	// The word that the period closes.
	ws := i
	for ws > start && !isSpace(t[ws-1]) && t[ws-1] != '(' && t[ws-1] != '"' {
		ws--
	}
	w := t[ws : i+1]
	if w == "." {
		return true
	}
	class, ok := x.abbrevs[w]
	if !ok {
		switch {
		case len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z':
			class = abbrAny // an initial
		case strings.Contains(w[:len(w)-1], ".") && !strings.ContainsAny(w, "0123456789"):
			class = abbrAny // U.S., a.m.
		default:
			return true
		}
	}
	switch class {
	case abbrTitle:
		return false
	case abbrMonth:
		if r >= '0' && r <= '9' {
			return false
		}
	}
	if t[k] == '(' && (companySuffix[w] || parentheticalGoesOn(t, k, end)) {
		// "Zoom Video Communications, Inc. (NASDAQ: ZM) today ...",
		// "EADS N.V. (EADS) have", "at 6:40 p.m. (GMT +8) after".
		return false
	}
	if timeZones[next] && (w == "a.m." || w == "p.m.") {
		return false // "at 2:00 p.m. PT on Aug. 21"
	}
	if len(w) == 2 {
		// After an initial only a function word opens a sentence:
		// "Timothy D. Cook" but "Plan B. The".
		return stopword[strings.ToLower(next)] || next == ""
	}
	return opener(x, next)
}

// parentheticalGoesOn reports whether the parenthesis opening at t[k]
// closes within 40 bytes and is followed by a lower-case word, which
// continues the sentence.
func parentheticalGoesOn(t string, k, end int) bool {
	c := strings.IndexByte(t[k:min(end, k+40)], ')')
	if c < 0 {
		return false
	}
	j := k + c + 1
	for j < end && t[j] == ' ' {
		j++
	}
	if j >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[j:])
	return unicode.IsLower(r)
}

// timeZones are the zone abbreviations written after a clock time.
var timeZones = map[string]bool{
	"ET": true, "PT": true, "CT": true, "MT": true, "EST": true, "EDT": true, "PST": true, "PDT": true, "CST": true,
	"CDT": true, "MST": true, "MDT": true, "GMT": true, "UTC": true, "BST": true, "CET": true, "CEST": true, "JST": true,
	"KST": true, "IST": true, "AEST": true, "AEDT": true, "HKT": true, "SGT": true, "WIB": true, "EAT": true, "SAST": true,
}

// opener reports whether w usually starts a sentence rather than continuing
// a name after an abbreviation ("U.S. Officials" vs "U.S. President").
func opener(x *lexicon, w string) bool {
	if w == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if r == '"' || r == '(' || r == '\'' {
		return true
	}
	if !unicode.IsUpper(r) {
		return false
	}
	if x.isGiven(w) || x.calendar[w] || x.orgCues[w] {
		return false
	}
	if _, ok := x.nationality[w]; ok {
		return false
	}
	if _, _, ok := x.place(w); ok {
		return false
	}
	low := strings.ToLower(w)
	if _, ok := x.titles[low]; ok {
		return false
	}
	if x.abbrevs[w+"."] == abbrTitle {
		return false // "U.S. Rep. Jim Jordan"
	}
	return x.isCommon(low)
}

// nextWord returns the word starting at t[k], without trailing punctuation.
func nextWord(t string, k, end int) string {
	j := k
	for j < end && !isSpace(t[j]) {
		j++
	}
	return strings.TrimRight(t[k:j], `.,;:!?"')`)
}

// attribution reports whether the words from t[k] read like a quote's
// attribution ("Smith said", "Foreign Minister Jones told reporters").
func attribution(x *lexicon, t string, k, end int) bool {
	for n := 0; n < 5 && k < end; n++ {
		w := nextWord(t, k, end)
		if n == 0 {
			switch w {
			case "He", "She", "They", "It", "We", "I", "You", "This", "That", "The":
				return false // '." He added' starts a new sentence
			}
		}
		if x.speech[strings.ToLower(w)] && n > 0 {
			return true
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for k < end && !isSpace(t[k]) {
			k++
		}
		for k < end && isSpace(t[k]) {
			k++
		}
	}
	return false
}
