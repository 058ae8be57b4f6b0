package extract

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"factdesk/news"
)

// summaryWindow bounds how many body sentences the summary considers:
// news puts what matters first, and the bound keeps the stage linear.
const summaryWindow = 80

// Weights of the summary score, tuned on MEANTIME (see README); sumLength
// prefers concise sentences among the later picks (a 40-word sentence
// costs 0.2), which keeps ROUGE-1 recall at Lead-3's and raises precision.
var sumPosDecay, sumCent, sumCov, sumLength = 0.35, 0.2, 0.1, 0.2

// summary picks n body sentences, returned in text order. The lead
// sentence is always kept (on news it is the strongest single choice);
// the rest are ranked by position, centrality (similarity to the whole
// article) and coverage of the main people and events, skipping
// near-duplicates.
func (a *analysis) summary(n int, people []news.Person, events []news.Event) []int {
	var cand []int
	for i, s := range a.sents {
		if s.kind != news.KindBody {
			continue
		}
		if len(strings.Fields(a.text[s.s:s.e])) < 6 && len(cand) > 0 {
			continue
		}
		cand = append(cand, i)
		if len(cand) == summaryWindow {
			break
		}
	}
	if len(cand) <= n {
		return cand
	}
	// Term vectors over content words.
	vecs := make([]map[string]float64, len(cand))
	centroid := map[string]float64{}
	var buf []token
	for ci, si := range cand {
		buf = tokenize(a.x, a.text, a.sents[si].span, buf[:0])
		v := map[string]float64{}
		for _, t := range buf {
			if t.kind != tokWord || len(t.w) < 3 {
				continue
			}
			w := strings.ToLower(t.w)
			if stopword[w] {
				continue
			}
			v[w]++
		}
		vecs[ci] = v
		for w, c := range v {
			centroid[w] += c
		}
	}
	// The main people: the three mentioned most.
	type pc struct{ p, n int }
	var top []pc
	for pi, p := range people {
		top = append(top, pc{pi, len(p.Mentions)})
	}
	sort.SliceStable(top, func(i, j int) bool { return top[i].n > top[j].n })
	if len(top) > 3 {
		top = top[:3]
	}
	covers := map[int]float64{}
	for _, t := range top {
		for _, si := range people[t.p].Mentions {
			covers[si] += 1
		}
	}
	for _, e := range events {
		if e.Date != "" && a.recent(e.Date) {
			covers[e.Sentence] += 0.5
		}
	}
	score := make([]float64, len(cand))
	for ci, si := range cand {
		pos := 1 / (1 + sumPosDecay*float64(ci))
		cent := cosine(vecs[ci], centroid)
		cov := math.Min(covers[si], 3) / 3
		score[ci] = 1.0*pos + sumCent*cent + sumCov*cov - sumLength*math.Min(float64(len(strings.Fields(a.text[a.sents[si].s:a.sents[si].e])))/40, 2)
	}
	chosen := []int{0}
	order := make([]int, len(cand)-1)
	for i := range order {
		order[i] = i + 1
	}
	sort.SliceStable(order, func(i, j int) bool { return score[order[i]] > score[order[j]] })
	for _, ci := range order {
		if len(chosen) == n {
			break
		}
		dup := false
		for _, c := range chosen {
			if cosine(vecs[ci], vecs[c]) > 0.7 {
				dup = true
				break
			}
		}
		if !dup {
			chosen = append(chosen, ci)
		}
	}
	// Too few distinct sentences: fill up with the best of the rest.
	for _, ci := range order {
		if len(chosen) == n {
			break
		}
		if !slices.Contains(chosen, ci) {
			chosen = append(chosen, ci)
		}
	}
	out := make([]int, len(chosen))
	for i, ci := range chosen {
		out[i] = cand[ci]
	}
	sort.Ints(out)
	return out
}

// recent reports whether an event date is news rather than background: in
// the publication year or the one before or after it ("born in 1955" is
// background). Without a publication date every date counts.
func (a *analysis) recent(date string) bool {
	dct := a.dct()
	if dct.IsZero() || len(date) < 4 {
		return true
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return true
	}
	d := y - dct.Year()
	return d >= -1 && d <= 1
}

func cosine(x, y map[string]float64) float64 {
	if len(x) > len(y) {
		x, y = y, x
	}
	var dot, nx, ny float64
	for w, c := range x {
		dot += c * y[w]
		nx += c * c
	}
	for _, c := range y {
		ny += c * c
	}
	if nx == 0 || ny == 0 {
		return 0
	}
	return dot / math.Sqrt(nx*ny)
}

// stopword lists function words left out of the summary's term vectors.
var stopword = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and for that with was were are has have had his her its their they them this these those
		from but not who which will would could should can may might been being into about than then there also said says
		more most some such when what where while after before over under between both other one two all any each our out
		him she you your said just very much many only own same too did does doing done were what whom why how
		in on at by as if it we a an so to of or no he i us my me up off now here yet still though although because
		however meanwhile during since until unless despite according already even ever never`) {
		stopword[w] = true
	}
}
