package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdesk/news"
)

// mention is one possible mention of a person, found in the first pass.
type mention struct {
	sent    int
	s, e    int    // cleaned span of the name
	name    string // name tokens joined by single spaces
	ntok    int    // name tokens, particles excluded
	notName bool   // one token that is also a place, nationality or month
	// Evidence that the words name a person.
	titled    bool // a title or honorific before the name
	appos     bool // a role phrase before or after the name
	speech    bool // "X said", "said X"
	given     bool // the first word is a known given name
	hyphen    bool // a hyphenated given name: Ji-hoon
	commonAll bool // every word is a common English word
	placeTok  bool // a word is a place name
	cueTok    bool // the last word is a place word: "Ellen Park", "Hyde Park"
	who       bool // ", who" follows
	human     bool // one word said of a person only: "Clarke said he" (see humanContext)
	quoted    bool // one word that speaks a direct quote: "...," said Clarke
	thing     bool // one word followed by "it" or "its": "Clarke said it"
	coord     int  // the mention before "and" right before this one, or -1
	aka       bool // coord is the same person: "X, also known as Y"
	bareGov   bool // a public-office title with no country
	extra     int  // index in analysis.extras, or -1
	person    int  // resolved person, -1 when not a person
}

// mentionExtra holds what few mentions have, kept apart so that the many
// plain mentions of a long input stay small.
type mentionExtra struct {
	facts []news.PersonFact
	// rel is a relational description ("counterpart") whose role comes
	// from the antecedent: relFrom is a mention index, or -1 for the last
	// person named before this one.
	rel     string
	relFrom int
	clause  string // the country named in the same clause as a bare title
}

// placeCand is a gazetteer match, kept until people are known so that a
// place name inside a person's name ("Jordan") is not counted.
type placeCand struct {
	name string
	sent int
	s, e int
}

// Token classes inside a capitalised run.
const (
	clsOther = iota
	clsTitle // title head: minister, president, Mr.
	clsMod   // modifier or portfolio: foreign, acting
	clsNat   // nationality adjective
	clsPlace // country or city
	clsOrg   // organisation cue
	clsCal   // month or weekday
	clsOf    // "of" inside a title
)

// sentenceCtx is the per-sentence state of the first pass.
type sentenceCtx struct {
	si      int
	toks    []token
	placeAt map[int]placeMatch // token index -> place starting there
	first   int                // index of the first word token
	firstM  int                // index of the sentence's first mention
	// defS, defE bound a name defined by an acronym after it ("European
	// Aeronautic Defence and Space Company (EADS)"), read as one
	// organisation; defE is 0 when there is none.
	defS, defE int
}

type placeMatch struct {
	n       int
	country string
}

// scan runs the first pass over every sentence.
func (a *analysis) scan() {
	for si := range a.sents {
		s := a.sents[si]
		if s.kind == news.KindByline || s.kind == news.KindDateline || a.trailerFrom > 0 && si >= a.trailerFrom {
			continue
		}
		a.toks = tokenize(a.x, a.text, s.span, a.toks[:0])
		c := &sentenceCtx{si: si, toks: a.toks, first: -1, firstM: len(a.mentions)}
		for i, t := range c.toks {
			if t.kind == tokWord {
				c.first = i
				break
			}
		}
		pc := len(a.placeCands)
		a.findPlaces(c)
		a.findAcronyms(c)
		a.findRuns(c)
		a.settlePlaces(c, pc)
		a.trackAdministration(c)
		if s.kind == news.KindBody {
			a.findReported(c)
		}
	}
	for _, au := range a.authors {
		s := a.sents[au.sent]
		m := mention{sent: au.sent, s: s.s, e: s.s, name: au.name, ntok: len(strings.Fields(au.name)), titled: true, extra: len(a.extras), person: -1, coord: -1}
		a.extras = append(a.extras, mentionExtra{relFrom: -1, facts: []news.PersonFact{{Kind: news.FactRole, Value: au.role, Sentence: au.sent}}})
		a.mentions = append(a.mentions, m)
	}
	a.sortMentions()
}

// sortMentions puts the byline's mentions in text order with the others,
// keeping relFrom pointing at the same mentions.
func (a *analysis) sortMentions() {
	if sort.SliceIsSorted(a.mentions, func(i, j int) bool { return a.mentions[i].s < a.mentions[j].s }) {
		return
	}
	idx := make([]int, len(a.mentions))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return a.mentions[idx[i]].s < a.mentions[idx[j]].s })
	where := make([]int, len(idx))
	sorted := make([]mention, len(idx))
	for to, from := range idx {
		where[from] = to
		sorted[to] = a.mentions[from]
	}
	for i := range a.extras {
		if a.extras[i].relFrom >= 0 {
			a.extras[i].relFrom = where[a.extras[i].relFrom]
		}
	}
	for i := range sorted {
		if sorted[i].coord >= 0 {
			sorted[i].coord = where[sorted[i].coord]
		}
	}
	a.mentions = sorted
}

// settlePlaces adds the sentence's places that overlap no possible person
// at once; the others wait until people are known.
func (a *analysis) settlePlaces(c *sentenceCtx, from int) {
	keep := from
	for _, p := range a.placeCands[from:] {
		overlap := false
		for _, m := range a.mentions[c.firstM:] {
			if m.s < p.e && p.s < m.e && !m.notName {
				overlap = true
				break
			}
		}
		if overlap {
			a.placeCands[keep] = p
			keep++
		} else {
			a.places.add(p.name, p.sent)
		}
	}
	a.placeCands = a.placeCands[:keep]
}

// findPlaces marks every gazetteer place in the sentence.
func (a *analysis) findPlaces(c *sentenceCtx) {
	c.placeAt = nil
	for i := 0; i < len(c.toks); i++ {
		if !capWord(c.toks[i]) {
			continue
		}
		if n := a.x.nationality[c.toks[i].w]; n != "" {
			a.natCount[n]++ // "Russian markets" speaks of Russia too
			a.countryAt = append(a.countryAt, sentCountry{c.si, n})
			continue
		}
		if i+1 < len(c.toks) && c.toks[i+1].w == "$" && c.toks[i+1].s == c.toks[i].e {
			continue // US$19.7 is money, not a place
		}
		for n := min(a.x.placeMaxLen, len(c.toks)-i); n >= 1; n-- {
			if n > 1 && !allWords(c.toks[i:i+n]) {
				continue
			}
			name := joinToks(a.text, c.toks[i:i+n])
			if pl, country, ok := a.x.place(name); ok {
				if c.placeAt == nil {
					c.placeAt = map[int]placeMatch{}
				}
				c.placeAt[i] = placeMatch{n: n, country: country}
				if country != "" && (i == 0 || !placePrep[strings.ToLower(c.toks[i-1].w)]) {
					// Where someone goes or is ("visit Seoul", "in
					// Lima") says nothing of whose official he is.
					a.countryAt = append(a.countryAt, sentCountry{c.si, country})
				}
				a.placeCands = append(a.placeCands, placeCand{name: pl, sent: c.si, s: c.toks[i].s, e: c.toks[i+n-1].e})
				i += n - 1
				break
			}
		}
	}
}

