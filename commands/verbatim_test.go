package commands

import (
	"strings"
	"testing"

	"factdesk/news"
)

func TestQuoteText(t *testing.T) {
	sentence := `Brown said: "We will meet **soon** to [talk](http://x.example) budget." Later she added "nothing".`
	tests := []struct {
		text   string
		direct bool
		want   string
	}{
		// Markdown the extraction dropped comes back from the sentence.
		{"We will meet soon to talk budget.", true, "We will meet **soon** to [talk](http://x.example) budget."},
		{"nothing", true, "nothing"},
		// Different words are not a match: the quote stays as it came.
		{"We will meet later.", true, "We will meet later."},
		{"We will meet soon to talk budget.", false, "We will meet soon to talk budget."},
	}
	for _, tt := range tests {
		q := news.QuoteFact{Text: tt.text, Direct: tt.direct}
		q.Source.Sentence = sentence
		if got := quoteText(q); got != tt.want {
			t.Errorf("quoteText(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	// Escaped for display, the verbatim text shows its markdown as typed.
	q := news.QuoteFact{Text: "We will meet soon to talk budget.", Direct: true}
	q.Source.Sentence = sentence
	if got, want := quoteLine(q, 200), `• “We will meet \*\*soon\*\* to \[talk\](http://x.example) budget.”`; !strings.HasPrefix(got, want) {
		t.Errorf("quoteLine = %q, want prefix %q", got, want)
	}
}

func TestQuoted(t *testing.T) {
	tests := []struct{ in, want string }{
		{"It is vital to work together,", "It is vital to work together"},
		{"“We will win.”", "We will win."},
		{"Yes, we can", "Yes, we can"},
	}
	for _, tt := range tests {
		if got := quoted(tt.in); got != tt.want {
			t.Errorf("quoted(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSameDate(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"2009", "2009-06-04", true},
		{"2009-06-01", "2009-06-04", false},
		{"PAST_REF", "2009-06-01", true},
		{"2009-06-01T10:00", "2009-06-01", true},
	}
	for _, tt := range tests {
		if got := sameDate(tt.a, tt.b); got != tt.want {
			t.Errorf("sameDate(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
