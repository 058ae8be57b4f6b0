package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdesk/news"
)

// reported is reported speech found in the first pass: "X stressed that
// ...", "stating that ...", "emphasized the need to ...".
type reported struct {
	sent   int
	s, e   int  // cleaned span of the reported text
	pos    int  // cleaned offset of the verb
	ing    bool // ", stating that": the speaker is the sentence's subject
	pron   bool // "he said": the speaker is the last person named
	gender byte // the pronoun's gender: 'm', 'f' or 0
}

var prepositions = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "after": true, "before": true, "by": true, "with": true,
	"to": true, "of": true, "for": true, "from": true, "about": true, "as": true, "when": true, "while": true,
	"and": true, "or": true, "but": true, "it": true, "so": true, "this": true, "earlier": true, "later": true,
	"yesterday": true, "today": true, "last": true, "through": true, "via": true, "also": true,
}

// findReported records reported speech in one body sentence.
func (a *analysis) findReported(c *sentenceCtx) {
	toks := c.toks
	quotes := 0
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.w == `"` {
			quotes++
			continue
		}
		if quotes%2 == 1 || t.kind != tokWord {
			continue
		}
		low := strings.ToLower(t.w)
		if !a.x.speech[low] || k+1 >= len(toks) || t.up && k > 0 {
			continue
		}
		if quotes > 0 {
			continue // the attribution of a direct quote
		}
		start := -1
		next := toks[k+1].w
		switch {
		case next == "that":
			start = k + 2
		case a.cueAt(toks, k+1) > 0:
			start = k + 1
		case (low == "said" || low == "says" || low == "say") && prepositions[next] && thatWithin(toks, k+1, 6) > 0:
			start = thatWithin(toks, k+1, 6) + 1 // "said in an interview that ..."
		case low == "said" || low == "says" || low == "say":
			if toks[k+1].kind == tokWord && !toks[k+1].up && !prepositions[next] && !a.x.speech[next] {
				start = k + 1
			} else if toks[k+1].kind == tokWord && toks[k+1].up && k+2 < len(toks) && toks[k+2].kind == tokWord && !toks[k+2].up {
				start = k + 1 // "said Peru would ..."
			}
		case low == "told":
			for j := k + 2; j < len(toks) && j < k+6; j++ {
				if toks[j].w == "that" {
					start = j + 1
					break
				}
				if toks[j].kind != tokWord {
					break
				}
			}
			if start < 0 {
				start = toldClause(toks, k)
			}
		}
		if start < 0 || start >= len(toks) {
			continue
		}
		end := len(toks)
		for end > start && toks[end-1].kind == tokPunct {
			end--
		}
		if end-start < 3 {
			continue
		}
		ing := strings.HasSuffix(low, "ing") && k > 0 && toks[k-1].w == ","
		pron := k > 0 && isPronoun(toks[k-1].w)
		var g byte
		if pron {
			g = pronounGender(toks[k-1].w)
		}
		a.reported = append(a.reported, reported{sent: c.si, s: toks[start].s, e: toks[end-1].e, pos: t.s, ing: ing, pron: pron, gender: g})
		k = end
	}
}

// audiences are the listeners after "told" in news: "told reporters".
var audiences = map[string]bool{
	"reporters": true, "journalists": true, "lawmakers": true, "legislators": true, "parliament": true, "delegates": true,
	"supporters": true, "investors": true, "analysts": true, "senators": true, "viewers": true, "listeners": true,
	"residents": true, "students": true, "colleagues": true, "members": true, "staff": true, "employees": true, "me": true,
	"us": true, "him": true, "her": true, "them": true, "parliamentarians": true, "the": true,
}

// clauseStarts begin the reported clause after "told reporters" when no
// "that" stands between.
var clauseStarts = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true, "we": true, "i": true,
	"there": true, "his": true, "her": true, "their": true, "its": true, "this": true, "no": true,
}

