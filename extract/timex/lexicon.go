package timex

import (
	_ "embed"
	"sort"
	"strings"
)

//go:embed words.txt
var wordsFile string

// table maps lower-case phrases of up to maxLen words to a value. first
// indexes the phrases by their first word, longest first, so that a look-up
// at a token builds no strings.
type table struct {
	m      map[string]string
	maxLen int
	first  map[string][]entry
}

type entry struct {
	words []string
	val   string
}

var lex = map[string]*table{}

// edWords are common words ending in "ed" that are not past-tense verbs.
var edWords = map[string]bool{}

func init() {
	for _, line := range strings.Split(wordsFile, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if f[0] == "edwords" {
			for _, w := range f[1:] {
				edWords[w] = true
			}
			continue
		}
		val := ""
		if len(f) > 2 {
			val = f[2]
		}
		t := lex[f[0]]
		if t == nil {
			t = &table{m: map[string]string{}, first: map[string][]entry{}}
			lex[f[0]] = t
		}
		t.m[f[1]] = val
		words := strings.Fields(f[1])
		t.maxLen = max(t.maxLen, len(words))
		t.first[words[0]] = append(t.first[words[0]], entry{words: words, val: val})
		starters[words[0]] = true
	}
	for _, t := range lex {
		for _, es := range t.first {
			sort.SliceStable(es, func(i, j int) bool { return len(es[i].words) > len(es[j].words) })
		}
	}
	for _, t := range lex {
		for phrase := range t.m {
			if f := strings.Fields(phrase); len(f) > 1 && f[0] == "the" {
				afterThe[f[1]] = true
			}
		}
	}
	for _, w := range strings.Fields("morning afternoon evening night weekend day same previous next following current past last first second third fourth final initial remaining coming year month week decade quarter century") {
		afterThe[w] = true
	}
	for w := range lex["unit"].m {
		starters[w+"s"] = true
		if strings.HasSuffix(w, "y") {
			starters[strings.TrimSuffix(w, "y")+"ies"] = true
		}
	}
	for _, w := range strings.Fields("the that this last next coming past previous following current yesterday today tomorrow tonight every each per once twice thrice fiscal fy earlier later half noon midnight midday year-end '") {
		starters[w] = true
	}
}

// afterThe holds the words that can follow "the" in a time expression.
var afterThe = map[string]bool{}

// starters holds the words that can begin a time expression; tokens that
// are not starters, hold no digit and no hyphen are skipped at once.
var starters = map[string]bool{}

// in reports whether the one-word phrase w is in the table kind.
func in(kind, w string) bool {
	_, ok := lex[kind].m[w]
	return ok
}

// val returns the value of the one-word phrase w in the table kind.
func val(kind, w string) (string, bool) {
	v, ok := lex[kind].m[w]
	return v, ok
}
