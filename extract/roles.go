package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"factdesk/news"
)

// rolePhrase is what a title, an appositive or a possessive phrase says
// about a person.
type rolePhrase struct {
	end   int // tokens read
	roles []string
	nat   string
	desc  string
	rel   string // a relational head noun: "counterpart"
	pron  bool   // the phrase starts with his/her/their
	gov   bool   // a public-office title
	org   string // the organisation of the role: "Apple" in "CEO of Apple"
	// orgPrep is the preposition the text puts before org ("at", "for"),
	// "" for "of".
	orgPrep string
	region  bool // qualified by a region rather than a country
	owned   bool // "the company's vice president": of a company, not a country
}

// personal reports whether the phrase can only describe a person: a role,
// or a relation such as "wife" ("rival" and "partner" fit companies too).
func (p *rolePhrase) personal() bool {
	switch p.rel {
	case "rival", "ally", "partner", "successor", "predecessor":
		return len(p.roles) > 0
	}
	return true
}

func (p *rolePhrase) merge(q rolePhrase) {
	p.roles = append(p.roles, q.roles...)
	if p.nat == "" {
		p.nat = q.nat
	}
	if p.desc == "" {
		p.desc = q.desc
	}
	if p.org == "" {
		p.org, p.orgPrep = q.org, q.orgPrep
	}
	if p.rel == "" {
		p.rel, p.pron = q.rel, q.pron
	}
	p.gov = p.gov || q.gov
	p.region = p.region || q.region
	p.owned = p.owned || q.owned
}

// facts turns the phrase into person facts from sentence si.
func (p *rolePhrase) facts(si int) []news.PersonFact {
	var out []news.PersonFact
	for _, r := range p.roles {
		out = append(out, news.PersonFact{Kind: news.FactRole, Value: r, Sentence: si})
	}
	if p.nat != "" {
		out = append(out, news.PersonFact{Kind: news.FactNationality, Value: p.nat, Sentence: si})
	}
	if p.desc != "" {
		out = append(out, news.PersonFact{Kind: news.FactDescription, Value: p.desc, Sentence: si})
	}
	if p.org != "" && len(p.roles) > 0 {
		// "Apple Inc." and "Apple Inc" are one company.
		prep := p.orgPrep
		if prep == "" || prep == "for" {
			prep = "of"
		}
		out = append(out, news.PersonFact{Kind: news.FactDescription, Value: p.roles[len(p.roles)-1] + " " + prep + " " + strings.TrimSuffix(p.org, "."), Sentence: si})
	}
	return out
}

// headVerbs turn "who heads X" into a role.
var headVerbs = map[string]string{"heads": "head", "leads": "leader", "chairs": "chair"}

// royalTitles are ranks whose holder's country is not the article's (a
// queen named in a story from Florida is not American), and which stand
// apart after another title ("Prime Minister Sheikh X", "Supreme Leader
// Ayatollah X").
var royalTitles = map[string]bool{
	"king": true, "queen": true, "prince": true, "princess": true, "emperor": true, "empress": true, "crown prince": true,
	"crown princess": true, "sultan": true, "emir": true, "sheikh": true, "monarch": true, "ayatollah": true,
	"grand ayatollah": true,
}

// rankTitles are military and police ranks: a colonel quoted in a story
// datelined Baghdad is often an American, so the article's country is no
// guess for them.
var rankTitles = map[string]bool{
	"general": true, "gen.": true, "gen": true, "admiral": true, "adm.": true, "colonel": true, "col.": true, "col": true,
	"lieutenant": true, "lt.": true, "lt": true, "major": true, "maj.": true, "sergeant": true, "sgt.": true, "sgt": true,
	"corporal": true, "cpl.": true, "cpl": true, "private": true, "pvt.": true, "commander": true, "cmdr.": true, "cmdr": true,
	"marshal": true, "detective": true, "det.": true, "det": true, "inspector": true, "insp.": true, "insp": true,
	"superintendent": true, "supt.": true, "supt": true, "constable": true, "dci": true, "dcs": true,
}