// toldClause returns where the reported clause starts in "X told
// reporters the measures would ..." or "told Reuters it would ...", after
// "told" at toks[k], or -1.
func toldClause(toks []token, k int) int {
	j := k + 1
	if j >= len(toks) || toks[j].kind != tokWord {
		return -1
	}
	switch {
	case toks[j].w == "the" && j+1 < len(toks) && toks[j+1].up:
		j++ // "told the BBC"
		for j < len(toks) && toks[j].kind == tokWord && toks[j].up {
			j++
		}
	case toks[j].up:
		for j < len(toks) && toks[j].kind == tokWord && toks[j].up {
			j++
		}
	case audiences[toks[j].w] && toks[j].w != "the":
		j++
	default:
		return -1
	}
	if j+2 >= len(toks) || toks[j].kind != tokWord || !clauseStarts[strings.ToLower(toks[j].w)] {
		return -1
	}
	return j
}

// thatWithin returns the index of "that" among the n word tokens from
// toks[k] ("in an interview that"), or 0.
func thatWithin(toks []token, k, n int) int {
	for j := k; j < len(toks) && j < k+n; j++ {
		if toks[j].w == "that" {
			return j
		}
		if toks[j].kind != tokWord {
			return 0
		}
	}
	return 0
}

// cueAt returns the length of a reported-speech cue ("the need to")
// starting at toks[k].
func (a *analysis) cueAt(toks []token, k int) int {
	for _, cue := range a.x.speechCues {
		f := strings.Fields(cue)
		if k+len(f) > len(toks) || len(f) == 1 {
			continue
		}
		ok := true
		for i, w := range f {
			if toks[k+i].w != w {
				ok = false
				break
			}
		}
		if ok {
			return len(f)
		}
	}
	return 0
}

