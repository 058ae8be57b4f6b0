package timex

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word, number or punctuation mark of a sentence. Start and
// End are byte offsets; a possessive 's is left outside End.
type token struct {
	low        string // lower case, possessive 's removed
	start, end int
	upper      bool // starts with an upper-case letter
	word       bool // letters or digits, not punctuation
	num        int  // value of an all-digit token, or -1
	digits     int  // number of digits of an all-digit token
}

// tokenize splits s into tokens in one pass. A word runs over letters and
// digits and keeps inner punctuation that joins two alphanumerics
// ("a.m", "10:30", "2,000", "2025-01-20", "O'Neil", "mid-2011").
func tokenize(s string) []token {
	var toks []token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !alnum(r) {
			toks = append(toks, token{low: s[i : i+size], start: i, end: i + size, num: -1})
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if alnum(r) {
				j += size
				continue
			}
			if strings.ContainsRune("-'./:,", r) && j+size < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j+size:]); alnum(r2) {
					j += size
					continue
				}
			}
			break
		}
		toks = append(toks, newWord(s, i, j))
		i = j
	}
	return toks
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func newWord(s string, start, end int) token {
	t := token{start: start, end: end, word: true, num: -1}
	if strings.HasSuffix(s[start:end], "'s") && end-start > 2 {
		t.end -= 2
	}
	text := s[start:t.end]
	r, _ := utf8.DecodeRuneInString(text)
	t.upper = unicode.IsUpper(r)
	t.low = strings.ToLower(text)
	if allDigits(text) && len(text) <= 9 {
		t.num, _ = strconv.Atoi(text)
		t.digits = len(text)
	}
	return t
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
