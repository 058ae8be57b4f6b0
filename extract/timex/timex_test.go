package timex

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// dct is the creation time of the TIMEML.md examples: Monday 2025-01-13.
var dct = time.Date(2025, 1, 13, 0, 0, 0, 0, time.UTC)

type want struct {
	text, typ, value string
}

type tcase struct {
	sentence string
	want     []want
}

func (w want) String() string { return fmt.Sprintf("%q %s %s", w.text, w.typ, w.value) }

func runCases(t *testing.T, day time.Time, cases []tcase) {
	t.Helper()
	for _, c := range cases {
		got := Find(c.sentence, day)
		var g []want
		for _, m := range got {
			g = append(g, want{m.Text, m.Type, m.Value})
			if c.sentence[m.Start:m.End] != m.Text {
				t.Errorf("Find(%q): offsets %d:%d give %q, want %q", c.sentence, m.Start, m.End, c.sentence[m.Start:m.End], m.Text)
			}
		}
		if fmt.Sprint(g) != fmt.Sprint(c.want) {
			t.Errorf("Find(%q, %s) = %v, want %v", c.sentence, day.Format(time.DateOnly), g, c.want)
		}
	}
}

func TestExplicitDates(t *testing.T) {
	runCases(t, dct, []tcase{
		{"The inauguration is on Jan. 20 in Washington.", []want{{"Jan. 20", "DATE", "2025-01-20"}}},
		{"He took office on January 20, 2025.", []want{{"January 20, 2025", "DATE", "2025-01-20"}}},
		{"It opens on 20 January.", []want{{"20 January", "DATE", "2025-01-20"}}},
		{"The filing is dated 2025-01-20.", []want{{"2025-01-20", "DATE", "2025-01-20"}}},
		{"March 01, 2008", []want{{"March 01, 2008", "DATE", "2008-03-01"}}},
		{"The vote was held on Dec. 3.", []want{{"Dec. 3", "DATE", "2024-12-03"}}},
		{"The minister will visit on Dec. 3.", []want{{"Dec. 3", "DATE", "2025-12-03"}}},
		{"The talks are scheduled for Tuesday, Jan. 14.", []want{{"Tuesday, Jan. 14", "DATE", "2025-01-14"}}},
		{"Sales rose on 7/8/07.", []want{{"7/8/07", "DATE", "2007-07-08"}}},
		{"It was signed on the 3rd of March 2001.", []want{{"3rd of March 2001", "DATE", "2001-03-03"}}},
		{"A June 3 hearing has been scheduled.", []want{{"June 3", "DATE", "2025-06-03"}}},
		{"The deal will be finalized by June 10.", []want{{"June 10", "DATE", "2025-06-10"}}},
		{"The vote will be held June 6-9.", []want{{"June 6-9", "DATE", "2025-06-06"}}},
	})
}

func TestMonthsAndYears(t *testing.T) {
	runCases(t, dct, []tcase{
		{"Martial law was declared in December.", []want{{"December", "DATE", "2024-12"}}},
		{"Growth slowed in 2024.", []want{{"2024", "DATE", "2024"}}},
		{"Prices peaked in December 2024.", []want{{"December 2024", "DATE", "2024-12"}}},
		{"The plant will close in March.", []want{{"March", "DATE", "2025-03"}}},
		{"You may leave now.", []want{{"now", "DATE", "PRESENT_REF"}}},
		{"Shares fell by early June.", []want{{"early June", "DATE", "2024-06"}}},
		{"The model will launch in mid-2026.", []want{{"mid-2026", "DATE", "2026"}}},
		{"The deal expires after October of next year.", []want{{"October of next year", "DATE", "2026-10"}}},
		{"It was the worst crash since '82.", []want{{"'82", "DATE", "1982"}}},
		{"The Russell 2000 Index fell; 2000 jobs went.", nil},
		{"Profits grew in fiscal 2009.", []want{{"fiscal 2009", "DATE", "FY2009"}}},
	})
}