// quotes finds direct quotes with their speakers, then adds reported
// speech.
func (a *analysis) quotes() []news.Quote {
	type found struct {
		q        news.Quote
		pos, end int // cleaned offsets of the opening and closing marks
	}
	var out []found
	add := func(q news.Quote, pos, end int) {
		out = append(out, found{q, pos, end})
	}
	direct := map[int]bool{}
	lastSpeaker, lastSent, lastPara, lastAt := -1, -1, -1, -1
	// Walk the quote marks of body paragraphs in order.
	var open, openPara = -1, -1
	var pieces []span
	bodyPara := a.bodyParagraphs()
	carry := false // the open quote runs on into this paragraph's text
	for pi, p := range a.paras {
		if !bodyPara[pi] {
			open, carry = -1, false
			continue
		}
		if carry {
			open, openPara, carry = p.s, pi, false
		}
		t := a.text
		first := true
		for i := p.s; i < p.e; i++ {
			if t[i] != '"' {
				continue
			}
			if open >= 0 && openPara != pi && first && i == p.s {
				// The opening mark of a quote that runs on from the
				// previous paragraph.
				open, openPara = i+1, pi
				first = false
				continue
			}
			first = false
			if open < 0 {
				open, openPara = i+1, pi
				continue
			}
			pieces = append(pieces, span{open, i})
			q, speaker, ok := a.directQuote(pieces, i, &lastSpeaker, lastSent, lastAt, lastPara == openPara)
			si := a.sentenceAt(pieces[0].s)
			if ok {
				q.Sentence = si
				add(q, pieces[0].s, i)
				direct[si] = true
			}
			if speaker >= 0 {
				// A short quote too ('"It's carnage," he said.') tells who
				// speaks the unattributed quote after it.
				lastSpeaker, lastSent, lastPara, lastAt = speaker, si, pi, i
			}
			pieces = pieces[:0]
			open = -1
		}
		if open >= 0 {
			// Unclosed at the paragraph's end: it runs on only if the next
			// paragraph opens with a quote mark.
			if pi+1 < len(a.paras) && a.text[a.paras[pi+1].s] == '"' {
				pieces = append(pieces, span{open, p.e})
			} else if a.closesLater(pi+1, bodyPara) && len(pieces) < 8 {
				// One sentence a line: 'X: "First sentence.' then
				// 'Second one," X said.' — the quote goes on to the mark
				// that closes it.
				pieces = append(pieces, span{open, p.e})
				carry = true
			} else {
				// 'She said in a statement: "With ...' left unclosed at the
				// paragraph's end: a quote when an attribution leads into
				// it and it is the last quote mark of the paragraph.
				if sp := a.speakerBefore(open - 1); (sp >= 0 || sp == -2) && len(pieces) == 0 && openPara == pi && p.e > open {
					pieces = append(pieces, span{open, p.e})
					if q, speaker, ok := a.directQuote(pieces, p.e-1, &lastSpeaker, lastSent, lastAt, true); ok && (speaker == sp || sp == -2) {
						si := a.sentenceAt(pieces[0].s)
						q.Sentence = si
						add(q, pieces[0].s, p.e)
						direct[si] = true
						lastSpeaker, lastSent, lastPara, lastAt = speaker, si, pi, p.e
					}
				}
				pieces = pieces[:0]
				open = -1
			}
		}
	}
	for _, r := range a.reported {
		if direct[r.sent] {
			continue
		}
		sp := a.subject(r)
		if sp < 0 {
			continue
		}
		text := strings.Clone(a.text[r.s:r.e])
		if strings.Count(text, `"`)%2 == 1 {
			text += `"` // a quoted phrase that closes after the trimmed end
		}
		add(news.Quote{Speaker: a.people[sp].name, Text: text, Direct: false, Sentence: r.sent}, r.pos, r.e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	qs := make([]news.Quote, 0, len(out))
	for k, o := range out {
		// '"We are ready," X said, "but we need time."' is one quote
		// interrupted by its attribution.
		if n := len(qs); n > 0 && o.q.Direct && qs[n-1].Direct && qs[n-1].Speaker == o.q.Speaker && qs[n-1].Sentence == o.q.Sentence &&
			startsLower(o.q.Text) && a.interrupted(out[k-1].end, o.pos) {
			qs[n-1].Text += ", " + o.q.Text
			continue
		}
		qs = append(qs, o.q)
	}
	return qs
}

// closesLater reports whether a quote left open before paragraph pi closes
// in it or in one of the next few body paragraphs that have no quote mark
// before it.
func (a *analysis) closesLater(pi int, bodyPara []bool) bool {
	for q := pi; q < len(a.paras) && q < pi+4 && bodyPara[q]; q++ {
		p := a.paras[q]
		if strings.IndexByte(a.text[p.s:p.e], '"') < 0 {
			continue
		}
		return a.closesFirst(p)
	}
	return false
}

// closesFirst reports whether the first quote mark of paragraph p has the
// shape of a closing mark (after a letter or punctuation, before a space
// or the end), so that p continues a quote left open before it.
func (a *analysis) closesFirst(p span) bool {
	t := a.text
	i := strings.IndexByte(t[p.s:p.e], '"')
	if i <= 0 {
		return false
	}
	i += p.s
	before := t[i-1]
	after := byte(' ')
	if i+1 < p.e {
		after = t[i+1]
	}
	return (before == ',' || before == '.' || before == '?' || before == '!' || wordByte(before)) && (isSpace(after) || after == ',' || after == '.')
}

// bodyParagraphs marks the paragraphs that hold body sentences.
func (a *analysis) bodyParagraphs() []bool {
	b := make([]bool, len(a.paras))
	for _, s := range a.sents {
		if s.kind == news.KindBody {
			b[s.para] = true
		}
	}
	return b
}

// sentenceAt returns the index of the sentence holding cleaned offset p.
func (a *analysis) sentenceAt(p int) int {
	i := sort.Search(len(a.sents), func(i int) bool { return a.sents[i].e > p })
	if i >= len(a.sents) {
		return len(a.sents) - 1
	}
	return i
}

// directQuote builds the quote whose text is pieces and whose closing mark
// is at cleaned offset closeAt, and finds its speaker.
func (a *analysis) directQuote(pieces []span, closeAt int, lastSpeaker *int, lastSent, lastAt int, samePara bool) (news.Quote, int, bool) {
	var parts []string
	words := 0
	for _, p := range pieces {
		s, e := p.s, p.e
		for s < e && isSpace(a.text[s]) {
			s++
		}
		for e > s && (isSpace(a.text[e-1]) || a.text[e-1] == ',') {
			e--
		}
		if e > s {
			parts = append(parts, a.text[s:e])
			words += len(strings.Fields(a.text[s:e]))
		}
	}
	if len(parts) == 0 {
		return news.Quote{}, -1, false
	}
	speaker := a.speakerAfter(closeAt)
	if speaker == -1 {
		speaker = a.speakerBefore(pieces[0].s - 1)
	}
	named := speaker >= 0 // attributed by name, not carried or by pronoun
	if speaker == -3 {
		return news.Quote{}, -1, false // attributed to someone not named
	}
	si := a.sentenceAt(pieces[0].s)
	// A pronoun, or an unattributed quote that goes on from the last
	// speaker's: in the same paragraph, or long enough not to be a
	// scare quote.
	if speaker == -2 {
		// "X welcomed the decision. "...," she said": a pronoun names the
		// subject of a sentence since the last attributed quote, if any,
		// of the pronoun's gender when that is known.
		g := a.pronoun
		if p, at := a.lastSubjectBefore(pieces[0].s, si, g); p >= 0 && at > lastAt {
			*lastSpeaker, lastSent = p, a.sentenceAt(at)
		} else if *lastSpeaker >= 0 && !a.genderFits(*lastSpeaker, g) {
			*lastSpeaker = a.lastPersonOf(pieces[0].s, si, g)
			lastSent = si
		}
	}
	if speaker == -1 && !a.opensSentence(pieces[0].s-1) {
		// 'The group has called it "a textbook case"': a quote inside a
		// sentence of its own with no speaker is not the last speaker's;
		// it is the sentence subject's ('He called the plan "fair"').
		speaker = a.sentenceSubject(pieces[0].s - 1)
		if speaker == -1 {
			return news.Quote{}, -1, false
		}
	}
	pron := speaker == -2
	if speaker == -2 || (speaker < 0 && *lastSpeaker >= 0 && (samePara || words >= 6 && si-lastSent <= 3)) {
		if *lastSpeaker >= 0 && si-lastSent <= 5 {
			speaker = *lastSpeaker
		} else {
			speaker = a.lastPersonBefore(pieces[0].s, si)
		}
	}
	if pron && speaker >= 0 && si-lastSent <= 1 && a.genderOfPerson(speaker) == 0 && speaker < len(a.genders) {
		// '"...," he said' about the person just named tells his gender,
		// for a later "she".
		a.genders[speaker] = a.pronoun
	}
	if speaker < 0 {
		return news.Quote{}, -1, false
	}
	if words < 2 || words < 3 && !named {
		// '"I disagree," Hale replied.' is a quote; an unattributed
		// "Strongly." is not.
		return news.Quote{}, speaker, false
	}
	return news.Quote{Speaker: a.people[speaker].name, Text: strings.Clone(strings.Join(parts, " ")), Direct: true}, speaker, true
}

// opensSentence reports whether the quote mark at cleaned offset q has
// nothing but spaces and punctuation before it in its sentence.
func (a *analysis) opensSentence(q int) bool {
	if q < 0 {
		return true
	}
	for i := a.sents[a.sentenceAt(q)].s; i < q; i++ {
		if wordByte(a.text[i]) {
			return false
		}
	}
	return true
}

// sentenceSubject returns the subject of the sentence holding cleaned
// offset q when it opens the sentence before q: a person (index), -2 for
// "He"/"She" (setting a.pronoun), else -1.
func (a *analysis) sentenceSubject(q int) int {
	ss := a.sents[a.sentenceAt(q)].s
	toks := tokenize(a.x, a.text, span{ss, q}, nil)
	if len(toks) == 0 {
		return -1
	}
	if w := toks[0].w; w == "He" || w == "She" {
		a.pronoun = pronounGender(w)
		return -2
	}
	for _, mi := range a.mentionsIn(ss, q) {
		m := a.mentions[mi]
		// The name, after at most a title, opens the sentence.
		for _, t := range toks {
			if t.s >= m.s {
				return m.person
			}
			if !capWord(t) {
				break
			}
		}
		break
	}
	return -1
}

// mentionsIn returns the indexes of person mentions that start in [s, e).
func (a *analysis) mentionsIn(s, e int) []int {
	i := sort.Search(len(a.mentions), func(i int) bool { return a.mentions[i].s >= s || a.mentions[i].sent >= len(a.sents) })
	var out []int
	for ; i < len(a.mentions) && a.mentions[i].s < e; i++ {
		if a.mentions[i].person >= 0 && a.mentions[i].s >= s {
			out = append(out, i)
		}
	}
	return out
}

// speakerAfter reads the attribution after a closing quote mark at q:
// '," Smith said', '," said Smith', '," he said', '," according to X'.
// It returns a person index, -2 for a pronoun, or -1.
func (a *analysis) speakerAfter(q int) int {
	if q+1 >= len(a.text) {
		return -1
	}
	end := min(len(a.text), q+120)
	if nl := strings.IndexByte(a.text[q+1:end], '\n'); nl >= 0 {
		end = q + 1 + nl
	}
	if nq := strings.IndexByte(a.text[q+1:end], '"'); nq >= 0 {
		end = q + 1 + nq
	}
	toks := tokenize(a.x, a.text, span{q + 1, end}, nil)
	for len(toks) > 0 && toks[0].kind == tokPunct {
		if toks[0].w == "." {
			// 'X said the forest "is not for sale". Y announced': the
			// sentence ends at the quote; what follows is not its
			// attribution.
			return -1
		}
		toks = toks[1:]
	}
	ms := a.mentionsIn(q+1, end)
	for k := 0; k < len(toks) && k < 12; k++ {
		t := toks[k]
		low := strings.ToLower(t.w)
		if t.w == "." || t.w == ";" {
			break
		}
		if low == "according" && k+1 < len(toks) && toks[k+1].w == "to" {
			return a.accordingTo(toks, k, ms)
		}
		if !a.x.speech[low] || t.up && k > 0 { // "United States" is no verb
			continue
		}
		// "X said" with X before the verb, or "said X" after it.
		for _, mi := range ms {
			if a.mentions[mi].e <= t.s {
				return a.mentions[mi].person
			}
		}
		if k > 0 && isPronoun(toks[k-1].w) {
			a.pronoun = pronounGender(toks[k-1].w)
			return -2
		}
		if k+1 < len(toks) && isPronoun(toks[k+1].w) && (k+2 >= len(toks) || toks[k+2].kind == tokPunct) {
			a.pronoun = pronounGender(toks[k+1].w)
			return -2 // '," said he.'; "said he had" starts a clause
		}
		for _, mi := range ms {
			if a.mentions[mi].s >= t.e {
				return a.mentions[mi].person
			}
		}
		// '," the minister said', '," said the spokeswoman'.
		if k >= 2 && (toks[k-2].w == "the" || toks[k-2].w == "The") {
			if p := a.nominalSpeaker(toks[k-1].w, q); p >= 0 {
				return p
			}
			return -3 // '," the company said'
		}
		if k+2 < len(toks) && toks[k+1].w == "the" {
			if p := a.nominalSpeaker(toks[k+2].w, q); p >= 0 {
				return p
			}
			return -3 // '," said the company'
		}
		if k >= 1 && toks[k-1].kind == tokWord && !strings.HasSuffix(toks[k-1].w, "ly") && !clauseLinks[strings.ToLower(toks[k-1].w)] {
			return -3 // '," a spokesman said': someone unnamed
		}
		break
	}
	return -1
}

// clauseLinks stand before a speech verb that goes on with the same
// subject: '," and merely saying', '," also saying'.
var clauseLinks = map[string]bool{"and": true, "but": true, "also": true, "then": true, "while": true, "before": true, "after": true, "as": true, "by": true}

// speakerBefore reads an attribution that ends right before an opening
// quote mark at q: 'X said: "', 'X said, "', 'According to X, "'.
func (a *analysis) speakerBefore(q int) int {
	start := max(0, q-120)
	if ss := a.sents[a.sentenceAt(q)].s; ss < start && q-ss <= 400 {
		// "X, who hails from ..., said in a statement "...": the whole
		// sentence before the quote.
		start = ss
	}
	if nl := strings.LastIndexByte(a.text[start:q], '\n'); nl >= 0 {
		start += nl + 1
	}
	if nq := strings.LastIndexByte(a.text[start:q], '"'); nq >= 0 {
		start += nq + 1
	}
	toks := tokenize(a.x, a.text, span{start, q}, nil)
	ended := len(toks) > 0 && (toks[len(toks)-1].w == "." || toks[len(toks)-1].w == "?" || toks[len(toks)-1].w == "!")
	for len(toks) > 0 && toks[len(toks)-1].kind == tokPunct {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return -1
	}
	ms := a.mentionsIn(start, q)
	// 'X said: "', 'X told Reuters on Monday: "': a speech verb a few
	// words before the quote.
	for v := len(toks) - 1; v >= 0 && v >= len(toks)-8; v-- {
		w := toks[v].w
		if w == "." || w == ";" {
			break
		}
		if !a.x.speech[strings.ToLower(w)] || toks[v].up && v > 0 {
			continue
		}
		fallback := -1
		for i := len(ms) - 1; i >= 0; i-- {
			if m := a.mentions[ms[i]]; m.e <= toks[v].s {
				if a.objectAt(m.s, start) {
					// "speaking alongside X, said", "as he talks to X,
					// saying": X is not the speaker.
					if fallback < 0 {
						fallback = m.person
					}
					continue
				}
				return m.person
			}
		}
		if fallback >= 0 && !a.pronounBefore(start, toks[v].s) {
			return fallback
		}
		if v > 0 && isPronoun(toks[v-1].w) {
			a.pronoun = pronounGender(toks[v-1].w)
			return -2
		}
		if ended {
			for _, mi := range ms {
				if a.mentions[mi].s >= toks[v].e {
					return a.mentions[mi].person // '"...," said X, a nurse. "...'
				}
			}
		}
		if v >= 2 && strings.EqualFold(toks[v-2].w, "the") {
			// 'The minister warned that "...': the last minister named.
			if p := a.nominalSpeaker(toks[v-1].w, q); p >= 0 {
				return p
			}
		}
		if v >= 1 && toks[v-1].kind == tokWord && !strings.HasSuffix(toks[v-1].w, "ly") && !clauseLinks[strings.ToLower(toks[v-1].w)] {
			return -3 // 'A spokesman said: "...': someone unnamed
		}
		return -1
	}
	// "According to X," right before the quote.
	for k := 0; k+1 < len(toks); k++ {
		if strings.EqualFold(toks[k].w, "according") && toks[k+1].w == "to" {
			if p := a.accordingTo(toks, k, ms); p >= 0 {
				return p
			}
		}
	}
	return -1
}

// objectAt reports whether the person mention starting at cleaned offset
// ms is the object of a preposition or verb ("alongside X", "talks to
// Assistant Secretary X"): the word before it and its title words, looked
// for no further back than start.
func (a *analysis) objectAt(ms, start int) bool {
	toks := tokenize(a.x, a.text, span{max(start, ms-80), ms}, nil)
	k := len(toks) - 1
	for k >= 0 && (capWord(toks[k]) || toks[k].w == "of" || toks[k].w == "the" || toks[k].w == "for") {
		k-- // the title before the name
	}
	if k < 0 {
		return false
	}
	switch strings.ToLower(toks[k].w) {
	case "to", "with", "alongside", "beside", "by", "from", "against", "and", "for", "about", "on", "at", "of":
		return true
	}
	return false
}

// pronounBefore reports whether a subject pronoun stands in the cleaned
// text [s, e): "as he talks to X, saying" has its speaker in "he".
func (a *analysis) pronounBefore(s, e int) bool {
	for _, t := range tokenize(a.x, a.text, span{s, e}, nil) {
		switch t.w {
		case "he", "she", "He", "She":
			return true
		}
	}
	return false
}

// accordingTo returns the person named right after "according to" at
// toks[k] (a title may stand between: "according to Finance Minister X"),
// or -1: in "according to The New York Times, who reported X's exit" the
// source is not X.
func (a *analysis) accordingTo(toks []token, k int, ms []int) int {
	if k+2 >= len(toks) {
		return -1
	}
	at := toks[k+2].s
	limit := k + 6
	if limit >= len(toks) {
		limit = len(toks) - 1
	}
	for _, mi := range ms {
		m := a.mentions[mi]
		if m.s < at {
			continue
		}
		if m.s > toks[limit].s {
			break
		}
		for j := k + 2; j < len(toks) && toks[j].s < m.s; j++ {
			if toks[j].kind != tokWord || toks[j].w == "who" || toks[j].w == "which" {
				return -1
			}
		}
		return m.person
	}
	return -1
}

// interrupted reports whether the text between a closing quote mark at
// cleaned offset end and the next opening mark before pos is only an
// attribution set off by commas: '," X said, "'.
func (a *analysis) interrupted(end, pos int) bool {
	if end < 0 || pos <= end+1 || pos-end > 80 || pos > len(a.text) {
		return false
	}
	gap := a.text[end+1 : pos-1]
	if !strings.HasSuffix(strings.TrimSpace(gap), ",") || strings.ContainsAny(gap, ".;\n") {
		return false
	}
	for _, w := range strings.Fields(gap) {
		if a.x.speech[strings.ToLower(strings.Trim(w, ","))] {
			return true
		}
	}
	return false
}

// startsLower reports whether s begins with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// pronounGender returns 'm' for "he", 'f' for "she".
func pronounGender(w string) byte {
	if w == "she" || w == "She" {
		return 'f'
	}
	return 'm'
}

// lastPersonOf returns the person of the last mention before cleaned
// offset pos, in sentence si or earlier, whose gender fits g, or -1.
func (a *analysis) lastPersonOf(pos, si int, g byte) int {
	i := sort.Search(len(a.mentions), func(i int) bool { return a.mentions[i].s >= pos || a.mentions[i].sent > si })
	for i--; i >= 0; i-- {
		m := a.mentions[i]
		if m.person >= 0 && m.sent <= si && a.genderFits(m.person, g) {
			return m.person
		}
	}
	return -1
}

// genderFits reports whether person p may be meant by a pronoun of gender
// g: when either is unknown, or they agree.
func (a *analysis) genderFits(p int, g byte) bool {
	if g == 0 || p < 0 {
		return true
	}
	pg := a.genderOfPerson(p)
	return pg == 0 || pg == g
}

// genderOfPerson returns 'm', 'f' or 0 for person p, from an honorific
// before a mention ("Mrs Barton") or a gendered role or relation
// ("spokeswoman", "wife"), and caches it.
func (a *analysis) genderOfPerson(p int) byte {
	if a.genders == nil {
		a.genders = make([]byte, len(a.people))
		for i := range a.genders {
			a.genders[i] = '?'
		}
	}
	if p >= len(a.genders) {
		return 0
	}
	if g := a.genders[p]; g != '?' {
		return g
	}
	var g byte
	for _, f := range a.people[p].facts {
		if f.Kind != news.FactRole && f.Kind != news.FactDescription {
			continue
		}
		for _, w := range strings.Fields(f.Value) {
			if x := genderWords[w]; x != 0 {
				g = x
			}
		}
	}
	for _, m := range a.mentions {
		if m.person != p || m.s < 2 {
			continue
		}
		before := strings.TrimRight(a.text[max(0, m.s-6):m.s], " ")
		if i := strings.LastIndexByte(before, ' '); i >= 0 {
			before = before[i+1:]
		}
		if x := genderWords[strings.ToLower(strings.TrimSuffix(before, "."))]; x != 0 {
			g = x
		}
	}
	a.genders[p] = g
	return g
}

// genderWords are honorifics, roles and relations that tell a person's
// gender.
var genderWords = map[string]byte{
	"mr": 'm', "mrs": 'f', "ms": 'f', "miss": 'f', "sir": 'm', "dame": 'f', "lady": 'f', "lord": 'm',
	"spokeswoman": 'f', "chairwoman": 'f', "congresswoman": 'f', "businesswoman": 'f', "councilwoman": 'f', "alderwoman": 'f',
	"spokesman": 'm', "congressman": 'm', "businessman": 'm', "councilman": 'm', "alderman": 'm', "selectman": 'm',
	"actress": 'f', "queen": 'f', "princess": 'f', "empress": 'f', "duchess": 'f', "first lady": 'f',
	"king": 'm', "prince": 'm', "emperor": 'm', "duke": 'm',
	"wife": 'f', "mother": 'f', "daughter": 'f', "sister": 'f', "widow": 'f', "grandmother": 'f', "granddaughter": 'f',
	"niece": 'f', "aunt": 'f', "fiancee": 'f', "stepmother": 'f', "stepdaughter": 'f',
	"husband": 'm', "father": 'm', "son": 'm', "brother": 'm', "grandfather": 'm', "grandson": 'm', "nephew": 'm',
	"uncle": 'm', "fiance": 'm', "stepfather": 'm', "stepson": 'm',
}

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "He", "She":
		return true
	}
	return false
}

