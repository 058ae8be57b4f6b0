package extract

import (
	"embed"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The word lists are embedded data files; each states its source in its
// header.
//
//go:embed lexicon/*.txt
var lexiconFS embed.FS

// Title classes, as in lexicon/titles.txt.
const (
	titleGov  = "gov"
	titleJob  = "job"
	titleHon  = "hon"
	titleMod  = "mod"
	titleDept = "dept"
	titleRel  = "rel"
)

// Abbreviation classes, as in lexicon/abbreviations.txt.
const (
	abbrTitle = "title"
	abbrMonth = "month"
	abbrAny   = "any"
)

// lexicon holds every word list, loaded once.
type lexicon struct {
	common      []string          // sorted lower-case common words
	given       map[string]bool   // given names
	nicknames   map[string]bool   // "Tim|Timothy": short and full form of one given name
	countries   map[string]string // country name or alias -> GeoNames name
	capitals    map[string]string // capital -> country
	cities      map[string]string // city, region or US state -> country
	nationality map[string]string // adjective -> country
	regions     map[string]bool   // region adjectives: European, Arab
	titles      map[string]string // lower-case title phrase -> class
	titleMaxLen int               // longest title phrase in words
	orgCues     map[string]bool
	placeCues   map[string]bool
	orgs        map[string]bool
	abbrevs     map[string]string // abbreviation -> class
	calendar    map[string]bool
	speech      map[string]bool // speech verb forms
	speechCues  []string        // reported-speech cues after a verb
	captionHead []string        // lower-case prefixes
	captionAny  []string        // lower-case substrings
	placeMaxLen int             // longest place name in words
}

var (
	lexOnce sync.Once
	lex     *lexicon
)

// words returns the lexicon, loading it on first use.
func words() *lexicon {
	lexOnce.Do(func() { lex = loadLexicon() })
	return lex
}

// isGiven reports whether w is a known given name, also when written with
// accents the list leaves out ("Nicolás" for "Nicolas").
func (x *lexicon) isGiven(w string) bool {
	if x.given[w] {
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return x.given[foldAccents(w)]
		}
	}
	return false
}