// findAcronyms finds organisations defined by an acronym in parentheses
// whose letters are the initials of the capitalised words before it:
// "European Aeronautic Defence and Space Company (EADS)", "the
// International Monetary Fund (IMF)". Later uses of the acronym count as
// mentions of the full name.
func (a *analysis) findAcronyms(c *sentenceCtx) {
	toks := c.toks
	c.defE = 0
	for k := 0; k+2 < len(toks); k++ {
		if toks[k].w == "(" && toks[k+2].w == ")" && toks[k+1].kind == tokWord && acronym(toks[k+1].w) {
			acr := toks[k+1].w
			if full := a.acronymName(c, k, acr); full != "" {
				if a.acronyms == nil {
					a.acronyms = map[string]string{}
				}
				a.acronyms[acr] = full
			}
			k += 2
			continue
		}
		if full, ok := a.acronyms[toks[k].w]; ok && (k == 0 || toks[k-1].w != "(") {
			a.orgs.add(full, c.si)
		}
	}
	if n := len(toks); n >= 1 {
		if full, ok := a.acronyms[toks[n-1].w]; ok && (n == 1 || toks[n-2].w != "(") && n > 2 {
			a.orgs.add(full, c.si)
		}
	}
}

// acronymName returns the organisation name that ends before toks[k] (an
// opening parenthesis) and whose capitalised words' initials spell acr, or
// "". Places ("United States (US)") and people are left to other rules.
func (a *analysis) acronymName(c *sentenceCtx, k int, acr string) string {
	toks := c.toks
	var letters []rune
	for _, r := range acr {
		if r >= 'A' && r <= 'Z' {
			letters = append(letters, r)
		}
	}
	n := len(letters)
	b := k - 1
	for b >= 0 && n > 0 {
		t := toks[b]
		if t.kind != tokWord {
			return ""
		}
		if !t.up {
			switch t.w {
			case "and", "of", "for", "the", "de", "du", "des", "la", "le", "on", "in":
				b--
				continue
			}
			return ""
		}
		r, _ := utf8.DecodeRuneInString(t.w)
		if r != letters[n-1] {
			if n == len(letters) && (a.x.orgCues[t.w] || companySuffix[t.w]) {
				b-- // "... Space Company (EADS)": a legal form or cue left out
				continue
			}
			if n == len(letters) {
				return ""
			}
			break
		}
		n--
		b--
	}
	if n != 0 || b+1 >= k {
		return ""
	}
	s := b + 1
	name := joinToks(a.text, toks[s:k])
	if _, _, ok := a.x.place(name); ok || a.x.nationality[name] != "" {
		return ""
	}
	org := false
	for _, t := range toks[s:k] {
		if a.x.orgCues[t.w] {
			org = true
		}
	}
	if !org && k-s < 3 {
		return "" // "John Smith (JS)": two words need an organisation cue
	}
	c.defS, c.defE = toks[s].s, toks[k+2].e
	a.orgs.add(name, c.si)
	return name
}

// acronym reports whether w is 2 to 8 capital letters, with an inner "&"
// or lower-case letter allowed ("EADS", "AT&T" excluded, "MoD").
func acronym(w string) bool {
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	up := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			up++
		case r >= 'a' && r <= 'z':
		default:
			return false
		}
	}
	return up >= 2 && w[0] >= 'A' && w[0] <= 'Z'
}

func allWords(ts []token) bool {
	for _, t := range ts {
		if t.kind != tokWord && t.kind != tokNum {
			return false
		}
	}
	return true
}

// joinToks returns the tokens' text joined by single spaces, or the slice
// of t itself when they are already so spaced.
func joinToks(t string, ts []token) string {
	if len(ts) == 0 {
		return ""
	}
	s := t[ts[0].s:ts[len(ts)-1].e]
	if len(s) == sumLen(ts)+len(ts)-1 {
		return s
	}
	parts := make([]string, len(ts))
	for i, tk := range ts {
		parts[i] = tk.w
	}
	return strings.Join(parts, " ")
}

func sumLen(ts []token) int {
	n := 0
	for _, t := range ts {
		n += len(t.w)
	}
	return n
}

// findRuns finds runs of capitalised words and classifies each.
func (a *analysis) findRuns(c *sentenceCtx) {
	toks := c.toks
	titleCase := a.sents[c.si].kind == news.KindHeadline && a.titleCased(toks)
	for i := 0; i < len(toks); {
		if !capWord(toks[i]) || titleCase && a.plainWord(toks[i]) || c.defE > 0 && toks[i].s >= c.defS && toks[i].e <= c.defE {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			t := toks[j]
			if capWord(t) && !(titleCase && a.plainWord(t)) {
				if companySuffix[toks[j-1].w] && j-1 > i {
					break // "Apple Inc. Steve Jobs": the company ends at "Inc."
				}
				j++
				continue
			}
			if t.kind == tokWord && particles[t.w] {
				// "von der Leyen", "de la Cruz": particles then a capital.
				k := j
				for k < len(toks) && k < j+3 && toks[k].kind == tokWord && particles[toks[k].w] {
					k++
				}
				if k < len(toks) && capWord(toks[k]) {
					j = k
					continue
				}
			}
			if t.w == "and" && a.andInOrg(toks, i, j) {
				// "Securities and Exchange Commission".
				j++
				continue
			}
			if t.kind == tokWord && j+1 < len(toks) && capWord(toks[j+1]) {
				if (t.w == "of" || t.w == "for" || t.w == "on") && !companySuffix[toks[j-1].w] && !a.x.calendar[toks[j+1].w] {
					// "Secretary of State", "Commissioner for Competition",
					// "Institute for Fiscal Studies".
					if k := a.class(toks[j-1]); k == clsOrg || k == clsTitle && t.w != "on" {
						j++
						continue
					}
				}
			}
			break
		}
		// "von der Leyen told ...": particles before a lone capital
		// belong to the name.
		b := i
		for b > 0 && b > i-3 && toks[b-1].kind == tokWord && particles[toks[b-1].w] && toks[b-1].w != "y" {
			b--
		}
		if b < i && j-i == 1 && (b == 0 || toks[b-1].kind != tokWord || !capWord(toks[b-1])) {
			i = b
		}
		a.run(c, i, j)
		i = j
	}
}

