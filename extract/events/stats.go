package events

import "strings"

// statistic reports whether the trigger over tokens [k, k+n) counts a
// player's or team's play rather than naming an event: "seven-for-nine
// shooting", "shooting 45 percent", "shooting from the field".
func (s *sent) statistic(k, n int) bool {
	if tally(s.low(k - 1)) {
		return true
	}
	j := k + n
	if numeral(s.low(j)) {
		j++ // "shooting 45 percent"
		switch s.low(j) {
		case "percent", "%", "pct":
			return true
		}
		return false
	}
	switch s.low(j) {
	case "percent", "%", "pct":
		return true
	case "from":
		switch s.low(j + 1) {
		case "three-point", "3-point", "beyond", "deep", "long-range", "downtown":
			return true // "from three-point range", "from beyond the arc"
		case "the":
			switch s.low(j + 2) {
			case "field", "floor", "line", "free-throw", "foul", "three-point", "3-point", "perimeter", "arc":
				return true
			}
		}
	}
	return false
}

// tally reports whether w is a made-of-attempted count such as
// "seven-for-nine", "7-for-9" or "3-of-10".
func tally(w string) bool {
	p := strings.Split(w, "-")
	return len(p) == 3 && (p[1] == "for" || p[1] == "of") && numeral(p[0]) && numeral(p[2])
}

// numeral reports whether w is a number in digits ("45", "45.5") or a
// number word up to twenty.
func numeral(w string) bool {
	if w == "" {
		return false
	}
	if strings.Trim(w, "0123456789.") == "" {
		return w[0] != '.'
	}
	return numberWords[w]
}

// numberWords are the number words a box score spells out.
var numberWords = map[string]bool{
	"zero": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
	"thirteen": true, "fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true,
	"eighteen": true, "nineteen": true, "twenty": true,
}