// roleNames spells out roles written as acronyms.
var roleNames = map[string]string{
	"ceo": "chief executive officer", "cfo": "chief financial officer", "coo": "chief operating officer",
	"cto": "chief technology officer", "gov.": "governor", "sen.": "senator", "rep.": "representative",
	"gen.": "general", "adm.": "admiral", "col.": "colonel", "lt.": "lieutenant", "capt.": "captain",
	"sgt.": "sergeant", "maj.": "major", "cpl.": "corporal", "pvt.": "private", "cmdr.": "commander",
	"prof": "professor", "det.": "detective", "insp.": "inspector", "supt.": "superintendent", "cmdr": "commander",
	"lt": "lieutenant", "sgt": "sergeant", "col": "colonel", "gen": "general", "capt": "captain", "det": "detective",
	"insp": "inspector", "supt": "superintendent", "cpl": "corporal", "dci": "detective chief inspector",
	"dcs": "detective chief superintendent",
}

// ambiguousTitles are titles only when capitalised before a name.
var ambiguousTitles = map[string]bool{"major": true, "general": true, "private": true, "marshal": true, "first": true}

// droppedMods are modifiers that add nothing to a role.
var droppedMods = map[string]bool{"new": true, "current": true, "top": true, "then": true}

// parseRole reads a phrase such as "the new U.S. trade representative",
// "Peru's interim president and finance minister", "his Chilean
// counterpart" or "Brazilian Health Minister".
func (a *analysis) parseRole(ts []token) rolePhrase {
	var p rolePhrase
	var cur []string
	head, unknown := false, 0
	descStart, descEnd := -1, -1
	flush := func() {
		if !head && len(cur) > 0 && (cur[len(cur)-1] == "deputy" || cur[len(cur)-1] == "assistant") {
			head = true // "Lund's deputy, X": the modifier stands as a noun
		}
		if head && len(cur) > 0 {
			r := strings.Join(cur, " ")
			if full, ok := roleNames[r]; ok {
				r = full
			} else if len(cur) > 1 {
				// "lt. col." is "lieutenant colonel".
				parts := make([]string, len(cur))
				for i, w := range cur {
					parts[i] = w
					if full, ok := roleNames[w]; ok {
						parts[i] = full
					}
				}
				r = strings.Join(parts, " ")
			}
			if a.x.titles[r] != titleRel && r != p.rel {
				p.roles = append(p.roles, r)
			}
		}
		cur, head = cur[:0], false
	}
	if len(ts) == 0 {
		return p
	}
	ts = splitPrefixed(ts)
	i := 0
	for i < len(ts) && (ts[i].w == "the" || ts[i].w == "The" || ts[i].w == "a" || ts[i].w == "an" || ts[i].w == "A") {
		i++
	}
	switch strings.ToLower(ts[min(i, len(ts)-1)].w) {
	case "his", "her", "their", "its":
		if i < len(ts) {
			p.pron = true
			i++
		}
	}
	descStart = i
	for i < len(ts) {
		t := ts[i]
		// A possessive owner: "South Korea's", "the company's".
		if n := a.possessiveOwner(ts, i); n > 0 {
			if c := a.countryOf(ts[i : i+n]); c != "" {
				p.nat = c
			} else if ts[i].up && a.x.nationality[ts[i].w] == "" && !a.x.regions[ts[i].w] {
				// "Apple's senior vice president": an organisation's
				// officer, of no country.
				p.org = joinToks(a.text, ts[i:i+n])
			} else if !ts[i].up && (ts[i].w == "company" || ts[i].w == "firm" || ts[i].w == "group" || ts[i].w == "bank") {
				p.owned = true
			}
			i += n + 1
			descStart = i
			continue
		}
		if t.kind == tokWord && t.up {
			if i+1 < len(ts) {
				if c := a.x.nationality[t.w+" "+ts[i+1].w]; c != "" {
					p.nat = c
					i += 2
					continue
				}
			}
			if c := a.x.nationality[t.w]; c != "" {
				p.nat = c
				i++
				continue
			}
			if a.x.regions[t.w] {
				p.region = true
				i++
				continue
			}
			if n, c := a.placeAtToks(ts, i); n > 0 {
				p.nat = c
				i += n
				continue
			}
		}
		if t.w == "and" || t.w == "," {
			if head {
				flush()
				i++
				continue
			}
			break
		}
		if t.kind == tokNum && !head && ordinalNum(t.w) {
			i++ // "the 39th president"
			continue
		}
		if t.kind != tokWord {
			break
		}
		// The longest title phrase here.
		n, class := 0, ""
		for k := min(a.x.titleMaxLen, len(ts)-i); k >= 1; k-- {
			if c, ok := a.x.titles[lowerJoin(ts[i:i+k])]; ok {
				n, class = k, c
				break
			}
		}
		if n == 0 && t.w == "of" && head && i+1 < len(ts) && ts[i+1].kind == tokWord && a.x.titles[strings.ToLower(ts[i+1].w)] == titleDept {
			// "minister of transport", "head of finance".
			k := i + 1
			for k < len(ts) && ts[k].kind == tokWord && a.x.titles[strings.ToLower(ts[k].w)] == titleDept {
				k++
			}
			cur = append(cur, "of", lowerJoin(ts[i+1:k]))
			i = k
			descEnd = i
			continue
		}
		if n == 0 {
			if (t.w == "of" || t.w == "for" || t.w == "at") && head && i+1 < len(ts) {
				// "president of the United States", "spokeswoman for the
				// Chinese Foreign Ministry", "professor at Harvard University".
				at := i + 1
				if ts[at].w == "the" && at+1 < len(ts) {
					at++
				}
				k := capRun(ts, at)
				portfolio := k > 0 && at+k < len(ts) && ts[at+k].kind == tokWord && !ts[at+k].up // "for Macintosh engineering"
				if pk, c := a.placeAtToks(ts, at); pk > 0 && pk == k && t.w != "at" {
					// "minister of transport for Indonesia", "president of
					// the United States".
					p.nat = c
					descEnd = i
					i = at + pk
				} else if k > 1 && len(cur) > 0 && a.x.nationality[ts[at].w] != "" && p.org == "" && !portfolio {
					p.nat = a.x.nationality[ts[at].w]
					p.org, p.orgPrep = strings.TrimSuffix(joinToks(a.text, ts[at:at+k]), "."), t.w
					i = at + k
				} else if k > 0 && len(cur) > 0 && p.org == "" && !portfolio {
					// "chief executive of General Motors", "a doctor at New
					// York University": keep where.
					p.org, p.orgPrep = strings.TrimSuffix(joinToks(a.text, ts[at:at+k]), "."), t.w
					i = at + k
				}
			}
			if !head && t.up && !partyWords[strings.ToLower(t.w)] {
				// "an Apple Inc. executive": an organisation before the title.
				if k := capRun(ts, i); k > 0 && i+k < len(ts) && ts[i+k].kind == tokWord && !ts[i+k].up {
					if c, ok := a.x.titles[strings.ToLower(ts[i+k].w)]; ok && (c == titleJob || c == titleGov) {
						p.org = strings.TrimSuffix(joinToks(a.text, ts[i:i+k]), ".")
						i += k
						continue
					}
				}
			}
			if !head && t.up && partyWords[strings.ToLower(t.w)] && i+1 < len(ts) {
				// "the Conservative leader", "a Democratic senator".
				cur = append(cur, strings.ToLower(t.w))
				i++
				continue
			}
			if head && !t.up && !stopword[t.w] && !a.x.speech[t.w] && len(cur) > 0 && i+1 < len(ts) && ts[i+1].kind == tokWord && !ts[i+1].up && a.titleAt(ts, i+1) {
				// "chief market strategist", "senior equity analyst": the
				// first title word was a modifier of the last.
				cur = append(cur, t.w)
				head = false
				i++
				continue
			}
			if head || t.up || unknown >= 2 || stopword[t.w] || a.x.speech[t.w] {
				break
			}
			if i+1 < len(ts) && ts[i+1].kind == tokWord && (adjectival(t.w) || a.titleAt(ts, i+1) && !strings.HasSuffix(t.w, "ly") && !strings.HasSuffix(t.w, "ed")) {
				// "political chief", "bank chief", "rights activist": the
				// word stays in the role when a title follows.
				cur = append(cur, t.w)
			} else if !head {
				// "Police arrested businessman X": a word outside the
				// title cuts off the words before it.
				cur = cur[:0]
			}
			unknown++
			i++
			continue
		}
		phrase := lowerJoin(ts[i : i+n])
		if n == 1 && !t.up && ambiguousTitles[phrase] {
			// "a major lender", "in general": adjectives in lower case.
			if head || unknown >= 2 {
				break
			}
			unknown++
			i++
			continue
		}
		if class == titleHon && p.pron && !t.up && phrase == "father" {
			class = titleRel // "his father, X"; "Father X" is a priest
		}
		switch class {
		case titleHon:
		case titleMod, titleDept:
			if head && class == titleMod {
				flush() // "president acting" is not one role
			}
			if !droppedMods[phrase] {
				cur = append(cur, phrase)
			}
		case titleGov, titleJob:
			if head && royalTitles[phrase] {
				flush() // "Prime Minister Sheikh X": two titles, not one
			}
			cur = append(cur, phrase)
			head = true
			if class == titleGov && !royalTitles[phrase] && !rankTitles[phrase] {
				p.gov = true
			}
		case titleRel:
			cur = append(cur, phrase)
			head = true
			p.rel = phrase
		}
		i += n
		descEnd = i
	}
	flush()
	p.end = i
	if p.rel != "" && descEnd > descStart {
		var parts []string
		for _, t := range ts[descStart:descEnd] {
			if t.kind == tokWord {
				parts = append(parts, t.w)
			}
		}
		p.desc = strings.Join(parts, " ")
	}
	return p
}