// andInOrg reports whether the "and" at toks[j] joins the capitalised
// words toks[i:j] to an organisation name that goes on after it: one or two
// plain words before, one or two words and an organisation cue after
// ("Securities and Exchange Commission", "Food and Drug Administration").
func (a *analysis) andInOrg(toks []token, i, j int) bool {
	if j-i > 2 {
		return false
	}
	for k := i; k < j; k++ {
		w := toks[k].w
		if a.x.orgCues[w] && (j-i > 1 || companySuffix[w] || strings.HasSuffix(w, ".")) || a.isPlace(w) || a.x.nationality[w] != "" || a.x.isGiven(w) || a.x.calendar[w] {
			return false // "Securities and Exchange Commission" but not "Apple Inc. and Google Inc."
		}
		if _, ok := a.x.titles[strings.ToLower(w)]; ok {
			return false
		}
	}
	k := j + 1
	for k < len(toks) && k <= j+3 && capWord(toks[k]) {
		k++
	}
	// Two or three words after "and", the last an organisation cue.
	return k-j-1 >= 2 && a.x.orgCues[toks[k-1].w]
}

// titleCased reports whether most words of a headline are capitalised
// ("Minister Vows To Fix The Roads").
func (a *analysis) titleCased(toks []token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.kind == tokWord {
			words++
			if t.up {
				caps++
			}
		}
	}
	return words >= 4 && 10*caps >= 7*words
}

// plainWord reports whether a capitalised word of a title-case headline is
// an ordinary word rather than part of a name.
func (a *analysis) plainWord(t token) bool {
	if a.x.isGiven(t.w) {
		return false
	}
	low := strings.ToLower(t.w)
	if _, ok := a.x.titles[low]; ok {
		return false
	}
	return a.x.isCommon(low)
}

// class classifies one token of a capitalised run.
func (a *analysis) class(t token) int {
	if t.kind != tokWord {
		return clsOther
	}
	if t.w == "of" || t.w == "for" {
		return clsOf
	}
	if a.x.orgCues[t.w] {
		return clsOrg
	}
	if a.x.calendar[t.w] {
		return clsCal
	}
	low := strings.ToLower(t.w)
	if _, rest := titlePrefix(t.w); rest != "" {
		low = strings.ToLower(rest) // "then-Vice", "Ex-prime"
	}
	switch a.x.titles[low] {
	case titleGov, titleJob, titleHon:
		return clsTitle
	case titleMod, titleDept:
		return clsMod
	}
	if _, ok := a.x.nationality[t.w]; ok || a.x.regions[t.w] {
		return clsNat
	}
	return clsOther
}

// run classifies the capitalised run toks[i:j].
func (a *analysis) run(c *sentenceCtx, i, j int) {
	toks := c.toks
	cls := a.clsBuf[:0]
	for range j - i {
		cls = append(cls, 0)
	}
	a.clsBuf = cls
	for k := i; k < j; k++ {
		cls[k-i] = a.class(toks[k])
		if _, ok := c.placeAt[k]; ok && cls[k-i] == clsOther {
			cls[k-i] = clsPlace
		}
	}
	// "Crown Prince", "Chief Justice": a title phrase whose first word
	// alone is no title.
	for k := i; k+1 < j; k++ {
		if cls[k-i] != clsOther {
			continue
		}
		for n := min(a.x.titleMaxLen, j-k); n >= 2; n-- {
			if c, ok := a.x.titles[lowerJoin(toks[k:k+n])]; ok && (c == titleGov || c == titleJob) && cls[k+n-1-i] == clsTitle {
				for q := k; q < k+n-1; q++ {
					cls[q-i] = clsMod
				}
				break
			}
		}
	}
	// "Senate Majority Leader", "House Speaker": a chamber before a title
	// is part of the role, not an organisation of its own.
	for k := i; k+1 < j; k++ {
		if cls[k-i] == clsOrg && a.x.titles[strings.ToLower(toks[k].w)] == titleDept && (cls[k+1-i] == clsMod || cls[k+1-i] == clsTitle) {
			cls[k-i] = clsMod
		}
	}
	// "South Korean" is one nationality.
	for k := i; k+1 < j; k++ {
		if _, ok := a.x.nationality[toks[k].w+" "+toks[k+1].w]; ok {
			cls[k-i], cls[k+1-i] = clsNat, clsNat
		}
	}
	full := joinToks(a.text, toks[i:j])
	if long, ok := a.acronyms[full]; ok {
		a.orgs.add(long, c.si) // "the SEC" after "Securities and Exchange Commission (SEC)"
		return
	}
	if a.x.orgs[full] {
		a.orgs.add(full, c.si)
		return
	}
	// The name starts after the last title word that has a name after it.
	L := -1
	for k := j - 2; k >= i; k-- {
		if cls[k-i] == clsTitle {
			L = k
			break
		}
	}
	if L >= 0 {
		for L+1 < j-1 && (cls[L+1-i] == clsMod || cls[L+1-i] == clsTitle || cls[L+1-i] == clsOf && cls[L+2-i] == clsMod) {
			L++
		}
		if cls[L+1-i] == clsOf {
			// "Chief Executive of Apple": what follows is an organisation.
			if L+2 < j {
				if rest := joinToks(a.text, toks[L+2:j]); !a.isPlace(rest) {
					a.orgs.add(rest, c.si) // not "Spokesman for Iran('s ...)"
				}
			}
			return
		}
		for k := L + 1; k < j; k++ {
			if cls[k-i] == clsOrg {
				L = -1 // "General Motors": the title word is part of a name
				break
			}
		}
	}
	// "Jim Press said": a given name and one cue word with evidence of a
	// person is a person.
	if L < 0 && j-i == 2 && a.x.isGiven(toks[i].w) && cls[1] == clsOrg {
		if _, ok := a.rightRole(toks, j); ok || j < len(toks) && a.x.speech[strings.ToLower(toks[j].w)] || i > 0 && a.x.speech[strings.ToLower(toks[i-1].w)] {
			cls[1] = clsOther
		}
	}
	if L < 0 && a.titleOfThe(c, i, j, cls) {
		return
	}
	if L < 0 && j-i >= 2 && a.x.placeCues[toks[j-1].w] && !(j-i == 2 && a.x.isGiven(toks[i].w)) {
		return // "Times Square", "Capitol Hill": a place, not a person
	}
	if L < 0 && j-i >= 2 {
		for k := i; k < j; k++ {
			if cls[k-i] == clsOrg {
				s := i
				if s == c.first && cls[0] == clsOther && a.x.isCommon(strings.ToLower(toks[s].w)) && !a.x.isGiven(toks[s].w) && !(k == s+1 && companySuffix[toks[k].w]) {
					s++ // "The", "Top"; but "Apple Inc." keeps its name
				}
				if j-s >= 2 || k > s {
					a.orgs.add(joinToks(a.text, toks[s:j]), c.si)
				}
				return
			}
		}
	}
	ns := i
	if L >= 0 {
		ns = L + 1
	}
	// Leading words that are not part of a name.
	for ns < j {
		k := cls[ns-i]
		if k == clsNat || k == clsCal || (k == clsMod && L < 0 && ns+1 < j) {
			ns++
			continue
		}
		if k == clsPlace && ns+1 < j {
			if pm := c.placeAt[ns]; ns+pm.n < j && cls[ns+pm.n-i] != clsOther {
				ns += pm.n
				continue
			}
		}
		if ns == i && (ns == c.first || ns > 0 && (toks[ns-1].w == `"` || toks[ns-1].w == "(")) {
			low := strings.ToLower(toks[ns].w)
			if ns+1 < j && a.x.isCommon(low) && !a.x.isGiven(toks[ns].w) && cls[ns-i] == clsOther {
				ns++ // "Top Japanese ...", "The Dow ..."
				continue
			}
		}
		break
	}
	ne := j
	for ne > ns && cls[ne-1-i] == clsCal {
		ne-- // "Smith Monday"
	}
	// Organisations: a cue word in the name part, or in the words before
	// a title ("General Motors CEO").
	prefixEnd := ns
	if L >= 0 {
		prefixEnd = roleStart(cls, i, L)
	}
	if prefixEnd > i {
		for k := i; k < prefixEnd; k++ {
			if cls[k-i] == clsOrg {
				a.orgs.add(joinToks(a.text, toks[i:k+1]), c.si)
				break
			}
		}
	}
	if ns >= ne {
		return
	}
	for k := ns; k < ne; k++ {
		if cls[k-i] == clsOrg && !(k == ns && ne-ns == 1) {
			a.orgs.add(joinToks(a.text, toks[ns:ne]), c.si)
			return
		}
		if a.x.placeCues[toks[k].w] && k > ns && !(L >= 0 || ne-ns == 2 && a.x.isGiven(toks[ns].w)) {
			return
		}
	}
	name := joinToks(a.text, toks[ns:ne])
	if pm, ok := c.placeAt[ns]; ok && ns+pm.n == ne {
		if ne-ns == 1 {
			a.personCandidate(c, i, j, L, ns, ne, cls)
			return
		}
		return
	}
	if a.x.nationality[name] != "" {
		return
	}
	a.personCandidate(c, i, j, L, ns, ne, cls)
}

