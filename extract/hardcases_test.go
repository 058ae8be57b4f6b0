package extract

import (
	"slices"
	"strings"
	"testing"

	"factdesk/news"
)

// run extracts text as an article published on 2024-06-10 and checks the
// invariants.
func run(t *testing.T, text string) news.Extraction {
	t.Helper()
	doc := news.Document{Path: "t", Published: "2024-06-10", Text: text}
	ex := Extract(doc)
	checkInvariants(t, doc, ex)
	return ex
}

func names(ex news.Extraction) []string {
	var out []string
	for _, p := range ex.People {
		out = append(out, p.Name)
	}
	return out
}

func wantPerson(t *testing.T, ex news.Extraction, name string) news.Person {
	t.Helper()
	p, ok := findPerson(ex, name)
	if !ok {
		t.Fatalf("Extract people = %q, want %q among them", names(ex), name)
	}
	return p
}

func bodyTexts(ex news.Extraction) []string {
	var out []string
	for _, s := range ex.Sentences {
		if s.Kind == news.KindBody {
			out = append(out, s.Text)
		}
	}
	return out
}

func TestCleanKeepsOffsets(t *testing.T) {
	text := "Ministers met in Oslo\u00a0on Monday \u2014 the first time since 2019.\n\n\u201cWe agreed,\u201d said Minister Ingrid Dahl."
	ex := run(t, text)
	if len(ex.Sentences) != 2 {
		t.Fatalf("Extract(%q) sentences = %q, want 2", text, bodyTexts(ex))
	}
	if got := ex.Sentences[1].Text; got != "\u201cWe agreed,\u201d said Minister Ingrid Dahl." {
		t.Errorf("Extract second sentence = %q, want the input bytes with curly quotes", got)
	}
	if len(ex.Quotes) != 0 {
		// Two words are too short to be a quote worth keeping.
		t.Errorf("Extract quotes = %+v, want none for a two-word quote", ex.Quotes)
	}
	s, m := clean(text)
	if strings.ContainsAny(s, "\u00a0\u2014\u201c\u201d") {
		t.Errorf("clean(%q) = %q, want plain punctuation", text, s)
	}
	for i := range len(s) {
		if o := m.orig(i); o < 0 || o > len(text) {
			t.Fatalf("clean map %d -> %d outside the input", i, o)
		}
	}
}

func TestCaptions(t *testing.T) {
	text := "Photo/Illustration Prime Minister Anna Berg greets students in Bergen. (Provided by the Office of the Prime Minister)\n\n" +
		"OSLO - Prime Minister Anna Berg opened a new school on Monday.\n\nBerg said the school would open in August."
	ex := run(t, text)
	if ex.Sentences[0].Kind != news.KindCaption || ex.Sentences[1].Kind != news.KindCaption {
		t.Errorf("Extract caption kinds = %q, %q, want caption, caption", ex.Sentences[0].Kind, ex.Sentences[1].Kind)
	}
	for _, i := range ex.Summary {
		if ex.Sentences[i].Kind != news.KindBody {
			t.Errorf("Extract summary %v includes a %s", ex.Summary, ex.Sentences[i].Kind)
		}
	}
}

func TestDatelines(t *testing.T) {
	for _, tc := range []struct{ text, place, body string }{
		{"NAIROBI\u2014Kenyan officials met on Monday.", "NAIROBI", "Kenyan officials met on Monday."},
		{"WASHINGTON (Reuters) - The Senate voted on Tuesday.", "WASHINGTON", "The Senate voted on Tuesday."},
		{"LONDON, March 3 \u2014 Shares fell sharply.", "LONDON", "Shares fell sharply."},
		{"Lima, Jan. 5 (AP) -- Protesters gathered downtown.", "Lima", "Protesters gathered downtown."},
		{"Anti-war protesters gathered in the city on Sunday.", "", "Anti-war protesters gathered in the city on Sunday."},
		{"KYIV, Ukraine (AP) \u2014 Air raid sirens sounded overnight.", "KYIV", "Air raid sirens sounded overnight."},
		{"NEW YORK/LONDON (Reuters) - Oil prices rose.", "NEW YORK/LONDON", "Oil prices rose."},
		{"BRUSSELS, Jan 5 (Reuters) - Ministers met.", "BRUSSELS", "Ministers met."},
		{"SAN DIEGO, Calif. \u2014 The port reopened.", "SAN DIEGO", "The port reopened."},
	} {
		ex := run(t, tc.text)
		if ex.Dateline != tc.place {
			t.Errorf("Extract(%q).Dateline = %q, want %q", tc.text, ex.Dateline, tc.place)
		}
		if b := bodyTexts(ex); len(b) != 1 || b[0] != tc.body {
			t.Errorf("Extract(%q) body = %q, want %q", tc.text, b, tc.body)
		}
	}
}

