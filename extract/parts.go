package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"factdesk/extract/timex"
	"factdesk/news"
)

// parts splits the cleaned text into paragraphs, finds the headline,
// captions, bylines and the dateline, and segments the rest into
// sentences.
func (a *analysis) parts() {
	a.paras = paragraphs(a.text)
	bodySeen, trailer := false, false
	lead := 0 // the first paragraph after page furniture
	var buf []span
	for pi, p := range a.paras {
		t := a.text[p.s:p.e]
		if !trailer && bodySeen && trailerHeading(t) {
			trailer = true // "Featured Articles": the rest is the page's, not the story's
			a.trailerFrom = len(a.sents)
		}
		switch {
		case trailer:
			buf = sentences(a.text, p, buf[:0])
			for _, s := range buf {
				a.addSent(s, news.KindCaption, pi)
			}
			continue
		case pi == lead && !a.cont && a.isHeadline(t, len(a.paras) > 1):
			a.addSent(p, news.KindHeadline, pi)
			continue
		case pageFurniture(t):
			if pi == lead {
				lead++
			}
			continue // "Advertisement", "___", "Updated 3:14 PM EDT, March 4, 2024"
		case creditLine(t):
			a.addSent(p, news.KindByline, pi) // "Photograph: Jane Doe/Reuters": a credit, not a sentence
			continue
		case a.isCaption(t) || !bodySeen && !a.cont && captionEnd(t):
			p.s = a.captionStart(p)
			buf = sentences(a.text, p, buf[:0])
			for _, s := range buf {
				kind := news.KindCaption
				if creditLine(a.text[s.s:s.e]) {
					kind = news.KindByline // "(AP Photo/Jane Doe)"
				}
				a.addSent(s, kind, pi)
			}
			continue
		case a.byline(p, pi):
			continue
		case a.tagline(p, pi):
			continue
		case endMarker(t):
			continue // "(END)", "###", "-30-": the wire's end of story
		case a.isDateOnly(p) || !bodySeen && a.stampLine(t):
			a.addSent(p, news.KindDateline, pi)
			continue
		}
		if !bodySeen && !a.cont {
			bodySeen = true
			if end, body, place := a.findDateline(p); end > p.s {
				a.dateline = strings.Clone(place)
				a.addSent(span{p.s, end}, news.KindDateline, pi)
				for _, pl := range strings.Split(place, "/") {
					if name, _, ok := a.x.place(titleCase(pl)); ok {
						a.places.add(name, len(a.sents)-1)
					}
				}
				p.s = body
				if p.s >= p.e {
					continue
				}
			}
		}
		buf = sentences(a.text, p, buf[:0])
		for _, s := range buf {
			a.addSent(s, news.KindBody, pi)
		}
	}
}

// endMarker reports whether a paragraph is only a wire service's end mark.
func endMarker(t string) bool {
	switch strings.ToUpper(strings.Trim(strings.TrimSpace(t), "()[]-= ")) {
	case "END", "###", "30", "ENDS", "XXX":
		return true
	}
	return false
}

func (a *analysis) addSent(s span, kind string, para int) {
	a.sents = append(a.sents, sent{span: s, kind: kind, para: para})
}

// isHeadline reports whether the first paragraph t is the headline: the
// document's title, or a short line with no closing period followed by more
// text.
func (a *analysis) isHeadline(t string, more bool) bool {
	if a.doc.Title != "" {
		title, _ := clean(a.doc.Title)
		return strings.EqualFold(strings.TrimSpace(title), t)
	}
	if !more || len(t) > 200 || a.isCaption(t) || captionEnd(t) || strings.HasPrefix(t, "By ") {
		return false
	}
	if n := len(strings.Fields(t)); n > 25 {
		return false
	}
	last := t[len(t)-1]
	return last != '.' && last != ',' && last != ';' && last != ':'
}

// trailerHeading reports whether a paragraph is a page heading that starts
// the teasers after a story ("Featured Articles", "Related stories", "More
// from Business").
func trailerHeading(t string) bool {
	t = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t), ":"))
	if len(t) > 40 {
		return false
	}
	low := strings.ToLower(t)
	switch low {
	case "featured articles", "featured", "related articles", "related stories", "related", "related content",
		"more stories", "most read", "most popular", "recommended", "recommended for you", "you may also like",
		"trending", "trending now", "more on this story", "read next", "latest news", "top stories":
		return true
	}
	return strings.HasPrefix(low, "more from ")
}