// titleOfThe handles "Secretary of the Air Force James Roche" and
// "Assistant Secretary of the Navy for Research Ann Cole": the run toks[i:j]
// after "<title> of the" is an organisation followed by a person's name that
// starts with a known given name. It reports whether it took the run.
func (a *analysis) titleOfThe(c *sentenceCtx, i, j int, cls []int) bool {
	toks := c.toks
	tEnd := i - 2 // where the title words end
	switch {
	case i >= 3 && toks[i-1].w == "the" && toks[i-2].w == "of" && a.class(toks[i-3]) == clsTitle:
	case i >= 2 && toks[i-1].w == "at" && !toks[i-2].up && a.x.titles[toks[i-2].w] == titleJob:
		// "Chief investment officer at Fort Pitt Capital Group Charlie
		// Smith said".
		tEnd = i - 1
	case i >= 4 && toks[i-1].kind == tokPoss && (toks[i-3].w == "for" || toks[i-3].w == "of" || toks[i-3].w == "at") && a.class(toks[i-4]) == clsTitle:
		// "Spokesman for Iran's Ministry of Foreign Affairs Saeed
		// Khatibzadeh".
		tEnd = i - 3
	default:
		return false
	}
	if j-i < 3 {
		return false
	}
	g := -1
	for k := j - 2; k >= i+1 && k >= j-3; k-- {
		if a.x.isGiven(toks[k].w) && cls[k-i] == clsOther {
			g = k
		}
	}
	if g < 0 && j-i >= 4 && !a.x.isCommon(strings.ToLower(toks[j-2].w)) && !a.x.isCommon(strings.ToLower(toks[j-1].w)) {
		g = j - 2 // an unknown given name: two uncommon words at the end
	}
	if g < 0 {
		return false
	}
	org := false
	for k := i; k < g; k++ {
		if cls[k-i] == clsOrg {
			org = true
		}
	}
	for k := g; k < j; k++ {
		if cls[k-i] != clsOther {
			return false
		}
	}
	if !org {
		return false
	}
	// The title words before "of the" or "at", with modifiers.
	t := tEnd - 1
	for t > 0 && toks[t-1].kind == tokWord && (a.class(toks[t-1]) == clsMod || a.class(toks[t-1]) == clsTitle || !toks[t-1].up && a.titleWordAt(toks, t)) {
		t--
	}
	orgName := joinToks(a.text, toks[i:g])
	if e := strings.Index(orgName, " for "); e > 0 {
		orgName = orgName[:e] // "the Navy for Research": the Navy
	}
	a.orgs.add(orgName, c.si)
	n := len(a.mentions)
	a.personCandidate(c, g, j, -1, g, j, cls[g-i:])
	if len(a.mentions) == n+1 {
		m := &a.mentions[n]
		m.titled = true
		role := strings.ToLower(joinToks(a.text, toks[t:tEnd])) + " of the " + joinToks(a.text, toks[i:g])
		if tEnd != i-2 {
			role = strings.ToLower(joinToks(a.text, toks[t:tEnd]))
		}
		f := news.PersonFact{Kind: news.FactRole, Value: role, Sentence: c.si}
		if m.extra < 0 {
			m.extra = len(a.extras)
			a.extras = append(a.extras, mentionExtra{relFrom: -1})
		}
		a.extras[m.extra].facts = append(a.extras[m.extra].facts, f)
	}
	return true
}