func TestBylines(t *testing.T) {
	ex := run(t, "By Jane Doe and John Roe\n\nThe council approved the budget on Monday.")
	if !slices.Equal(ex.Authors, []string{"Jane Doe", "John Roe"}) {
		t.Errorf("Extract(By ...).Authors = %q, want Jane Doe, John Roe", ex.Authors)
	}
	if p := wantPerson(t, ex, "Jane Doe"); !slices.Contains(p.Roles, "author") {
		t.Errorf("Extract(By ...) Jane Doe roles = %q, want author", p.Roles)
	}
	ex = run(t, "The council approved the budget on Monday.\n\n(This article was written by Maria Lopez, a correspondent in Lima, and Tom Reyes.)")
	if !slices.Equal(ex.Authors, []string{"Maria Lopez", "Tom Reyes"}) {
		t.Errorf("Extract(written by ...).Authors = %q, want Maria Lopez, Tom Reyes", ex.Authors)
	}
	if p := wantPerson(t, ex, "Maria Lopez"); !slices.Contains(p.Roles, "correspondent") {
		t.Errorf("Extract(written by ...) Maria Lopez roles = %q, want correspondent", p.Roles)
	}
	if k := ex.Sentences[len(ex.Sentences)-1].Kind; k != news.KindByline {
		t.Errorf("Extract(written by ...) last sentence kind = %q, want byline", k)
	}
	ex = run(t, "By JANE DOE Associated Press\n\nThe council approved the budget on Monday.")
	if !slices.Equal(ex.Authors, []string{"Jane Doe"}) {
		t.Errorf("Extract(By JANE DOE Associated Press).Authors = %q, want Jane Doe", ex.Authors)
	}
	ex = run(t, "The council approved the budget.\n\n(Reporting by Ali Khan in Karachi; Editing by Mark Potter)")
	if !slices.Equal(ex.Authors, []string{"Ali Khan", "Mark Potter"}) {
		t.Errorf("Extract(Reporting by ...).Authors = %q, want Ali Khan, Mark Potter", ex.Authors)
	}
	if p := wantPerson(t, ex, "Mark Potter"); !slices.Contains(p.Roles, "editor") {
		t.Errorf("Extract(Editing by ...) Mark Potter roles = %q, want editor", p.Roles)
	}
	ex = run(t, "By the end of the year, the council will vote again.")
	if len(ex.Authors) != 0 {
		t.Errorf("Extract(By the end ...).Authors = %q, want none", ex.Authors)
	}
}

func TestHeadline(t *testing.T) {
	ex := run(t, "Council approves new budget\n\nThe city council approved the budget on Monday.")
	if ex.Title != "Council approves new budget" || ex.Sentences[0].Kind != news.KindHeadline {
		t.Errorf("Extract headline = %q (%s), want the first line", ex.Title, ex.Sentences[0].Kind)
	}
	doc := news.Document{Title: "Budget approved", Text: "Budget approved\n\nThe council approved it."}
	ex = Extract(doc)
	checkInvariants(t, doc, ex)
	if ex.Title != "Budget approved" || ex.Sentences[0].Kind != news.KindHeadline {
		t.Errorf("Extract(title in front matter) headline = %q (%s), want the title", ex.Title, ex.Sentences[0].Kind)
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"The vote is set for Jan. 20. He will attend.", 2},
		{"The U.S. Senate met. Officials said the U.S. would act.", 2},
		{"Mr. Smith met Gov. Jones and Sen. Brown at 10 a.m. on Monday.", 1},
		{"Capt. Lee and Sgt. Ortiz led the unit. It left at 9 a.m. Officials confirmed it.", 3},
		{"She ranked No. 2 in the world. Her rival was No. 1.", 2},
		{`"We will win," he said. "Nobody doubts it."`, 2},
		{`"Is this the end?" she asked. Nobody answered.`, 2},
		{"The plan (approved Jan. 5. by the board) failed. Critics cheered.", 2},
		{"John F. Kennedy visited Berlin. Crowds cheered.", 2},
		{"First paragraph without a stop\n\nSecond paragraph", 2},
		{"Prices rose 3.5 percent. Analysts were surprised.", 2},
	} {
		ex := run(t, tc.text)
		if len(ex.Sentences) != tc.want {
			var got []string
			for _, s := range ex.Sentences {
				got = append(got, s.Text)
			}
			t.Errorf("Extract(%q) sentences = %q, want %d", tc.text, got, tc.want)
		}
	}
}