// isCaption reports whether a paragraph is a photo caption or credit.
func (a *analysis) isCaption(t string) bool {
	low := strings.ToLower(t[:min(len(t), 400)])
	for _, c := range a.x.captionHead {
		if strings.HasPrefix(low, c) {
			return true
		}
	}
	if len(t) > 600 {
		return false
	}
	low = strings.ToLower(t)
	for _, c := range a.x.captionAny {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}

// captionStart skips a caption's label ("Photo/Illustration", "Photo:")
// so that the caption sentence is the caption's own words.
func (a *analysis) captionStart(p span) int {
	t := a.text[p.s:p.e]
	low := strings.ToLower(t[:min(len(t), 40)])
	for _, c := range a.x.captionHead {
		if !strings.HasPrefix(low, c) || !strings.HasSuffix(c, "/") && !strings.HasSuffix(c, ":") {
			continue
		}
		sp := strings.IndexAny(t, " \t")
		if sp < 0 {
			return p.s
		}
		if strings.Contains(c, " ") && len(c) <= len(t) {
			sp = len(c) // "Editor's note:" is one label
		}
		k := sp
		for k < len(t) && isSpace(t[k]) {
			k++
		}
		if k >= len(t) {
			return p.s
		}
		return p.s + k
	}
	return p.s
}

// isDateOnly reports whether a paragraph is only a date ("March 06, 2008",
// "Monday, January 13, 2025"): a date line, not body text.
func (a *analysis) isDateOnly(p span) bool {
	if p.e-p.s > 60 {
		return false
	}
	toks := tokenize(a.x, a.text, p, nil)
	cal, num := false, false
	for _, t := range toks {
		switch {
		case t.kind == tokNum:
			num = true
		case t.kind == tokWord && a.x.calendar[t.w]:
			cal = true
		case t.w == "," || t.w == "-" || t.w == "/" || t.w == ".":
		default:
			return false
		}
	}
	return num && (cal || len(toks) == 1)
}

// findDateline recognises a dateline at the start of the first body
// paragraph: "SEOUL -", "WASHINGTON (Reuters) -", "LONDON, March 3 -",
// "Lima, March 5 (Reuters) --". It returns the end of the dateline, where
// the body starts, and the place as written.
func (a *analysis) findDateline(p span) (end, body int, place string) {
	t := a.text[p.s:min(p.e, p.s+80)]
	d := -1
	for i := 0; i+1 < len(t); i++ {
		if t[i] == '-' && (i == 0 || t[i-1] == ' ' || t[i-1] == ')' || isUpperByte(t[i-1])) && (t[i+1] == ' ' || t[i+1] == '-' || isUpperByte(t[i+1])) {
			d = i
			break
		}
		if t[i] == '.' || t[i] == '"' {
			if t[i] == '.' && i+1 < len(t) && t[i+1] != ' ' {
				continue // D.C., Jan.13
			}
			if t[i] == '.' {
				// An abbreviation ("Calif.", "Jan.", "D.C.") does not end
				// the dateline.
				ws := strings.LastIndexAny(t[:i], " ,(") + 1
				if _, ok := a.x.abbrevs[t[ws:i+1]]; ok || (i > 0 && isUpperByte(t[i-1])) {
					continue
				}
			}
			return 0, 0, ""
		}
	}
	if d <= 0 {
		return 0, 0, ""
	}
	head := strings.TrimSpace(t[:d])
	if strings.HasPrefix(head, "(") && strings.HasSuffix(head, ")") && len(head) <= 12 && allUpper(head[1:len(head)-1]) {
		// "(CNN) -": an agency with no place.
		end = p.s + d + 1
		for end < p.e && a.text[end] == '-' {
			end++
		}
		body = end
		for body < p.e && isSpace(a.text[body]) {
			body++
		}
		return end, body, ""
	}
	// Drop an agency in parentheses or slashes ("/PRNewswire/") and a
	// date after a comma.
	if i := strings.IndexByte(head, '('); i > 0 {
		head = strings.TrimSpace(head[:i])
	}
	if i := strings.IndexByte(head, '/'); i > 0 && strings.HasSuffix(head, "/") && strings.Count(head, "/") == 2 {
		head = strings.TrimSpace(head[:i])
	}
	placePart := head
	if i := strings.IndexByte(head, ','); i > 0 {
		// "LONDON, March 3", "KYIV, Ukraine", "WASHINGTON, D.C.",
		// "SAN JOSE, Calif., Aug. 21, 2024".
		var date []string
		for _, rest := range strings.Split(head[i+1:], ",") {
			rest = strings.TrimSpace(rest)
			switch {
			case a.looksLikeDate(rest):
				date = append(date[:0], rest)
			case len(date) > 0 && isYear(rest):
				date = append(date, rest)
			case !allUpper(rest) && !a.isPlace(rest) && !isStateAbbrev(rest):
				return 0, 0, ""
			}
		}
		placePart = strings.TrimSpace(head[:i])
		if len(date) == 2 {
			a.datelineDate = datelineDay(strings.Join(date, ", "))
		}
	}
	if placePart == "" || len(placePart) > 40 {
		return 0, 0, ""
	}
	if !allUpper(placePart) && !a.isPlace(placePart) {
		return 0, 0, ""
	}
	end = p.s + d + 1
	for end < p.e && a.text[end] == '-' {
		end++
	}
	body = end
	for body < p.e && isSpace(a.text[body]) {
		body++
	}
	return end, body, placePart
}

// isYear reports whether s is a four-digit year.
func isYear(s string) bool {
	return len(s) == 4 && strings.Trim(s, "0123456789") == "" && (s[0] == '1' || s[0] == '2')
}

// datelineDay returns the YYYY-MM-DD value of a dateline's full date
// ("Aug. 21, 2024"), or "".
func datelineDay(s string) string {
	for _, m := range timex.Find(s, time.Time{}) {
		if len(m.Value) == 10 && m.Value[4] == '-' && m.Value[7] == '-' && m.Value[0] != 'X' {
			return m.Value
		}
	}
	return ""
}

func isUpperByte(b byte) bool { return b >= 'A' && b <= 'Z' }

// allUpper reports whether s has at least three letters, all upper case.
func allUpper(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			n++
		case r == ' ' || r == '.' || r == ',' || r == '\'' || r == '-' || r == '/':
		default:
			return false
		}
	}
	return n >= 3
}

