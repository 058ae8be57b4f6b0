package events_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"factdesk/extract/events"
	"factdesk/extract/timex"
	"factdesk/news"
)

// article builds an Input by hand: sentences one per paragraph, people by
// name and aliases, places by name, and time expressions from timex.Find.
// A sentence starting with "caption:" is a caption.
func article(published, dateline string, people map[string][]string, places []string, sentences ...string) events.Input {
	in := events.Input{Published: published, Dateline: dateline}
	dct, _ := time.Parse(time.DateOnly, published)
	pos := 0
	for i, s := range sentences {
		kind := news.KindBody
		if rest, ok := strings.CutPrefix(s, "caption:"); ok {
			s, kind = rest, news.KindCaption
		}
		in.Sentences = append(in.Sentences, news.Sentence{Text: s, Start: pos, End: pos + len(s), Kind: kind})
		for _, m := range timex.Find(s, dct) {
			in.Timexes = append(in.Timexes, news.Timex{Text: m.Text, Type: m.Type, Value: m.Value, Start: pos + m.Start, End: pos + m.End, Sentence: i})
		}
		pos += len(s) + 2
	}
	for name, aliases := range people {
		in.People = append(in.People, news.Person{Name: name, Aliases: aliases})
	}
	slices.SortFunc(in.People, func(a, b news.Person) int { return strings.Compare(a.Name, b.Name) })
	for _, p := range places {
		in.Places = append(in.Places, news.Entity{Name: p})
	}
	return in
}

func show(evs []news.Event) string {
	var b strings.Builder
	for _, e := range evs {
		fmt.Fprintf(&b, "\n  %s | %q | %s | %s | %v | s%d | %s", e.Name, e.Text, e.Date, e.Place, e.Participants, e.Sentence, e.Status)
	}
	return b.String()
}

// seed is the bundled article (data/), by sentence, with its people and
// places as the pipeline finds them.
func seed() events.Input {
	people := map[string][]string{
		"Takeshi Iwaya": {"Iwaya"}, "Cho Tae-yul": {"Cho"}, "Donald Trump": {"Trump"}, "Joe Biden": {"Biden"},
		"Marco Rubio": {"Rubio"}, "Yoon Suk-yeol": {"Yoon"}, "Choi Sang-mok": {"Choi"}, "Shigeru Ishiba": {"Ishiba"},
		"Narumi Ota": {"Ota"}, "Shino Matsuyama": {"Matsuyama"},
	}
	places := []string{"Seoul", "Washington", "South Korea", "Japan", "United States", "Russia", "North Korea", "Moscow", "Ukraine", "China"}
	return article("2025-01-13", "SEOUL", people, places,
		"caption:Japanese Foreign Minister Takeshi Iwaya, left, visits his South Korean counterpart, Cho Tae-yul, on Jan. 13 in Seoul.",
		"Top Japanese and South Korean diplomats reaffirmed the importance of bilateral cooperation on Jan. 13 here a week ahead of Donald Trump’s inauguration to the U.S. presidency for a second time.",
		"In a meeting, Foreign Minister Takeshi Iwaya and his South Korean counterpart, Cho Tae-yul, emphasized the significance of trilateral cooperation with the United States as well, particularly on security issues.",
		"Iwaya stressed that he would communicate to the new U.S. administration the increasing importance of its strategic coordination with Japan and South Korea, the two key U.S. allies in the region.",
		"Cho emphasized the need to continue institutionalizing trilateral cooperation, which has seen progress made under the outgoing administration of Joe Biden.",
		"Iwaya, who is scheduled to attend Trump’s inauguration in Washington on Jan. 20, is also arranging a meeting with Marco Rubio, the incoming U.S. secretary of state.",
		"The two ministers also shared growing concerns about military cooperation between Russia and North Korea, particularly in light of Moscow’s ongoing invasion of Ukraine.",
		"The meeting marked the first bilateral visit to South Korea by a Japanese foreign minister in nearly seven years.",
		"For South Korea, the meeting served to display its diplomatic stability, despite internal political turmoil in Seoul following President Yoon Suk-yeol’s declaration of martial law last month.",
		"“It is vital to show, both domestically and internationally, that Japan and South Korea will continue to work closely together,” Iwaya said.",
		"In response, Cho thanked Iwaya for his visit, stating that true friends are those who stand by one another in times of difficulty.",
		"This year marks the 60th anniversary of the normalization of diplomatic relations between Japan and South Korea.",
		"In recognition of this milestone, both ministers pledged to promote exchange programs for young people between the two countries.",
		"They also agreed on the importance of holding a trilateral foreign ministers’ meeting with China in the near future.",
		"Iwaya is also scheduled to meet with Choi Sang-mok, South Korea’s acting president and deputy prime minister, on Jan. 14.",
		"In celebration of the 60th anniversary, Prime Minister Shigeru Ishiba was scheduled to visit Seoul earlier this month, but the trip was canceled due to the ongoing political turmoil in South Korea.",
	)
}

