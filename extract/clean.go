package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// offsetMap maps byte positions in the cleaned text back to the original.
// Every replacement is as long as or shorter than what it replaces, so
// between two replacements the shift is constant: the map keeps one entry
// per change of shift, which stays small on ordinary text.
type offsetMap struct {
	at    []int32 // cleaned positions where a new shift starts, ascending
	shift []int32 // original = cleaned + shift from at[i] on
}

// orig returns the original byte position of cleaned position p.
func (m *offsetMap) orig(p int) int {
	i := sort.Search(len(m.at), func(i int) bool { return int(m.at[i]) > p }) - 1
	if i < 0 {
		return p
	}
	return p + int(m.shift[i])
}

// cleaner builds the cleaned text and its offset map.
type cleaner struct {
	b     strings.Builder
	m     offsetMap
	shift int
}

// emit writes repl for the original bytes [i, j).
func (c *cleaner) emit(repl string, i, j int) {
	c.b.WriteString(repl)
	if s := j - c.b.Len(); s != c.shift {
		c.shift = s
		c.m.at = append(c.m.at, int32(c.b.Len()))
		c.m.shift = append(c.m.shift, int32(s))
	}
}

// clean normalises typography in s without changing its meaning: curly
// quotes become straight, unusual spaces become spaces, dashes become
// " - " or "-", carriage returns become newlines, zero-width characters
// and leftover HTML tags go, and common HTML entities are decoded.
// Invalid UTF-8 bytes become spaces. The result is never longer than s.
func clean(s string) (string, *offsetMap) {
	c := &cleaner{}
	c.b.Grow(len(s))
	// Single curly quotes used as quotation marks (‘We will win,’ she
	// said) become double quotes when an opening mark has a closing one
	// after punctuation in the same line; apostrophes stay.
	sqClose, sqFailUntil := -1, -1
	sqFailASCII := -1          // the same for straight marks ('We will win,' she said)
	linkMid, linkEnd := -1, -1 // "](" and ")" of a Markdown link being read
	for i := 0; i < len(s); {
		ch := s[i]
		if ch < utf8.RuneSelf {
			if i == 0 || s[i-1] == '\n' {
				// Markdown line marks: "# ", "> ", "* ", "- ", "+ ".
				if n := markdownLineMark(s, i); n > 0 {
					c.emit("", i, i+n)
					i += n
					continue
				}
			}
			switch {
			case i == linkMid:
				c.emit("", i, linkEnd+1) // "](url)"
				i, linkMid, linkEnd = linkEnd+1, -1, -1
				continue
			case ch == '[' && linkMid < 0:
				if mid, end := markdownLink(s, i); mid > 0 {
					c.emit("", i, i+1)
					i, linkMid, linkEnd = i+1, mid, end
					continue
				}
				c.b.WriteByte(ch)
			case (ch == '*' || ch == '_') && i+1 < len(s) && s[i+1] == ch:
				c.emit("", i, i+2) // "**bold**", "__bold__"
				i += 2
				continue
			case ch == '\'' && i == sqClose:
				c.emit(`"`, i, i+1)
				sqClose = -1
			case ch == '\'' && sqClose < 0 && i >= sqFailASCII && quoteOpens(s, i, 1):
				if j := singleClose(s, i+1, "'"); j >= 0 {
					c.emit(`"`, i, i+1)
					sqClose = j
				} else {
					sqFailASCII = lineEnd(s, i)
					c.b.WriteByte(ch)
				}
			case ch == '\r':
				if i+1 < len(s) && s[i+1] == '\n' {
					c.emit("\n", i, i+2)
					i += 2
					continue
				}
				c.emit("\n", i, i+1)
			case ch == '\t' || ch == '\f' || ch == '\v':
				c.emit(" ", i, i+1)
			case ch < ' ' && ch != '\n':
				c.emit(" ", i, i+1)
			case ch == '<':
				if j, block, ok := htmlTag(s, i); ok {
					if block {
						c.emit("\n", i, j)
					} else {
						c.emit(" ", i, j)
					}
					i = j
					continue
				}
				c.b.WriteByte(ch)
			case ch == '&':
				if j, repl, ok := htmlEntity(s, i); ok {
					c.emit(repl, i, j)
					i = j
					continue
				}
				c.b.WriteByte(ch)
			default:
				c.b.WriteByte(ch)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		repl, ok := "", true
		switch r {
		case utf8.RuneError:
			repl = " "
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033', '\u301d', '\u301e', '\uff02':
			repl = `"`
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4', '\u02bc':
			repl = "'"
			switch {
			case i == sqClose:
				repl, sqClose = `"`, -1
			case r == '\u2018' && sqClose < 0 && i >= sqFailUntil && quoteOpens(s, i, size):
				if j := singleClose(s, i+size, "\u2019"); j >= 0 {
					repl, sqClose = `"`, j
				} else {
					sqFailUntil = lineEnd(s, i)
				}
			}
		case '\u00a0', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000':
			repl = " "
		case '\u2014', '\u2015':
			repl = " - "[:min(3, size)]
		case '\u2013', '\u2012', '\u2010', '\u2011', '\u2212':
			repl = "-"
		case '\u2026':
			repl = "..."
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			repl = ""
		case '\u2028', '\u2029', '\u0085':
			repl = "\n"
		default:
			ok = false
		}
		if ok {
			c.emit(repl, i, i+size)
		} else {
			c.b.WriteString(s[i : i+size])
		}
		i += size
	}
	return c.b.String(), &c.m
}

// markdownLineMark returns the length of a Markdown heading, quote or list
// mark with its spaces at the line start s[i:], or 0.
func markdownLineMark(s string, i int) int {
	j := i
	switch {
	case j < len(s) && s[j] == '#':
		for j < len(s) && s[j] == '#' && j-i < 6 {
			j++
		}
	case j < len(s) && (s[j] == '>' || s[j] == '*' || s[j] == '-' || s[j] == '+'):
		j++
	default:
		return 0
	}
	if j >= len(s) || s[j] != ' ' {
		return 0
	}
	for j < len(s) && s[j] == ' ' {
		j++
	}
	return j - i
}

// markdownLink finds the "](" and the closing ")" of a Markdown link
// "[text](url)" that opens at s[i], on one line; mid is -1 if none.
func markdownLink(s string, i int) (mid, end int) {
	lim := min(len(s), i+600)
	for k := i + 1; k+1 < lim; k++ {
		switch s[k] {
		case '\n', '[':
			return -1, -1
		case ']':
			if s[k+1] != '(' || k == i+1 {
				return -1, -1
			}
			for e := k + 2; e < lim; e++ {
				switch s[e] {
				case ')':
					return k, e
				case ' ', '\n':
					return -1, -1
				}
			}
			return -1, -1
		}
	}
	return -1, -1
}

// quoteOpens reports whether the single opening mark at s[i:i+size] starts
// a quotation: after a space, a line start or a bracket, before a letter
// ("‘90s" is an elision).
func quoteOpens(s string, i, size int) bool {
	if i > 0 {
		switch s[i-1] {
		case ' ', '\n', '\t', '(', '[', '"':
		default:
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s[i+size:])
	return unicode.IsLetter(r)
}

// singleClose returns the position of the closing single mark (U+2019
// or a straight "'") of a quotation that opens before s[from]: one right after punctuation and
// before a space, a line end or the text's end, in the same line and
// within 2,000 bytes; or -1.
func singleClose(s string, from int, mark string) int {
	end := min(len(s), from+2000)
	for k := from; k < end; k++ {
		switch s[k] {
		case '\n':
			return -1
		case mark[0]:
			if !strings.HasPrefix(s[k:], mark) || k == from {
				continue
			}
			if p := s[k-1]; p != ',' && p != '.' && p != '?' && p != '!' {
				continue
			}
			if a := k + len(mark); a == len(s) || s[a] == ' ' || s[a] == '\n' || s[a] == '\r' {
				return k
			}
		}
	}
	return -1
}

// lineEnd returns the position of the line end after s[i], or len(s).
func lineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s)
}

// htmlTag recognises a tag such as <p>, </div> or <br/> starting at s[i].
// block reports whether it breaks a paragraph.
func htmlTag(s string, i int) (end int, block, ok bool) {
	j := i + 1
	if j < len(s) && (s[j] == '/' || s[j] == '!') {
		j++
	}
	if j >= len(s) || !(s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '-') {
		return 0, false, false
	}
	nameStart := j
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	name := strings.ToLower(s[nameStart:j])
	for k := j; k < len(s) && k-i < 400; k++ {
		switch s[k] {
		case '>':
			switch name {
			case "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "figure", "figcaption", "section", "article", "hr":
				block = true
			}
			return k + 1, block, true
		case '<', '\n':
			return 0, false, false
		}
	}
	return 0, false, false
}

var entities = map[string]string{
	"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'", "nbsp": " ", "#39": "'", "#34": `"`,
	"rsquo": "'", "lsquo": "'", "rdquo": `"`, "ldquo": `"`, "mdash": "-", "ndash": "-", "hellip": "...", "#8217": "'",
	"#8216": "'", "#8220": `"`, "#8221": `"`, "#8212": "-", "#8211": "-", "#160": " ",
}

// htmlEntity decodes an entity such as &amp; starting at s[i].
func htmlEntity(s string, i int) (end int, repl string, ok bool) {
	for k := i + 1; k < len(s) && k-i <= 8; k++ {
		if s[k] == ';' {
			r, ok := entities[s[i+1:k]]
			if !ok || len(r) > k+1-i {
				return 0, "", false
			}
			return k + 1, r, true
		}
	}
	return 0, "", false
}