func TestWeekdays(t *testing.T) {
	runCases(t, dct, []tcase{
		{"They will meet again on Tuesday.", []want{{"Tuesday", "DATE", "2025-01-14"}}},
		{"They met on Tuesday.", []want{{"Tuesday", "DATE", "2025-01-07"}}},
		{"The company said last Friday that it had quit.", []want{{"last Friday", "DATE", "2025-01-10"}}},
		{"Talks begin next Wednesday.", []want{{"next Wednesday", "DATE", "2025-01-15"}}},
		{"The ministers met in Seoul on Monday.", []want{{"Monday", "DATE", "2025-01-13"}}},
		{"Stocks crashed on Black Monday.", nil},
		{"The storm hit Tuesday night.", []want{{"Tuesday night", "TIME", "2025-01-07TNI"}}},
	})
}

func TestRelative(t *testing.T) {
	runCases(t, dct, []tcase{
		{"Prices rose last month.", []want{{"last month", "DATE", "2024-12"}}},
		{"It began 14 months ago.", []want{{"14 months ago", "DATE", "2023-11"}}},
		{"It ends 13 months from now.", []want{{"13 months from now", "DATE", "2026-02"}}},
		{"He arrived earlier this month.", []want{{"earlier this month", "DATE", "2025-01"}}},
		{"Growth will slow this year.", []want{{"this year", "DATE", "2025"}}},
		{"The summit is next week.", []want{{"next week", "DATE", "2025-W04"}}},
		{"It happened last week.", []want{{"last week", "DATE", "2025-W02"}}},
		{"He spoke yesterday.", []want{{"yesterday", "DATE", "2025-01-12"}}},
		{"The report comes out today.", []want{{"today", "DATE", "2025-01-13"}}},
		{"They will vote tomorrow.", []want{{"tomorrow", "DATE", "2025-01-14"}}},
		{"She arrived a week ahead of the inauguration.", []want{{"a week", "DURATION", "P1W"}}},
		{"The company was sold two years ago.", []want{{"two years ago", "DATE", "2023"}}},
		{"Sales fell last year and will rise next month.", []want{{"last year", "DATE", "2024"}, {"next month", "DATE", "2025-02"}}},
		{"They rested over the weekend.", []want{{"the weekend", "DATE", "2025-W02-WE"}}},
		{"The index rose 2% on the day.", []want{{"the day", "DATE", "2025-01-13"}}},
		{"It rained last September.", []want{{"last September", "DATE", "2024-09"}}},
		{"They met this past weekend.", []want{{"this past weekend", "DATE", "2025-W02-WE"}}},
		{"He arrived on Jan. 8 and left the next day.", []want{{"Jan. 8", "DATE", "2025-01-08"}, {"the next day", "DATE", "2025-01-09"}}},
	})
}

func TestDurations(t *testing.T) {
	runCases(t, dct, []tcase{
		{"The trip lasts a week.", []want{{"a week", "DURATION", "P1W"}}},
		{"He served nearly seven years in office.", []want{{"nearly seven years", "DURATION", "P7Y"}}},
		{"The talks lasted three days.", []want{{"three days", "DURATION", "P3D"}}},
		{"The meeting ran for two hours.", []want{{"two hours", "DURATION", "PT2H"}}},
		{"It took several years.", []want{{"several years", "DURATION", "PXY"}}},
		{"It is almost two and a half years late.", []want{{"almost two and a half years", "DURATION", "P2.5Y"}}},
		{"Jobs fell over the past decade.", []want{{"the past decade", "DURATION", "P10Y"}}},
		{"Stocks fell for the past five trading days.", []want{{"the past five trading days", "DURATION", "P5D"}}},
		{"They signed a five-year deal.", []want{{"five-year", "DURATION", "P5Y"}}},
		{"A 34-year-old man and a man 40 years old were held.", nil},
		{"He won for a second time.", nil},
		{"It marks the 60th anniversary of the treaty.", nil},
		{"The plan was delayed for years.", []want{{"years", "DURATION", "PXY"}}},
		{"It waited half an hour.", []want{{"half an hour", "DURATION", "PT30M"}}},
		{"He stayed 30 minutes.", []want{{"30 minutes", "DURATION", "PT30M"}}},
		{"It made two SEC filings.", nil},
	})
	if m := Find("He served nearly seven years.", dct); len(m) != 1 || m[0].Mod != "APPROX" {
		t.Errorf("Find(nearly seven years) = %+v, want mod APPROX", m)
	}
	if m := Find("He served more than 20 years.", dct); len(m) != 1 || m[0].Mod != "MORE_THAN" || m[0].Value != "P20Y" {
		t.Errorf("Find(more than 20 years) = %+v, want P20Y MORE_THAN", m)
	}
}

