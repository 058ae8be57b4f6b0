package extract

import (
	"slices"
	"testing"

	"factdesk/news"
)

func TestBylineAffiliations(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Farm output shrinks\n\nBy Jane Roe Of Rochester Institute Of Technology and John Doe Of The Associated Press\n\nALBANY, N.Y. (AP) — Farmer Carl Lund said the herd shrank.",
			[]string{"Jane Roe", "John Doe"}},
		{"Farm output shrinks\n\nBy JANE ROE, Associated Press\n\nALBANY, N.Y. (AP) — Farmer Carl Lund said the herd shrank.",
			[]string{"Jane Roe"}},
	} {
		ex := run(t, tc.text)
		if got := ex.Authors; !slices.Equal(got, tc.want) {
			t.Errorf("Extract(%q) authors = %q, want %q", tc.text, got, tc.want)
		}
		for _, n := range names(ex) {
			if n != "Carl Lund" && !slices.Contains(tc.want, n) {
				t.Errorf("Extract(%q) people = %q, want no %q", tc.text, names(ex), n)
			}
		}
	}
}

func TestFurnitureBeforeDateline(t *testing.T) {
	text := "Farm output shrinks in the valley\n\nBy Jane Roe\nMay 7th, 2024, 01:01 PM\n\nUpdated 3:14 PM EDT, March 4, 2024\n\nPublished 10:02 AM\n\nAdvertisement\n\nShare\n\nPhotograph: Ann Poe/Reuters\n\nA farmer feeds calves at a barn. (AP Photo/Bob Moe)\n\n___\n\nALBANY, N.Y. (AP) — Farmer Carl Lund said the herd shrank by a third this year.\n\nHe blamed feed prices."
	ex := run(t, text)
	if ex.Dateline != "ALBANY" {
		t.Errorf("Extract(%q) dateline = %q, want %q", text, ex.Dateline, "ALBANY")
	}
	want := []string{"Farmer Carl Lund said the herd shrank by a third this year.", "He blamed feed prices."}
	if got := bodyTexts(ex); !slices.Equal(got, want) {
		t.Errorf("Extract(%q) body = %q, want %q", text, got, want)
	}
	for _, i := range ex.Summary {
		if s := ex.Sentences[i]; s.Kind != news.KindBody {
			t.Errorf("Extract(%q) summary has %s %q, want body sentences only", text, s.Kind, s.Text)
		}
	}
	for _, n := range []string{"Ann Poe", "Bob Moe"} {
		if _, ok := findPerson(ex, n); ok {
			t.Errorf("Extract(%q) people = %q, want no photo credit %q", text, names(ex), n)
		}
	}
	wantPerson(t, ex, "Carl Lund")
}

func TestCaptionEndingInAgencyBeforeDateline(t *testing.T) {
	text := "- Home forward Tom Rye screams after scoring a basket during the win over the visitors. (AP)\n\nDENVER (AP) — The home side won its fifth straight game on Sunday."
	ex := run(t, text)
	if ex.Dateline != "DENVER" {
		t.Errorf("Extract(%q) dateline = %q, want %q", text, ex.Dateline, "DENVER")
	}
	want := []string{"The home side won its fifth straight game on Sunday."}
	if got := bodyTexts(ex); !slices.Equal(got, want) {
		t.Errorf("Extract(%q) body = %q, want %q", text, got, want)
	}
	if _, ok := findPerson(ex, "Tom Rye"); ok {
		t.Errorf("Extract(%q) people = %q, want no %q (named only in the lead photo's caption)", text, names(ex), "Tom Rye")
	}
}

func TestCreditTaglines(t *testing.T) {
	text := "ALBANY, N.Y. (AP) — Farmer Carl Lund said the herd shrank by a third this year.\n\nAssociated Press writer Sam Doe in Salt Lake City contributed to this report.\n\n— With assistance from Kim Lee."
	ex := run(t, text)
	want := []string{"Farmer Carl Lund said the herd shrank by a third this year."}
	if got := bodyTexts(ex); !slices.Equal(got, want) {
		t.Errorf("Extract(%q) body = %q, want %q", text, got, want)
	}
	if got := ex.Authors; !slices.Equal(got, []string{"Sam Doe", "Kim Lee"}) {
		t.Errorf("Extract(%q) authors = %q, want %q", text, got, []string{"Sam Doe", "Kim Lee"})
	}
	if p := wantPerson(t, ex, "Sam Doe"); !slices.Equal(p.Roles, []string{"contributor"}) {
		t.Errorf("Extract(%q) Sam Doe roles = %q, want [contributor] (a credit, not a newsmaker)", text, p.Roles)
	}
	for _, s := range ex.Sentences {
		if s.Kind != news.KindBody && s.Kind != news.KindDateline && s.Kind != news.KindByline {
			t.Errorf("Extract(%q) sentence %s %q, want body, dateline or byline", text, s.Kind, s.Text)
		}
	}
}

func TestCreditLineKeepsText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Photograph: Ann Poe/Reuters", true},
		{"(AP Photo/Bob Moe)", true},
		{"Ann Poe/Getty Images", true},
		{"AP/NORC poll shows support falling.", false},
		{"The vote was 5/4 in favour.", false},
	} {
		if got := creditLine(tc.in); got != tc.want {
			t.Errorf("creditLine(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestTitleAfterAdvertisement(t *testing.T) {
	text := "Advertisement\n\nCoach Wins in Return to Albany\n\nShare\nFrom Associated Press\n\nCoach Carl Lund won his debut on Sunday, thanks to a late basket."
	doc := news.Document{Path: "t", Published: "2024-06-10", Title: "Coach Wins in Return to Albany", Text: text}
	ex := Extract(doc)
	checkInvariants(t, doc, ex)
	want := []string{"Coach Carl Lund won his debut on Sunday, thanks to a late basket."}
	if got := bodyTexts(ex); !slices.Equal(got, want) {
		t.Errorf("Extract(%q) body = %q, want %q", text, got, want)
	}
}