func (a *analysis) isPlace(s string) bool {
	_, _, ok := a.x.place(s)
	return ok
}

func (a *analysis) looksLikeDate(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 4 {
		return false
	}
	// "March 3", "Feb. 4", "20 January", "Tuesday": a month or weekday
	// first or after a day number, the rest numbers.
	cal := false
	for i, w := range f {
		w = strings.TrimRight(w, ",")
		switch {
		case a.x.calendar[w] || a.x.calendar[w+"."]:
			if i > 1 {
				return false
			}
			cal = true
		case strings.Trim(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "st"), "nd"), "rd"), "th"), "0123456789") == "":
		default:
			return false
		}
	}
	return cal
}

// isStateAbbrev reports whether s is a US state abbreviation ("Calif.").
func isStateAbbrev(s string) bool {
	c, ok := words().abbrevs[s]
	return ok && c == abbrAny && len(s) <= 6
}

// bylineVerbs maps the verb of a byline to the role it gives.
var bylineVerbs = map[string]string{
	"by": "author", "written by": "author", "reporting by": "reporter", "additional reporting by": "reporter",
	"writing by": "writer", "editing by": "editor", "edited by": "editor", "compiled by": "author",
	"reported by": "reporter", "story by": "author", "words by": "author", "photos by": "photographer",
}

// byline recognises a byline paragraph ("By Jane Doe and John Roe",
// "(This article was written by X, a correspondent in Lima, and Y.)",
// "Reporting by X; Editing by Y") and records its authors.
func (a *analysis) byline(p span, pi int) bool {
	t := a.text[p.s:p.e]
	if len(t) > 300 {
		return false
	}
	inner := strings.TrimSpace(strings.Trim(t, "()[] "))
	inner = strings.TrimSuffix(inner, ".")
	var names []author
	found := false
	for _, part := range strings.Split(inner, ";") {
		lp := strings.ToLower(strings.TrimSpace(part))
		best, role, bestLen := -1, "", 0
		for v, r := range bylineVerbs {
			i := strings.Index(lp, v+" ")
			if i < 0 || (i > 0 && lp[i-1] != ' ') {
				continue
			}
			if v == "by" && i != 0 && !strings.Contains(lp[:i], "written") && !strings.Contains(lp[:i], "reported") {
				continue
			}
			if best < 0 || i+len(v) > best || (i+len(v) == best && len(v) > bestLen) {
				best, role, bestLen = i+len(v), r, len(v)
			}
		}
		if best < 0 {
			continue
		}
		// The text before the verb must be a byline's own words.
		pre := lp[:best]
		if !(strings.HasPrefix(pre, "by") || strings.Contains(pre, "article") || strings.Contains(pre, "story") || strings.Contains(pre, "report") || strings.Contains(pre, "writ") || strings.Contains(pre, "edit") || strings.Contains(pre, "compiled") || strings.Contains(pre, "photo")) {
			continue
		}
		names = append(names, a.bylineNames(strings.TrimSpace(part)[best:], role)...)
		found = true
	}
	if !found || len(names) == 0 {
		return false
	}
	a.addCredit(p, pi, names)
	return true
}

// tagline recognises a credit tagline ("Associated Press writer Sam Doe
// in Boise contributed to this report.", "— With assistance from Kim
// Lee.") and records its names as contributors.
func (a *analysis) tagline(p span, pi int) bool {
	names, ok := a.taglineNames(a.text[p.s:p.e])
	if !ok {
		return false
	}
	a.addCredit(p, pi, names)
	return true
}