// titleWordAt reports whether the lower-case toks[t-1] belongs to the
// title phrase that goes on at toks[t]: "investment" in "investment
// officer", "chief" in "chief investment officer".
func (a *analysis) titleWordAt(toks []token, t int) bool {
	w := strings.ToLower(toks[t-1].w)
	if _, ok := a.x.titles[w]; ok {
		return true
	}
	_, ok := a.x.titles[w+" "+strings.ToLower(toks[t].w)]
	return ok
}

// roleAfterVerb reads the role a verb right after a name gives or ends:
// "X resigned as finance minister" (former finance minister), "X stepped
// down as chief executive", "X was elected president", "X was named (as)
// chief executive".
func (a *analysis) roleAfterVerb(toks []token, ne int) (rolePhrase, bool) {
	k, former := ne, false
	low := func(i int) string {
		if i < len(toks) {
			return toks[i].w
		}
		return ""
	}
	switch {
	case (low(k) == "resigned" || low(k) == "quit" || low(k) == "retired") && low(k+1) == "as":
		k, former = k+2, true
	case (low(k) == "stepped" || low(k) == "steps" || low(k) == "stood") && low(k+1) == "down" && low(k+2) == "as":
		k, former = k+3, true
	case (low(k) == "was" || low(k) == "is" || low(k) == "has" && low(k+1) == "been") && (low(k+1) == "elected" || low(k+1) == "named" || low(k+1) == "appointed" || low(k+2) == "elected" || low(k+2) == "named" || low(k+2) == "appointed"):
		k += 2
		if low(k-1) == "been" {
			k++
		}
		if low(k) == "as" {
			k++
		}
	default:
		return rolePhrase{}, false
	}
	e := k
	for e < len(toks) && e < k+8 && toks[e].kind == tokWord && !timeWords[toks[e].w] {
		e++
	}
	if e == k {
		return rolePhrase{}, false
	}
	p := a.parseRole(toks[k:e])
	if len(p.roles) == 0 {
		return rolePhrase{}, false
	}
	if former {
		for i, r := range p.roles {
			if !strings.HasPrefix(r, "former ") {
				p.roles[i] = "former " + r
			}
		}
	}
	return p, true
}

// timeWords end a role phrase read after a verb: "resigned as minister on
// Monday after the scandal".
var timeWords = map[string]bool{
	"on": true, "in": true, "after": true, "at": true, "last": true, "this": true, "amid": true, "over": true,
	"since": true, "following": true, "because": true, "and": true, "but": true, "earlier": true, "yesterday": true,
	"today": true, "effective": true, "with": true, "to": true, "by": true, "when": true, "until": true,
}

// ageAfter reports whether an age appositive follows the name ending
// before toks[ne]: ", 34,".
func ageAfter(toks []token, ne int) bool {
	if ne+2 >= len(toks) || toks[ne].w != "," || toks[ne+1].kind != tokNum || toks[ne+2].w != "," {
		return false
	}
	w := toks[ne+1].w
	return len(w) <= 3 && w[0] != '0' && strings.Trim(w, "0123456789") == "" && len(w) >= 1 && !(len(w) == 3 && w[0] > '1')
}

// roleStart returns where the title words ending at L begin.
func roleStart(cls []int, i, L int) int {
	k := L
	for k > i {
		switch cls[k-1-i] {
		case clsTitle, clsMod, clsOf:
			k--
			continue
		}
		break
	}
	return k
}

// digitsOrCaps reports whether w has a digit or is an acronym in capitals.
func digitsOrCaps(w string) bool {
	upper, letters := 0, 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 2 && upper == letters
}

// companySuffix are the legal forms after a company's name.
var companySuffix = map[string]bool{
	"Inc.": true, "Inc": true, "Corp.": true, "Corp": true, "Co.": true, "Ltd.": true, "Ltd": true, "LLC": true,
	"PLC": true, "plc": true, "AG": true, "SA": true, "SpA": true, "GmbH": true, "NV": true, "Corporation": true,
}

// regnal are the ordinals after a monarch's or heir's name.
var regnal = map[string]bool{"II": true, "III": true, "IV": true, "VI": true, "VII": true, "VIII": true, "XIV": true, "XVI": true}

// nonNameSuffixes mark hyphenated adjectives ("Chicago-based").
var nonNameSuffixes = []string{"-based", "-born", "-led", "-owned", "-run", "-backed", "-style", "-era", "-made", "-bound"}

