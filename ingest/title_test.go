package ingest

import "testing"

func TestWithoutSiteName(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Harbour reopens after storm | Example Times", "Example Times", "Harbour reopens after storm"},
		{"Harbour reopens after storm - BBC News", "", "Harbour reopens after storm"},
		{"Storm - what we know", "", "Storm - what we know"},
		{"Ceasefire talks resume in Cairo", "Example Times", "Ceasefire talks resume in Cairo"},
	}
	for _, tt := range tests {
		if got := withoutSiteName(tt.title, tt.site); got != tt.want {
			t.Errorf("withoutSiteName(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}
