package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tokWord  = 'w' // letters, possibly with inner hyphens, apostrophes or periods
	tokNum   = 'n' // starts with a digit
	tokPunct = 'p'
	tokPoss  = 's' // the possessive 's
)

// token is one word or mark of a sentence; s and e are byte offsets in the
// cleaned text.
type token struct {
	w    string
	s, e int
	kind byte
	up   bool // starts with an upper-case letter
}

// tokenize appends the tokens of t[sp.s:sp.e] to out.
func tokenize(x *lexicon, t string, sp span, out []token) []token {
	i := sp.s
	for i < sp.e {
		c := t[i]
		if isSpace(c) {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:sp.e])
		if !wordRune(r) {
			if c == '\'' && i+1 < sp.e && (t[i+1] == 's' || t[i+1] == 'S') && (i+2 >= sp.e || !wordByte(t[i+2])) && len(out) > 0 && out[len(out)-1].e == i {
				out = append(out, token{w: t[i : i+2], s: i, e: i + 2, kind: tokPoss})
				i += 2
				continue
			}
			out = append(out, token{w: t[i : i+size], s: i, e: i + size, kind: tokPunct})
			i += size
			continue
		}
		j := i + size
		for j < sp.e {
			r, size := utf8.DecodeRuneInString(t[j:sp.e])
			if wordRune(r) {
				j += size
				continue
			}
			if (r == '-' || r == '\'' || r == '.' || r == '&' || r == ',' || r == ':' || r == '/') && j+1 < sp.e {
				r2, _ := utf8.DecodeRuneInString(t[j+1 : sp.e])
				if wordRune(r2) {
					// A possessive 's is its own token; a comma, colon or
					// slash only joins digits.
					if r == '\'' && (t[j+1] == 's' || t[j+1] == 'S') && (j+2 >= sp.e || !wordByte(t[j+2])) {
						break
					}
					if (r == ',' || r == ':' || r == '/') && !(isDigit(t[j-1]) && isDigit(t[j+1])) {
						break
					}
					j += 1 + utf8.RuneLen(r2)
					continue
				}
			}
			break
		}
		w := t[i:j]
		// Keep a period that belongs to the word: an abbreviation, an
		// initial or a dotted acronym.
		if j < sp.e && t[j] == '.' {
			if _, ok := x.abbrevs[w+"."]; ok || (len(w) == 1 && unicode.IsUpper(r)) || strings.Contains(w, ".") && !isDigit(w[0]) {
				j++
				w = t[i:j]
			}
		}
		k := byte(tokWord)
		if isDigit(c) {
			k = tokNum
		}
		out = append(out, token{w: w, s: i, e: j, kind: k, up: unicode.IsUpper(r)})
		i = j
	}
	return out
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func wordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= utf8.RuneSelf
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// capWord reports whether tok can be part of a capitalised name.
func capWord(tk token) bool {
	if tk.kind != tokWord {
		return false
	}
	if tk.up {
		return true
	}
	// al-Assad, el-Sisi: a lower-case particle joined to a capital.
	if len(tk.w) > 3 && (strings.HasPrefix(tk.w, "al-") || strings.HasPrefix(tk.w, "el-") || strings.HasPrefix(tk.w, "ad-")) {
		r, _ := utf8.DecodeRuneInString(tk.w[3:])
		return unicode.IsUpper(r)
	}
	return false
}

// isParticle reports whether w is a name particle, in any case ("Von der
// Leyen" at the start of a sentence).
func isParticle(w string) bool {
	if particles[w] {
		return true
	}
	if len(w) > 5 || w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	return capParticles[strings.ToLower(w)]
}

// capParticles are the particles that also lead a surname in capitals
// ("Von der Leyen", "De Souza"); "Ben" and "Abu" in capitals are names.
var capParticles = map[string]bool{
	"von": true, "van": true, "de": true, "der": true, "den": true, "da": true, "di": true, "du": true,
	"del": true, "della": true, "la": true, "le": true, "dos": true, "das": true,
}

// particles join the parts of a name in lower case.
var particles = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "den": true, "bin": true, "ibn": true, "ben": true, "bint": true,
	"da": true, "di": true, "del": true, "della": true, "dos": true, "das": true, "du": true, "la": true, "le": true,
	"ter": true, "ten": true, "al": true, "el": true, "y": true, "zu": true, "af": true, "abu": true,
}