// titlePrefix splits "ex-prime" into "former" and "prime", and drops
// "then-" from "then-Vice": a time prefix glued to a title word.
func titlePrefix(w string) (mod, rest string) {
	low := strings.ToLower(w)
	for _, p := range []struct{ pre, mod string }{{"ex-", "former"}, {"then-", ""}, {"former-", "former"}} {
		if strings.HasPrefix(low, p.pre) && len(w) > len(p.pre) {
			return p.mod, w[len(p.pre):]
		}
	}
	return "", ""
}

// splitPrefixed returns ts with prefixed title words split (see
// titlePrefix); ts itself when there are none.
func splitPrefixed(ts []token) []token {
	var out []token
	for i, t := range ts {
		mod, rest := "", ""
		if t.kind == tokWord && strings.IndexByte(t.w, '-') > 0 {
			mod, rest = titlePrefix(t.w)
		}
		if rest == "" {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append([]token(nil), ts[:i]...)
		}
		if mod != "" {
			out = append(out, token{w: mod, s: t.s, e: t.s, kind: tokWord})
		}
		r := t
		r.w, r.s = rest, t.e-len(rest)
		if first, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(first) {
			r.up = true
		}
		out = append(out, r)
	}
	if out == nil {
		return ts
	}
	return out
}

func lowerJoin(ts []token) string {
	if len(ts) == 1 {
		return strings.ToLower(ts[0].w)
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = strings.ToLower(t.w)
	}
	return strings.Join(parts, " ")
}