func TestSeedDatedEvents(t *testing.T) {
	got := events.Find(seed())
	tests := []struct {
		names       []string
		date, place string
		participant string
		status      string
	}{
		{[]string{"inauguration"}, "2025-01-20", "Washington", "Donald Trump", news.StatusScheduled},
		{[]string{"meeting"}, "2025-01-13", "Seoul", "Cho Tae-yul", news.StatusHappened},
		{[]string{"meeting"}, "2025-01-14", "", "Choi Sang-mok", news.StatusScheduled},
		{[]string{"martial law"}, "2024-12", "", "Yoon Suk-yeol", news.StatusHappened},
		{[]string{"visit", "trip"}, "2025-01", "Seoul", "Shigeru Ishiba", news.StatusCanceled},
	}
	for _, tt := range tests {
		var found *news.Event
		for i, e := range got {
			if slices.Contains(tt.names, e.Name) && e.Date == tt.date {
				found = &got[i]
			}
		}
		if found == nil {
			t.Errorf("Find(seed) has no %v on %s; got:%s", tt.names, tt.date, show(got))
			continue
		}
		if found.Place != tt.place || !slices.Contains(found.Participants, tt.participant) || found.Status != tt.status {
			t.Errorf("Find(seed) %s %s = place %q participants %v status %s, want %q, %s, %s",
				found.Name, tt.date, found.Place, found.Participants, found.Status, tt.place, tt.participant, tt.status)
		}
	}
	// The inauguration is reported once, at its first mention.
	n := 0
	for _, e := range got {
		if e.Name == "inauguration" {
			n++
			if want := "Donald Trump's inauguration to the U.S. presidency"; e.Text != want || e.Sentence != 1 {
				t.Errorf("Find(seed) inauguration = %q in sentence %d, want %q in sentence 1", e.Text, e.Sentence, want)
			}
		}
	}
	if n != 1 {
		t.Errorf("Find(seed) has %d inauguration events, want 1:%s", n, show(got))
	}
	for _, e := range got {
		if e.Sentence == 0 {
			t.Errorf("Find(seed) took event %q from the caption", e.Name)
		}
		// "In celebration of the 60th anniversary, Prime Minister Shigeru
		// Ishiba was scheduled to visit": he is the visit's participant.
		if e.Name == "anniversary" && slices.Contains(e.Participants, "Shigeru Ishiba") {
			t.Errorf("Find(seed) anniversary participants = %v, want no Shigeru Ishiba", e.Participants)
		}
	}
}

func TestStatusCues(t *testing.T) {
	people := map[string][]string{"Jane Doe": {"Doe"}, "John Roe": {"Roe"}}
	places := []string{"Paris", "Berlin", "Tokyo", "Geneva"}
	tests := []struct {
		sentence           string
		name, date, status string
	}{
		{"Jane Doe's visit to Paris on March 3 was called off.", "visit", "2024-03-03", news.StatusCanceled},
		{"Jane Doe planned to visit Berlin next month, but the trip was canceled.", "visit", "2024-04", news.StatusCanceled},
		{"The company plans to launch the phone in Berlin next month.", "launch", "2024-04", news.StatusPlanned},
		{"John Roe is arranging a meeting with Jane Doe.", "meeting", "", news.StatusPlanned},
		{"John Roe will visit Tokyo on Sunday.", "visit", "2024-03-03", news.StatusScheduled},
		{"The vote is scheduled for March 10.", "vote", "2024-03-10", news.StatusScheduled},
		{"Talks between Jane Doe and John Roe are ongoing in Geneva.", "meeting", "", news.StatusOngoing},
		{"Jane Doe met John Roe in Paris on Monday.", "meeting", "2024-02-26", news.StatusHappened},
		{"John Roe resigned on Feb. 12.", "resignation", "2024-02-12", news.StatusHappened},
		{"The election will be held in November.", "election", "2024-11", news.StatusScheduled},
		{"The union aims to strike in Paris next week.", "strike", "2024-W10", news.StatusPlanned},
		{"The strike continues in Paris.", "strike", "", news.StatusOngoing},
		{"Jane Doe's trip to Tokyo last week was scrapped.", "trip", "2024-W08", news.StatusCanceled},
	}
	for _, tt := range tests {
		got := events.Find(article("2024-03-01", "", people, places, tt.sentence))
		if len(got) != 1 || got[0].Name != tt.name || got[0].Date != tt.date || got[0].Status != tt.status {
			t.Errorf("Find(%q) =%s\nwant %s %q %s", tt.sentence, show(got), tt.name, tt.date, tt.status)
		}
	}
}

