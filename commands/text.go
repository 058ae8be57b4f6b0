package commands

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	mdLink     = regexp.MustCompile(`(^|[^\\])\[((?:\\.|[^\[\]\\])*)\]\((https?://[^)\s]+)\)`)
	mdStamp    = regexp.MustCompile(`<t:(-?\d+)(?::([tTdDfFR]))?>`)
	mdEscape   = regexp.MustCompile(`\\([\\*_~` + "`" + `|>\[\]#])`)
	mdEmphasis = regexp.MustCompile(`(^|[^\\])(?:\*+|` + "`" + `)`)
)

// Text renders a Response as plain terminal text, for the console and
// `factdesk ask`: title, description, fields and footer of each embed,
// with markdown undone, links as "title <url>", Discord timestamps as
// UTC times and buttons as "[Next ▶]".
func Text(resp Response) string {
	var b strings.Builder
	if resp.Content != "" {
		b.WriteString(plain(resp.Content))
		b.WriteString("\n")
	}
	for i, e := range resp.Embeds {
		if i > 0 || resp.Content != "" {
			b.WriteString("\n")
		}
		if e.Title != "" {
			t := plain(e.Title)
			b.WriteString(t + "\n")
			b.WriteString(strings.Repeat("=", min(runes(t), 72)) + "\n")
		}
		if e.URL != "" {
			b.WriteString(e.URL + "\n")
		}
		if e.Description != "" {
			b.WriteString(plain(e.Description) + "\n")
		}
		if len(e.Fields) > 0 {
			b.WriteString("\n")
		}
		for i, f := range e.Fields {
			name, value := plain(f.Name), plain(f.Value)
			if !strings.Contains(value, "\n") && runes(name)+runes(value) < 72 {
				b.WriteString(name + ": " + value + "\n")
				continue
			}
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString(name + ":\n")
			for _, line := range strings.Split(value, "\n") {
				b.WriteString("  " + line + "\n")
			}
		}
		if e.Footer != "" {
			b.WriteString("\n— " + plain(e.Footer) + "\n")
		}
	}
	if len(resp.Buttons) > 0 {
		var labels []string
		for _, btn := range resp.Buttons {
			if btn.Disabled {
				continue
			}
			labels = append(labels, "["+btn.Label+"]")
		}
		if len(labels) > 0 {
			b.WriteString("\n" + strings.Join(labels, " ") + "\n")
		}
	}
	if resp.Ephemeral {
		b.WriteString("(only you can see this)\n")
	}
	return b.String()
}

// plain undoes the markdown the commands write.
func plain(s string) string {
	s = mdLink.ReplaceAllString(s, "$1$2 <$3>")
	s = mdStamp.ReplaceAllStringFunc(s, func(m string) string {
		sub := mdStamp.FindStringSubmatch(m)
		sec, err := strconv.ParseInt(sub[1], 10, 64)
		if err != nil {
			return m
		}
		return time.Unix(sec, 0).UTC().Format("2006-01-02 15:04 UTC")
	})
	s = mdEmphasis.ReplaceAllString(s, "$1")
	s = mdEscape.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "\u200b", "")
	return s
}
