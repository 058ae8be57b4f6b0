package briefing

import (
	_ "embed"
	"sort"
	"strings"
	_ "time/tzdata" // time zones resolve in a static binary with no system tzdata
)

//go:embed zones.txt
var zonesFile string

// zones are the IANA names offered by autocomplete, in file order.
var zones = func() []string {
	var out []string
	for _, line := range strings.Split(zonesFile, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}()

// Zones returns up to limit IANA time zone names matching partial, for
// autocomplete: names whose city (the part after the last slash) starts
// with partial come first, then names that start with it, then names that
// contain it. Case, spaces and underscores do not matter.
func Zones(partial string, limit int) []string {
	key := zoneKey(partial)
	type hit struct {
		name string
		rank int
	}
	var hits []hit
	for _, z := range zones {
		full := zoneKey(z)
		city := full[strings.LastIndexByte(full, '/')+1:]
		switch {
		case key == "":
			hits = append(hits, hit{z, 2})
		case strings.HasPrefix(city, key):
			hits = append(hits, hit{z, 0})
		case strings.HasPrefix(full, key):
			hits = append(hits, hit{z, 1})
		case strings.Contains(full, key):
			hits = append(hits, hit{z, 2})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].rank < hits[j].rank })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.name
	}
	return out
}

func zoneKey(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), " ", "_")
}