func TestVague(t *testing.T) {
	runCases(t, dct, []tcase{
		{"The ministry recently changed course.", []want{{"recently", "DATE", "PAST_REF"}}},
		{"He is currently in Seoul.", []want{{"currently", "DATE", "PRESENT_REF"}}},
		{"They hope to meet in the near future.", []want{{"in the near future", "DATE", "FUTURE_REF"}}},
		{"A decision is expected soon.", []want{{"soon", "DATE", "FUTURE_REF"}}},
		{"Reply as soon as possible.", nil},
	})
}

func TestTimesOfDay(t *testing.T) {
	runCases(t, dct, []tcase{
		{"The meeting starts at 10 a.m.", []want{{"10 a.m.", "TIME", "2025-01-13T10:00"}}},
		{"He arrived this morning.", []want{{"this morning", "TIME", "2025-01-13TMO"}}},
		{"He will speak tonight.", []want{{"tonight", "TIME", "2025-01-13TNI"}}},
		{"The launch was at 16:08 UTC.", []want{{"16:08 UTC", "TIME", "2025-01-13T16:08Z"}}},
		{"The session closes at 4:30pm.", []want{{"4:30pm", "TIME", "2025-01-13T16:30"}}},
		{"Trading resumed at noon Tuesday.", []want{{"noon Tuesday", "TIME", "2025-01-07T12:00"}}},
		{"Polls will close at 8 p.m. ET on Tuesday.", []want{{"8 p.m. ET", "TIME", "2025-01-14T20:00"}, {"Tuesday", "DATE", "2025-01-14"}}},
		{"The score was 3 to 1.", nil},
		{"They met on Jan. 10 and left that afternoon.", []want{{"Jan. 10", "DATE", "2025-01-10"}, {"that afternoon", "TIME", "2025-01-10TAF"}}},
		{"Shares fell in the evening.", []want{{"the evening", "TIME", "2025-01-13TEV"}}},
		{"Shares fell in morning trading.", []want{{"morning", "TIME", "2025-01-13TMO"}}},
	})
}

func TestSets(t *testing.T) {
	runCases(t, dct, []tcase{
		{"They meet every Monday.", []want{{"every Monday", "SET", "XXXX-WXX-1"}}},
		{"The paper is updated daily.", []want{{"daily", "SET", "P1D"}}},
		{"Figures are published weekly.", []want{{"weekly", "SET", "P1W"}}},
		{"It builds 15 a year.", []want{{"a year", "SET", "P1Y"}}},
		{"They meet twice a week.", []want{{"twice a week", "SET", "P1W"}}},
		{"Elections are held every four years.", []want{{"every four years", "SET", "P4Y"}}},
	})
}