func TestClauseLinks(t *testing.T) {
	people := map[string][]string{"Jane Doe": {"Doe"}, "John Roe": {"Roe"}, "Ann Poe": {"Poe"}}
	places := []string{"Paris", "Lima"}
	in := article("2024-03-01", "LIMA", people, places,
		"Jane Doe met John Roe here on Monday, a week ahead of the election.",
		"Gen. Ann Poe's declaration of martial law in 1981 shocked the country.",
		"A meeting is a good idea.",
		"Jane Doe met John Roe again on Monday.",
	)
	got := events.Find(in)
	want := []news.Event{
		{Name: "meeting", Text: "met John Roe", Date: "2024-02-26", Place: "Lima", Participants: []string{"Jane Doe", "John Roe"}, Sentence: 0, Status: news.StatusHappened},
		{Name: "martial law", Text: "Ann Poe's declaration of martial law", Date: "1981", Place: "", Participants: []string{"Ann Poe"}, Sentence: 1, Status: news.StatusHappened},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Find(clause links) =%s\nwant%s", show(got), show(want))
	}
}

func TestDedupe(t *testing.T) {
	people := map[string][]string{"Jane Doe": {"Doe"}, "John Roe": {"Roe"}}
	in := article("2024-03-01", "", people, []string{"Paris"},
		"Jane Doe met John Roe in Paris on Monday.",
		"The meeting on Monday lasted two hours.",
		"Doe said the meeting with Roe was useful.",
		"Doe will meet Roe again on March 12.",
	)
	got := events.Find(in)
	want := []news.Event{
		{Name: "meeting", Text: "met John Roe", Date: "2024-02-26", Place: "Paris", Participants: []string{"Jane Doe", "John Roe"}, Sentence: 0, Status: news.StatusHappened},
		{Name: "meeting", Text: "meet Roe again", Date: "2024-03-12", Place: "", Participants: []string{"Jane Doe", "John Roe"}, Sentence: 3, Status: news.StatusScheduled},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Find(dedupe) =%s\nwant%s", show(got), show(want))
	}
}

func TestNoBodyNoEvents(t *testing.T) {
	in := article("2024-03-01", "", nil, nil, "caption:Leaders meet in Paris on Monday.")
	if got := events.Find(in); len(got) != 0 {
		t.Errorf("Find(caption only) =%s, want none", show(got))
	}
	if got := events.Find(events.Input{}); len(got) != 0 {
		t.Errorf("Find(empty) =%s, want none", show(got))
	}
}

func BenchmarkFind(b *testing.B) {
	in := seed()
	for b.Loop() {
		events.Find(in)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Jane Doe met John Roe here on Monday.", "the trip was canceled", "’s declaration of martial law", ", who , , which ;", "Doe's", "\xff"} {
		f.Add(s)
	}
	people := map[string][]string{"Jane Doe": {"Doe"}, "John Roe": {"Roe"}}
	f.Fuzz(func(t *testing.T, s string) {
		in := article("2024-03-01", "LIMA", people, []string{"Lima", "Paris"}, s, s)
		for _, e := range events.Find(in) {
			if e.Sentence < 0 || e.Sentence > 1 || e.Name == "" {
				t.Fatalf("Find(%q) gave %+v", s, e)
			}
		}
	})
}
