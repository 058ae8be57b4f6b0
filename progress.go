package main

import (
	"fmt"
	"io"
	"os"
)

// progress draws a one-line counter on a terminal while many files load;
// on a pipe or file it draws nothing, so the output stays one line per file.
type progress struct {
	w     io.Writer
	on    bool
	done  int
	shown bool
}

func newProgress(w io.Writer, args int) *progress {
	f, ok := w.(*os.File)
	on := false
	if ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			on = true
		}
	}
	return &progress{w: w, on: on}
}

// step counts one more file and redraws the counter.
func (p *progress) step() {
	p.done++
	if !p.on || p.done < 2 {
		return
	}
	fmt.Fprintf(p.w, "\r[%s] %d files", bar(p.done), p.done)
	p.shown = true
}

// clear removes the counter before a result line is printed.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

// bar is a small moving bar: the number of files is not known in advance
// when folders are walked.
func bar(n int) string {
	const width = 20
	b := []byte("                    ")
	pos := n % (2 * width)
	if pos >= width {
		pos = 2*width - 1 - pos
	}
	b[pos] = '='
	return string(b)
}
