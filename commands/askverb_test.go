package commands

import "testing"

func TestInflects(t *testing.T) {
	tests := []struct {
		w, v string
		want bool
	}{
		{"replaces", "replace", true}, {"replacing", "replace", true}, {"replaced", "replace", true},
		{"succeeding", "succeed", true}, {"filled", "fill", true}, {"fired", "fire", true},
		{"first", "fire", false}, {"fillet", "fill", false}, {"hirer", "hire", false},
	}
	for _, tt := range tests {
		if got := inflects(tt.w, tt.v); got != tt.want {
			t.Errorf("inflects(%q, %q) = %v, want %v", tt.w, tt.v, got, tt.want)
		}
	}
}