// lastPersonBefore returns the person of the last mention before cleaned
// offset pos in sentence si or earlier, or -1.
func (a *analysis) lastPersonBefore(pos, si int) int {
	i := sort.Search(len(a.mentions), func(i int) bool { return a.mentions[i].s >= pos || a.mentions[i].sent > si })
	for i--; i >= 0; i-- {
		m := a.mentions[i]
		if m.person >= 0 && m.sent <= si {
			return m.person
		}
	}
	return -1
}

// lastSubjectBefore returns the person of the last sentence subject (the
// first person named in a sentence, outside quote marks) before cleaned
// offset pos, within two sentences before sentence si, that a pronoun of
// gender g ('m', 'f' or 0) may mean, with the offset of its mention; -1
// when there is none.
func (a *analysis) lastSubjectBefore(pos, si int, g byte) (int, int) {
	if g != 0 {
		// A subject known to be of the pronoun's gender comes first:
		// "Mrs Ortiz was less sure. Hale insisted ... "...," she said."
		if p, at := a.subjectBefore(pos, si, func(p int) bool { return a.genderOfPerson(p) == g }); p >= 0 {
			return p, at
		}
	}
	return a.subjectBefore(pos, si, func(p int) bool { return a.genderFits(p, g) })
}

// subjectBefore returns the last sentence subject before cleaned offset
// pos, within two sentences before si, for which ok holds; see
// lastSubjectBefore.
func (a *analysis) subjectBefore(pos, si int, ok func(int) bool) (int, int) {
	i := sort.Search(len(a.mentions), func(i int) bool { return a.mentions[i].s >= pos || a.mentions[i].sent > si })
	for i--; i >= 0; i-- {
		m := a.mentions[i]
		if m.sent < si-2 {
			break
		}
		if m.person < 0 || m.sent >= len(a.sents) {
			continue
		}
		first := true
		for k := i - 1; k >= 0 && a.mentions[k].sent == m.sent; k-- {
			if a.mentions[k].person >= 0 {
				first = false
				break
			}
		}
		if !first || strings.Count(a.text[a.sents[m.sent].s:m.s], `"`)%2 == 1 || !ok(m.person) {
			continue
		}
		return m.person, m.s
	}
	return -1, -1
}

