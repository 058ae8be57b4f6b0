package data

import (
	"strings"
	"testing"
)

func TestArticles(t *testing.T) {
	docs, err := Articles()
	if err != nil {
		t.Fatalf("Articles() error: %v", err)
	}
	if len(docs) == 0 {
		t.Fatal("Articles() = no documents, want the bundled article")
	}
	d := docs[0]
	if d.Published != "2025-01-13" {
		t.Errorf("Articles()[0].Published = %q, want %q", d.Published, "2025-01-13")
	}
	if !strings.HasPrefix(d.Text, "Photo/Illutration") {
		t.Errorf("Articles()[0].Text starts %q, want the article as received", d.Text[:20])
	}
}
