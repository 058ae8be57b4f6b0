package events

import (
	_ "embed"
	"sort"
	"strings"
)

//go:embed triggers.txt
var triggersFile string

//go:embed cues.txt
var cuesFile string

// form is one way of writing a trigger or cue, as lower-case words.
type form struct {
	words []string
	name  string // event name, or cue status
	verb  bool
}

// phrases indexes forms by their first word, longest first.
type phrases map[string][]form

func (p phrases) add(f form) { p[f.words[0]] = append(p[f.words[0]], f) }

func (p phrases) sort() {
	for _, fs := range p {
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].words) > len(fs[j].words) })
	}
}

var (
	triggers = phrases{}
	cues     = phrases{}
	headOf   = map[string]bool{} // "declaration" in "declaration of war"
)

func init() {
	for _, line := range dataLines(triggersFile) {
		f := strings.Split(line, "\t")
		if f[0] == "headof" {
			for _, w := range strings.Split(f[1], ",") {
				headOf[w] = true
			}
			continue
		}
		for k, verb := range []bool{false, true} {
			if len(f) < k+2 {
				continue
			}
			for _, w := range strings.Split(f[k+1], ",") {
				if w = strings.TrimSpace(w); w != "" {
					triggers.add(form{words: strings.Fields(w), name: f[0], verb: verb})
				}
			}
		}
	}
	triggers.sort()
	for _, line := range dataLines(cuesFile) {
		f := strings.Split(line, "\t")
		for _, w := range strings.Split(f[1], ",") {
			if w = strings.TrimSpace(w); w != "" {
				cues.add(form{words: strings.Fields(w), name: f[0]})
			}
		}
	}
	cues.sort()
}

func dataLines(file string) []string {
	var out []string
	for _, line := range strings.Split(file, "\n") {
		if line = strings.TrimRight(line, "\r "); line != "" && line[0] != '#' {
			out = append(out, line)
		}
	}
	return out
}
