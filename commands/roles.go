package commands

import (
	"context"
	_ "embed"
	"errors"
	"strings"

	"factdesk/news"
)

//go:embed words/roleabbrev.txt
var roleAbbrevText string

// roleAbbrevs maps a role abbreviation to the forms articles use, from
// words/roleabbrev.txt.
var roleAbbrevs = func() map[string][]string {
	out := map[string][]string{}
	for _, line := range strings.Split(roleAbbrevText, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		abbr, forms, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		for _, f := range strings.Split(forms, "|") {
			out[strings.TrimSpace(abbr)] = append(out[strings.TrimSpace(abbr)], strings.TrimSpace(f))
		}
	}
	return out
}()

// roleForms returns role as typed and with its abbreviations written out
// ("ceo of airbus", "chief executive officer of airbus", ...).
func roleForms(role string) []string {
	forms := []string{role}
	words := strings.Fields(strings.ToLower(role))
	for i, w := range words {
		for _, full := range roleAbbrevs[strings.Trim(w, ".")] {
			forms = append(forms, strings.Join(append(append(append([]string{}, words[:i]...), full), words[i+1:]...), " "))
		}
	}
	return forms
}

// roleHoldersOf returns the people a role was stated of, trying the
// role's written-out forms; for "X of Org" with no holder stated that
// way, the holders of X whose stated role or its sentence names Org.
func (r *Router) roleHoldersOf(ctx context.Context, lk Lookups, role string) ([]news.PersonMatch, error) {
	holders, err := r.findRoleHolders(ctx, lk, role)
	if err != nil {
		return nil, err
	}
	// Someone reported to have left the post since is a former holder.
	for i, h := range holders {
		pf, err := r.deps.Facts.Person(ctx, h.ID)
		if errors.Is(err, news.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var titles []news.RoleFact
		for _, rf := range pf.Roles {
			if !rf.Description {
				titles = append(titles, rf)
			}
		}
		current, _ := splitRoles(titles)
		if ev, ok := departure(pf, current); ok {
			what := firstNonEmpty(ev.Text, ev.Name)
			if ev.Date != "" {
				what += " " + calendarDate(ev.Date)
			}
			holders[i].Role = former(h.Role) + " (" + what + ")"
		}
	}
	return holders, nil
}

// findRoleHolders does the look-up of roleHoldersOf.
func (r *Router) findRoleHolders(ctx context.Context, lk Lookups, role string) ([]news.PersonMatch, error) {
	for _, f := range roleForms(role) {
		holders, err := lk.PeopleWithRole(ctx, f, 10)
		if err != nil || len(holders) > 0 {
			return holders, err
		}
	}
	base, org, ok := strings.Cut(role, " of ")
	if !ok {
		// "Russia's president", "the Russian president".
		if owner, rest, found := strings.Cut(role, "'s "); found {
			base, org, ok = rest, owner, true
		} else if owner, rest, found := strings.Cut(role, "’s "); found {
			base, org, ok = rest, owner, true
		} else if f := strings.Fields(role); len(f) > 1 {
			base, org, ok = strings.Join(f[1:], " "), f[0], true
		}
	}
	orgWords := nameWords(org)
	if !ok || len(orgWords) == 0 {
		return nil, nil
	}
	forms := roleForms(base)
	var out []news.PersonMatch
	seen := map[int64]bool{}
	for _, f := range forms {
		holders, err := lk.PeopleWithRole(ctx, f, 25)
		if err != nil {
			return nil, err
		}
		for _, h := range holders {
			if seen[h.ID] {
				continue
			}
			seen[h.ID] = true
			pf, err := r.deps.Facts.Person(ctx, h.ID)
			if errors.Is(err, news.ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, err
			}
			if heldAt(pf.Roles, forms, orgWords) {
				out = append(out, h)
			}
		}
	}
	return out, nil
}

// heldAt reports whether one of roles is one of the forms (by its words)
// and names the organisation or country, in the role, in the sentence
// stating it, or as its nationality ("Russian" for "Russia" too).
func heldAt(roles []news.RoleFact, forms []string, org []string) bool {
	for _, rf := range roles {
		if !containsAll(nameWords(rf.Role+" "+rf.Source.Sentence), org) && !ofCountry(rf.Nationality, org) {
			continue
		}
		for _, f := range forms {
			if containsAll(nameWords(rf.Role), nameWords(f)) {
				return true
			}
		}
	}
	return false
}

// ofCountry reports whether the typed words name the country: its name,
// or a word starting with it ("russian" for "Russia", "japanese" for
// "Japan").
func ofCountry(country string, typed []string) bool {
	cw := nameWords(country)
	if len(cw) == 0 || len(typed) != len(cw) {
		return false
	}
	for i, w := range typed {
		if len(cw[i]) < 4 && w != cw[i] || !strings.HasPrefix(w, cw[i]) {
			return false
		}
	}
	return true
}