// possessiveOwner returns the number of tokens before a possessive 's that
// starts at ts[i] ("South Korea's" gives 2), or 0.
func (a *analysis) possessiveOwner(ts []token, i int) int {
	if i+1 < len(ts) && ts[i].kind == tokWord && ts[i+1].kind == tokPoss {
		return 1 // "the party's", "Peru's"
	}
	for n := 1; n <= 4 && i+n < len(ts); n++ {
		if ts[i+n-1].kind != tokWord || !ts[i+n-1].up {
			return 0
		}
		if ts[i+n].kind == tokPoss {
			return n
		}
	}
	return 0
}

// countryOf returns the country the tokens name, if any.
func (a *analysis) countryOf(ts []token) string {
	if _, c, ok := a.x.place(joinToks(a.text, ts)); ok {
		return c
	}
	return ""
}

// placeAtToks matches a place name starting at ts[i].
func (a *analysis) placeAtToks(ts []token, i int) (int, string) {
	for n := min(a.x.placeMaxLen, len(ts)-i); n >= 1; n-- {
		if !allWords(ts[i:i+n]) || !ts[i].up {
			continue
		}
		if _, c, ok := a.x.place(joinToks(a.text, ts[i:i+n])); ok {
			return n, c
		}
	}
	return 0, ""
}

