package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"factdesk/news"
)

// person is one resolved person.
type person struct {
	name     string
	aliases  []string
	mentions []int
	facts    []news.PersonFact
	last     int // index of the last mention resolved to it so far
}

// nameKey identifies a full name by its first and last tokens, so that
// "John F. Smith" and "John Smith" are one person.
func nameKey(name string) string {
	f := nameParts(name)
	if len(f) == 0 {
		return ""
	}
	key := strings.ToLower(f[0] + "|" + f[len(f)-1])
	// "John Smith Jr." is not his father.
	for _, w := range strings.Fields(name) {
		if w == "Jr." || w == "Jr" || w == "Sr." || regnal[w] {
			key += "|" + strings.ToLower(w)
		}
	}
	return key
}

// nameParts returns the tokens of a name that can stand for it alone.
func nameParts(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		if isParticle(w) || w == "Jr." || w == "Sr." || (len(w) == 2 && w[1] == '.') || regnal[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// isPerson decides whether a name of two or more words names a person.
func (a *analysis) isPerson(m mention, alone map[string]bool) bool {
	if m.cueTok && !m.titled {
		// "Ellen Park" and "Victoria Park": a person only when named again
		// by the last word, or said to speak, or given an age.
		f := nameParts(m.name)
		return m.given && len(f) == 2 && (alone[f[1]] || m.speech || m.appos)
	}
	if m.titled || m.appos || m.hyphen || m.who && !m.commonAll {
		return true
	}
	first, _, _ := strings.Cut(m.name, " ")
	switch first {
	case "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower", "Greater":
		return false // "North Rhine-Westphalia"
	}
	if m.placeTok || m.commonAll && !m.given {
		return false
	}
	if m.given {
		return true
	}
	f := nameParts(m.name)
	if len(f) < 2 {
		return false
	}
	firstAlone, lastAlone := alone[f[0]], alone[f[len(f)-1]]
	return (lastAlone || m.speech) && !firstAlone
}

// resolvePeople merges mentions into people: full names first, then lone
// surnames or given names matched as whole words against them.
func (a *analysis) resolvePeople() {
	// Words used alone: people are named again by their last name,
	// companies by their first word.
	alone := map[string]bool{}
	for _, m := range a.mentions {
		if m.ntok == 1 {
			alone[strings.TrimSuffix(m.name, ".")] = true
		}
	}
	// "Thomson Reuters said it would", "Thomson Reuters shares fell": a
	// company, unless a title or person-only context says otherwise.
	thing, human := map[string]bool{}, map[string]bool{}
	for _, m := range a.mentions {
		if m.ntok >= 2 {
			k := nameKey(m.name)
			thing[k] = thing[k] || m.thing
			human[k] = human[k] || m.human || m.titled
		}
	}
	accept := map[string]bool{}
	for _, m := range a.mentions {
		if k := nameKey(m.name); m.ntok >= 2 && a.isPerson(m, alone) && !(thing[k] && !human[k]) {
			accept[k] = true
		}
	}
	// "Prince Harry and Meghan Markle": a name joined by "and" to a person
	// is a person, unless it looks like a place.
	for _, m := range a.mentions {
		if m.coord < 0 || m.ntok < 2 || accept[nameKey(m.name)] || m.placeTok || m.cueTok || m.commonAll {
			continue
		}
		if c := a.mentions[m.coord]; c.titled && !c.notName || c.ntok >= 2 && accept[nameKey(c.name)] {
			accept[nameKey(m.name)] = true
		}
	}
	byKey := map[string]int{}
	newPerson := func(name string) int {
		a.people = append(a.people, &person{name: strings.Clone(name), last: -1})
		return len(a.people) - 1
	}
	for _, n := range a.known {
		if key := nameKey(n); !accept[key] {
			accept[key] = true
			byKey[key] = newPerson(n)
		}
	}
	for mi := range a.mentions {
		m := &a.mentions[mi]
		if m.ntok < 2 {
			continue
		}
		key := nameKey(m.name)
		if m.aka && m.coord >= 0 && a.mentions[m.coord].person >= 0 {
			// "X, also known as Y": Y is another name of X.
			pi := a.mentions[m.coord].person
			m.person = pi
			if !contains(a.people[pi].aliases, m.name) {
				a.people[pi].aliases = append(a.people[pi].aliases, strings.Clone(m.name))
			}
			byKey[key] = pi
			continue
		}
		if !accept[key] {
			continue
		}
		pi, ok := byKey[key]
		if !ok {
			pi = a.sameAs(m.name)
			if pi < 0 {
				pi = newPerson(m.name)
			} else if !contains(a.people[pi].aliases, m.name) {
				a.people[pi].aliases = append(a.people[pi].aliases, strings.Clone(m.name))
			}
			byKey[key] = pi
		}
		m.person = pi
	}
	alias := map[string][]int{}
	for pi, p := range a.people {
		for _, n := range append([]string{p.name}, p.aliases...) {
			for _, w := range nameParts(n) {
				w = particleCase(w)
				if l := alias[w]; len(l) == 0 || l[len(l)-1] != pi {
					alias[w] = append(l, pi)
				}
			}
		}
	}
	lone := a.loneSurnames()
	a.loneCompanies(lone)
	singles := map[string]int{}
	for mi := range a.mentions {
		m := &a.mentions[mi]
		if m.person >= 0 {
			a.people[m.person].last = mi
			continue
		}
		w := strings.TrimSuffix(m.name, ".")
		if f := nameParts(w); len(f) > 0 {
			w = f[len(f)-1] // "Von der Leyen" stands for "Leyen"
		}
		w = particleCase(w)
		cands := alias[w]
		if m.notName {
			// "Israel" the country is not Israel Katz; "Jordan" may be
			// Michael Jordan: a place or month word stands for a person
			// only as the surname.
			var keep []int
			for _, pi := range cands {
				if f := nameParts(a.people[pi].name); len(f) > 0 && f[len(f)-1] == w {
					keep = append(keep, pi)
				}
			}
			cands = keep
		}
		if len(cands) > 0 {
			best := cands[0]
			for _, pi := range cands {
				if a.people[pi].last > a.people[best].last {
					best = pi
				}
			}
			m.person = best
		} else if m.ntok == 1 && (m.titled || lone[w] || m.who && (!m.commonAll || !strings.HasSuffix(w, "s")) && !stopword[strings.ToLower(w)] && !camelCase(w)) && !m.notName {
			// ", who" is said of people: "Kessler, who ..."; a common word
			// too ("Trump, who takes office ..."), unless a plural
			// ("Officials, who ...").
			pi, ok := singles[w]
			if !ok {
				n := w
				if f := strings.Fields(m.name); len(f) == 2 && regnal[f[1]] {
					n = m.name // "King Charles III" is Charles III
				}
				pi = newPerson(n)
				singles[w] = pi
			}
			m.person = pi
		}
		if m.person >= 0 {
			p := a.people[m.person]
			p.last = mi
			if m.name != p.name && !contains(p.aliases, m.name) {
				p.aliases = append(p.aliases, strings.Clone(m.name))
			}
		}
	}
	for mi := range a.mentions {
		m := &a.mentions[mi]
		if m.person < 0 {
			continue
		}
		p := a.people[m.person]
		if n := len(p.mentions); n == 0 || p.mentions[n-1] != m.sent {
			p.mentions = appendSorted(p.mentions, m.sent)
		}
		if m.extra >= 0 {
			p.facts = append(p.facts, a.extras[m.extra].facts...)
		}
	}
	a.definiteRoles()
	a.relations()
	a.inferNationality()
}

// loneSurnames returns the one-word names that name a person though the
// article never gives the full name ("Putin said he ..."): the evidence is
// a gendered pronoun, "told reporters", a family word, or the speaker of a
// direct quote when the word is not an ordinary English word. A word with
// any sign of a company ("Boeing said it", "Boeing Co.", a known
// organisation) is left out.
func (a *analysis) loneSurnames() map[string]bool {
	var lone map[string]bool
	var thing map[string]bool
	for _, m := range a.mentions {
		if m.ntok != 1 || m.person >= 0 || m.notName {
			continue
		}
		w := strings.TrimSuffix(m.name, ".")
		if m.thing {
			if thing == nil {
				thing = map[string]bool{}
			}
			thing[w] = true
		}
		if !(m.human || m.quoted && !m.commonAll) {
			continue
		}
		if stopword[strings.ToLower(w)] || camelCase(w) || a.x.orgs[w] || a.x.isGiven(w) && !m.human {
			continue
		}
		if lone == nil {
			lone = map[string]bool{}
		}
		lone[w] = true
	}
	for w := range lone {
		if thing[w] {
			delete(lone, w)
		}
	}
	if len(lone) > 0 {
		// "Boeing Co." or "Boeing Commercial Airplanes" found as an
		// organisation.
		for _, o := range a.orgs.list {
			if f, _, _ := strings.Cut(o.Name, " "); lone[f] {
				delete(lone, f)
			}
		}
	}
	return lone
}

// loneCompanies records as organisations the one-word names that the
// article treats as companies ("Boeing said it", "Boeing's shares", "the
// airline Ryanair") in every sentence that names them, unless they name a
// person.
func (a *analysis) loneCompanies(lone map[string]bool) {
	var corp map[string]bool
	for _, m := range a.mentions {
		if m.ntok == 1 && m.thing && !m.notName && m.person < 0 {
			w := strings.TrimSuffix(m.name, ".")
			if lone[w] || stopword[strings.ToLower(w)] {
				continue
			}
			if corp == nil {
				corp = map[string]bool{}
			}
			corp[w] = true
		}
	}
	if corp == nil {
		return
	}
	for _, m := range a.mentions {
		if w := strings.TrimSuffix(m.name, "."); m.ntok == 1 && m.person < 0 && corp[w] {
			if i, ok := a.orgs.index[w]; ok {
				// Known already ("Airbus" in the list): keep its mentions
				// sorted and distinct.
				a.orgs.list[i].Mentions = appendSorted(a.orgs.list[i].Mentions, m.sent)
				continue
			}
			a.orgs.add(w, m.sent)
		}
	}
}

// sameAs returns the person already known under another form of name's
// given name ("Timothy D. Cook" for "Tim Cook"), or -1.
func (a *analysis) sameAs(name string) int {
	f := nameParts(name)
	if len(f) < 2 {
		return -1
	}
	for pi, p := range a.people {
		g := nameParts(p.name)
		if len(g) < 2 || g[len(g)-1] != f[len(f)-1] {
			continue
		}
		if a.x.nicknames[f[0]+"|"+g[0]] || a.x.nicknames[g[0]+"|"+f[0]] {
			return pi
		}
		// "López Obrador" after "Andrés Manuel López Obrador": a double
		// surname alone.
		if len(g) > len(f) && slices.Equal(g[len(g)-len(f):], f) {
			return pi
		}
	}
	return -1
}

// particleCase writes a name part with a glued particle in lower case, so
// that "Al-Sharaa" at a sentence's start matches "al-Sharaa".
func particleCase(w string) string {
	if p, rest, ok := strings.Cut(w, "-"); ok && rest != "" && len(p) <= 3 && capParticleHyphen[p] {
		return strings.ToLower(p) + "-" + rest
	}
	return w
}

// capParticleHyphen are particles written before a hyphen in names.
var capParticleHyphen = map[string]bool{"Al": true, "El": true, "Ad": true, "As": true, "An": true, "Ar": true, "At": true, "Az": true}

// camelCase reports whether w has a capital inside it that a surname
// would not ("AirTanker", not "McDonald" or "DeSantis").
func camelCase(w string) bool {
	for _, p := range []string{"Mc", "Mac", "Des", "De", "Di", "La", "Le", "Van", "O'"} {
		if strings.HasPrefix(w, p) {
			w = w[len(p):]
			break
		}
	}
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// appendSorted adds v to the sorted list l unless present.
func appendSorted(l []int, v int) []int {
	i := len(l)
	for i > 0 && l[i-1] > v {
		i--
	}
	if i > 0 && l[i-1] == v {
		return l
	}
	l = append(l, 0)
	copy(l[i+1:], l[i:])
	l[i] = v
	return l
}

// relations resolves relational descriptions: "his Chilean counterpart,
// X" in a sentence about a finance minister makes X a finance minister
// too.
func (a *analysis) relations() {
	for mi := range a.mentions {
		m := &a.mentions[mi]
		if m.extra < 0 || a.extras[m.extra].rel == "" || m.person < 0 {
			continue
		}
		x := a.extras[m.extra]
		ante := -1
		if x.relFrom >= 0 && a.mentions[x.relFrom].person != m.person {
			ante = a.mentions[x.relFrom].person
		}
		if ante < 0 {
			for k := mi - 1; k >= 0; k-- {
				if p := a.mentions[k].person; p >= 0 && p != m.person {
					ante = p
					break
				}
			}
		}
		if ante < 0 {
			continue
		}
		switch x.rel {
		case "counterpart", "predecessor", "successor":
		default:
			continue
		}
		for _, f := range a.people[ante].facts {
			if f.Kind != news.FactRole {
				continue
			}
			role := bareRole(f.Value)
			if x.rel == "predecessor" {
				role = "former " + role
			}
			a.people[m.person].facts = append(a.people[m.person].facts, news.PersonFact{Kind: news.FactRole, Value: role, Sentence: m.sent})
			break
		}
	}
}

// definiteRoles reads "Keir Starmer defended the cuts. The prime minister
// said ...": a sentence that opens with "The" and a title no one in the
// article holds, right after a sentence whose subject is a person with no
// role, names that person by the title.
func (a *analysis) definiteRoles() {
	var toks []token
	for si := 1; si < len(a.sents); si++ {
		sp := a.sents[si]
		if sp.kind != news.KindBody || !strings.HasPrefix(a.text[sp.s:sp.e], "The ") {
			continue
		}
		toks = tokenize(a.x, a.text, sp.span, toks[:0])
		if len(toks) < 3 {
			continue
		}
		n, role := 0, ""
		for k := min(a.x.titleMaxLen, len(toks)-1); k >= 1; k-- {
			phrase := lowerJoin(toks[1 : 1+k])
			// Public offices only: "the spokesman" is often someone new.
			if c, ok := a.x.titles[phrase]; ok && c == titleGov && !toks[1].up && phrase != "official" && phrase != "lawmaker" && phrase != "diplomat" && phrase != "candidate" {
				n, role = k, phrase
				break
			}
		}
		if n == 0 || 1+n >= len(toks) || toks[1+n].kind != tokWord || toks[1+n].up {
			continue // "The Prime Minister Jones said": a name follows
		}
		if a.roleHeld(role, si) {
			continue
		}
		p := a.subjectOf(si - 1)
		if p < 0 || len(roles(a.people[p].facts)) > 0 {
			continue
		}
		a.people[p].facts = append(a.people[p].facts, news.PersonFact{Kind: news.FactRole, Value: role, Sentence: si})
	}
}

// roleHeld reports whether a person named before sentence si holds role r
// (a former holder does not).
func (a *analysis) roleHeld(r string, si int) bool {
	for _, p := range a.people {
		for _, f := range p.facts {
			if f.Kind == news.FactRole && f.Sentence < si && !strings.HasPrefix(f.Value, "former ") && (f.Value == r || strings.HasSuffix(f.Value, " "+r)) {
				return true
			}
		}
	}
	return false
}

// subjectOf returns the person first named in sentence si, or -1.
func (a *analysis) subjectOf(si int) int {
	i := sort.Search(len(a.mentions), func(i int) bool { return a.mentions[i].sent >= si })
	if i < len(a.mentions) && a.mentions[i].sent == si {
		return a.mentions[i].person
	}
	return -1
}

// roles returns the role facts' values.
func roles(facts []news.PersonFact) []string {
	var out []string
	for _, f := range facts {
		if f.Kind == news.FactRole {
			out = append(out, f.Value)
		}
	}
	return out
}

// bareRole drops time modifiers: a counterpart of an interim governor is a
// governor's counterpart.
func bareRole(r string) string {
	for _, p := range []string{"acting ", "incoming ", "outgoing ", "interim ", "former ", "new "} {
		r = strings.TrimPrefix(r, p)
	}
	return r
}

// inferNationality gives a nationality to people with a public office but
// none stated: the country named in the same clause ("turmoil in Lima
// following President X"), else the country of the article's unqualified
// titles (a paper writes "Foreign Minister X" for its own country's).
func (a *analysis) inferNationality() {
	// Failing a person to learn it from, the dateline's country, else the
	// country the article names most, if it names it most of the time.
	home := a.mainCountry()
	if _, c, ok := a.x.place(titleCase(a.dateline)); ok && c != "" {
		home = c
	}
	for mi := range a.mentions {
		m := a.mentions[mi]
		if m.bareGov && m.person >= 0 {
			if n := nationality(a.people[m.person].facts); n != "" {
				home = n
				break
			}
		}
	}
	type guess struct {
		clause string
		from   int
		gov    bool
	}
	g := make([]guess, len(a.people))
	for mi := range a.mentions {
		m := a.mentions[mi]
		if m.person < 0 || !m.bareGov {
			continue
		}
		x := &g[m.person]
		if !x.gov {
			x.gov, x.from = true, m.sent
		}
		if m.extra >= 0 && a.extras[m.extra].clause != "" && x.clause == "" {
			x.clause, x.from = a.extras[m.extra].clause, m.sent
		}
	}
	for pi, p := range a.people {
		if !g[pi].gov || nationality(p.facts) != "" {
			continue
		}
		n := g[pi].clause
		if n == "" && a.countriesAgree(p.mentions, home) {
			n = home
		}
		if n != "" {
			p.facts = append(p.facts, news.PersonFact{Kind: news.FactNationality, Value: n, Sentence: g[pi].from})
		}
	}
}

// countriesAgree reports whether the sentences that mention a person leave
// home as the country of his bare title: they name home, or no country at
// all. "BRUSSELS - Prime Minister X said Denmark would veto" names another
// country, so X's nationality is left unknown rather than guessed.
func (a *analysis) countriesAgree(sents []int, home string) bool {
	other := false
	for _, sc := range a.countryAt {
		if _, ok := slices.BinarySearch(sents, sc.sent); !ok {
			continue
		}
		if sc.country == home {
			return true
		}
		other = true
	}
	return !other
}

// mainCountry returns the country that more than half of the article's
// place mentions and nationality adjectives belong to, and at least three,
// or "".
func (a *analysis) mainCountry() string {
	count := map[string]int{}
	total := 0
	for c, n := range a.natCount {
		count[c] += n
		total += n
	}
	for _, e := range a.places.list {
		if _, c, ok := a.x.place(e.Name); ok && c != "" {
			count[c] += len(e.Mentions)
			total += len(e.Mentions)
		}
	}
	for c, n := range count {
		// Named a few times and most of the time: one teacher "from
		// Leeds" does not make the article British.
		if 2*n > total && n >= 3 {
			return c
		}
	}
	return ""
}

// titleCase turns "NEW YORK" into "New York".
func titleCase(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		if w != "" {
			f[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(f, " ")
}

// nationality returns the most often stated nationality among facts.
func nationality(facts []news.PersonFact) string {
	best, bestN := "", 0
	count := map[string]int{}
	for _, f := range facts {
		if f.Kind != news.FactNationality {
			continue
		}
		count[f.Value]++
		if count[f.Value] > bestN {
			best, bestN = f.Value, count[f.Value]
		}
	}
	return best
}

// leadCaptionOnly reports whether every mention is in a photo caption
// above the story: the lead picture's subject is not a person of the
// story unless the story names them.
func (a *analysis) leadCaptionOnly(mentions []int, firstBody int) bool {
	for _, m := range mentions {
		if m >= firstBody || m < 0 || m >= len(a.sents) || a.sents[m].kind != news.KindCaption {
			return false
		}
	}
	return true
}

// outPeople turns resolved people into the result, in order of first
// mention, and fills the places that are not part of a person's name.
func (a *analysis) outPeople() []news.Person {
	var out []news.Person
	order := make([]int, 0, len(a.people))
	for pi := range a.people {
		order = append(order, pi)
	}
	first := func(pi int) int {
		if len(a.people[pi].mentions) == 0 {
			return 1 << 30
		}
		return a.people[pi].mentions[0]
	}
	sort.SliceStable(order, func(x, y int) bool { return first(order[x]) < first(order[y]) })
	firstBody := len(a.sents)
	for si, s := range a.sents {
		if s.kind == news.KindBody {
			firstBody = si
			break
		}
	}
	for _, pi := range order {
		p := a.people[pi]
		if len(p.mentions) == 0 || a.leadCaptionOnly(p.mentions, firstBody) {
			continue
		}
		np := news.Person{Name: p.name, Aliases: p.aliases, Mentions: p.mentions, Nationality: nationality(p.facts)}
		seen := map[news.PersonFact]bool{}
		for _, f := range p.facts {
			if f.Value == "" || seen[f] {
				continue
			}
			f.Value = strings.Clone(f.Value)
			seen[f] = true
			np.Facts = append(np.Facts, f)
			switch f.Kind {
			case news.FactRole:
				if !contains(np.Roles, f.Value) {
					np.Roles = append(np.Roles, f.Value)
				}
			case news.FactDescription:
				if !contains(np.Descriptions, f.Value) {
					np.Descriptions = append(np.Descriptions, f.Value)
				}
			}
		}
		a.dropVagueRoles(&np)
		if np.Aliases == nil {
			np.Aliases = []string{}
		}
		if np.Roles == nil {
			np.Roles = []string{}
		}
		if np.Descriptions == nil {
			np.Descriptions = []string{}
		}
		out = append(out, np)
	}
	a.finishPlaces()
	return out
}

// dropVagueRoles removes a role that another role of the person states
// more precisely with a portfolio: "minister" beside "finance minister"
// (from "Minister Alice Brown, the finance minister"). "president" beside
// "vice president" stays: a modifier makes another office.
func (a *analysis) dropVagueRoles(p *news.Person) {
	vague := func(r string) bool {
		for _, r2 := range p.Roles {
			extra, ok := strings.CutSuffix(r2, " "+r)
			if !ok || extra == "" {
				continue
			}
			all := true
			for _, w := range strings.Fields(extra) {
				if a.x.titles[w] != titleDept {
					all = false
					break
				}
			}
			if all {
				return true
			}
		}
		return false
	}
	var keep []string
	dropped := false
	for _, r := range p.Roles {
		if vague(r) {
			dropped = true
			continue
		}
		keep = append(keep, r)
	}
	if !dropped {
		return
	}
	facts := p.Facts[:0]
	for _, f := range p.Facts {
		if f.Kind == news.FactRole && !contains(keep, f.Value) {
			continue
		}
		facts = append(facts, f)
	}
	p.Roles, p.Facts = keep, facts
}

// finishPlaces adds the gazetteer matches that are not inside a person's
// name.
func (a *analysis) finishPlaces() {
	mi := 0
	for _, pc := range a.placeCands {
		inName := false
		for mi < len(a.mentions) && a.mentions[mi].sent < pc.sent {
			mi++
		}
		for k := mi; k < len(a.mentions) && a.mentions[k].sent == pc.sent; k++ {
			m := a.mentions[k]
			if m.person >= 0 && m.s < pc.e && pc.s < m.e {
				inName = true
				break
			}
		}
		if !inName {
			a.places.add(pc.name, pc.sent)
		}
	}
}
