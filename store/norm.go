package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normKey returns the key names are matched by: diacritics stripped from
// Latin letters, case folded, dots and apostrophes dropped, every other
// run of non-letters and non-digits turned into one space. "Kim Min-jae",
// "kim  min jae" and "KIM MIN-JAE" share the key "kim min jae".
func normKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '.' || r == '\'' || r == '\u2019' || r == '\u02bc':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			foldRune(&b, r)
		case unicode.Is(unicode.Mn, r):
			// A combining mark left over from decomposed input.
			continue
		default:
			space = true
		}
	}
	return b.String()
}

// foldRune writes r lower-cased, without diacritics when r is a Latin
// letter. Other scripts are kept as they are: decomposing Hangul, for
// one, would split syllables into jamo.
func foldRune(b *strings.Builder, r rune) {
	if r < 0x80 {
		b.WriteRune(unicode.ToLower(r))
		return
	}
	if s, ok := latinSpecial[r]; ok {
		b.WriteString(s)
		return
	}
	if (r >= 0xC0 && r <= 0x24F) || (r >= 0x1E00 && r <= 0x1EFF) {
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		for _, d := range norm.NFD.String(string(buf[:n])) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(unicode.ToLower(d))
			}
		}
		return
	}
	b.WriteRune(unicode.ToLower(r))
}

// latinSpecial folds the Latin letters that have no canonical
// decomposition.
var latinSpecial = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// wordKeys returns key and every suffix of it that starts a word, whole
// key first: "cho tae yul" gives "cho tae yul", "tae yul", "yul".
func wordKeys(key string) []string {
	if key == "" {
		return nil
	}
	keys := []string{key}
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' && i+1 < len(key) {
			keys = append(keys, key[i+1:])
		}
	}
	return keys
}

// prefixEnd returns the smallest string greater than every string with
// prefix p, for a range scan `key >= p AND key < prefixEnd(p)` that an
// index serves (LIKE would not, as it folds case). Keys are valid UTF-8,
// whose bytes never reach 0xFF.
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xFF {
			b[i]++
			return string(b[:i+1])
		}
	}
	return "\xff"
}

// jaroWinkler returns the Jaro-Winkler similarity of a and b, from 0 (no
// likeness) to 1 (equal), over runes.
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	window := max(len(ra), len(rb))/2 - 1
	window = max(window, 0)
	ma := make([]bool, len(ra))
	mb := make([]bool, len(rb))
	matches := 0
	for i := range ra {
		lo, hi := max(0, i-window), min(len(rb), i+window+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && ra[i] == rb[j] {
				ma[i], mb[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	transpositions, j := 0, 0
	for i := range ra {
		if !ma[i] {
			continue
		}
		for !mb[j] {
			j++
		}
		if ra[i] != rb[j] {
			transpositions++
		}
		j++
	}
	m := float64(matches)
	jaro := (m/float64(len(ra)) + m/float64(len(rb)) + (m-float64(transpositions)/2)/m) / 3
	prefix := 0
	for prefix < min(4, len(ra), len(rb)) && ra[prefix] == rb[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}
