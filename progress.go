package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// progress draws a bar on a terminal while many files load; on a pipe or
// a file it draws nothing, so the output stays one line per file.
type progress struct {
	w     io.Writer
	on    bool
	shown bool
}

// minFilesForBar is how many inputs make a load "many".
const minFilesForBar = 5

func newProgress(w io.Writer) *progress {
	return &progress{w: w, on: isTerminal(w)}
}

// isTerminal reports whether v is a terminal (a character device).
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// show draws the bar for done of total inputs.
func (p *progress) show(done, total int) {
	if !p.on || total < minFilesForBar || done >= total {
		return
	}
	const width = 30
	filled := width * done / total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), done, total)
	p.shown = true
}

// clear removes the bar before a result line is printed.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