// bylineNames splits "X, a correspondent in Lima, and Y" into names with
// their roles.
func (a *analysis) bylineNames(s, role string) []author {
	var out []author
	for ci, chunk := range strings.Split(s, ",") {
		c := strings.TrimSpace(chunk)
		for _, part := range splitAnd(c) {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(part)
			if !unicode.IsUpper(r) || len(out) > 0 && a.bylineRole(part) != "" {
				// "a correspondent in Lima", "Staff Writer": the role of
				// the name before.
				if len(out) > 0 {
					if ro := a.bylineRole(part); ro != "" {
						out[len(out)-1].role = ro
					}
				}
				continue
			}
			name := a.leadingName(part)
			if name == "" || a.x.orgs[name] || a.isPlace(name) || len(strings.Fields(name)) < 2 || ci > 0 && publication(name) {
				continue
			}
			out = append(out, author{name: name, role: role})
		}
	}
	return out
}

// mastheadWords end or start the names of newspapers, agencies and
// broadcasters in bylines ("The Washington Post", "Kyodo News").
var mastheadWords = map[string]bool{
	"The": true, "Post": true, "Times": true, "News": true, "Journal": true, "Herald": true, "Tribune": true,
	"Press": true, "Telegraph": true, "Guardian": true, "Gazette": true, "Chronicle": true, "Observer": true,
	"Independent": true, "Mail": true, "Globe": true, "Daily": true, "Express": true,
	"Mirror": true, "Wire": true, "Today": true, "Review": true, "Magazine": true, "Radio": true, "TV": true,
	"Television": true, "Network": true, "Agency": true, "Service": true, "Reporter": true, "Standard": true,
}

// publication reports whether a name after the byline's first comma names
// a publication rather than a person: "The Washington Post", "Daily Mail".
func publication(part string) bool {
	f := strings.Fields(part)
	if len(f) == 0 {
		return false
	}
	return f[0] == "The" || mastheadWords[strings.TrimRight(f[len(f)-1], ".")] && len(f) <= 4
}

// splitAnd splits on " and " and "&".
func splitAnd(s string) []string {
	s = strings.ReplaceAll(s, " & ", " and ")
	parts := strings.Split(s, " and ")
	if strings.HasPrefix(s, "and ") {
		parts[0] = strings.TrimPrefix(parts[0], "and ")
	}
	return parts
}

// leadingName returns the run of capitalised words at the start of s,
// stopping at an organisation ("JANE DOE Associated Press"); a name in
// capitals is given in title case.
func (a *analysis) leadingName(s string) string {
	f := strings.Fields(s)
	n := 0
	for i, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !particles[w] && !particleHyphen(w) || i > 0 && strings.EqualFold(w, "of") {
			break // "Jane Roe Of Rochester Institute": the rest is her affiliation
		}
		if a.x.orgCues[w] && !(i == 1 && a.x.isGiven(f[0])) || i+1 < len(f) && a.x.orgs[w+" "+f[i+1]] || a.x.orgs[w] {
			break // "Ryan Post" is a name; "Kyodo News" is not
		}
		n++
		if n == 4 {
			break
		}
	}
	for n > 0 && particles[f[n-1]] {
		n--
	}
	parts := f[:n]
	for i, w := range parts {
		if allUpper(w) && len(w) > 2 {
			parts[i] = w[:1] + strings.ToLower(w[1:])
		}
	}
	return strings.Join(parts, " ")
}

// particleHyphen reports whether w is a name with a lower-case particle
// glued on: "al-Mughrabi", "el-Sisi", "bin-Ali".
func particleHyphen(w string) bool {
	p, rest, ok := strings.Cut(w, "-")
	if !ok || rest == "" || !particles[p] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// bylineRole reads the role in "a correspondent in Lima".
func (a *analysis) bylineRole(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for i := 0; i < len(f) && i < 5; i++ {
		w := strings.Trim(f[i], ".,")
		if c, ok := a.x.titles[w]; ok && (c == titleJob || c == titleGov) {
			// Keep modifiers right before the head ("staff writer", "senior correspondent").
			j := i
			for j > 0 {
				if c, ok := a.x.titles[f[j-1]]; ok && (c == titleMod || c == titleDept) {
					j--
					continue
				}
				break
			}
			return strings.Join(f[j:i+1], " ")
		}
	}
	return ""
}

// addCredit files paragraph p as a byline sentence and records names as
// its authors.
func (a *analysis) addCredit(p span, pi int, names []author) {
	si := len(a.sents)
	a.addSent(p, news.KindByline, pi)
	for _, n := range names {
		n.sent = si
		a.authors = append(a.authors, n)
	}
}
