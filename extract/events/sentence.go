package events

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"factdesk/news"
)

var determiners = map[string]bool{"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true, "its": true, "his": true, "her": true, "their": true, "our": true, "my": true, "your": true}

var prepositions = map[string]bool{
	"of": true, "in": true, "at": true, "on": true, "to": true, "for": true, "with": true, "by": true, "from": true,
	"into": true, "about": true, "over": true, "after": true, "before": true, "during": true, "between": true,
	"against": true, "since": true, "until": true, "despite": true, "as": true, "than": true, "under": true,
}

// complementPreps open the complement kept in a nominal event's text
// ("election to the senate", "meeting with X").
var complementPreps = map[string]bool{"to": true, "of": true, "with": true, "between": true, "against": true, "into": true, "on": true, "over": true, "by": true}

var stopWords = map[string]bool{"and": true, "or": true, "but": true, "which": true, "who": true, "that": true, "while": true, "as": true, "when": true, "where": true, "so": true, "because": true, "unless": true, "if": true}

// verbContext are words after which a trigger spelled like a noun is a verb
// ("to visit", "will meet", "they visit").
var verbContext = map[string]bool{"to": true, "will": true, "would": true, "could": true, "should": true, "may": true, "might": true, "must": true, "can": true, "shall": true, "'ll": true, "did": true, "not": true, "he": true, "she": true, "they": true, "we": true, "i": true, "you": true}

// sentence finds the events of one sentence. before holds the events found
// in earlier sentences, for anaphora such as "the trip was canceled".
func (f *finder) sentence(s *sent, before []*cand) []*cand {
	var out []*cand
	var link *cand // "The meeting" that names an earlier event, for "marked the first visit"
	for k := 0; k < len(s.toks); k++ {
		t := s.toks[k]
		if !t.word || s.entityAt(k) != nil {
			continue
		}
		if t.upper && k > 0 && s.low(k-1) != `"` && s.low(k-1) != "(" {
			continue // part of a name: "Summit Series", "Visit Britain"
		}
		fm, n := s.trigger(k)
		if n == 0 {
			continue
		}
		if !fm.verb {
			if w := s.low(k - 1); w == "he" || w == "she" || w == "it" {
				continue // "he talks to": a verb, not talks
			}
		}
		c := f.build(s, k, k+n, fm)
		k += n - 1
		if c == nil {
			continue
		}
		if c.definite && !c.timed {
			// "the trip was canceled", "the strike continues": news about
			// an event already found.
			if prev := antecedent(c, s.idx, out, before); prev != nil {
				if !c.weak && (c.ev.Status == news.StatusCanceled || c.ev.Status == news.StatusOngoing) {
					prev.ev.Status, prev.weak = c.ev.Status, false
				}
				if prev.ev.Place == "" {
					prev.ev.Place = c.ev.Place
				}
				if link == nil && k < 4 {
					link = datedAntecedent(c, before)
				}
				continue
			}
		}
		if link != nil && c.noun && c.ev.Date == "" && s.linkedBy(k) {
			// "The meeting marked the first visit ...": the visit is the
			// meeting's, with its date and place.
			c.ev.Date = link.ev.Date
			if c.ev.Place == "" {
				c.ev.Place = link.ev.Place
			}
			c.ev.Status, c.weak = link.ev.Status, link.weak
		}
		if c.bare() && !c.main && !c.owned && !c.timed {
			continue // a generic mention: "a meeting is a good idea"
		}
		out = append(out, c)
	}
	return out
}

// datedAntecedent returns the latest earlier event with c's name and a
// date, or nil: "The meeting" of a later sentence is the dated one.
func datedAntecedent(c *cand, before []*cand) *cand {
	for i := len(before) - 1; i >= 0; i-- {
		if b := before[i]; b.ev.Name == c.ev.Name && b.ev.Date != "" && concrete(b.ev.Date) {
			return b
		}
	}
	return nil
}

// heldAfter reports whether a nominal ending at token end is the subject
// of a verb of happening: "His funeral will be held ... on Jan. 9", "the
// vote took place on Monday".
func (s *sent) heldAfter(end int) bool {
	k := end
	for k < len(s.toks) && k < end+4 && (auxiliaries[s.low(k)] || s.low(k) == "be" || s.low(k) == "been") {
		k++
	}
	switch s.low(k) {
	case "held", "scheduled", "slated", "set", "planned", "due", "begin", "begins", "began", "start", "starts", "started", "open", "opens", "opened", "end", "ends", "ended", "resume", "resumes", "resumed":
		return true
	case "took", "take", "takes", "taking":
		return s.low(k+1) == "place"
	}
	return false
}

// linkedBy reports whether the nominal trigger at token k is the complement
// of a linking verb ("marked the first official visit", "was the third
// summit").
func (s *sent) linkedBy(k int) bool {
	j := k - 1
	for j >= 0 && j >= k-5 && s.toks[j].word && (determiners[s.low(j)] || modifier(s.toks[j]) || ordinals[s.low(j)]) {
		j--
	}
	switch s.low(j) {
	case "marked", "marks", "was", "is", "became", "represented", "represents":
		return true
	}
	return false
}

// antecedent finds the event that a definite mention is about: the last
// event with the same name in this or the two previous sentences, or, for
// a bare cancellation, the last event of this or the previous sentence
// ("was due to visit Lima, but the tour was called off").
func antecedent(c *cand, idx int, out, before []*cand) *cand {
	for _, list := range [][]*cand{out, before} {
		for i := len(list) - 1; i >= 0 && i >= len(list)-16; i-- {
			if p := list[i]; p.ev.Sentence >= idx-2 && p.ev.Name == c.ev.Name {
				return p
			}
		}
	}
	if !c.bare() || c.ev.Status != news.StatusCanceled || c.weak {
		return nil
	}
	if len(out) > 0 {
		return out[len(out)-1]
	}
	if len(before) > 0 && before[len(before)-1].ev.Sentence >= idx-1 {
		return before[len(before)-1]
	}
	return nil
}

// trigger returns the longest trigger at token k and its length, deciding
// between the noun and verb reading of words such as "visit".
func (s *sent) trigger(k int) (form, int) {
	switch w := s.low(k); w {
	case "named", "names", "name", "picked", "tapped", "chose", "chosen", "promoted":
		// "named Mary Roe as its new chief executive": an appointment
		// when a person and "as" follow; "a man named X" is none.
		if e := s.entityAt(k + 1); e != nil && e.kind == person && e.start == k+1 && s.low(e.end) == "as" {
			return form{words: []string{w}, name: "appointment", verb: true}, 1
		}
	}
	var found []form
	n := 0
	for _, fm := range triggers[s.low(k)] {
		if len(fm.words) < n {
			break
		}
		if s.matches(k, fm.words) {
			n = len(fm.words)
			found = append(found, fm)
		}
	}
	if n == 0 || s.statistic(k, n) {
		return form{}, 0
	}
	fm := found[0]
	if len(found) == 1 && fm.verb && len(fm.words) == 1 && strings.HasSuffix(fm.words[0], "s") && nounBefore[s.low(k-1)] {
		// "early positive signs", "the signs": a plural noun, not the
		// verb "signs".
		return form{}, 0
	}
	if len(found) > 1 {
		verb := verbContext[s.low(k-1)] || k > 0 && !s.toks[k-1].poss && s.entityAt(k-1) != nil && s.entityAt(k-1).kind == person
		for _, x := range found {
			if x.verb == verb {
				fm = x
			}
		}
	}
	return fm, n
}

// todayAt reports whether the tokens [i, j) are "today", "earlier today"
// or "later today".
func (s *sent) todayAt(i, j int) bool {
	for k := i; k < j; k++ {
		if s.low(k) == "today" {
			return true
		}
	}
	return false
}

// frameDay returns the explicit day (with month and day of its own) that
// an earlier part of the sentence, before token i, is set on, when it is
// not the publication date; "" when there is none or more than one.
func (s *sent) frameDay(i int, published string) string {
	day := ""
	for _, t := range s.timexes {
		if t.start >= i {
			break
		}
		if (t.typ != news.TimexDate && t.typ != news.TimexTime) || len(t.val) < 10 || t.val[4] != '-' || t.val[7] != '-' {
			continue
		}
		if !explicitDay(s.text[s.toks[t.start].start:s.toks[t.end-1].end]) {
			continue
		}
		v := t.val[:10]
		if v == published || day != "" && day != v {
			return ""
		}
		day = v
	}
	return day
}

// explicitDay reports whether a date expression names its day with a
// number ("June 1st", "1 June", "2009-06-01"), not a weekday or
// "yesterday".
func explicitDay(text string) bool {
	return strings.ContainsAny(text, "0123456789")
}

// nounBefore are words after which a word in -s is a plural noun.
var nounBefore = map[string]bool{
	"the": true, "these": true, "those": true, "some": true, "many": true, "any": true, "no": true, "early": true,
	"positive": true, "negative": true, "clear": true, "first": true, "few": true, "all": true, "such": true,
	"other": true, "more": true, "mixed": true, "encouraging": true, "warning": true, "further": true, "several": true,
	"two": true, "three": true, "its": true, "their": true, "his": true, "her": true, "our": true, "new": true,
}

func (s *sent) matches(k int, words []string) bool {
	if k+len(words) > len(s.toks) {
		return false
	}
	for j, w := range words {
		if t := s.toks[k+j]; !t.word || t.low != w {
			return false
		}
	}
	return true
}

// entityAt returns the entity span holding token k, or nil.
func (s *sent) entityAt(k int) *span {
	if k < 0 || k >= len(s.entAt) || s.entAt[k] < 0 {
		return nil
	}
	return &s.entities[s.entAt[k]]
}

// cueAt returns the status of the cue starting at token k and its length.
func (s *sent) cueAt(k int) (string, int) {
	for _, fm := range cues[s.low(k)] {
		if s.matches(k, fm.words) {
			return fm.name, len(fm.words)
		}
	}
	return "", 0
}

// blocked reports whether a blocker ("ahead of", "following", "despite")
// starts strictly between token ranges [a1, b1) and [a2, b2).
func (s *sent) blocked(a1, b1, a2, b2 int) bool {
	lo, hi := b1, a2
	if a2 < a1 {
		lo, hi = b2, a1
	}
	if lo >= hi {
		return false
	}
	return s.blockers[hi]-s.blockers[lo] > 0
}

// window is how many tokens around a trigger are searched for its date,
// place and participants.
const window = 40

// nounWindow is how many tokens around a nominal trigger are searched for
// its date and place.
const nounWindow = 8

// boundary words make a date the edge of a period rather than the date of
// the event ("since 1989", "until Friday").
var boundary = map[string]bool{"since": true, "until": true, "till": true, "before": true, "after": true, "following": true}

// firstEntity returns the index of the first entity starting at or after
// token k.
func (s *sent) firstEntity(k int) int {
	return sort.Search(len(s.entities), func(i int) bool { return s.entities[i].start >= k })
}

// firstTimex returns the index of the first time expression starting at or
// after token k.
func (s *sent) firstTimex(k int) int {
	return sort.Search(len(s.timexes), func(i int) bool { return s.timexes[i].start >= k })
}

func distance(a1, b1, a2, b2 int) int {
	switch {
	case b1 <= a2:
		return a2 - b1
	case b2 <= a1:
		return a1 - b2
	}
	return 0
}

// build makes the event for the trigger at tokens [a, b), or returns nil
// for a denied one ("ended without agreement").
func (f *finder) build(s *sent, a, b int, fm form) *cand {
	clause := s.toks[a].clause
	verb := fm.verb
	head := a
	if !verb && s.low(a-1) == "of" && headOf[s.low(a-2)] {
		head = a - 2 // "declaration of war"
	}
	// A possessor before the noun: "Jane Doe's resignation".
	possStart, possName := -1, ""
	if !verb {
		for k := head - 1; k >= 0 && k >= head-3; k-- {
			t := s.toks[k]
			if t.poss {
				if e := s.entityEnding(k + 1); e != nil && e.kind != here {
					possStart = e.start
					if e.kind != place {
						possName = e.name // "Berlin's offensive": a city is no participant
					}
				}
				break
			}
			if !t.word || t.upper || prepositions[t.low] || determiners[t.low] {
				break
			}
		}
	}
	start := head
	if possStart >= 0 {
		start = possStart
	} else if !verb {
		// Keep modifiers: "12th summit", "first official visit".
		for k := head - 1; k >= 0 && k >= head-3 && s.toks[k].word && !determiners[s.low(k)] && modifier(s.toks[k]) && s.toks[k].clause == clause; k-- {
			if _, n := s.cueAt(k); n > 0 || s.timexAt(k) {
				break // "July 16 press conference": the date is not a modifier
			}
			start = k
		}
	}
	// A nominal inside "in memory of the attack" belongs to the
	// phrase around it, so only its own neighbourhood counts.
	embedded := false
	if !verb {
		k := start - 1
		for steps := 0; k >= 0 && steps < 3 && s.toks[k].word && (determiners[s.low(k)] || modifier(s.toks[k])); steps++ {
			k--
		}
		embedded = s.low(k) == "of" && !headOf[s.low(k-1)]
	}
	end := s.complement(b, clause, verb)
	// A relative clause right after a nominal describes it: "the
	// election, which is scheduled for June".
	relClause := -1
	if !verb && s.low(end) == "," && relativeWords[s.low(end+1)] {
		relClause = s.toks[end+1].clause
	}
	for k := start - 1; k >= 0 && k >= start-2; k-- {
		if st, _ := s.cueAt(k); st == "negation" {
			return nil // "ended without agreement", "did not meet"
		}
	}
	// Dates, places and people are looked for within a window of the
	// trigger, which also keeps the work linear on run-on sentences.
	lo, hi := a-window, b+window
	if embedded {
		lo, hi = start-5, end+5
	}
	inScope := func(k int) bool {
		return k >= lo && k < hi && (s.toks[k].clause == clause || s.toks[k].clause == relClause)
	}
	// A noun's date and place sit close to it ("the March 5 election in
	// Lima"); further away they belong to the clause's verb.
	// A noun that is the object of a verb of taking part ("gave his
	// keynote ... on Monday") takes that verb's date and place.
	light := !verb && !embedded && (s.takesPart(start) || s.heldAfter(end))
	near := func(k int) bool {
		return inScope(k) && (verb || light || k >= start-nounWindow && k < end+nounWindow)
	}

	ev := news.Event{Name: fm.name, Text: s.text[s.toks[start].start:s.toks[end-1].end], Sentence: s.idx, Participants: []string{}}

	best := 1 << 30
	timed := false // a date expression of its own, even one with no year
	for _, t := range s.timexes[s.firstTimex(lo):] {
		if t.start >= hi {
			break
		}
		v := eventDate(t.typ, t.val)
		if v == "" {
			if (t.typ == news.TimexDate || t.typ == news.TimexTime) && near(t.start) && !s.blocked(t.start, t.end, a, b) {
				timed = true // "planned for 15 December" with no year known
			}
			continue
		}
		if moved := inScope(t.start) && s.postponedUntil(b, t.start); !moved && (!near(t.start) || s.blocked(t.start, t.end, a, b) || boundary[s.low(t.start-1)]) {
			continue
		}
		if d := distance(t.start, t.end, a, b); d < best || d == best && t.start >= b {
			ev.Date, best = v, d // a tie goes to the date after the trigger: "met on Monday"
			if v == f.in.Published && s.todayAt(t.start, t.end) {
				if d := s.frameDay(t.start, f.in.Published); d != "" {
					// "At a press conference on June 1, X, which filed
					// for bankruptcy earlier today, ...": today is the
					// day the sentence is told from.
					ev.Date = d
				}
			}
		}
	}
	best = 1 << 30
	around := s.entities[s.firstEntity(lo):]
	for _, e := range around {
		if e.start >= hi {
			break
		}
		if e.kind != place && e.kind != here || !near(e.start) || s.blocked(e.start, e.end, a, b) {
			continue
		}
		p := s.low(e.start - 1)
		ok := e.kind == here || p == "in" || p == "at"
		if fm.name == "visit" || fm.name == "trip" {
			ok = ok || p == "to" || verb && e.start == b
		}
		if fm.name == "attack" && !verb {
			ok = ok || p == "on" || p == "against" // "a drone attack on Kyiv"
		}
		if d := distance(e.start, e.end, a, b); ok && d < best {
			ev.Place, best = e.name, d
		}
	}
	if possName != "" {
		ev.Participants = append(ev.Participants, possName)
	}
	for _, e := range around {
		if e.start >= hi {
			break
		}
		own := !embedded || e.start >= start && e.start < end                             // an embedded nominal's people are its own
		party := e.kind == person || e.kind == org && corporate[fm.name] && near(e.start) // "Cisco to file a lawsuit against Apple Inc."
		if party && own && inScope(e.start) && !s.blocked(e.start, e.end, a, b) && !s.reporter(e) && !slices.Contains(ev.Participants, e.name) {
			ev.Participants = append(ev.Participants, e.name)
		}
	}
	if verb || s.takesPart(start) {
		// "X, who is due to visit Y", "X, who is to attend Y's
		// wedding": X is the relative clause's subject.
		for k := start - 1; k >= 1 && k >= a-window && s.toks[k].clause == clause; k-- {
			if s.low(k) == "who" && s.low(k-1) == "," {
				if e := s.entityEnding(k - 1); e != nil && e.kind == person && !slices.Contains(ev.Participants, e.name) {
					ev.Participants = append([]string{e.name}, ev.Participants...)
				}
				break
			}
		}
	}
	if !verb && len(ev.Participants) == 0 && start <= 6 && fronted[s.low(0)] && s.headOfOpening(start) {
		// "In a televised speech from X on Monday, President Y said":
		// the subject after the opening phrase gave the speech.
		for k := end; k < len(s.toks) && k < end+20; k++ {
			if s.low(k) != "," {
				continue
			}
			for _, e := range s.entities[s.firstEntity(k):] {
				if e.start > k+8 {
					break
				}
				if e.kind == person {
					ev.Participants = append(ev.Participants, e.name)
					break
				}
			}
			break
		}
	}
	if verb || s.takesPart(start) {
		// "He met X", "He is expected to travel to ...": the person named
		// last before the pronoun takes part too.
		for k := a - 1; k >= 0 && k >= a-window && s.toks[k].clause == clause; k-- {
			if w := s.low(k); w == "he" || w == "she" {
				if p := s.personBefore(k, f.lastPerson); p != "" && !slices.Contains(ev.Participants, p) {
					ev.Participants = append([]string{p}, ev.Participants...)
				}
				break
			}
		}
	}
	var weak bool
	// The words of the event's own text are no cues: "vote against the
	// plan" is not planned.
	ev.Status, weak = f.status(s, a, max(b, end), clause, relClause, verb, ev.Date, !verb && s.aheadOf(start))

	return &cand{
		ev: ev, weak: weak, noun: !verb, owned: possStart >= 0, timed: timed || ev.Date != "",
		definite: !verb && (determiners[s.low(start-1)] && s.low(start-1) != "a" && s.low(start-1) != "an"),
		main:     verb && s.low(a-1) != "to" && !strings.HasSuffix(s.low(a), "ing") && clause == s.toks[0].clause,
	}
}

// corporate are the events whose parties are often organisations.
var corporate = map[string]bool{"lawsuit": true, "merger": true, "acquisition": true, "bankruptcy": true, "layoffs": true, "recall": true, "contract": true}

// fronted are the prepositions of an opening phrase that names an event
// its sentence's subject took part in: "In a speech, X said ...".
var fronted = map[string]bool{"in": true, "at": true, "during": true}

// headOfOpening reports whether the nominal starting at token start is the
// object of the sentence's opening preposition, with only determiners and
// modifiers between: "In a televised speech", not "In celebration of the
// anniversary".
func (s *sent) headOfOpening(start int) bool {
	for k := 1; k < start; k++ {
		if !s.toks[k].word || !(determiners[s.low(k)] || modifier(s.toks[k]) || pastForm(s.low(k))) {
			return false
		}
	}
	return true
}

// partVerbs make their subject take part in the event they govern: "he
// attended the summit"; "he pointed to the bankruptcy" does not.
var partVerbs = map[string]bool{
	"attend": true, "attends": true, "attended": true, "attending": true, "hold": true, "holds": true, "held": true,
	"host": true, "hosts": true, "hosted": true, "lead": true, "leads": true, "led": true, "join": true, "joins": true,
	"joined": true, "chair": true, "chairs": true, "chaired": true, "give": true, "gives": true, "gave": true,
	"deliver": true, "delivers": true, "delivered": true, "make": true, "makes": true, "made": true, "announce": true,
	"announces": true, "announced": true, "won": true, "win": true, "wins": true, "lost": true, "lose": true,
	"sign": true, "signs": true, "signed": true, "take": true, "takes": true, "took": true, "taken": true,
	"began": true, "begin": true, "begins": true, "start": true, "starts": true, "started": true, "on": true,
	"cancel": true, "canceled": true, "cancelled": true, "postponed": true, "postpone": true, "skip": true, "skipped": true,
	"plan": true, "plans": true, "planned": true, "organize": true, "organized": true, "organise": true, "organised": true,
}

// takesPart reports whether the nominal starting at token start is the
// object of a verb of taking part.
func (s *sent) takesPart(start int) bool {
	k := start - 1
	for k >= 0 && s.toks[k].word && (determiners[s.low(k)] || s.toks[k].poss || modifier(s.toks[k]) ||
		!s.toks[k].upper && len(s.low(k)) > 5 && strings.HasSuffix(s.low(k), "ing") && !partVerbs[s.low(k)]) {
		k-- // "his annual opening keynote"
	}
	if k >= 0 && (s.low(k) == "in" || s.low(k) == "to" || s.low(k) == "at") && k > 0 && partVerbs[s.low(k-1)] {
		k-- // "took part in", "went on"
	}
	if k >= 1 && s.low(k) == "part" && s.low(k-1) == "took" {
		return true
	}
	return k >= 0 && partVerbs[s.low(k)]
}

// postponedUntil reports whether a time expression starting at token ts
// gives the new date of an event postponed after its trigger ending at b:
// "the launch has been delayed until March 3".
func (s *sent) postponedUntil(b, ts int) bool {
	if ts <= b || s.low(ts-1) != "until" && s.low(ts-1) != "to" {
		return false
	}
	if s.blockers[ts-1]-s.blockers[b] > 0 {
		return false // another blocker stands between
	}
	for k := b; k < ts-1; k++ {
		if st, _ := s.cueAt(k); st == "postponed" {
			return true
		}
	}
	return false
}

// infinitiveObject reports whether the nominal trigger at token a is the
// object of an infinitive ("agreed to hold a summit"): not yet held.
func (s *sent) infinitiveObject(a int) bool {
	k := a - 1
	for k >= 0 && s.toks[k].word && (determiners[s.low(k)] || modifier(s.toks[k]) || s.toks[k].poss) {
		k--
	}
	return k >= 1 && s.low(k-1) == "to" && partVerbs[s.low(k)] && !strings.HasSuffix(s.low(k), "ed")
}

// aheadOf reports whether the nominal starting at token start follows
// "ahead of", "in the run-up to" or "in preparation for", after its
// determiner and modifiers: what it names is still to come.
func (s *sent) aheadOf(start int) bool {
	k := start - 1
	for k >= 0 && s.toks[k].word && (determiners[s.low(k)] || s.toks[k].poss || s.toks[k].upper && k > 0 && s.toks[k-1].poss) {
		k--
	}
	switch {
	case s.low(k) == "of" && (s.low(k-1) == "ahead" || s.low(k-1) == "advance"):
		return true
	case s.low(k) == "to" && s.low(k-1) == "run-up":
		return true
	case s.low(k) == "for" && s.low(k-1) == "preparation":
		return true
	}
	return false
}

// attribution verbs end a sentence after the source's name: ", X
// announced.", ", X confirmed."
var attribution = map[string]bool{
	"said": true, "says": true, "announced": true, "announces": true, "confirmed": true, "confirms": true,
	"added": true, "noted": true, "stated": true, "explained": true, "reported": true, "wrote": true, "tweeted": true,
}

// reporter reports whether person e is only the source of the sentence:
// "X said", "said X", "according to X".
func (s *sent) reporter(e span) bool {
	if st, _ := s.cueAt(e.end); st == "report" {
		return true
	}
	if attribution[s.low(e.end)] && (e.end+1 >= len(s.toks) || !s.toks[e.end+1].word) {
		return true // "..., Mayor X announced."
	}
	for k := max(e.start-2, 0); k < e.start; k++ {
		if st, n := s.cueAt(k); st == "report" && k+n == e.start {
			return true // "said X", "according to X, the spokesman"
		}
	}
	// "X, the minister, said" is too far to tell; keep X.
	return false
}

// personBefore returns the last person named before token k in the
// sentence, or prev.
func (s *sent) personBefore(k int, prev string) string {
	first := s.firstEntity(k)
	for i := first - 1; i >= 0 && i >= first-window; i-- {
		if s.entities[i].kind == person {
			return s.entities[i].name
		}
	}
	return prev
}

// modifier reports whether a word is a numeral or looks like an adjective
// that may sit between a determiner and a nominal trigger ("12th",
// "first", "annual", "historic", "formal").
func modifier(t tok) bool {
	w := t.low
	if t.upper || t.poss || prepositions[w] || stopWords[w] {
		return false
	}
	if strings.IndexAny(w, "0123456789") >= 0 || ordinals[w] {
		return true
	}
	for _, suf := range []string{"al", "ic", "ive", "ous", "ary", "ern", "ish", "ful"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var ordinals = map[string]bool{"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "sixth": true, "seventh": true, "eighth": true, "ninth": true, "tenth": true, "last": true, "next": true, "new": true, "key": true}

// entityEnding returns the entity whose span ends at token end.
func (s *sent) entityEnding(end int) *span {
	if e := s.entityAt(end - 1); e != nil && e.end == end {
		return e
	}
	return nil
}

// complement returns the end of the event text after the trigger ending at
// token b: a noun keeps one prepositional phrase ("election to the
// senate"), a verb its object ("visit Lima", "meet with X").
func (s *sent) complement(b, clause int, verb bool) int {
	k := b
	if verb {
		if w := s.low(k); w == "with" || w == "to" {
			k++
		}
	} else {
		if !complementPreps[s.low(k)] || k >= len(s.toks) || !s.toks[k].word {
			return b
		}
		k++
	}
	first := k
	between := s.low(k-1) == "between"
	chained, limit := verb, 6
	for n := 0; k < len(s.toks) && n < limit; n++ {
		t := s.toks[k]
		if between && t.low == "and" && k > first {
			between = false
			k++
			continue
		}
		if t.low == "of" && !chained && k > first && n < 5 && k+1 < len(s.toks) && s.toks[k+1].word && !s.timexAt(k+1) {
			// "anniversary of the founding of the national theatre"
			chained, limit = true, 9
			k++
			continue
		}
		if !t.word || t.clause != clause || s.timexAt(k) || stopWords[t.low] || prepositions[t.low] || auxiliaries[t.low] || t.low == "here" || t.low == "there" {
			break // "talks on the second phase | are scheduled"
		}
		if e := s.entityAt(k); e != nil && e.kind == place && (s.low(k-1) == "in" || s.low(k-1) == "at") {
			break
		}
		k++
	}
	if k == first {
		return b
	}
	return k
}

func (s *sent) timexAt(k int) bool { return k >= 0 && k < len(s.inTimex) && s.inTimex[k] }

// status decides an event's status: cues near the trigger first
// (canceled, planned, scheduled, ongoing), then the date against the
// publication date, then the tense of the clause. weak is true when
// nothing decided and "happened" is a default.
func (f *finder) status(s *sent, a, b, clause, relClause int, verb bool, date string, ahead bool) (string, bool) {
	found := map[string]bool{}
	scan := func(lo, hi int) {
		for k := max(lo, 0); k < hi && k < len(s.toks); k++ {
			if c := s.toks[k].clause; c != clause && c != relClause {
				continue
			}
			if st, n := s.cueAt(k); n > 0 {
				found[st] = true
				k += n - 1
			}
		}
	}
	scan(a-8, a)
	before := len(found) > 0
	if !verb {
		scan(b, b+12)
		if !before && (found[news.StatusScheduled] || found[news.StatusPlanned]) && !found[news.StatusCanceled] && !found["postponed"] && compareDate(date, f.in.Published) == -1 {
			// "In a July 16 press conference, Jobs said buyers would
			// ...": a future cue after a dated past nominal is about
			// something else.
			return news.StatusHappened, false
		}
	}
	if found["postponed"] && !found[news.StatusCanceled] {
		// "The vote was postponed": it did not happen at the time set. A
		// new date still ahead makes it scheduled again.
		if compareDate(date, f.in.Published) == 1 {
			return news.StatusScheduled, false
		}
		return news.StatusCanceled, false
	}
	if !verb && !found[news.StatusCanceled] && s.low(a-1) == "on" && compareDate(date, f.in.Published) == 0 {
		return news.StatusOngoing, false // "he would be on medical leave" from today
	}
	for _, st := range []string{news.StatusCanceled, news.StatusPlanned, news.StatusScheduled, news.StatusOngoing} {
		if found[st] {
			return st, false
		}
	}
	if ahead && compareDate(date, f.in.Published) != -1 && date != "PAST_REF" {
		return news.StatusScheduled, false // "ahead of a summit next week"
	}
	if !verb && s.infinitiveObject(a) && compareDate(date, f.in.Published) != -1 && date != "PAST_REF" {
		return news.StatusPlanned, false // "agreed to hold a summit"
	}
	past := false
	for k := max(a-window, 0); k < len(s.toks) && k < b+window; k++ {
		t := s.toks[k]
		if t.clause != clause || !verb && k >= a && k < b || !t.word || t.upper {
			continue
		}
		st, _ := s.cueAt(k)
		if st == "past" || st == "report" || pastForm(t.low) {
			if !s.blocked(k, k+1, a, b) {
				past = true
				break
			}
		}
	}
	switch date {
	case "PAST_REF":
		return news.StatusHappened, false
	case "FUTURE_REF":
		return news.StatusPlanned, false
	case "":
	default:
		switch compareDate(date, f.in.Published) {
		case -1:
			return news.StatusHappened, false
		case 1:
			return news.StatusScheduled, false
		case 0:
			if past {
				return news.StatusHappened, false
			}
			return news.StatusOngoing, false
		}
	}
	if past {
		return news.StatusHappened, false
	}
	return news.StatusHappened, true
}

var notPast = map[string]bool{"need": true, "speed": true, "indeed": true, "hundred": true, "red": true, "bed": true, "seed": true, "feed": true, "proceed": true, "exceed": true, "succeed": true, "based": true}

// pastForm reports whether a lower-case word looks like a regular past
// tense ("emphasized").
func pastForm(w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ed") && !notPast[w] && !strings.ContainsAny(w, "-'.")
}

// compareDate compares a TIMEX3 date value with the publication date at
// the value's granularity: -1 before, 0 containing it, 1 after, 2 unknown.
func compareDate(v, published string) int {
	if len(published) < 10 || len(v) < 4 {
		return 2
	}
	if len(v) == 8 && v[4] == '-' && v[5] == 'W' {
		// An ISO week: compare its Monday and Sunday with the day.
		y, err1 := strconv.Atoi(v[:4])
		w, err2 := strconv.Atoi(v[6:])
		if err1 == nil && err2 == nil {
			if pub, err := time.Parse(time.DateOnly, published[:10]); err == nil {
				py, pw := pub.ISOWeek()
				switch {
				case y < py || y == py && w < pw:
					return -1
				case y > py || y == py && w > pw:
					return 1
				}
				return 0
			}
		}
		return 2
	}
	for _, n := range []int{10, 7, 4} {
		if len(v) == n && validPrefix(v) {
			p := published[:n]
			switch {
			case v < p:
				return -1
			case v > p:
				return 1
			}
			return 0
		}
	}
	return 2
}

func validPrefix(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= '0' && c <= '9' || c == '-' && (i == 4 || i == 7)) {
			return false
		}
	}
	return true
}

// inherit gives undated events that happened the date and place of the
// previous sentence, as news leads set the scene and the next sentence
// goes on about it ("... talks opened on March 5 in Lima. At the talks,
// the two ministers ...").
func (f *finder) inherit(got []*cand, prevIdx int) {
	p := f.prev
	if p == nil || p.idx != prevIdx {
		return
	}
	date, placeName := "", ""
	for _, t := range p.timexes {
		if concrete(t.val) && (t.typ == news.TimexDate || t.typ == news.TimexTime) {
			date = eventDate(t.typ, t.val)
			break
		}
	}
	if date == "" {
		return
	}
	for _, e := range p.entities {
		if e.kind == here || e.kind == place && (p.low(e.start-1) == "in" || p.low(e.start-1) == "at") {
			placeName = e.name
			break
		}
	}
	if compareDate(date, f.in.Published) == 1 {
		return // a future date cannot be when something happened
	}
	for _, c := range got {
		if c.ev.Date == "" && c.ev.Status == news.StatusHappened && !c.weak && c.noun {
			c.ev.Date = date
			if c.ev.Place == "" {
				c.ev.Place = placeName
			}
		}
	}
}

// merge folds repeated mentions of one event into its first mention. Each
// mention is compared with the last few kept events of its name only, so
// the work stays linear.
func merge(all []*cand) []news.Event {
	var kept []*cand
	byName := map[string][]*cand{}
	for _, c := range all {
		var into *cand
		prior := byName[c.ev.Name]
		for _, k := range prior[max(len(prior)-16, 0):] {
			if same(k, c) {
				into = k
				break
			}
		}
		if into == nil {
			kept = append(kept, c)
			byName[c.ev.Name] = append(prior, c)
			continue
		}
		k := &into.ev
		if k.Date == "" && c.ev.Date != "" || into.weak && !c.weak {
			k.Status, into.weak = c.ev.Status, c.weak
		}
		if k.Date == "" {
			k.Date = c.ev.Date
		}
		if k.Place == "" {
			k.Place = c.ev.Place
		}
		for _, p := range c.ev.Participants {
			if !slices.Contains(k.Participants, p) {
				k.Participants = append(k.Participants, p)
			}
		}
	}
	out := make([]news.Event, 0, len(kept))
	for _, k := range kept {
		out = append(out, k.ev)
	}
	return out
}

// same reports whether two mentions with one name are one event: the same
// date, or one undated whose participants are all among the other's, with
// no conflicting status or place.
func same(x, y *cand) bool {
	a, b := &x.ev, &y.ev
	if a.Place != "" && b.Place != "" && a.Place != b.Place {
		return false
	}
	if a.Date != "" && b.Date != "" {
		return a.Date == b.Date
	}
	u, d := x, y // u undated
	if a.Date != "" {
		u, d = y, x
	}
	if len(u.ev.Participants) == 0 || !subset(u.ev.Participants, d.ev.Participants) {
		return false
	}
	return u.ev.Status == d.ev.Status || u.weak
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