// personCandidate records toks[ns:ne] of the run toks[i:j] as a possible
// person with the evidence for it; resolvePeople makes the decision, when
// the whole article is known.
func (a *analysis) personCandidate(c *sentenceCtx, i, j, L, ns, ne int, cls []int) {
	toks := c.toks
	// Leading places are not part of a name: "United States Barack Obama".
	for ns < ne-2 {
		pm, ok := c.placeAt[ns]
		if !ok || ns+pm.n > ne-2 {
			break
		}
		ns += pm.n
	}
	if L < 0 && ns >= 2 && ns == i && (toks[ns-1].w == "at" || toks[ns-1].w == "for" && !forPerson[toks[ns-2].w]) && !toks[ns-2].up && a.x.titles[toks[ns-2].w] == titleJob && ne-ns >= 2 {
		// "an equity strategist for Miller Tabak", "an analyst at Morgan
		// Keane": the employer, an organisation.
		a.orgs.add(joinToks(a.text, toks[ns:ne]), c.si)
		return
	}
	if ne < len(toks) && toks[ne].kind == tokWord && !toks[ne].up && facilityNouns[toks[ne].w] {
		return // "John F. Kennedy airport" is named after a person, not one
	}
	ntok := 0
	m := mention{sent: c.si, extra: -1, person: -1, coord: -1, commonAll: true, given: a.x.isGiven(toks[ns].w)}
	for k := ns; k < ne; k++ {
		w := toks[k].w
		if isParticle(w) && k+1 < ne {
			continue
		}
		if len(w) == 2 && w[1] == '.' {
			ntok++ // an initial
			continue
		}
		if k > ns && regnal[w] {
			continue // "Charles III"
		}
		if digitsOrCaps(w) && !(len(w) <= 4 && strings.HasSuffix(w, ".")) {
			if k == ns && len(w) == 2 && ne-ns == 2 && (L >= 0 || i > 0 && !toks[i-1].up && (a.x.speech[toks[i-1].w] || a.x.titles[toks[i-1].w] == titleJob || a.x.titles[toks[i-1].w] == titleGov)) && !strings.ContainsAny(w, "0123456789") && !digitsOrCaps(toks[k+1].w) {
				ntok++ // "coach JJ Redick": initials written without dots
				continue
			}
			return // acronyms and codes are not people
		}
		if w == "Jr." || w == "Sr." {
			continue
		}
		for _, suf := range nonNameSuffixes {
			if strings.HasSuffix(w, suf) {
				return
			}
		}
		ntok++
		if !a.x.isCommon(strings.ToLower(w)) {
			m.commonAll = false
		}
		if h := strings.IndexByte(w, '-'); h > 0 && h+1 < len(w) {
			if r, _ := utf8.DecodeRuneInString(w[h+1:]); unicode.IsLower(r) {
				m.hyphen = true
			}
		}
		if _, ok := c.placeAt[k]; ok {
			m.placeTok = true
		}
		switch cls[k-i] {
		case clsOrg:
			if ne-ns > 1 && a.class(toks[k]) == clsOrg && !(k == ne-1 && m.given) {
				return
			}
		case clsNat:
			if ne-ns > 1 {
				return
			}
		case clsTitle:
			if ne-ns > 1 && k == ne-1 && !m.given {
				return // "Airbus President": a title after a name is not a name
			}
		}
		if a.x.placeCues[w] && k > ns {
			// "Ellen Park": a given name and a place word name a person
			// only with more evidence (checked in isPerson).
			if !(L >= 0 || ne-ns == 2 && a.x.isGiven(toks[ns].w)) {
				return
			}
			m.cueTok = true
		}
	}
	if ntok == 0 {
		return
	}
	// A name made only of title words ("Secretary of Defense" gives
	// "Defense") names no one.
	named := false
	for k := ns; k < ne; k++ {
		if c := cls[k-i]; c == clsOther || c == clsPlace {
			named = true
		}
	}
	if !named {
		return
	}
	m.s, m.e, m.name, m.ntok = toks[ns].s, toks[ne-1].e, joinToks(a.text, toks[ns:ne]), ntok
	m.given = a.x.isGiven(toks[ns].w)
	var p rolePhrase
	if L >= 0 {
		// The title words inside the run, with lower-case modifiers before it.
		b := i
		for b > 0 && toks[b-1].kind == tokWord && !toks[b-1].up {
			w := toks[b-1].w
			if _, rest := titlePrefix(w); rest != "" {
				w = rest // "then-Vice President X"
			}
			if _, ok := a.x.titles[strings.ToLower(w)]; !ok {
				break
			}
			b--
		}
		rs := roleStart(cls, i, L)
		if rs > i && cls[0] == clsMod {
			// "Former U.S. President X": a modifier before the country
			// belongs to the role.
			all := true
			for k := i; k < rs; k++ {
				if c := cls[k-i]; c != clsMod && c != clsNat && c != clsPlace {
					all = false
					break
				}
			}
			if all {
				rs = i
			}
		}
		ts := append(append([]token(nil), toks[b:i]...), toks[rs:ns]...)
		p = a.parseRole(ts)
		if pre := orgPrefix(a, toks[i:rs], cls[:rs-i]); pre != "" && len(p.roles) > 0 {
			p.org = pre // "Apple CEO Tim Cook"
		}
		for k := i; k < rs && p.nat == "" && !p.region; k++ {
			if a.x.regions[toks[k].w] {
				p.region = true // "European Commissioner": no single country
			}
			if n := a.x.nationality[toks[k].w]; n != "" {
				p.nat = n
			} else if pm, ok := c.placeAt[k]; ok {
				p.nat = pm.country
			} else if k+1 < rs {
				p.nat = a.x.nationality[toks[k].w+" "+toks[k+1].w]
			}
		}
		if p.nat == "" && !p.region && i >= 2 && toks[i-1].kind == tokPoss {
			// "Brazil's President X".
			if n, c := a.placeEndingCountry(toks, i-2); n > 0 {
				p.nat = c
			}
		}
		if i > 0 && toks[i-1].w == "," {
			// "Qatar's emir, Sheikh X": an appositive before the title.
			if lp, ok := a.leftRole(toks, i); ok {
				p.merge(lp)
			}
		}
		m.titled = true
	} else if lp, ok := a.leftRole(toks, ns); ok {
		p = lp
		m.appos = lp.personal()
	} else if ns >= 2 && toks[ns-1].kind == tokPoss {
		// "Venezuela's Nicolás Maduro", "Britain's Andy Murray".
		if n, c := a.placeEndingCountry(toks, ns-2); n > 0 {
			p.nat = c
		}
	}
	if rp, ok := a.rightRole(toks, ne); ok {
		p.merge(rp)
		m.appos = m.appos || rp.personal()
	}
	if rp, ok := a.roleAfterVerb(toks, ne); ok {
		// "X resigned as finance minister", "X was named chief executive".
		p.merge(rp)
		m.appos = true
	}
	if len(p.roles) > 0 && p.nat == "" && ne+1 < len(toks) && toks[ne].w == "of" {
		// "Prime Minister X of Greece", "Mayor X of London".
		if pm, ok := c.placeAt[ne+1]; ok && pm.country != "" {
			p.nat = pm.country
		}
	}
	if ne < len(toks) {
		nx := ne
		if toks[nx].w == "," {
			nx++
		}
		if nx < len(toks) && a.x.speech[strings.ToLower(toks[nx].w)] {
			m.speech = true
		}
	}
	if ns > 0 && a.x.speech[strings.ToLower(toks[ns-1].w)] {
		m.speech = true // "said Smith"
	}
	m.human, m.quoted, m.thing = humanContext(toks, ns, ne, a.x.speech)
	if ntok > 1 {
		// "Jane Roe said it was time": "it" after a full name is no sign
		// of a company; its shares are.
		m.thing = false
	} else if ns > 0 && companyNouns[toks[ns-1].w] || ne+1 < len(toks) && toks[ne].kind == tokPoss && companyParts[toks[ne+1].w] {
		m.thing = true // "the airline Ryanair", "Boeing's chief executive"
	}
	if ne < len(toks) {
		switch toks[ne].w {
		case "shares", "stock", "stocks", "shareholders":
			m.thing = true // "Thomson Reuters shares closed down"
		}
	}
	if ageAfter(toks, ne) {
		m.appos = true // "Maria Lopez, 34, a nurse": an age is said of people
	}
	if ns >= 2 && toks[ns-1].w == "and" && len(a.mentions) > c.firstM {
		if prev := len(a.mentions) - 1; a.mentions[prev].e == toks[ns-2].e {
			m.coord = prev // "Prince Harry and Meghan Markle"
		}
	}
	if ns >= 3 && toks[ns-1].w == "as" && toks[ns-2].w == "known" && len(a.mentions) > c.firstM {
		// "Ahmed al-Sharaa, also known as Abu Mohammed al-Julani": one
		// person under two names.
		if prev := len(a.mentions) - 1; a.mentions[prev].sent == c.si && a.mentions[prev].e < toks[ns-2].s {
			m.coord, m.aka = prev, true
		}
	}
	if ne+1 < len(toks) && toks[ne].w == "," && toks[ne+1].w == "who" {
		m.who = true // "Kessler, who takes office on Monday": "who" is said of people
	}
	if ntok == 1 {
		w := toks[ns].w
		if stopword[strings.ToLower(w)] {
			return
		}
		k := cls[ns-i]
		_, isPlace := c.placeAt[ns]
		m.notName = isPlace || k == clsNat || k == clsCal || k == clsOrg || k == clsTitle || a.x.orgs[w]
	}
	a.administration(c, &m, ns, ne, &p)
	x := mentionExtra{facts: p.facts(c.si), relFrom: -1}
	if p.rel != "" {
		x.rel = p.rel
		if p.pron && len(a.mentions) > c.firstM {
			x.relFrom = len(a.mentions) - 1
		}
	}
	if p.gov && p.nat == "" && !p.region && p.org == "" && !p.owned {
		m.bareGov = true
		x.clause = a.clauseCountry(c, ns, ne)
	}
	if len(x.facts) > 0 || x.rel != "" || x.clause != "" {
		m.extra = len(a.extras)
		a.extras = append(a.extras, x)
	}
	a.mentions = append(a.mentions, m)
}

