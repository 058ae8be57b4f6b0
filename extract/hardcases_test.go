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
	if len(ex.Quotes) != 1 || ex.Quotes[0].Speaker != "Ingrid Dahl" || ex.Quotes[0].Text != "We agreed" {
		// Two words are a quote when a name attributes them.
		t.Errorf("Extract quotes = %+v, want \"We agreed\" by Ingrid Dahl", ex.Quotes)
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

// TestSurnameOnly covers people the article names only by surname: a
// gendered pronoun after the speech verb, "told reporters", a family word
// or a direct quote is evidence only a person gives; a company that speaks
// ("it said", "Vantora Corp.") stays out.
func TestSurnameOnly(t *testing.T) {
	text := "Vantora said it would cut 2,000 jobs. Vantora Corp. shares fell 4%.\n\n" +
		"Okonkwo said he would not resign. Lindqvist told reporters the plan was dead.\n\n" +
		"\"We will fight this,\" said Halvorsen. Brennaman's wife declined to comment.\n\n" +
		"Pellegrino said on Tuesday that sales had slowed."
	ex := run(t, text)
	for _, n := range []string{"Okonkwo", "Lindqvist", "Halvorsen", "Brennaman"} {
		wantPerson(t, ex, n)
	}
	for _, bad := range []string{"Vantora", "Vantora Corp.", "Pellegrino"} {
		if _, ok := findPerson(ex, bad); ok {
			t.Errorf("Extract people = %q, want no %q", names(ex), bad)
		}
	}
	var spk []string
	for _, q := range ex.Quotes {
		spk = append(spk, q.Speaker)
	}
	if !slices.Contains(spk, "Halvorsen") {
		t.Errorf("Extract quote speakers = %q, want Halvorsen among them", spk)
	}
}

// TestNamedAfterPerson checks that a name followed by a facility noun
// ("Hallam airport") names the place, not a person.
func TestNamedAfterPerson(t *testing.T) {
	ex := run(t, "The flight landed at Oslo's Edvard J. Hallam airport on Monday. Edvard Hallam Jr. Stadium was closed.")
	if _, ok := findPerson(ex, "Edvard J. Hallam"); ok {
		t.Errorf("Extract people = %q, want no Edvard J. Hallam (an airport)", names(ex))
	}
}

// TestTitleOfTheOrganization covers "<title> of the <organisation> [for X]
// <name>": the organisation and the person are split, and the person keeps
// the whole title as role.
func TestTitleOfTheOrganization(t *testing.T) {
	ex := run(t, "Assistant Secretary of the Navy for Research Dorrit Vancleve defended the plan.\n\n"+
		"Secretary of the Army James Whitlow said no.")
	for name, role := range map[string]string{
		"Dorrit Vancleve": "assistant secretary of the Navy for Research",
		"James Whitlow":   "secretary of the Army",
	} {
		p := wantPerson(t, ex, name)
		if !slices.Contains(p.Roles, role) {
			t.Errorf("Extract %s roles = %q, want %q", name, p.Roles, role)
		}
	}
	for _, o := range ex.Organizations {
		if strings.Contains(o.Name, "Vancleve") || strings.Contains(o.Name, "Whitlow") {
			t.Errorf("Extract organizations has %q, want the person out of it", o.Name)
		}
	}
}

// TestPluralNounIsNoEvent checks that "positive signs" is no signing.
func TestPluralNounIsNoEvent(t *testing.T) {
	ex := run(t, "The lender said it was heartened by early positive signs of recovery.")
	for _, e := range ex.Events {
		if e.Name == "signing" {
			t.Errorf("Extract events has %+v, want no signing from the noun \"signs\"", e)
		}
	}
}

// TestWhenClauseFollowsMainTense checks that a weekday in a when-clause of
// a future-in-the-past sentence is the coming one: published Monday
// 2024-06-10, "would ... when they opened on Friday" is 2024-06-14.
func TestWhenClauseFollowsMainTense(t *testing.T) {
	ex := run(t, "The minister announced that funds would be injected into the markets when they opened on Friday.")
	got := ""
	for _, x := range ex.Timexes {
		if x.Text == "Friday" {
			got = x.Value
		}
	}
	if got != "2024-06-14" {
		t.Errorf("Extract timex Friday = %q, want 2024-06-14", got)
	}
}

// TestOrganizationCues covers organisations named with an acronym in
// parentheses (whose later uses count as mentions of the full name), with
// "and" inside the name, and with police and court cues; places stay out.
func TestOrganizationCues(t *testing.T) {
	ex := run(t, "The Brantwood Aeronautics and Space Company (BASC) said profits rose. The Securities and Exchange Commission (SEC) opened an inquiry.\n\n"+
		"Later the SEC said it would report in May, and BASC declined to comment. The United States (US) and the Metropolitan Police disagreed.\n\n"+
		"Shares of Nordvik Holdings Ltd. fell after the Supreme Court of India ruled.")
	orgs := map[string][]int{}
	for _, o := range ex.Organizations {
		orgs[o.Name] = o.Mentions
	}
	for name, want := range map[string][]int{
		"Brantwood Aeronautics and Space Company": {0, 2},
		"Securities and Exchange Commission":      {1, 2},
		"Metropolitan Police":                     {3},
		"Nordvik Holdings Ltd.":                   {4},
		"Supreme Court of India":                  {4},
	} {
		if got, ok := orgs[name]; !ok || !slices.Equal(got, want) {
			t.Errorf("Extract organization %q mentions = %v (found %v), want %v; all: %v", name, got, ok, want, orgs)
		}
	}
	for _, bad := range []string{"Space Company", "SEC", "BASC", "United States", "US"} {
		if _, ok := orgs[bad]; ok {
			t.Errorf("Extract organizations = %v, want no %q", orgs, bad)
		}
	}
}

// TestQuoteOverSentenceLines covers text with one sentence a line: a quote
// opened in one paragraph runs on through paragraphs with no quote mark to
// the mark that closes it.
func TestQuoteOverSentenceLines(t *testing.T) {
	ex := run(t, "Airline chief Ines Moravec spoke in Lisbon on Monday.\n\n"+
		"\u201cWe will not cut routes this winter.\n\n"+
		"Our customers deserve better than that.\n\n"+
		"This is our top priority,\u201d Moravec said.")
	want := "We will not cut routes this winter. Our customers deserve better than that. This is our top priority"
	for _, q := range ex.Quotes {
		if q.Direct && q.Speaker == "Ines Moravec" && q.Text == want {
			return
		}
	}
	t.Errorf("Extract quotes = %+v, want Ines Moravec saying %q", ex.Quotes, want)
}

// TestMarketCommentators covers the way financial news names analysts:
// a title with a noun inside ("chief market strategist"), a capitalised
// title at the start of a sentence, and the employer after "for"/"at",
// which is an organisation, never a person.
func TestMarketCommentators(t *testing.T) {
	ex := run(t, "Stocks fell on Monday.\n\n"+
		"Dana Holm, the chief market strategist at Veldt Index, said shares would fall. Bill Ostrova, the head trader for Kerrin Capital, agreed.\n\n"+
		"Chief executive Tomas Reyl said in a statement that safety came first. Anton Brisk, an equity strategist for Miller Tabak, said nothing.")
	for name, role := range map[string]string{
		"Dana Holm":    "chief market strategist",
		"Bill Ostrova": "head trader",
		"Tomas Reyl":   "chief executive",
		"Anton Brisk":  "equity strategist",
	} {
		p := wantPerson(t, ex, name)
		if !slices.Contains(p.Roles, role) {
			t.Errorf("Extract %s roles = %q, want %q", name, p.Roles, role)
		}
	}
	if _, ok := findPerson(ex, "Miller Tabak"); ok {
		t.Errorf("Extract people = %q, want no Miller Tabak (the employer)", names(ex))
	}
}

// TestShortQuoteNamesSpeaker checks that a quote too short to keep still
// tells who speaks the unattributed quote that follows it.
func TestShortQuoteNamesSpeaker(t *testing.T) {
	ex := run(t, "Trader Karel Vostig watched the screens.\n\n\"It's carnage,\" he said. \"Confidence is shot to ribbons and we need action now.\"")
	for _, q := range ex.Quotes {
		if q.Speaker == "Karel Vostig" && strings.HasPrefix(q.Text, "Confidence is shot") {
			return
		}
	}
	t.Errorf("Extract quotes = %+v, want Karel Vostig saying \"Confidence is shot ...\"", ex.Quotes)
}

// TestTheDayAcrossSentences checks that "to end the day" and "the next
// day" in a later sentence refer to the day the story reports (Friday,
// 2024-06-07, in an article published Monday 2024-06-10), not to the
// publication date, and that a historical date does not become that day.
func TestTheDayAcrossSentences(t *testing.T) {
	ex := run(t, "Stocks closed at their lowest level since September 11, 2001 on Friday.\n\n"+
		"The index fell 3% to end the day at 7,114. The next day, traders rested.")
	want := map[string]string{"the day": "2024-06-07", "The next day": "2024-06-08"}
	for _, x := range ex.Timexes {
		if w, ok := want[x.Text]; ok {
			if x.Value != w {
				t.Errorf("Extract timex %q = %s, want %s", x.Text, x.Value, w)
			}
			delete(want, x.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("Extract timexes = %+v, missing %v", ex.Timexes, want)
	}
}

// TestEarlierTodayInDatedSentence checks that an event told as "earlier
// today" in a sentence set on another explicit day takes that day, while
// the TIMEX3 value of "earlier today" stays the creation date, as TimeML
// annotates it.
func TestEarlierTodayInDatedSentence(t *testing.T) {
	ex := run(t, "Carmakers reeled this week.\n\n"+
		"At a press conference on June 3, Ilse Varga, chief executive of Nordwerk Motors, which filed for bankruptcy earlier today, outlined a plan.")
	found := false
	for _, e := range ex.Events {
		if e.Name == "bankruptcy" {
			found = true
			if e.Date != "2024-06-03" {
				t.Errorf("Extract event bankruptcy date = %q, want 2024-06-03", e.Date)
			}
		}
	}
	if !found {
		t.Errorf("Extract events = %+v, want a bankruptcy", ex.Events)
	}
	for _, x := range ex.Timexes {
		if x.Text == "earlier today" && x.Value != "2024-06-10" {
			t.Errorf("Extract timex earlier today = %s, want 2024-06-10", x.Value)
		}
	}
}

// TestBareTitleAbroad checks the dateline's country for a bare public-office
// title: kept when the person's sentences name no other country as a
// party, left empty when they do ("BRUSSELS - Prime Minister X said Denmark
// would veto"), and unaffected by destinations ("to visit Lima").
func TestBareTitleAbroad(t *testing.T) {
	ex := run(t, "BRUSSELS (Reuters) - Prime Minister Mette Olsen said on Monday that Denmark would veto the plan.\n\n"+
		"Interior Minister Luc Peeters, who is due to visit Lima next week, said talks would continue.")
	if p := wantPerson(t, ex, "Mette Olsen"); p.Nationality != "" {
		t.Errorf("Extract Mette Olsen nationality = %q, want none (Denmark is named, not Belgium)", p.Nationality)
	}
	if p := wantPerson(t, ex, "Luc Peeters"); p.Nationality != "Belgium" {
		t.Errorf("Extract Luc Peeters nationality = %q, want Belgium (the dateline's country)", p.Nationality)
	}
}

// TestQuoteSpeakerNotCarried covers quotes whose sentence names its own
// speaker or none: the previous speaker is not carried into them, an
// addressee or companion ("alongside X") is not the speaker, and a
// possessive in a time phrase ("after X's remarks") does not speak.
func TestQuoteSpeakerNotCarried(t *testing.T) {
	text := "\"We are very disappointed with the decision,\" said company spokesman Tobias Wren.\n\n" +
		"Senator Ada Kessling, who hails from the same state as the losing bidder, said in a statement \"We are shocked that the ministry chose a foreign firm.\"\n\n" +
		"President Omar Delacroix, speaking at a press conference alongside Kessling, said \"this is a pivotal moment for our economy.\"\n\n" +
		"The watchdog group has called it \"a textbook case of favoritism to a single contractor.\"\n\n" +
		"Days after Kessling's remarks, the ministry said the contract would be revived as an open bid."
	ex := run(t, text)
	want := map[string]string{
		"We are shocked":        "Ada Kessling",
		"this is a pivotal":     "Omar Delacroix",
		"a textbook case":       "",
		"the contract would be": "",
	}
	for prefix, who := range want {
		q, ok := quoteBy(ex, prefix)
		switch {
		case who == "" && ok:
			t.Errorf("Extract quote %q speaker = %q, want no quote (no person says it)", q.Text, q.Speaker)
		case who != "" && (!ok || q.Speaker != who):
			t.Errorf("Extract quote %q = %+v (found %v), want speaker %s", prefix, q, ok, who)
		}
	}
}

// TestTimetablePresent checks that a body sentence in the present tense
// with a date tells a timetable (published Monday 2024-06-10).
func TestTimetablePresent(t *testing.T) {
	for sentence, want := range map[string]string{
		"The vote is set for Friday.":                 "2024-06-14",
		"The results are due on Friday.":              "2024-06-14",
		"The team plays Friday.":                      "2024-06-14",
		"Parliament returns on Friday.":               "2024-06-14",
		"New contracts take effect on Friday.":        "2024-06-14",
		"Voters go to the polls on 1 March.":          "2025-03-01",
		"The team played Friday.":                     "2024-06-07",
		"Parliament did not return on Friday either.": "2024-06-07",
	} {
		ex := run(t, "Schedules\n\n"+sentence)
		got := ""
		for _, x := range ex.Timexes {
			if x.Sentence == 1 {
				got = x.Value
			}
		}
		if got != want {
			t.Errorf("Extract(%q) timex = %q, want %s", sentence, got, want)
		}
	}
}

// TestQuoteEndsSentence checks that a name after a quote that ends its
// sentence ('"is not for sale". Ana Brum announced') is not its speaker.
func TestQuoteEndsSentence(t *testing.T) {
	ex := run(t, "President Luiz Moreno and Commissioner Ana Brum met in Belem.\n\n"+
		"Moreno said the forest \"is not for sale and never will be\". Brum announced new funding.")
	if q, ok := quoteBy(ex, "is not for sale"); ok && q.Speaker != "Luiz Moreno" {
		t.Errorf("Extract quote %q speaker = %q, want Luiz Moreno or none", q.Text, q.Speaker)
	}
}

// TestOfficerAtFirmName splits "<title> at <firm> <name>" into the firm and
// the person, and keeps "and" inside an organisation's name.
func TestOfficerAtFirmName(t *testing.T) {
	ex := run(t, "Chief investment officer at Fort Dunmore Capital Group Charlie Vaskor said the Food and Drug Administration would decide.")
	p := wantPerson(t, ex, "Charlie Vaskor")
	if !slices.Contains(p.Roles, "chief investment officer") {
		t.Errorf("Extract Charlie Vaskor roles = %q, want chief investment officer", p.Roles)
	}
	var orgs []string
	for _, o := range ex.Organizations {
		orgs = append(orgs, o.Name)
	}
	for _, o := range []string{"Fort Dunmore Capital Group", "Food and Drug Administration"} {
		if !slices.Contains(orgs, o) {
			t.Errorf("Extract organizations = %q, want %q among them", orgs, o)
		}
	}
}

// TestNoCountryFromOneTown checks that one town named once does not give
// every bare office holder of the article its country.
func TestNoCountryFromOneTown(t *testing.T) {
	ex := run(t, "Protesters gathered on Monday.\n\n"+
		"Sara Lindqvist, 45, a teacher from Leeds, was among them. Former prime minister John Halloran criticised the plan.")
	if p := wantPerson(t, ex, "John Halloran"); p.Nationality != "" {
		t.Errorf("Extract John Halloran nationality = %q, want none (only a teacher's town is named)", p.Nationality)
	}
}

// TestPageStampsAreNotBody checks that page stamps and correction notes
// are no body sentences, so they never reach the summary.
func TestPageStampsAreNotBody(t *testing.T) {
	ex := run(t, "Bridge collapse kills three\n\nLast modified on Tue 5 Mar 2024 14.05 GMT\n\n"+
		"A road bridge collapsed on Monday night, killing three people.\n\n"+
		"This article was amended on 5 March 2024 to correct the number of injured.\n\n"+
		"Editor's note: An earlier version of this story misstated the mayor's name.")
	for _, s := range ex.Sentences {
		if s.Kind == news.KindBody && (strings.Contains(s.Text, "Last modified") || strings.Contains(s.Text, "amended") || strings.Contains(s.Text, "earlier version")) {
			t.Errorf("Extract sentence %q kind = body, want a caption-like part", s.Text)
		}
	}
}

// TestInitialsWithoutDots checks "coach JJ Redmond": two capitals after a
// title are initials, not an acronym; "the NBA" stays no person.
func TestInitialsWithoutDots(t *testing.T) {
	ex := run(t, "Lakers win\n\nLakers coach JJ Redmond said the NBA season was long.")
	p := wantPerson(t, ex, "JJ Redmond")
	if !slices.Contains(p.Roles, "coach") {
		t.Errorf("Extract JJ Redmond roles = %q, want coach", p.Roles)
	}
	if _, ok := findPerson(ex, "NBA"); ok {
		t.Errorf("Extract people = %q, want no NBA", names(ex))
	}
}

// TestCompanyLikeName checks that a company named like a person ("Thomson
// Reuters") is no person when its shares are spoken of, while a person who
// "said it was" stays one.
func TestCompanyLikeName(t *testing.T) {
	ex := run(t, "Harlan Brooks said it plans to leave the exchange. Harlan Brooks shares closed down 78 cents.\n\n"+
		"Jane Whitcombe said it was time to go.")
	if _, ok := findPerson(ex, "Harlan Brooks"); ok {
		t.Errorf("Extract people = %q, want no Harlan Brooks (its shares trade)", names(ex))
	}
	wantPerson(t, ex, "Jane Whitcombe")
}

// TestTeasersAfterStory checks that a "Featured Articles" block after the
// story gives no body sentences, people or quotes.
func TestTeasersAfterStory(t *testing.T) {
	ex := run(t, "Firm buys back shares\n\nChief executive Jim Halvard said the buyback would start in May.\n\n"+
		"Featured Articles\n\nAs Vice Chair at Brightwater, Kathryn Osterley says boards play an important role in a crisis.")
	if _, ok := findPerson(ex, "Kathryn Osterley"); ok {
		t.Errorf("Extract people = %q, want no Kathryn Osterley (a teaser)", names(ex))
	}
	for _, s := range ex.Sentences {
		if s.Kind == news.KindBody && strings.Contains(s.Text, "Osterley") {
			t.Errorf("Extract sentence %q kind = body, want the teaser kept out", s.Text)
		}
	}
	wantPerson(t, ex, "Jim Halvard")
}

// TestOneWordCompanies checks that a one-word company the article treats
// as one ("Vantexa said it", "the airline Skyrell") is an organisation with
// all its mentions.
func TestOneWordCompanies(t *testing.T) {
	ex := run(t, "Vantexa said it would buy 20 jets from the planemaker Orvane.\n\nVantexa's shares rose. Orvane declined to comment.")
	orgs := map[string][]int{}
	for _, o := range ex.Organizations {
		orgs[o.Name] = o.Mentions
	}
	for name, want := range map[string][]int{"Vantexa": {0, 1}, "Orvane": {0, 2}} {
		if got := orgs[name]; !slices.Equal(got, want) {
			t.Errorf("Extract organization %s mentions = %v, want %v (all: %v)", name, got, want, orgs)
		}
	}
	for _, n := range []string{"Vantexa", "Orvane"} {
		if _, ok := findPerson(ex, n); ok {
			t.Errorf("Extract people = %q, want no %s", names(ex), n)
		}
	}
}

// TestRoleAfterVerb checks roles given or ended by the verb after a name:
// "resigned as" makes a former holder, "was elected"/"was named" a holder,
// and either is evidence of a person with an unknown given name.
func TestRoleAfterVerb(t *testing.T) {
	ex := run(t, "Cabinet shake-up\n\nKarolis Moen resigned as finance minister on Monday after the scandal. Ilvie Sandor was named chief executive on Tuesday.")
	for name, role := range map[string]string{"Karolis Moen": "former finance minister", "Ilvie Sandor": "chief executive"} {
		p := wantPerson(t, ex, name)
		if !slices.Contains(p.Roles, role) {
			t.Errorf("Extract %s roles = %q, want %q", name, p.Roles, role)
		}
	}
}

// TestSubjectNotInRole checks that the sentence's subject before a verb is
// not glued to the title after it: "Police arrested businessman X".
func TestSubjectNotInRole(t *testing.T) {
	ex := run(t, "Arrests\n\nPolice arrested businessman Lars Bergvik on Tuesday in Bergen.")
	if p := wantPerson(t, ex, "Lars Bergvik"); !slices.Equal(p.Roles, []string{"businessman"}) {
		t.Errorf("Extract Lars Bergvik roles = %q, want [businessman]", p.Roles)
	}
}

// TestSpokesmanForCountrysMinistry splits "Spokesman for Iran's Ministry
// of Foreign Affairs Saeed Khatibzadeh": the ministry is an organisation,
// the country is not, and the man is a spokesman.
func TestSpokesmanForCountrysMinistry(t *testing.T) {
	ex := run(t, "Talks denied\n\nSpokesman for Chile's Ministry of Foreign Affairs Saeed Khatibzan on Saturday dismissed the report. Khatibzan said no talks were held.")
	p := wantPerson(t, ex, "Saeed Khatibzan")
	if !slices.Contains(p.Roles, "spokesman") {
		t.Errorf("Extract Saeed Khatibzan roles = %q, want spokesman", p.Roles)
	}
	for _, o := range ex.Organizations {
		if o.Name != "Ministry of Foreign Affairs" {
			t.Errorf("Extract organizations has %q, want only Ministry of Foreign Affairs", o.Name)
		}
	}
}

// TestOrderedToIsAhead checks that what someone is ordered or told to do
// lies after the order (published Monday 2024-06-10).
func TestOrderedToIsAhead(t *testing.T) {
	ex := run(t, "Sentenced\n\nThe former mayor was ordered to report to prison on Feb. 9. He was told to appear in court on Friday.")
	for text, want := range map[string]string{"Feb. 9": "2025-02-09", "Friday": "2024-06-14"} {
		if got := timexValue(ex, text); got != want {
			t.Errorf("Extract timex %q = %q, want %s", text, got, want)
		}
	}
}

// TestShootingStatisticsAreNoEvent checks that a box-score line ("16
// points on seven-for-nine shooting", "shooting 45 percent from the
// field") names no shooting event, while a real shooting still does.
func TestShootingStatisticsAreNoEvent(t *testing.T) {
	ex := run(t, "Harbor Hawks top Pines\n\n"+
		"Marcus Delane scored 16 points on seven-for-nine shooting on Saturday. "+
		"The Hawks finished shooting 45 percent from the field, and Tomas Reyle went 3-of-10 shooting from three-point range. "+
		"Reyle was shooting from the field all night.")
	for _, e := range ex.Events {
		if e.Name == "shooting" {
			t.Errorf("Extract event %q from %q, want no shooting event in a box score", e.Name, e.Text)
		}
	}
	ex = run(t, "Gunfire downtown\n\nPolice said a shooting on Saturday left two people injured near Elm Street.")
	found := false
	for _, e := range ex.Events {
		found = found || e.Name == "shooting"
	}
	if !found {
		t.Errorf("Extract events = %+v, want a shooting", ex.Events)
	}
}

// TestStraightSingleQuotes checks that a quotation in straight single
// marks is a direct quote of the named speaker, while apostrophes
// ("don't", "the Joneses' farm", "the '90s") stay as they are.
func TestStraightSingleQuotes(t *testing.T) {
	text := "Council backs depot\n\n" +
		"'This is a small step toward a fair deal,' Nadia Ostrova told reporters on Monday.\n\n" +
		"Farmers don't expect the Joneses' farm to change, as it has not since the '90s."
	ex := run(t, text)
	ok := false
	for _, q := range ex.Quotes {
		if q.Direct && q.Speaker == "Nadia Ostrova" && q.Text == "This is a small step toward a fair deal" {
			ok = true
		}
	}
	if !ok {
		t.Errorf("Extract(%q) quotes = %+v, want a direct quote by Nadia Ostrova", text, ex.Quotes)
	}
	if got := ex.Sentences[len(ex.Sentences)-1].Text; got != "Farmers don't expect the Joneses' farm to change, as it has not since the '90s." {
		t.Errorf("Extract last sentence = %q, want apostrophes kept", got)
	}
}
