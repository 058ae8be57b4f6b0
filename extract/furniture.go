package extract

import (
	"strings"
	"unicode"
)

// pageFurniture reports whether a paragraph is a web page's furniture
// rather than story text: an ad or share label ("Advertisement",
// "Share"), a rule line ("___"), a teaser label ("READ MORE: …",
// "Sign up for …") or a page stamp ("Updated 3:14 PM EDT, March 4, 2024").
func pageFurniture(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" {
		return false
	}
	if strings.Trim(t, "_-=*~•· ") == "" {
		return true // "___", "* * *"
	}
	low := strings.ToLower(strings.TrimRight(t, ".:"))
	switch low {
	case "advertisement", "advertising", "ad", "share", "share this", "share this article", "share this story",
		"sponsored", "sponsored content", "story continues below advertisement", "continue reading",
		"skip to content", "from associated press", "from the associated press", "from reuters", "listen", "listen to this article", "comments", "print", "email", "save":
		return true
	}
	for _, p := range []string{"read more:", "read also:", "related:", "sign up for ", "sign up here", "share this "} {
		if strings.HasPrefix(low, p) && len(t) < 160 {
			return true
		}
	}
	return pageStamp(low)
}

// pageStamp reports whether low (lower case) is a time stamp line:
// "updated 3:14 pm edt, march 4, 2024", "published 10:02 am".
func pageStamp(low string) bool {
	if len(low) > 80 {
		return false
	}
	for _, p := range []string{"updated ", "last updated ", "published ", "posted ", "first published ", "modified "} {
		if rest, ok := strings.CutPrefix(low, p); ok {
			rest = strings.TrimPrefix(strings.TrimPrefix(rest, "on "), "at ")
			return strings.IndexFunc(rest, unicode.IsDigit) >= 0 && strings.IndexFunc(rest, unicode.IsDigit) < 12
		}
	}
	return false
}

// agencyCredits end a photo credit ("Jane Doe/Reuters").
var agencyCredits = []string{"reuters", "ap", "afp", "getty images", "getty", "epa", "bloomberg", "ap photo", "pa", "anadolu", "xinhua", "shutterstock", "ansa", "dpa"}

// creditLine reports whether a sentence is a photo credit rather than
// story text: "Photograph: Jane Doe/Reuters", "(AP Photo/John Doe)",
// "Jane Doe/Getty Images", "Photo by Jane Doe".
func creditLine(t string) bool {
	t = strings.TrimSpace(strings.Trim(strings.TrimSpace(t), "()[]."))
	if t == "" || len(t) > 120 {
		return false
	}
	low := strings.ToLower(t)
	for _, p := range []string{"photograph:", "photo:", "photos:", "image:", "picture:", "credit:", "photo by ", "photos by ", "photograph by ", "image by ", "ap photo/", "ap photo /", "reuters photo", "afp photo", "getty images", "ap photo by "} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	// "Jane Doe/Reuters", "Reuters/Jane Doe": a name and an agency around
	// a slash, every word capitalised ("AP/NORC poll shows …" is text).
	if len(strings.Fields(t)) > 8 {
		return false
	}
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '/' }) {
		if r := []rune(w)[0]; !unicode.IsUpper(r) {
			return false
		}
	}
	i := strings.LastIndex(low, "/")
	if i < 0 {
		return false
	}
	pre, post := strings.TrimSpace(low[:i]), strings.TrimSpace(low[i+1:])
	for _, ag := range agencyCredits {
		if post == ag || strings.HasSuffix(pre, ag) && !strings.Contains(pre, " ") {
			return true
		}
	}
	return false
}

// captionEnd reports whether a paragraph before the story ends as a wire
// photo caption does: "… during the game. (AP)", "… (Getty Images)".
func captionEnd(t string) bool {
	t = strings.TrimSpace(t)
	if !strings.HasSuffix(t, ")") || len(t) > 600 {
		return false
	}
	i := strings.LastIndex(t, "(")
	if i <= 0 {
		return false
	}
	in := strings.ToLower(t[i+1 : len(t)-1])
	for _, ag := range agencyCredits {
		if in == ag {
			return true
		}
	}
	return creditLine(t[i:])
}

// taglineNames returns the names a credit tagline gives and whether the
// paragraph is one: "Associated Press writer Sam Doe in Boise contributed
// to this report.", "— With assistance from Kim Lee and Bo Chan."
func (a *analysis) taglineNames(t string) ([]author, bool) {
	t = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), "—–-* "))
	if len(t) > 300 {
		return nil, false
	}
	low := strings.ToLower(t)
	var names string
	switch {
	case strings.HasPrefix(low, "with assistance from "), strings.HasPrefix(low, "with additional reporting by "),
		strings.HasPrefix(low, "additional reporting by "), strings.HasPrefix(low, "contributing: "),
		strings.HasPrefix(low, "contributing reporting by "):
		for _, sep := range []string{" from ", " by ", ": "} {
			if i := strings.Index(low, sep); i > 0 {
				names = t[i+len(sep):]
				break
			}
		}
	default:
		i := strings.Index(low, " contributed to this report")
		if i < 0 {
			i = strings.Index(low, " contributed reporting")
		}
		if i < 0 {
			i = strings.Index(low, " contributed to this story")
		}
		if i < 0 {
			return nil, false
		}
		names = t[:i]
		lowN := low[:i]
		for _, w := range []string{" writers ", " writer ", " reporters ", " reporter ", " correspondents ", " correspondent ", " journalists ", " journalist ", " photographer "} {
			if j := strings.LastIndex(lowN, w); j >= 0 {
				names = names[j+len(w):]
				break
			}
		}
	}
	names = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(names), "."))
	var out []author
	for _, chunk := range strings.Split(names, ",") {
		for _, part := range splitAnd(strings.TrimSpace(chunk)) {
			part = strings.TrimSpace(part)
			if i := strings.Index(part, " in "); i > 0 {
				part = part[:i] // "Sam Doe in Boise"
			}
			name := a.leadingName(part)
			if name == "" || len(strings.Fields(name)) < 2 || a.x.orgs[name] || a.isPlace(name) || publication(name) {
				continue
			}
			out = append(out, author{name: name, role: "contributor"})
		}
	}
	return out, true
}

// stampLine reports whether a short line is only a date and a clock time
// ("May 7th, 2025, 01:01 PM", "Tuesday 4 March 2024 - 09:15 GMT"): a
// page stamp, not story text.
func (a *analysis) stampLine(t string) bool {
	t = strings.TrimSpace(t)
	if len(t) > 60 || t == "" {
		return false
	}
	cal, num := false, false
	for _, w := range strings.Fields(t) {
		w = strings.Trim(w, ",.|")
		lw := strings.ToLower(w)
		switch {
		case w == "" || w == "-" || w == "–" || w == "—" || w == "/":
		case a.x.calendar[w] || a.x.calendar[w+"."] || a.x.calendar[lw] || a.x.calendar[lw+"."]:
			cal = true
		case strings.Trim(lw, "0123456789:/") == "" || strings.TrimRight(lw, "0123456789") == "" ||
			strings.Trim(lw, "0123456789") == "st" || strings.Trim(lw, "0123456789") == "nd" ||
			strings.Trim(lw, "0123456789") == "rd" || strings.Trim(lw, "0123456789") == "th":
			num = true
		case lw == "am" || lw == "pm" || lw == "a.m" || lw == "p.m" || len(w) >= 3 && len(w) <= 4 && allUpper(w) && strings.HasSuffix(w, "T"):
			// "PM", "EDT", "GMT"
		default:
			return false
		}
	}
	return cal && num
}