// humanContext looks at the words around the one-word name toks[ns:ne]
// for evidence that it names a person rather than a company: human is a
// gendered pronoun or "reporters" after its speech verb ("Clarke said he
// would", "Clarke told reporters"), "himself"/"herself", or a family word
// after its possessive ("Clarke's wife"); quoted is a direct quote
// attributed to it ("...," said Clarke; Clarke said, "..."); thing is
// "it" or "its" after its speech verb ("Clarke said it would").
func humanContext(toks []token, ns, ne int, speech map[string]bool) (human, quoted, thing bool) {
	isSpeech := func(k int) bool { return k >= 0 && k < len(toks) && speech[strings.ToLower(toks[k].w)] }
	isQuote := func(k int) bool { return k >= 0 && k < len(toks) && toks[k].w == `"` }
	v := -1 // the speech verb
	switch {
	case isSpeech(ne):
		v = ne
	case ne < len(toks) && toks[ne].w == "," && isSpeech(ne+1) && toks[ne+1].w != "saying":
		v = ne + 1
	}
	if v >= 0 {
		// Clarke said, "..." / Clarke said: "..." / "...," Clarke said;
		// not "... alongside Clarke, said "...".
		if v == ne && (isQuote(v+1) || v+2 < len(toks) && (toks[v+1].w == "," || toks[v+1].w == ":") && isQuote(v+2)) || isQuote(ns-1) && ns >= 2 && (toks[ns-2].w == "," || toks[ns-2].w == "?" || toks[ns-2].w == "!") {
			quoted = true
		}
		for k := v + 1; k < len(toks) && k <= v+3; k++ {
			switch strings.ToLower(toks[k].w) {
			case "he", "she", "his", "her", "him", "himself", "herself", "reporters", "journalists":
				return true, quoted, false
			case "it", "its":
				return false, quoted, true
			case "they", "their", "we", "our", ".", ";", `"`:
				return false, quoted, false
			}
		}
	}
	if isSpeech(ns-1) && ns >= 2 && (isQuote(ns-2) || ns >= 3 && isQuote(ns-3) && toks[ns-2].w == ",") && (ne == len(toks) || toks[ne].kind == tokPunct) {
		quoted = true // "...," said Clarke
	}
	if ne < len(toks) {
		switch toks[ne].w {
		case "himself", "herself":
			return true, quoted, false
		case "itself":
			return false, quoted, true
		}
	}
	if ne+1 < len(toks) && toks[ne].kind == tokPoss && familyWords[toks[ne+1].w] {
		return true, quoted, false
	}
	return false, quoted, false
}

// forPerson are roles held for a person as well as for an organisation
// ("a spokesman for Senator X").
var forPerson = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "lawyer": true, "attorney": true, "aide": true,
	"adviser": true, "advisor": true, "counsel": true, "assistant": true, "secretary": true, "deputy": true,
}

// placePrep are words before a place that make it a location or a
// destination rather than a party.
var placePrep = map[string]bool{
	"in": true, "to": true, "from": true, "into": true, "at": true, "toward": true, "towards": true, "across": true,
	"visit": true, "visits": true, "visited": true, "visiting": true, "near": true, "outside": true, "via": true,
	"through": true, "throughout": true, "around": true, "within": true, "inside": true, "for": true, "leave": true,
	"left": true, "reach": true, "reached": true, "arrive": true, "arrived": true, "over": true,
}

// companyNouns before a one-word name make it a company's: "the planemaker
// Airbus".
var companyNouns = map[string]bool{
	"company": true, "airline": true, "carrier": true, "manufacturer": true, "maker": true, "carmaker": true,
	"automaker": true, "planemaker": true, "firm": true, "rival": true, "lender": true, "insurer": true,
	"retailer": true, "giant": true, "startup": true, "subsidiary": true, "conglomerate": true, "supplier": true,
}

// companyParts after a one-word name's possessive make it a company:
// "Boeing's chief executive", "Ryanair's shares".
var companyParts = map[string]bool{
	"shares": true, "stock": true, "board": true, "shareholders": true, "employees": true, "workforce": true,
	"headquarters": true, "subsidiary": true, "profit": true, "profits": true, "revenue": true, "revenues": true,
	"earnings": true, "factory": true, "factories": true, "plant": true, "plants": true, "customers": true,
	"stores": true, "fleet": true, "ceo": true, "CEO": true, "chairman": true,
}