// leftRole reads a role phrase that ends right before the name at ts[ns]:
// "Peru's finance minister, X", "his Chilean counterpart, X",
// "former foreign minister X".
func (a *analysis) leftRole(ts []token, ns int) (rolePhrase, bool) {
	k := ns - 1
	comma := k >= 0 && ts[k].w == ","
	if comma {
		k--
	}
	end := k + 1
	titled, unknown := false, 0
	owned, org := false, ""
	if k >= 3 && ts[k-1].w == "the" && ts[k-2].w == "of" && ownerNouns[ts[k].w] {
		// "general counsel of the company, X"
		k -= 3
		owned = true
	}
	for k >= 0 {
		t := ts[k]
		low := strings.ToLower(t.w)
		if t.up && !titled && k+1 < len(ts) {
			// "chief executive officer of Apple Inc. X": an organisation
			// after "of" and a title.
			b := k
			for b > 0 && ts[b-1].kind == tokWord && ts[b-1].up {
				b--
			}
			if b >= 2 && ts[b-1].w == "of" && ts[b-2].kind == tokWord && !ts[b-2].up && a.x.titles[strings.ToLower(ts[b-2].w)] != "" && a.placeEnding(ts, k) == 0 {
				org = joinToks(a.text, ts[b:k+1])
				k = b - 2
				continue
			}
		}
		if t.up && k+1 < len(ts) {
			// "President of the United States Barack Obama", "Prime
			// Minister of India X": a place after "of" and a title.
			if n := a.placeEnding(ts, k); n > 0 {
				b := k - n
				if b >= 0 && ts[b].w == "the" {
					b--
				}
				if b >= 1 && ts[b].w == "of" {
					if _, ok := a.x.titles[strings.ToLower(ts[b-1].w)]; ok {
						k = b - 1
						comma = true // the title is capitalised here
						continue
					}
				}
			}
		}
		if low == "and" && titled && k > 0 && (!ts[k-1].up || comma || acronymTitle(ts[k-1].w)) {
			if _, ok := a.x.titles[strings.ToLower(ts[k-1].w)]; ok {
				k-- // "Vice President and general counsel"
				continue
			}
		}
		if t.kind == tokPoss {
			k--
			continue
		}
		if t.kind != tokWord {
			break
		}
		if k > 0 && !t.up && ts[k-1].kind == tokWord && !ts[k-1].up {
			if _, ok := a.x.titles[strings.ToLower(ts[k-1].w)+" "+low]; ok {
				titled = true // "harbour master X"
				k -= 2
				continue
			}
		}
		// "The Prime Minister, Rishi Sunak,": a capitalised title set off
		// by a comma is an appositive too.
		if _, ok := a.x.titles[low]; ok && (!t.up || comma || acronymTitle(t.w)) {
			titled = true
			k--
			continue
		}
		if titled && t.w == "of" && k > 0 && !ts[k-1].up {
			if c, ok := a.x.titles[strings.ToLower(ts[k-1].w)]; ok && c != titleDept && c != titleMod {
				k-- // "head of finance X"
				continue
			}
		}
		if titled && !t.up && unknown == 0 && !stopword[low] && !a.x.speech[low] {
			unknown++ // "US bank chief X"
			k--
			continue
		}
		if _, rest := titlePrefix(t.w); rest != "" {
			low = strings.ToLower(rest) // "Ex-prime minister X"
		}
		if t.up && titled && (k == 0 || ts[k-1].w == `"`) {
			// "Opposition leader X" at the start of a sentence.
			if c, ok := a.x.titles[low]; ok && (c == titleDept || c == titleMod) {
				k--
				continue
			}
			if _, ok := a.x.titles[low+" "+strings.ToLower(ts[k+1].w)]; ok && !ts[k+1].up {
				k-- // "Chief executive X" at the start of a sentence
				continue
			}
		}
		if t.up {
			if k > 0 && a.x.nationality[ts[k-1].w+" "+t.w] != "" {
				k -= 2
				continue
			}
			if a.x.nationality[t.w] != "" || a.isPlace(t.w) || (k+1 < len(ts) && ts[k+1].kind == tokPoss) {
				k--
				continue
			}
			if k+1 < len(ts) && a.isPlace(t.w+" "+ts[k+1].w) {
				k--
				continue
			}
		}
		switch low {
		case "his", "her", "their", "its", "the", "a", "an":
			k--
		}
		break
	}
	start := k + 1
	if start >= end {
		return rolePhrase{}, false
	}
	p := a.parseRole(ts[start:end])
	if len(p.roles) == 0 && p.rel == "" {
		return rolePhrase{}, false
	}
	p.owned = p.owned || owned || org != ""
	if org != "" && p.org == "" {
		p.org = org
	}
	return p, true
}