func TestPeopleNames(t *testing.T) {
	text := "Finance Minister Park Ji-hoon met European Commission President Ursula von der Leyen and Omar al-Rashid in Brussels on Tuesday.\n\n" +
		"Park said the talks were useful. Von der Leyen did not comment.\n\n" +
		"Officials from Kenya and Brazil also attended, along with Luis de Souza, a trade envoy.\n\n" +
		"In March, Parkinson disease researchers met in Geneva. Monday was busy."
	ex := run(t, text)
	for _, n := range []string{"Park Ji-hoon", "Ursula von der Leyen", "Omar al-Rashid", "Luis de Souza"} {
		wantPerson(t, ex, n)
	}
	p := wantPerson(t, ex, "Park Ji-hoon")
	if !slices.Equal(p.Mentions, []int{0, 1}) {
		t.Errorf("Extract Park Ji-hoon mentions = %v, want [0 1] (Parkinson is not Park)", p.Mentions)
	}
	for _, bad := range []string{"Kenya", "Brazil", "March", "Monday", "Parkinson", "Officials", "European Commission", "Geneva", "In March", "Brussels"} {
		if _, ok := findPerson(ex, bad); ok {
			t.Errorf("Extract people = %q, want no %q", names(ex), bad)
		}
	}
}

func TestSurnameIsWholeWord(t *testing.T) {
	text := "Defense Minister Han Seung-woo met Hana Kovacs, the Hungarian ambassador, on Friday.\n\nHan said the meeting went well. Hana Kovacs agreed."
	ex := run(t, text)
	han := wantPerson(t, ex, "Han Seung-woo")
	if !slices.Equal(han.Mentions, []int{0, 1}) {
		t.Errorf("Extract Han Seung-woo mentions = %v, want [0 1]", han.Mentions)
	}
	hk := wantPerson(t, ex, "Hana Kovacs")
	if hk.Nationality != "Hungary" || !slices.Contains(hk.Roles, "ambassador") {
		t.Errorf("Extract Hana Kovacs = %+v, want a Hungarian ambassador", hk)
	}
}

func TestRoles(t *testing.T) {
	text := "Swedish Foreign Minister Lars Eklund arrived in Nairobi on Monday.\n\n" +
		"He met Amina Wanjiru, Kenya's acting president and deputy prime minister, and Peter Novak, the incoming Czech ambassador to Kenya.\n\n" +
		"Kenya's foreign minister, Joseph Otieno, joined them later.\n\n" +
		"Trade Minister Carla Mendes met her Mexican counterpart, Diego Ruiz, in the afternoon."
	ex := run(t, text)
	for _, tc := range []struct {
		name, role, nat, desc string
	}{
		{"Lars Eklund", "foreign minister", "Sweden", ""},
		{"Amina Wanjiru", "acting president", "Kenya", ""},
		{"Amina Wanjiru", "deputy prime minister", "Kenya", ""},
		{"Peter Novak", "incoming ambassador", "Czechia", ""},
		{"Joseph Otieno", "foreign minister", "Kenya", ""},
		{"Diego Ruiz", "trade minister", "Mexico", "Mexican counterpart"},
	} {
		p := wantPerson(t, ex, tc.name)
		if !slices.Contains(p.Roles, tc.role) || p.Nationality != tc.nat {
			t.Errorf("Extract %s roles = %q, nationality %q, want %q from %s", tc.name, p.Roles, p.Nationality, tc.role, tc.nat)
		}
		if tc.desc != "" && !slices.Contains(p.Descriptions, tc.desc) {
			t.Errorf("Extract %s descriptions = %q, want %q", tc.name, p.Descriptions, tc.desc)
		}
		hasFact := false
		for _, f := range p.Facts {
			if f.Kind == news.FactRole && f.Value == tc.role {
				hasFact = true
			}
		}
		if !hasFact {
			t.Errorf("Extract %s facts = %+v, want a role fact %q with its sentence", tc.name, p.Facts, tc.role)
		}
	}
}