func TestSeasonsQuartersDecades(t *testing.T) {
	runCases(t, dct, []tcase{
		{"The law takes effect this spring.", []want{{"this spring", "DATE", "2025-SP"}}},
		{"The film opened in fall 2007.", []want{{"fall 2007", "DATE", "2007-FA"}}},
		{"Prices fall when supply rises.", nil},
		{"It was the fall of the empire.", nil},
		{"The law passed in the spring of 2011.", []want{{"spring of 2011", "DATE", "2011-SP"}}},
		{"Profit rose in the first quarter.", []want{{"the first quarter", "DATE", "2025-Q1"}}},
		{"Sales fell in the fourth quarter of 2005.", []want{{"the fourth quarter of 2005", "DATE", "2005-Q4"}}},
		{"Losses narrowed in the second half of 2024.", []want{{"the second half of 2024", "DATE", "2024-H2"}}},
		{"Third-quarter profit doubled.", []want{{"Third-quarter", "DATE", "2024-Q3"}}},
		{"Mendes scored a first-half goal and the visitors held on.", nil},
		{"A fourth-quarter rally sealed the win.", nil},
		{"Their second-half lead vanished late.", nil},
		{"Second-half sales rose 4 percent.", []want{{"Second-half", "DATE", "2024-H2"}}},
		{"It was popular in the 1990s.", []want{{"1990s", "DATE", "199"}}},
		{"This is the challenge of the 21st century.", []want{{"the 21st century", "DATE", "20"}}},
		{"Sales dropped in the last quarter.", []want{{"the last quarter", "DATE", "2024-Q4"}}},
	})
}

func TestZeroDCT(t *testing.T) {
	runCases(t, time.Time{}, []tcase{
		{"It was signed on January 20, 2025.", []want{{"January 20, 2025", "DATE", "2025-01-20"}}},
		{"It was signed on Jan. 20.", []want{{"Jan. 20", "DATE", "XXXX-01-20"}}},
		{"He left yesterday.", []want{{"yesterday", "DATE", "XXXX-XX-XX"}}},
		{"They met on Tuesday.", []want{{"Tuesday", "DATE", "XXXX-WXX-2"}}},
		{"The war lasted three days.", []want{{"three days", "DURATION", "P3D"}}},
	})
}

func TestLongInput(t *testing.T) {
	s := strings.Repeat("On Jan. 20, 2025 the talks lasted three days and ended at 10 a.m. ", 2000)
	got := Find(s, dct)
	if len(got) != 6000 {
		t.Errorf("Find(long) = %d matches, want 6000", len(got))
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Jan. 20", "the past five trading days", "'", "mid-", "10 a.m.", "every", "the 21st century", "7/8/07", "2025-02-30", "Q4 of", "a year and a half", "\xff\xfe", "twenty-five-year", "at 24:59 UTC"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, day := range []time.Time{dct, {}} {
			for _, m := range Find(s, day) {
				if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
					t.Fatalf("Find(%q) gave bad span %+v", s, m)
				}
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	s := "Foreign Minister Takeshi Iwaya met his counterpart in Seoul on Monday, a week ahead of the Jan. 20 inauguration, and said talks would resume next month after nearly seven years."
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find(s, dct)
	}
}

// TestSeedArticle checks every time expression of the bundled article.
func TestSeedArticle(t *testing.T) {
	runCases(t, dct, []tcase{
		{"Top Japanese and South Korean diplomats reaffirmed the importance of bilateral cooperation on Jan. 13 here a week ahead of Donald Trump's inauguration to the U.S. presidency for a second time.",
			[]want{{"Jan. 13", "DATE", "2025-01-13"}, {"a week", "DURATION", "P1W"}}},
		{"Iwaya, who is scheduled to attend Trump's inauguration in Washington on Jan. 20, is also arranging a meeting with Marco Rubio, the incoming U.S. secretary of state.",
			[]want{{"Jan. 20", "DATE", "2025-01-20"}}},
		{"The meeting marked the first bilateral visit to South Korea by a Japanese foreign minister in nearly seven years.",
			[]want{{"nearly seven years", "DURATION", "P7Y"}}},
		{"For South Korea, the meeting served to display its diplomatic stability, despite internal political turmoil in Seoul following President Yoon Suk-yeol's declaration of martial law last month.",
			[]want{{"last month", "DATE", "2024-12"}}},
		{"This year marks the 60th anniversary of the normalization of diplomatic relations between Japan and South Korea.",
			[]want{{"This year", "DATE", "2025"}}},
		{"They also agreed on the importance of holding a trilateral foreign ministers' meeting with China in the near future.",
			[]want{{"in the near future", "DATE", "FUTURE_REF"}}},
		{"Iwaya is also scheduled to meet with Choi Sang-mok, South Korea's acting president and deputy prime minister, on Jan. 14.",
			[]want{{"Jan. 14", "DATE", "2025-01-14"}}},
		{"In celebration of the 60th anniversary, Prime Minister Shigeru Ishiba was scheduled to visit Seoul earlier this month, but the trip was canceled due to the ongoing political turmoil in South Korea.",
			[]want{{"earlier this month", "DATE", "2025-01"}}},
	})
}

