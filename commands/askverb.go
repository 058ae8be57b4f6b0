package commands

import (
	"context"
	_ "embed"
	"strings"
	"time"

	"factdesk/news"
)

//go:embed words/verbgroups.txt
var verbGroupsText string

// verbGroups are the groups of verbs that tell the same change ("replace",
// "succeed", "fill"), in base form, from words/verbgroups.txt.
var verbGroups = func() [][]string {
	var out [][]string
	for _, line := range strings.Split(verbGroupsText, "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Fields(line))
	}
	return out
}()

// inflects reports whether w is a form of the base verb v: "replaces",
// "replacing" and "replaced" of "replace", but not "first" of "fire".
func inflects(w, v string) bool {
	base := strings.TrimSuffix(v, "e")
	rest, ok := strings.CutPrefix(w, base)
	switch {
	case !ok:
		return false
	case rest == "" || rest == "s" || rest == "ed" || rest == "ing":
		return true
	}
	// Verbs ending in e: "replace", "replaces", "replaced".
	return base != v && (rest == "e" || rest == "es" || rest == "ed")
}

// verbGroup returns the verbs of w's group, or nil.
func verbGroup(w string) []string {
	for _, g := range verbGroups {
		for _, v := range g {
			if inflects(w, v) {
				return g
			}
		}
	}
	return nil
}

// verbSentences answers a question that names a stored person with a verb
// no fact holds ("Who replaces X?", "Who succeeds X?") from the sentences
// that name the person together with the question's words (or a verb of
// the same group), best bm25 rank first. ok is false when no sentence has
// them, so the caller says it does not know.
func (r *Router) verbSentences(ctx context.Context, q string) (Response, bool, error) {
	_, undated := questionDates(q, time.Time{})
	people, _, err := r.peopleIn(ctx, undated)
	if err != nil || len(people) == 0 {
		return Response{}, false, err
	}
	p := people[0]
	content := contentWords(undated, people)
	if len(content) == 0 {
		return Response{}, false, nil
	}
	surname := shortName(p)
	var queries []string
	for _, form := range verbForms(content[0]) {
		queries = append(queries, strings.Join(append([]string{form}, content[1:]...), " ")+" "+surname)
	}
	hits, err := r.searchHits(ctx, queries, 10,
		func(h news.SearchHit) string { return h.Citation.Sentence },
		func(h news.SearchHit) bool {
			return mentions(h.Citation.Sentence, p) && stemCovers(content, h.Citation.Sentence)
		})
	if err != nil {
		return Response{}, false, err
	}
	if len(hits) == 0 {
		return Response{}, false, nil
	}
	e := Embed{
		Title: Cut(q, MaxTitle),
		Description: "No stored fact answers this directly. The sentences that name " + md(p.Name) +
			" with “" + md(Cut(strings.Join(content, " "), 100)) + "”:",
		Color: colorAnswer,
	}
	var items []string
	for _, h := range hits[:min(3, len(hits))] {
		items = append(items, "• "+cite(h.Citation, 500))
	}
	e.Fields = []Field{{Name: "Sources", Value: list(items, MaxFieldValue, "")}}
	return Response{Embeds: []Embed{e}}, true, nil
}

// verbForms returns the inflections of a verb to search for, with those
// of the verbs of its group: the index stems "succeeds" and "succeeding"
// differently, so each form is searched.
func verbForms(w string) []string {
	out := []string{w}
	seen := map[string]bool{w: true}
	for _, v := range verbGroup(w) {
		forms := []string{v, v + "s", v + "ed", v + "ing"}
		if t, ok := strings.CutSuffix(v, "e"); ok {
			forms = []string{v, v + "s", v + "d", t + "ing"}
		}
		for _, f := range forms {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// stemCovers reports whether text has every content word by stem, the
// first (the verb) possibly as an inflection of a verb of its group.
func stemCovers(content []string, text string) bool {
	tw := words(text)
	have := map[string]bool{}
	for _, w := range tw {
		have[stem(w)] = true
	}
	for i, w := range content {
		found := have[stem(w)]
		if i == 0 && !found {
			for _, v := range verbGroup(w) {
				for _, t := range tw {
					found = found || inflects(t, v)
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}