func TestPlacesAndOrganizations(t *testing.T) {
	text := "Officials from the Ministry of Finance and the World Health Organization met in Texas and Osaka.\n\n" +
		"The Liberal Democratic Party and Acme Holdings Inc. welcomed the deal, as did the University of Lagos."
	ex := run(t, text)
	for _, p := range []string{"Osaka", "Texas"} {
		if !slices.ContainsFunc(ex.Places, func(e news.Entity) bool { return e.Name == p }) {
			t.Errorf("Extract places = %+v, want %q", ex.Places, p)
		}
	}
	for _, o := range []string{"Ministry of Finance", "World Health Organization", "Liberal Democratic Party", "Acme Holdings Inc.", "University of Lagos"} {
		if !slices.ContainsFunc(ex.Organizations, func(e news.Entity) bool { return e.Name == o }) {
			t.Errorf("Extract organizations = %+v, want %q", ex.Organizations, o)
		}
	}
	if len(ex.People) != 0 {
		t.Errorf("Extract people = %q, want none", names(ex))
	}
}

func TestQuotes(t *testing.T) {
	text := "Mayor Elena Petrova opened the bridge on Saturday.\n\n" +
		"\u201cThis bridge connects two halves of our city,\u201d Petrova said.\n\n" +
		"\u201cThe work is not finished. We still need lights on the east side.\n\n" +
		"\u201cAnd we need more buses,\u201d she said.\n\n" +
		"\u201cIt took ten years,\u201d said Ivan Sokolov, the chief engineer. \u201cWe are proud of every bolt.\u201d\n\n" +
		"The cost reached $40 million, according to Sokolov.\n\n" +
		"Petrova stressed that the city would repay the loan within five years."
	ex := run(t, text)
	want := []struct {
		speaker, prefix string
		direct          bool
	}{
		{"Elena Petrova", "This bridge connects two halves of our city", true},
		{"Ivan Sokolov", "It took ten years", true},
		{"Ivan Sokolov", "We are proud of every bolt", true},
		{"Elena Petrova", "The work is not finished. We still need lights on the east side. And we need more buses", true},
		{"Elena Petrova", "the city would repay the loan within five years", false},
	}
	for _, w := range want {
		found := false
		for _, q := range ex.Quotes {
			if q.Speaker == w.speaker && q.Direct == w.direct && strings.HasPrefix(q.Text, w.prefix) {
				found = true
			}
		}
		if !found {
			t.Errorf("Extract quotes = %+v, want %q by %s (direct %v)", ex.Quotes, w.prefix, w.speaker, w.direct)
		}
	}
	p := wantPerson(t, ex, "Ivan Sokolov")
	if !slices.Contains(p.Roles, "chief engineer") {
		t.Errorf("Extract Ivan Sokolov roles = %q, want chief engineer", p.Roles)
	}
}

func TestReportedSpeech(t *testing.T) {
	text := "Health Minister Sofia Lindqvist met nurses on Monday.\n\n" +
		"In response, Lindqvist thanked the nurses for their work, stating that the hospital would get new staff.\n\n" +
		"She emphasized the need to train more doctors in rural areas."
	ex := run(t, text)
	for _, prefix := range []string{"the hospital would get new staff", "the need to train more doctors"} {
		found := false
		for _, q := range ex.Quotes {
			if q.Speaker == "Sofia Lindqvist" && !q.Direct && strings.HasPrefix(q.Text, prefix) {
				found = true
			}
		}
		if !found {
			t.Errorf("Extract quotes = %+v, want reported %q by Sofia Lindqvist", ex.Quotes, prefix)
		}
	}
}