// facilityNouns after a name make it the name of a place or thing.
var facilityNouns = map[string]bool{
	"airport": true, "stadium": true, "bridge": true, "street": true, "avenue": true, "boulevard": true, "square": true,
	"highway": true, "expressway": true, "station": true, "terminal": true, "tunnel": true, "dam": true, "hospital": true,
	"arena": true, "museum": true, "memorial": true, "library": true, "foundation": true, "institute": true,
	"doctrine": true,
}

// familyWords after a possessive show that its owner is a person.
var familyWords = map[string]bool{
	"wife": true, "husband": true, "son": true, "daughter": true, "sons": true, "daughters": true, "mother": true,
	"father": true, "brother": true, "sister": true, "widow": true, "widower": true, "parents": true, "children": true,
	"girlfriend": true, "boyfriend": true, "fiancee": true, "fiancé": true, "fiancée": true, "grandson": true,
	"granddaughter": true, "nephew": true, "niece": true, "funeral": true, "birthday": true,
}

// clauseCountry returns the country of the nearest place named in the same
// clause as toks[ns:ne], skipping places that are destinations ("visit
// Lima", "to Quito").
func (a *analysis) clauseCountry(c *sentenceCtx, ns, ne int) string {
	toks := c.toks
	lo, hi := ns, ne
	for lo > 0 && !clauseBreak(toks[lo-1].w) {
		lo--
	}
	for hi < len(toks) && !clauseBreak(toks[hi].w) {
		hi++
	}
	best, bestDist := "", 1<<30
	for k := lo; k < hi; k++ {
		pm, ok := c.placeAt[k]
		if !ok || (k >= ns && k < ne) || pm.country == "" {
			continue
		}
		if k > 0 {
			switch strings.ToLower(toks[k-1].w) {
			case "visit", "visits", "visited", "visiting", "to", "toward", "towards", "from", "into":
				continue
			}
		}
		if k > ns {
			continue // "President X met Y in Beijing": a place after is where, not whose
		}
		d := ns - k
		if d < bestDist {
			best, bestDist = pm.country, d
		}
	}
	return best
}

func clauseBreak(w string) bool {
	return w == "," || w == ";" || w == ":" || w == "but" || w == "while" || w == "whereas" || w == `"` || w == "-"
}

// administration handles "the administration of X", "the X administration"
// and "X's ... presidency": X is a president.
func (a *analysis) administration(c *sentenceCtx, m *mention, ns, ne int, p *rolePhrase) {
	toks := c.toks
	office := false
	if ns >= 2 && toks[ns-1].w == "of" && (toks[ns-2].w == "administration" || toks[ns-2].w == "presidency") {
		office = true
	}
	if ne < len(toks) && (toks[ne].w == "administration" || toks[ne].w == "presidency") {
		office = true
	}
	country := a.adminCountry
	elect := false
	if ne+1 < len(toks) && toks[ne].kind == tokPoss {
		for k := ne + 1; k < len(toks) && k < ne+9; k++ {
			if clauseBreak(toks[k].w) || toks[k].w == "." {
				break
			}
			if toks[k].w == "presidency" {
				office = true
				if nat := a.natBefore(c, k); nat != "" {
					country = nat
				}
				// "ahead of X's inauguration to the presidency": X is
				// not president yet.
				elect = (toks[ne+1].w == "inauguration" || toks[ne+1].w == "swearing-in") && a.comingBefore(toks, ns)
				break
			}
		}
	}
	if !office || len(p.roles) > 0 {
		return
	}
	if elect {
		p.roles = append(p.roles, "president-elect")
	} else {
		p.roles = append(p.roles, "president")
	}
	p.gov = true
	if p.nat == "" {
		p.nat = country
	}
}

// comingBefore reports whether the words just before toks[ns] put what
// follows in the future: "ahead of", "before", "upcoming", "will attend".
func (a *analysis) comingBefore(toks []token, ns int) bool {
	for k := ns - 1; k >= 0 && k >= ns-6; k-- {
		switch strings.ToLower(toks[k].w) {
		case "ahead", "before", "upcoming", "awaiting", "await", "will", "scheduled", "set", "due", "prepares", "preparing", "until":
			return true
		case ".", ";":
			return false
		}
	}
	return false
}

// natBefore returns the country named by the nationality adjective or place
// in the two tokens before toks[k].
func (a *analysis) natBefore(c *sentenceCtx, k int) string {
	for b := k - 1; b >= 0 && b >= k-3; b-- {
		if pm, ok := c.placeAt[b]; ok {
			return pm.country
		}
		if n := a.x.nationality[c.toks[b].w]; n != "" {
			return n
		}
		if b > 0 {
			if n := a.x.nationality[c.toks[b-1].w+" "+c.toks[b].w]; n != "" {
				return n
			}
		}
	}
	return ""
}

// trackAdministration remembers the country of "the new U.S.
// administration" for a later "the administration of X".
func (a *analysis) trackAdministration(c *sentenceCtx) {
	for k, t := range c.toks {
		if t.w == "administration" || t.w == "presidency" || t.w == "government" {
			if n := a.natBefore(c, k); n != "" {
				a.adminCountry = n
			}
		}
	}
}

// partyWords are political labels that stand before titles.
var partyWords = map[string]bool{
	"republican": true, "democratic": true, "democrat": true, "conservative": true, "labour": true, "labor": true,
	"liberal": true, "socialist": true, "communist": true, "green": true, "independent": true, "progressive": true,
	"states": true, "federal": true, "national": true, "state": true, "royal": true, "imperial": true,
}

// orgPrefix returns the words before a title when they name an
// organisation rather than a country ("Apple" in "Apple CEO Tim Cook"),
// or "".
func orgPrefix(a *analysis, ts []token, cls []int) string {
	s := 0
	for s < len(ts) && (cls[s] == clsNat || cls[s] == clsPlace || cls[s] == clsCal) {
		s++
	}
	if s >= len(ts) {
		return ""
	}
	for k := s; k < len(ts); k++ {
		if cls[k] != clsOther && cls[k] != clsOrg && cls[k] != clsOf || ts[k].kind != tokWord {
			return ""
		}
		low := strings.ToLower(ts[k].w)
		if partyWords[low] || strings.HasSuffix(low, "ing") && a.x.isCommon(low) || a.isPlace(ts[k].w) {
			return "" // "Republican Senator", "Presiding Judge", "United States President"
		}
	}
	if ts[s].w == "The" || stopword[strings.ToLower(ts[s].w)] {
		s++
	}
	if s >= len(ts) {
		return ""
	}
	return joinToks(a.text, ts[s:])
}
