package store

import (
	"context"
	"slices"
	"testing"
)

func TestEventsOn(t *testing.T) {
	s := loaded(t)
	tests := []struct {
		date string
		want []string // event names, in order
	}{
		{"2025-01-20", []string{"inauguration", "Inauguration"}},
		{"XXXX-01-13", []string{"meeting"}},
		{"2025-01", []string{"meeting", "inauguration", "Inauguration"}},
		{"2025-01-21", nil},
		{"XXXX-XX-20", nil},
		{"", nil},
	}
	for _, tt := range tests {
		es, err := s.EventsOn(context.Background(), tt.date, 10)
		if err != nil {
			t.Fatalf("EventsOn(%q): %v", tt.date, err)
		}
		var got []string
		for _, e := range es {
			got = append(got, e.Name)
			if e.Source.Sentence == "" {
				t.Errorf("EventsOn(%q) event %q has no source sentence", tt.date, e.Name)
			}
		}
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("EventsOn(%q) = %v, want %v", tt.date, got, want)
		}
	}
}