func TestSummaryLeadAndOrder(t *testing.T) {
	text := "Photo: Flood waters in the town centre. (Provided by the fire service)\n\n" +
		"VALENCIA - Floods forced thousands of residents from their homes on Tuesday after record rain.\n\n" +
		"Regional President Marta Gil declared an emergency and asked the army for help.\n\n" +
		"The weather service said more rain was expected on Wednesday.\n\n" +
		"Schools in the region will stay closed until Friday, officials said.\n\n" +
		"Gil said the damage would cost hundreds of millions of euros.\n\n" +
		"By Ana Ruiz and Luis Perez"
	ex := run(t, text)
	if len(ex.Summary) != 3 {
		t.Fatalf("Extract summary = %v, want 3", ex.Summary)
	}
	if first := ex.Sentences[ex.Summary[0]].Text; !strings.HasPrefix(first, "Floods forced") {
		t.Errorf("Extract summary starts with %q, want the lead", first)
	}
}

func TestOtherHouseStyles(t *testing.T) {
	text := "The home secretary, Priya Nair, said on Monday that police numbers would rise.\n\n" +
		"Mr Okonkwo, 52, the party's deputy leader, disagreed. Sir Alan Frost said the plan was sound.\n\n" +
		"Nair told reporters that she expected a vote within weeks.\n\n" +
		"Gov. Ray Dalton signed the bill, according to his office."
	ex := run(t, text)
	if p := wantPerson(t, ex, "Priya Nair"); !slices.Contains(p.Roles, "home secretary") {
		t.Errorf("Extract Priya Nair roles = %q, want home secretary", p.Roles)
	}
	if p := wantPerson(t, ex, "Okonkwo"); !slices.Contains(p.Roles, "deputy leader") {
		t.Errorf("Extract Okonkwo roles = %q, want deputy leader", p.Roles)
	}
	wantPerson(t, ex, "Alan Frost")
	if p := wantPerson(t, ex, "Ray Dalton"); !slices.Contains(p.Roles, "governor") {
		t.Errorf("Extract Ray Dalton roles = %q, want governor", p.Roles)
	}
	found := false
	for _, q := range ex.Quotes {
		if q.Speaker == "Priya Nair" && !q.Direct && strings.HasPrefix(q.Text, "she expected a vote") {
			found = true
		}
	}
	if !found {
		t.Errorf("Extract quotes = %+v, want reported speech by Priya Nair", ex.Quotes)
	}
}

func TestAsianNamesAndNonPeople(t *testing.T) {
	text := "Mongolian leader Batbayar Enkh Amgalan met Vietnamese Prime Minister Tran Van Minh in Hanoi on Tuesday, state media said.\n\n" +
		"Tran and Batbayar discussed trade. Taiwan's President Lin Chia-hao said the meeting was welcome.\n\n" +
		"Hurricane Milton hit Florida last week. The Supreme Court and the White House declined to comment. " +
		"The Champions League final will be held in Qatar. Black Friday shoppers crowded Times Square.\n\n" +
		"According to Lin, the island will hold drills in December. Speaking at Capitol Hill, Senator Rosa Delgado urged restraint."
	ex := run(t, text)
	for _, tc := range []struct{ name, role, nat string }{
		{"Batbayar Enkh Amgalan", "leader", "Mongolia"},
		{"Tran Van Minh", "prime minister", "Vietnam"},
		{"Lin Chia-hao", "president", "Taiwan"},
		{"Rosa Delgado", "senator", ""},
	} {
		p := wantPerson(t, ex, tc.name)
		if !slices.Contains(p.Roles, tc.role) || (tc.nat != "" && p.Nationality != tc.nat) {
			t.Errorf("Extract %s = roles %q, nationality %q, want %q from %q", tc.name, p.Roles, p.Nationality, tc.role, tc.nat)
		}
	}
	if p := wantPerson(t, ex, "Lin Chia-hao"); !slices.Equal(p.Mentions, []int{2, 7}) {
		t.Errorf("Extract Lin Chia-hao mentions = %v, want [2 7]", p.Mentions)
	}
	if len(ex.People) != 4 {
		t.Errorf("Extract people = %q, want only the four people", names(ex))
	}
}

