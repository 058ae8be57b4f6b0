package commands

import (
	_ "embed"
	"strings"

	"factdesk/news"
)

//go:embed words/departure.txt
var departureText string

// departureWords are the word sequences that tell a person left a post,
// from words/departure.txt, each as lower-case words.
var departureWords = func() [][]string {
	var out [][]string
	for _, line := range strings.Split(departureText, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, strings.Fields(line))
		}
	}
	return out
}()

// isDeparture reports whether an event tells that someone left a post:
// its name or text has a departure word sequence, each word matched at
// the start of a word.
func isDeparture(ev news.EventFact) bool {
	words := nameWords(ev.Name + " " + ev.Text)
	for _, seq := range departureWords {
		for i := 0; i+len(seq) <= len(words); i++ {
			ok := true
			for j, w := range seq {
				ok = ok && strings.HasPrefix(words[i+j], w)
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// departure returns the event in which the person left the post the roles
// state, when an article at least as new as the newest of them reports it
// as having happened: the roles are then former ones.
func departure(pf news.PersonFacts, current []news.RoleFact) (news.EventFact, bool) {
	if len(current) == 0 {
		return news.EventFact{}, false
	}
	for _, rf := range current {
		if l := strings.ToLower(rf.Role); strings.Contains(l, "former") || strings.Contains(l, "ex-") {
			return news.EventFact{}, false // the article already tells the change
		}
	}
	asOf := current[0].Source.Article.Published
	for _, ev := range pf.Events {
		if ev.Status == news.StatusHappened && isDeparture(ev) && ev.Source.Article.Published >= asOf {
			return ev, true
		}
	}
	return news.EventFact{}, false
}

//go:embed words/lastingroles.txt
var lastingRolesText string

// lastingRoles are the roles kept after leaving a post, from
// words/lastingroles.txt.
var lastingRoles = wordSet(lastingRolesText)

// former marks a role as a former one, unless it already says so or is
// one a person keeps ("co-founder").
func former(role string) string {
	l := strings.ToLower(role)
	if strings.HasPrefix(l, "former ") || strings.HasPrefix(l, "ex-") {
		return role
	}
	if w := nameWords(l); len(w) > 0 {
		for r := range lastingRoles {
			if strings.HasSuffix(w[len(w)-1], r) {
				return role
			}
		}
	}
	return "former " + role
}
