package commands

import (
	_ "embed"
	"strings"
)

//go:embed words/honorifics.txt
var honorificsText string

// honorifics are the courtesy titles a typed name may start with, from
// words/honorifics.txt.
var honorifics = wordSet(honorificsText)

// wordSet reads a word list: words separated by white space, with lines
// starting with # as comments.
func wordSet(text string) map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			out[w] = true
		}
	}
	return out
}