func TestNominalSpeakerAndAgencyDateline(t *testing.T) {
	text := "(CNN) - Energy Minister Pablo Herrera announced new tariffs on Monday.\n\n" +
		"\u201cWe cannot keep subsidising imports forever,\u201d the minister said.\n\n" +
		"By Jane Doe, Staff Writer"
	ex := run(t, text)
	if ex.Sentences[0].Kind != news.KindDateline || !strings.HasPrefix(bodyTexts(ex)[0], "Energy Minister") {
		t.Errorf("Extract((CNN) - ...) first sentences = %q (%s), want the agency as a dateline", ex.Sentences[0].Text, ex.Sentences[0].Kind)
	}
	if len(ex.Quotes) != 1 || ex.Quotes[0].Speaker != "Pablo Herrera" {
		t.Errorf("Extract quotes = %+v, want one by Pablo Herrera (\"the minister said\")", ex.Quotes)
	}
	if p := wantPerson(t, ex, "Jane Doe"); !slices.Contains(p.Roles, "writer") {
		t.Errorf("Extract Jane Doe roles = %q, want writer", p.Roles)
	}
}

func TestTitleCaseHeadline(t *testing.T) {
	ex := run(t, "Defense Minister Rosa Delgado Set To Visit Lima Amid Trade Row\n\nDefense Minister Rosa Delgado will visit Lima on Friday.")
	if !slices.Equal(names(ex), []string{"Rosa Delgado"}) {
		t.Errorf("Extract(title-case headline) people = %q, want only Rosa Delgado", names(ex))
	}
	if p := wantPerson(t, ex, "Rosa Delgado"); !slices.Equal(p.Mentions, []int{0, 1}) {
		t.Errorf("Extract(title-case headline) Rosa Delgado mentions = %v, want [0 1]", p.Mentions)
	}
}

func TestQuoteAfterAttribution(t *testing.T) {
	text := "Central bank governor Lena Ortiz spoke after the meeting.\n\nOrtiz told reporters on Monday: \u201cInflation is falling faster than we expected.\u201d"
	ex := run(t, text)
	if len(ex.Quotes) != 1 || ex.Quotes[0].Speaker != "Lena Ortiz" || !ex.Quotes[0].Direct {
		t.Errorf("Extract quotes = %+v, want one direct quote by Lena Ortiz", ex.Quotes)
	}
}

func TestRoleClauses(t *testing.T) {
	text := "Sara Lindgren, who is the Finnish trade minister, met Omar Haddad in Helsinki.\n\n" +
		"Haddad is the chief executive of Nordic Freight.\n\nPeter Kask, now the Estonian ambassador, also attended."
	ex := run(t, text)
	for _, tc := range []struct{ name, role, nat string }{
		{"Sara Lindgren", "trade minister", "Finland"},
		{"Omar Haddad", "chief executive", ""},
		{"Peter Kask", "ambassador", "Estonia"},
	} {
		p := wantPerson(t, ex, tc.name)
		if !slices.Contains(p.Roles, tc.role) || p.Nationality != tc.nat {
			t.Errorf("Extract %s = roles %q, nationality %q, want %q from %q", tc.name, p.Roles, p.Nationality, tc.role, tc.nat)
		}
	}
	if p := wantPerson(t, ex, "Omar Haddad"); !slices.Contains(p.Descriptions, "chief executive of Nordic Freight") {
		t.Errorf("Extract Omar Haddad descriptions = %q, want chief executive of Nordic Freight", p.Descriptions)
	}
}

func TestNounBeforeTitle(t *testing.T) {
	ex := run(t, "Stocks rose after Canadian bank chief Marie Tremblay said rates would fall.")
	p := wantPerson(t, ex, "Marie Tremblay")
	// The noun before the title stays in the role: "bank chief".
	if !slices.Contains(p.Roles, "bank chief") || p.Nationality != "Canada" {
		t.Errorf("Extract Marie Tremblay = roles %q, nationality %q, want bank chief from Canada", p.Roles, p.Nationality)
	}
}
