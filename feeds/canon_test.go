package feeds

import (
	"net/netip"
	"testing"
)

func mustAddr(t *testing.T, s string) netip.Addr {
	t.Helper()
	a, err := netip.ParseAddr(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestCanonical(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://Example.com/News/Story/", "https://example.com/News/Story"},
		{"https://example.com:443/a?utm_source=rss&utm_medium=feed&id=7#comments", "https://example.com/a?id=7"},
		{"http://example.com:80", "http://example.com/"},
		{"https://example.com/a?b=2&a=1&fbclid=xyz", "https://example.com/a?a=1&b=2"},
		{"https://example.com/", "https://example.com/"},
		{"https://example.com:8443/a//", "https://example.com:8443/a"},
		{"https://user:pw@example.com/a", "https://example.com/a"},
		{"urn:uuid:1234", "urn:uuid:1234"},
	} {
		if got := Canonical(c.in); got != c.want {
			t.Errorf("Canonical(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestContentHash(t *testing.T) {
	a := ContentHash("The mayor said: \u201cYes.\u201d\n\nThen left.")
	b := ContentHash("the mayor said \"yes\" then   left")
	if a != b {
		t.Errorf("ContentHash differs for reflowed text with other quotes: %s vs %s", a, b)
	}
	if a == ContentHash("The mayor said no. Then left.") {
		t.Errorf("ContentHash is the same for different words")
	}
}