// foldAccents replaces common Latin letters with accents by the plain
// letter.
func foldAccents(w string) string {
	var b strings.Builder
	for _, r := range w {
		if f, ok := accentFold[r]; ok {
			b.WriteRune(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var accentFold = map[rune]rune{
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ø': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ñ': 'n', 'ç': 'c', 'ý': 'y', 'ł': 'l', 'ś': 's', 'š': 's',
	'ž': 'z', 'ź': 'z', 'ż': 'z', 'č': 'c', 'ć': 'c', 'ř': 'r', 'ğ': 'g', 'ş': 's', 'ı': 'i',
	'Á': 'A', 'É': 'E', 'Í': 'I', 'Ó': 'O', 'Ú': 'U', 'Ñ': 'N', 'Ç': 'C', 'Ö': 'O', 'Ü': 'U', 'Š': 'S',
	'Ž': 'Z', 'Č': 'C', 'Ł': 'L', 'Ş': 'S', 'İ': 'I',
}

// lines returns the non-comment, non-empty lines of an embedded list.
func lines(name string) []string {
	b, err := lexiconFS.ReadFile("lexicon/" + name)
	if err != nil {
		panic("extract: missing embedded word list " + name) // a build error, not input
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimRight(l, "\r")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

func loadLexicon() *lexicon {
	x := &lexicon{
		given: map[string]bool{}, nicknames: map[string]bool{}, countries: map[string]string{}, capitals: map[string]string{},
		cities: map[string]string{}, nationality: map[string]string{}, regions: map[string]bool{}, titles: map[string]string{},
		orgCues: map[string]bool{}, placeCues: map[string]bool{}, orgs: map[string]bool{}, abbrevs: map[string]string{},
		calendar: map[string]bool{}, speech: map[string]bool{},
	}
	x.common = lines("common-words.txt")
	sort.Strings(x.common)
	for _, l := range lines("given-names.txt") {
		x.given[l] = true
	}
	for _, l := range lines("nicknames.txt") {
		x.nicknames[l] = true
	}
	for _, l := range lines("geonames-countryInfo.txt") {
		f := strings.Split(l, "\t")
		if len(f) < 8 {
			continue
		}
		name, capital := strings.TrimSpace(f[4]), strings.TrimSpace(f[5])
		x.countries[name] = name
		// Capitals of small territories are often also given names or
		// surnames (Hamilton, Douglas, Victoria); keep the larger ones.
		if pop, _ := strconv.Atoi(f[7]); capital != "" && pop >= 500000 {
			x.capitals[capital] = name
		}
	}
	for _, l := range lines("country-aliases.txt") {
		if a, c, ok := strings.Cut(l, "|"); ok {
			x.countries[a] = c
		}
	}
	for _, l := range lines("cities.txt") {
		if a, c, ok := strings.Cut(l, "|"); ok {
			x.cities[a] = c // c is empty for a region ("Europe")
		}
	}
	for _, l := range lines("us-states.txt") {
		f := strings.Split(l, "|")
		for _, s := range f {
			if _, ok := x.countries[s]; !ok {
				x.cities[s] = "United States"
			}
		}
	}
	for _, l := range lines("nationalities.txt") {
		if a, c, ok := strings.Cut(l, "|"); ok && c == "" {
			x.regions[a] = true
		} else if ok {
			x.nationality[a] = c
			if !strings.HasSuffix(a, "s") && !strings.HasSuffix(a, "ese") && !strings.HasSuffix(a, "ish") && !strings.HasSuffix(a, "ch") {
				x.nationality[a+"s"] = c // demonym plural: Americans
			}
		}
	}
	for _, l := range lines("titles.txt") {
		if t, c, ok := strings.Cut(l, "|"); ok {
			if _, dup := x.titles[t]; !dup {
				x.titles[t] = c
			}
			if n := len(strings.Fields(t)); n > x.titleMaxLen {
				x.titleMaxLen = n
			}
		}
	}
	for _, l := range lines("org-cues.txt") {
		x.orgCues[l] = true
	}
	for _, l := range lines("place-cues.txt") {
		x.placeCues[l] = true
	}
	for _, l := range lines("orgs.txt") {
		x.orgs[l] = true
	}
	for _, l := range lines("abbreviations.txt") {
		if a, c, ok := strings.Cut(l, "|"); ok {
			x.abbrevs[a] = c
		}
	}
	for _, l := range lines("calendar.txt") {
		x.calendar[l] = true
	}
	for _, l := range lines("speech-verbs.txt") {
		if strings.HasPrefix(l, "+") {
			x.speechCues = append(x.speechCues, l[1:])
			continue
		}
		for _, f := range strings.Fields(l) {
			x.speech[f] = true
		}
	}
	for _, l := range lines("captions.txt") {
		if strings.HasPrefix(l, "^") {
			x.captionHead = append(x.captionHead, strings.ToLower(l[1:]))
		} else {
			x.captionAny = append(x.captionAny, strings.ToLower(l))
		}
	}
	for _, m := range []map[string]string{x.countries, x.capitals, x.cities} {
		for k := range m {
			if n := len(strings.Fields(k)); n > x.placeMaxLen {
				x.placeMaxLen = n
			}
		}
	}
	return x
}

// isCommon reports whether lower-case w is a common English word.
func (x *lexicon) isCommon(w string) bool {
	i := sort.SearchStrings(x.common, w)
	return i < len(x.common) && x.common[i] == w
}

// place returns the place name and its country for a name as written.
func (x *lexicon) place(name string) (string, string, bool) {
	if c, ok := x.countries[name]; ok {
		return c, c, true
	}
	// Cities first: the list corrects a few capitals of the shared data.
	if c, ok := x.cities[name]; ok {
		return name, c, true
	}
	if c, ok := x.capitals[name]; ok {
		return name, c, true
	}
	return "", "", false
}