func BenchmarkFindArticle(b *testing.B) {
	text := "Top Japanese and South Korean diplomats reaffirmed the importance of bilateral cooperation on Jan. 13 here a week ahead of the inauguration to the presidency for a second time. " +
		"In a meeting, the foreign minister and his counterpart emphasized the significance of trilateral cooperation with the United States as well, particularly on security issues. " +
		"The two ministers also shared growing concerns about military cooperation, particularly in light of the ongoing invasion. " +
		"This year marks the 60th anniversary of the normalization of diplomatic relations between the two countries, and the leaders will meet again next month."
	words := len(strings.Fields(text))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, dct)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func TestDayOfMonthAlone(t *testing.T) {
	dct := time.Date(2024, 11, 20, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ in, want string }{
		{"The strike will start on the 25th.", "2024-11-25"},
		{"The strike will start on the 5th.", "2024-12-05"},
		{"The strike started on the 5th.", "2024-11-05"},
		{"The strike started on the 25th.", "2024-10-25"},
	} {
		got := Find(c.in, dct)
		if len(got) != 1 || got[0].Value != c.want {
			t.Errorf("Find(%q, 2024-11-20) = %+v, want one DATE %s", c.in, got, c.want)
		}
	}
	for _, in := range []string{"They marked the 20th anniversary.", "It is the 3rd time."} {
		if got := Find(in, dct); len(got) != 0 {
			t.Errorf("Find(%q) = %+v, want none", in, got)
		}
	}
}

func TestSeasonAsModifier(t *testing.T) {
	dct := time.Date(2024, 9, 24, 0, 0, 0, 0, time.UTC)
	if got := Find("The government cut winter fuel payments.", dct); len(got) != 0 {
		t.Errorf("Find(winter fuel payments) = %+v, want none (a modifier)", got)
	}
	if got := Find("Prices will rise in winter.", dct); len(got) != 1 || got[0].Value != "2024-WI" {
		t.Errorf("Find(in winter) = %+v, want 2024-WI", got)
	}
}

// TestObligationDeadlines checks that a deadline set by "must", "due by"
// or an order ("ordered Okafor to pay") lies ahead of a late-autumn
// publication date, while "must have" guesses about the past.
func TestObligationDeadlines(t *testing.T) {
	day := time.Date(2024, 11, 20, 0, 0, 0, 0, time.UTC)
	runCases(t, day, []tcase{
		{"Okafor was sentenced last week and must report to prison by Jan. 15.", []want{{"last week", "DATE", "2024-W46"}, {"Jan. 15", "DATE", "2025-01-15"}}},
		{"The utility was fined and must pay by Feb. 2.", []want{{"Feb. 2", "DATE", "2025-02-02"}}},
		{"The rent, raised in March, is due by Jan. 3.", []want{{"March", "DATE", "2024-03"}, {"Jan. 3", "DATE", "2025-01-03"}}},
		{"The thieves must have entered on Nov. 2.", []want{{"Nov. 2", "DATE", "2024-11-02"}}},
		{"The judge ordered Okafor to pay $9,000 in fines and to report to prison by Jan. 15.", []want{{"Jan. 15", "DATE", "2025-01-15"}}},
		{"The judge ordered him to surrender his passport by Jan. 6.", []want{{"Jan. 6", "DATE", "2025-01-06"}}},
	})
}