// ordinalNum reports whether w is a numeral ordinal: "39th", "1st".
func ordinalNum(w string) bool {
	if len(w) < 3 {
		return false
	}
	switch w[len(w)-2:] {
	case "st", "nd", "rd", "th":
		return strings.Trim(w[:len(w)-2], "0123456789") == ""
	}
	return false
}

// titleAt reports whether a job or office title starts at ts[i].
func (a *analysis) titleAt(ts []token, i int) bool {
	for k := min(a.x.titleMaxLen, len(ts)-i); k >= 1; k-- {
		if c, ok := a.x.titles[lowerJoin(ts[i:i+k])]; ok {
			return c == titleJob || c == titleGov
		}
	}
	return false
}

// adjectival reports whether a lower-case word looks like an adjective
// that can qualify a title: "political", "economic", "military".
func adjectival(w string) bool {
	for _, suf := range []string{"al", "ic", "ive", "ary", "ern"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// acronymTitle reports whether w is a title written in capitals ("CEO"),
// which stays capitalised in an appositive.
func acronymTitle(w string) bool {
	return len(w) >= 2 && len(w) <= 4 && strings.ToUpper(w) == w && roleNames[strings.ToLower(w)] != ""
}

// ownerNouns stand for an organisation in "of the company".
var ownerNouns = map[string]bool{
	"company": true, "firm": true, "group": true, "bank": true, "board": true, "agency": true,
	"organization": true, "organisation": true, "club": true, "team": true, "university": true,
}

// placeEndingCountry returns the length and country of a place name that
// ends at ts[k], or 0.
func (a *analysis) placeEndingCountry(ts []token, k int) (int, string) {
	n := a.placeEnding(ts, k)
	if n == 0 {
		return 0, ""
	}
	_, c, _ := a.x.place(joinToks(a.text, ts[k-n+1:k+1]))
	if c == "" {
		return 0, ""
	}
	return n, c
}

// placeEnding returns the length of a place name that ends at ts[k], or 0.
func (a *analysis) placeEnding(ts []token, k int) int {
	for n := min(a.x.placeMaxLen, k+1); n >= 1; n-- {
		if ts[k-n+1].kind != tokWord || !ts[k-n+1].up || !allWords(ts[k-n+1:k+1]) {
			continue
		}
		if a.isPlace(joinToks(a.text, ts[k-n+1:k+1])) {
			return n
		}
	}
	return 0
}

// rightRole reads an appositive after the name ending at ts[ne]: "X,
// Peru's interim president and finance minister", "X, the new U.S. trade
// representative,".
func (a *analysis) rightRole(ts []token, ne int) (rolePhrase, bool) {
	if ne >= len(ts) {
		return rolePhrase{}, false
	}
	s := ne + 1
	switch {
	case ts[ne].w == ",":
		if s+2 < len(ts) && ts[s].kind == tokNum && ts[s+1].w == "," {
			s += 2 // an age: "X, 30, who was ..."
		}
		if s+2 < len(ts) && ts[s].w == "who" && headVerbs[ts[s+1].w] != "" {
			// "X, who heads the central bank": head of the central bank.
			var p rolePhrase
			p.roles = []string{headVerbs[ts[s+1].w]}
			e := s + 2
			if ts[e].w == "the" {
				e++
			}
			b := e
			for e < len(ts) && e-b < 6 && ts[e].kind == tokWord && !stopword[strings.ToLower(ts[e].w)] {
				e++
			}
			if e > b {
				p.org = joinToks(a.text, ts[b:e])
				p.owned = true
				return p, true
			}
		}
		// "X, who is the ...", "X, now the ...".
		if s+1 < len(ts) && ts[s].w == "who" && (ts[s+1].w == "is" || ts[s+1].w == "was" || ts[s+1].w == "became") {
			s += 2
			// "X, who was appointed by the board as chief executive".
			for k := s; k < len(ts) && k < s+8; k++ {
				if ts[k].w == "as" && appointVerb(ts, k) {
					s = k + 1
					if s < len(ts) && ts[s].w == "both" {
						s++
					}
					break
				}
				if ts[k].kind != tokWord {
					break
				}
			}
		} else if s < len(ts) && ts[s].w == "now" {
			s++
		} else if s+1 < len(ts) && (ts[s].w == "formerly" || ts[s].w == "previously") {
			// "X, formerly an Apple Inc. executive, ...": a former role.
			if q, ok := a.rightRole(append([]token{ts[ne]}, ts[s+1:]...), 0); ok {
				for i, r := range q.roles {
					if !strings.HasPrefix(r, "former ") {
						q.roles[i] = "former " + r
					}
				}
				return q, true
			}
			return rolePhrase{}, false
		}
	case ts[ne].w == "is" || ts[ne].w == "was" || ts[ne].w == "became":
		// "X is the foreign minister", "X is currently the head of ...".
		if s < len(ts) && (ts[s].w == "currently" || ts[s].w == "now" || ts[s].w == "also") {
			s++
		}
		if s >= len(ts) || ts[s].w != "the" && ts[s].w != "a" && ts[s].w != "an" {
			return rolePhrase{}, false
		}
	case ts[ne].w == "as" && ne > 0:
		// "named X as its new chief executive", "appointed X as head".
		if !appointVerb(ts, ne) {
			return rolePhrase{}, false
		}
		if s < len(ts) && ts[s].w == "both" {
			s++
		}
	case ts[ne].w == "serves" || ts[ne].w == "served":
		if s < len(ts) && ts[s].w == "as" {
			s++
		}
	default:
		return rolePhrase{}, false
	}
	if s+1 < len(ts) && ts[s].kind == tokNum && ts[s+1].w == "," {
		s += 2 // an age: "X, 45, the ..."
	}
	e := s
	for e < len(ts) && e-s < 16 {
		w := ts[e].w
		if w == "," || w == "." || w == ";" || w == "(" || w == ")" || w == `"` || w == "who" || w == "which" || w == "-" || w == ":" {
			// "interim president and finance minister": a comma
			// before "and" belongs to the list.
			if w == "," && e+1 < len(ts) && ts[e+1].w == "and" {
				e++
				continue
			}
			break
		}
		e++
	}
	if e == s {
		return rolePhrase{}, false
	}
	p := a.parseRole(ts[s:e])
	if len(p.roles) == 0 && p.rel == "" {
		return rolePhrase{}, false
	}
	if k := s + p.end; k < e && capWord(ts[k]) {
		// "At Capitol Hill, Senator Jane Roe": the title belongs to the
		// name after it.
		return rolePhrase{}, false
	}
	return p, true
}

// appointVerb reports whether an appointing verb stands a few words before
// toks[k]: "named Mary Roe as".
func appointVerb(ts []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		switch strings.ToLower(ts[j].w) {
		case "named", "appointed", "elected", "chose", "picked", "nominated", "tapped", "installed", "hired", "confirmed", "reappointed", "promoted", "name", "appoint", "names", "appoints":
			return true
		case ".", ";", ",":
			return false
		}
	}
	return false
}

// capRun returns the length of the run of capitalised words at ts[i],
// allowing "of" and "for" inside it ("Bank of America").
func capRun(ts []token, i int) int {
	n := 0
	for i+n < len(ts) {
		t := ts[i+n]
		if capWord(t) || (t.w == "of" || t.w == "for" || t.w == "&") && n > 0 && i+n+1 < len(ts) && capWord(ts[i+n+1]) {
			n++
			continue
		}
		break
	}
	return n
}
