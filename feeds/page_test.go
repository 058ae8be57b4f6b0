package feeds

import (
	"errors"
	"strings"
	"testing"
)

func TestMainText(t *testing.T) {
	latin1 := []byte("<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><article><p>" +
		strings.Repeat("The caf\xe9 on the corner reopened this week after a long renovation. ", 5) + "</p></article></body></html>")
	for _, c := range []struct {
		name, ct string
		body     []byte
		want     string
		err      error
	}{
		{"declared charset", "text/html", latin1, "The café on the corner reopened", nil},
		{"charset in header", "text/html; charset=windows-1252", []byte("<p>" + strings.Repeat("Caf\xe9 news today is good news for everyone. ", 6) + "</p>"), "Café news today", nil},
		{"plain text", "text/plain", []byte("Line one.\n\n\n  Line two.  "), "Line one.\n\nLine two.", nil},
		{"empty page", "text/html", []byte("<html><body>  </body></html>"), "", ErrNoText},
		{"unclosed tags", "text/html", []byte("<html><body><article><p>" + strings.Repeat("Unclosed markup still reads as text here. ", 6) + "<div><span><b>"), "Unclosed markup still reads", nil},
		{"binary", "text/html", []byte{0, 1, 2, 3, 0xff, 0xfe}, "", ErrNoText},
	} {
		got, err := mainText(c.body, c.ct, "https://example.com/a")
		if !errors.Is(err, c.err) || !strings.Contains(got.Text, c.want) {
			t.Errorf("%s: mainText() = %q, %v, want %q, %v", c.name, got.Text, err, c.want, c.err)
		}
	}
}

func TestHTMLText(t *testing.T) {
	in := `<p>First <b>para</b>.</p><p>Second &amp; last.<br>Line</p><script>x()</script>`
	if got, want := htmlText(in), "First para.\n\nSecond & last.\nLine"; got != want {
		t.Errorf("htmlText(%q) = %q, want %q", in, got, want)
	}
}