// subject returns the person who speaks in reported speech r, or -1.
func (a *analysis) subject(r reported) int {
	if r.pron {
		// "He said ...": the last sentence subject, as for direct quotes.
		if p, _ := a.lastSubjectBefore(r.pos, r.sent, r.gender); p >= 0 {
			return p
		}
		return a.lastPersonOf(r.pos, r.sent, r.gender)
	}
	ms := a.mentionsIn(a.sents[r.sent].s, r.pos)
	if len(ms) == 0 {
		return -1
	}
	if r.ing {
		return a.mentions[ms[0]].person
	}
	for i := len(ms) - 1; i >= 0; i-- {
		m := a.mentions[ms[i]]
		if strings.HasPrefix(a.text[m.e:], "'s") || a.objectAt(m.s, a.sents[r.sent].s) {
			// "Days after X's remarks, the Air Force said", "speaking
			// with X, the minister said": X does not speak.
			continue
		}
		return m.person
	}
	return -1
}

// nominalSpeaker resolves "the minister" to the last person named before
// cleaned offset pos whose role ends in that word, or returns -1.
func (a *analysis) nominalSpeaker(head string, pos int) int {
	head = strings.ToLower(head)
	if c := a.x.titles[head]; c != titleGov && c != titleJob {
		return -1
	}
	i := sort.Search(len(a.mentions), func(i int) bool { return a.mentions[i].s >= pos })
	for i--; i >= 0; i-- {
		p := a.mentions[i].person
		if p < 0 {
			continue
		}
		for _, f := range a.people[p].facts {
			if f.Kind == news.FactRole && (f.Value == head || strings.HasSuffix(f.Value, " "+head)) {
				return p
			}
		}
	}
	return -1
}
