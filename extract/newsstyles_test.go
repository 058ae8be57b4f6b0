package extract

// Hard cases in the styles of several news sources (Reuters, AP, UK,
// Yonhap, US politics, business, courts, sports), each a small article
// written for this test, named after the defect it guards against.

import (
	"slices"
	"strings"
	"testing"

	"factdesk/news"
)

// runAt extracts text as an article published on date.
func runAt(t *testing.T, date, text string) news.Extraction {
	t.Helper()
	doc := news.Document{Path: "t", Published: date, Text: text}
	ex := Extract(doc)
	checkInvariants(t, doc, ex)
	return ex
}

func quoteBy(ex news.Extraction, textPrefix string) (news.Quote, bool) {
	for _, q := range ex.Quotes {
		if len(q.Text) >= len(textPrefix) && q.Text[:len(textPrefix)] == textPrefix {
			return q, true
		}
	}
	return news.Quote{}, false
}

func timexValue(ex news.Extraction, text string) string {
	for _, tx := range ex.Timexes {
		if tx.Text == text {
			return tx.Value
		}
	}
	return "<none>"
}

func eventNamed(ex news.Extraction, name string) (news.Event, bool) {
	for _, e := range ex.Events {
		if e.Name == name {
			return e, true
		}
	}
	return news.Event{}, false
}

func TestPronounSpeakerIsLatestSubject(t *testing.T) {
	text := "The county board voted on Monday to close the old bridge.\n\n" +
		"Supervisor Ellen Park, who voted against, said the closure was rushed. \"We were not consulted,\" Park said.\n\n" +
		"Local baker Tomas Ruiz, 52, welcomed the vote. \"The bridge has been unsafe for years,\" he said.\n\n" +
		"\"I will keep fighting this,\" Park said later. \"It is far from over,\" she added."
	ex := run(t, text)
	for _, c := range []struct{ text, speaker string }{
		{"We were not consulted", "Ellen Park"},
		{"The bridge has been unsafe", "Tomas Ruiz"},
		{"I will keep fighting", "Ellen Park"},
		{"It is far from over", "Ellen Park"},
	} {
		q, ok := quoteBy(ex, c.text)
		if !ok || q.Speaker != c.speaker {
			t.Errorf("Extract quote %q speaker = %q (found %v), want %q", c.text, q.Speaker, ok, c.speaker)
		}
	}
}

func TestAccordingToNamesTheSourceOnly(t *testing.T) {
	text := "Harold Vance left the company on Friday.\n\n" +
		"According to the Daily Ledger, which first reported Vance's departure, a person \"with close knowledge of the matter\" said he had been pushed out.\n\n" +
		"\"We wish him well,\" according to spokeswoman Rita Lomax."
	ex := run(t, text)
	if q, ok := quoteBy(ex, "with close knowledge"); ok {
		t.Errorf("Extract quote %q speaker = %q, want no quote (an anonymous source)", q.Text, q.Speaker)
	}
	if q, ok := quoteBy(ex, "We wish him well"); !ok || q.Speaker != "Rita Lomax" {
		t.Errorf("Extract quote \"We wish him well\" = %+v (found %v), want speaker Rita Lomax", q, ok)
	}
}

func TestDatelineWithDayFirstDate(t *testing.T) {
	text := "LONDON, 20 January \u2014 The Home Secretary, Priya Anand, will visit Dover on 3 February, her office said on Friday.\n\n" +
		"BERLIN, Jan. 4 (dpa) - Chancellor Lena Brandt met union leaders on Thursday."
	ex := runAt(t, "2024-01-20", text)
	if ex.Dateline != "LONDON" {
		t.Errorf("Extract dateline = %q, want LONDON", ex.Dateline)
	}
	if ex.Sentences[0].Kind != news.KindDateline {
		t.Errorf("Extract first sentence kind = %q, want dateline", ex.Sentences[0].Kind)
	}
	if got := timexValue(ex, "3 February"); got != "2024-02-03" {
		t.Errorf("Extract timex \"3 February\" = %q, want 2024-02-03", got)
	}
}

func TestAppositiveTitleBeforeName(t *testing.T) {
	text := "The Prime Minister, Rishi Sunak, will meet the Chancellor, Jeremy Hunt, on Monday.\n\n" +
		"The company named Rosa Delgado as its new chief executive. Delgado is currently the global head of product development.\n\n" +
		"It also named head of finance Omar Haddad as president. Jusman Rahardjo, the minister of transport, objected."
	ex := runAt(t, "2024-01-20", text)
	for _, c := range []struct{ name, role string }{
		{"Rishi Sunak", "prime minister"},
		{"Jeremy Hunt", "chancellor"},
		{"Rosa Delgado", "chief executive"},
		{"Omar Haddad", "head of finance"},
		{"Jusman Rahardjo", "minister of transport"},
	} {
		p := wantPerson(t, ex, c.name)
		if !slices.Contains(p.Roles, c.role) {
			t.Errorf("Extract %s roles = %q, want %q among them", c.name, p.Roles, c.role)
		}
	}
}

func TestRolePhraseKeepsInnerWords(t *testing.T) {
	text := "\"This is a clear signal,\" said Josep Borrell, the EU's foreign policy chief, after the meeting."
	ex := runAt(t, "2024-06-21", text)
	p := wantPerson(t, ex, "Josep Borrell")
	if !slices.Contains(p.Roles, "foreign policy chief") {
		t.Errorf("Extract Josep Borrell roles = %q, want \"foreign policy chief\"", p.Roles)
	}
}

func TestNicknameMergesWithFullName(t *testing.T) {
	text := "Chief operating officer Timothy D. Cook will run daily operations.\n\n" +
		"Analysts said Tim Cook had done so before. Tim has the board's trust, one said."
	ex := run(t, text)
	n := 0
	for _, p := range ex.People {
		if p.Name == "Tim Cook" || p.Name == "Timothy D. Cook" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Extract people = %q, want Timothy D. Cook and Tim Cook as one person", names(ex))
	}
}

func TestCompanyOfficerHasNoNationality(t *testing.T) {
	text := "WASHINGTON - Apple's senior vice president Rob Lindqvist will retire, the company said. " +
		"President Joe Biden praised the economy on Monday."
	ex := run(t, text)
	p := wantPerson(t, ex, "Rob Lindqvist")
	if p.Nationality != "" {
		t.Errorf("Extract Rob Lindqvist nationality = %q, want none (a company's officer)", p.Nationality)
	}
}

func TestTenseAcrossClauses(t *testing.T) {
	text := "French President Emmanuel Macron, who is due to visit Washington on Tuesday, welcomed the decision.\n\n" +
		"Janet Yellen said the government would run out of cash by June 5 unless Congress raised the limit.\n\n" +
		"The talks, first planned for 15 December, were postponed after a vote."
	ex := runAt(t, "2024-01-20", text)
	for _, c := range []struct{ text, want string }{
		{"Tuesday", "2024-01-23"},
		{"June 5", "2024-06-05"},
		{"15 December", "2023-12-15"},
	} {
		if got := timexValue(ex, c.text); got != c.want {
			t.Errorf("Extract timex %q = %q, want %q", c.text, got, c.want)
		}
	}
	if e, ok := eventNamed(ex, "visit"); !ok || !slices.Contains(e.Participants, "Emmanuel Macron") || e.Status != news.StatusScheduled {
		t.Errorf("Extract visit = %+v (found %v), want Emmanuel Macron, scheduled", e, ok)
	}
	for _, e := range ex.Events {
		if e.Text == "talks" && e.Status != news.StatusCanceled {
			t.Errorf("Extract talks status = %q, want canceled (postponed from a past date)", e.Status)
		}
	}
}

func TestAheadOfAndPostponedStatus(t *testing.T) {
	text := "BRUSSELS (Reuters) - Ministers agreed on Friday to new sanctions, diplomats said, ahead of a summit in Brussels next week.\n\n" +
		"The vote was postponed twice last month because Hungary objected."
	ex := runAt(t, "2024-06-21", text)
	if e, ok := eventNamed(ex, "summit"); !ok || e.Status != news.StatusScheduled {
		t.Errorf("Extract summit = %+v (found %v), want status scheduled", e, ok)
	}
	if e, ok := eventNamed(ex, "vote"); !ok || e.Status != news.StatusCanceled {
		t.Errorf("Extract vote = %+v (found %v), want status canceled", e, ok)
	}
}

func TestToldReportersIsReportedSpeech(t *testing.T) {
	text := "German Foreign Minister Annalena Baerbock told reporters the measures would take effect on July 1.\n\n" +
		"Finance Minister Karl Olsen told the BBC it was too early to say."
	ex := runAt(t, "2024-06-21", text)
	if q, ok := quoteBy(ex, "the measures would take effect"); !ok || q.Speaker != "Annalena Baerbock" || q.Direct {
		t.Errorf("Extract reported quote = %+v (found %v), want Annalena Baerbock, indirect", q, ok)
	}
	if q, ok := quoteBy(ex, "it was too early"); !ok || q.Speaker != "Karl Olsen" {
		t.Errorf("Extract reported quote = %+v (found %v), want Karl Olsen", q, ok)
	}
}

func TestTitleOfPlaceAndCompanyOfficers(t *testing.T) {
	text := "President of the United States Carl Jensen spoke on Monday.\n\n" +
		"The Vice President and general counsel of the company, Mark Ellery, declined to comment.\n\n" +
		"Minister Alice Brown, the finance minister of Ruritania, said the budget was balanced."
	ex := run(t, text)
	if p := wantPerson(t, ex, "Carl Jensen"); !slices.Contains(p.Roles, "president") || p.Nationality != "United States" {
		t.Errorf("Extract Carl Jensen = %q %q, want president of the United States", p.Roles, p.Nationality)
	}
	if p := wantPerson(t, ex, "Mark Ellery"); !slices.Contains(p.Roles, "general counsel") || p.Nationality != "" {
		t.Errorf("Extract Mark Ellery = %q %q, want general counsel with no nationality", p.Roles, p.Nationality)
	}
	if p := wantPerson(t, ex, "Alice Brown"); slices.Contains(p.Roles, "minister") || !slices.Contains(p.Roles, "finance minister") {
		t.Errorf("Extract Alice Brown roles = %q, want finance minister without the vaguer minister", p.Roles)
	}
}

func TestMoreEventTriggers(t *testing.T) {
	text := "The chairman plans to stand down on January 15, the company said.\n\n" +
		"In a July 16 press conference, the chief executive said buyers would get a free case.\n\n" +
		"A European Commission review was held in Brussels on November 28."
	ex := runAt(t, "2010-08-09", text)
	for _, c := range []struct{ name, date, status string }{
		{"resignation", "2011-01-15", news.StatusPlanned},
		{"press conference", "2010-07-16", news.StatusHappened},
		{"review", "2009-11-28", news.StatusHappened},
	} {
		e, ok := eventNamed(ex, c.name)
		if !ok || e.Date != c.date || e.Status != c.status {
			t.Errorf("Extract event %q = %+v (found %v), want date %s, %s", c.name, e, ok, c.date, c.status)
		}
	}
}

func TestPronounTakesPartOnlyWithParticipationVerb(t *testing.T) {
	text := "Senator Ruth Okafor spoke in Denver on Monday. She pointed to the bankruptcy of a local carmaker as a warning. She attended the summit in Denver last week."
	ex := run(t, text)
	for _, e := range ex.Events {
		if e.Name == "bankruptcy" && slices.Contains(e.Participants, "Ruth Okafor") {
			t.Errorf("Extract bankruptcy participants = %q, want no Ruth Okafor (she only mentioned it)", e.Participants)
		}
		if e.Name == "summit" && !slices.Contains(e.Participants, "Ruth Okafor") {
			t.Errorf("Extract summit participants = %q, want Ruth Okafor (she attended)", e.Participants)
		}
	}
}

func TestAPStyleArticle(t *testing.T) {
	text := "By Lucia Herrera and Tom Fielding\n\n" +
		"BRUSSELS, March 3 (AP) \u2014 European Commission President Ursula von der Leyen will hold talks with Saudi Crown Prince Mohammed bin Salman in Riyadh on Thursday, her spokesman said.\n\n" +
		"\"We are building a partnership,\" von der Leyen told reporters. \"This is not about one deal.\n\n" +
		"\"It is about a long relationship,\" she added.\n\n" +
		"Lt. Col. Anna Kowalski said the trip was planned. Det. Sgt. James Whitfield of the city police declined to comment."
	ex := runAt(t, "2024-03-03", text)
	if ex.Dateline != "BRUSSELS" || !slices.Equal(ex.Authors, []string{"Lucia Herrera", "Tom Fielding"}) {
		t.Errorf("Extract dateline, authors = %q, %q, want BRUSSELS, [Lucia Herrera Tom Fielding]", ex.Dateline, ex.Authors)
	}
	if got := timexValue(ex, "Thursday"); got != "2024-03-07" {
		t.Errorf("Extract \"will hold talks ... on Thursday\" = %q, want the coming Thursday 2024-03-07", got)
	}
	p := wantPerson(t, ex, "Ursula von der Leyen")
	if !slices.Contains(p.Aliases, "von der Leyen") {
		t.Errorf("Extract Ursula von der Leyen aliases = %q, want \"von der Leyen\"", p.Aliases)
	}
	for _, c := range []struct{ name, role string }{
		{"Mohammed bin Salman", "crown prince"},
		{"Anna Kowalski", "lieutenant colonel"},
		{"James Whitfield", "detective sergeant"},
	} {
		if p := wantPerson(t, ex, c.name); !slices.Contains(p.Roles, c.role) {
			t.Errorf("Extract %s roles = %q, want %q", c.name, p.Roles, c.role)
		}
	}
	if q, ok := quoteBy(ex, "This is not about one deal"); !ok || q.Speaker != "Ursula von der Leyen" {
		t.Errorf("Extract quote across paragraphs = %+v (found %v), want speaker Ursula von der Leyen", q, ok)
	}
	if e, ok := eventNamed(ex, "meeting"); !ok || e.Date != "2024-03-07" || e.Place != "Riyadh" || e.Status != news.StatusScheduled {
		t.Errorf("Extract meeting = %+v (found %v), want 2024-03-07 Riyadh scheduled", e, ok)
	}
}

func TestUnclosedQuoteAfterColon(t *testing.T) {
	text := "The carmaker named Rosa Delgado as its new chief executive on Tuesday.\n\n" +
		"She said in a statement: \"With an amazing line-up of cars, this is an exciting time for us.\n\n" +
		"Delgado starts in January."
	ex := runAt(t, "2013-12-10", text)
	if q, ok := quoteBy(ex, "With an amazing line-up"); !ok || q.Speaker != "Rosa Delgado" || !q.Direct {
		t.Errorf("Extract unclosed quote = %+v (found %v), want a direct quote by Rosa Delgado", q, ok)
	}
}

func TestSentenceFinalSourceIsNotParticipant(t *testing.T) {
	text := "PORTLAND, Ore. \u2014 The city council voted 4-1 on Monday to build new cycle lanes, Mayor Ted Wheeler announced.\n\n" +
		"Senate Majority Leader Chuck Schumer said the talks were useful.\n\n" +
		"Minister Sven Aalto, who is scheduled to attend the president's inauguration in Helsinki on March 1, declined to comment."
	ex := runAt(t, "2024-02-13", text)
	if e, ok := eventNamed(ex, "vote"); !ok || slices.Contains(e.Participants, "Ted Wheeler") {
		t.Errorf("Extract vote = %+v (found %v), want no Ted Wheeler among participants (he announced it)", e, ok)
	}
	if p := wantPerson(t, ex, "Chuck Schumer"); !slices.Contains(p.Roles, "senate majority leader") {
		t.Errorf("Extract Chuck Schumer roles = %q, want \"senate majority leader\"", p.Roles)
	}
	if e, ok := eventNamed(ex, "inauguration"); !ok || !slices.Contains(e.Participants, "Sven Aalto") || e.Date != "2024-03-01" {
		t.Errorf("Extract inauguration = %+v (found %v), want Sven Aalto attending on 2024-03-01", e, ok)
	}
}

func TestUKPoliceRanksWithoutStops(t *testing.T) {
	text := "Man charged after city centre stabbing\n\nBy Sarah Whitcombe, BBC News\n\n" +
		"A man has been charged after a stabbing in Leeds city centre on Saturday night.\n\n" +
		"Det Insp Claire Barton said: \"This was a shocking attack on a busy street.\"\n\n" +
		"Mrs Barton added that officers had spoken to more than 40 people. \"The public response has been fantastic,\" she said."
	ex := runAt(t, "2024-03-18", text)
	p := wantPerson(t, ex, "Claire Barton")
	if !slices.Contains(p.Roles, "detective inspector") {
		t.Errorf("Extract Claire Barton roles = %q, want detective inspector", p.Roles)
	}
	if q, ok := quoteBy(ex, "The public response"); !ok || q.Speaker != "Claire Barton" {
		t.Errorf("Extract quote = %+v (found %v), want Claire Barton", q, ok)
	}
	if e, ok := eventNamed(ex, "attack"); !ok || e.Date != "2024-03-16" || e.Place != "Leeds" {
		t.Errorf("Extract stabbing = %+v (found %v), want attack on 2024-03-16 in Leeds", e, ok)
	}
}

func TestQuoteAttributionForms(t *testing.T) {
	text := "Health Minister Karen Olsen announced the new rules on Monday.\n\n" +
		"Opposition leader Per-Arne Lund criticised the plan. \"The government has wasted three whole weeks,\" Lund wrote on social media.\n\n" +
		"\"People are tired of this,\" said Ingrid Moe, a nurse in Bergen. \"But we will get through this.\"\n\n" +
		"\"The rules are far too strict for small shops,\" a spokesman for the retailers said.\n\n" +
		"The minister warned that \"further restrictions cannot be ruled out.\"\n\n" +
		"Lund's deputy, Kari Holm, said the party would vote against."
	ex := runAt(t, "2021-01-04", text)
	for _, c := range []struct{ text, speaker string }{
		{"The government has wasted", "Per-Arne Lund"},
		{"People are tired", "Ingrid Moe"},
		{"But we will get through", "Ingrid Moe"},
		{"further restrictions", "Karen Olsen"},
	} {
		if q, ok := quoteBy(ex, c.text); !ok || q.Speaker != c.speaker {
			t.Errorf("Extract quote %q = %+v (found %v), want speaker %s", c.text, q, ok, c.speaker)
		}
	}
	if q, ok := quoteBy(ex, "The rules are far too strict"); ok {
		t.Errorf("Extract quote by an unnamed spokesman = %+v, want none", q)
	}
	if p := wantPerson(t, ex, "Per-Arne Lund"); !slices.Contains(p.Roles, "opposition leader") {
		t.Errorf("Extract Per-Arne Lund roles = %q, want opposition leader", p.Roles)
	}
	if p := wantPerson(t, ex, "Kari Holm"); !slices.Contains(p.Roles, "deputy") {
		t.Errorf("Extract Kari Holm roles = %q, want deputy", p.Roles)
	}
}

func TestCapitalisedStatesIsNoSpeechVerb(t *testing.T) {
	text := "President Maria Lind spoke on Monday.\n\n" +
		"She said children should live in \"a country that still makes things,\" concluding that one day the United States might follow."
	ex := run(t, text)
	if q, ok := quoteBy(ex, "a country that still makes things"); !ok || q.Speaker != "Maria Lind" {
		t.Errorf("Extract quote = %+v (found %v), want Maria Lind (\"United States\" names no speaker)", q, ok)
	}
}

func TestSecondVerbPhraseHasItsOwnDate(t *testing.T) {
	text := "The novelist Hana Ilic was born on 4 July 1946 and died on Sunday night in Zagreb."
	ex := runAt(t, "2024-01-25", text)
	if e, ok := eventNamed(ex, "death"); !ok || e.Date != "2024-01-21" {
		t.Errorf("Extract death = %+v (found %v), want 2024-01-21 (Sunday), not the birth date", e, ok)
	}
}

func TestAppointedAsRole(t *testing.T) {
	text := "She replaces Daniel Akerman, who was appointed by the board as both chief executive and chairman in 2009."
	ex := run(t, text)
	p := wantPerson(t, ex, "Daniel Akerman")
	if !slices.Contains(p.Roles, "chief executive") || !slices.Contains(p.Roles, "chairman") {
		t.Errorf("Extract Daniel Akerman roles = %q, want chief executive and chairman", p.Roles)
	}
}

func TestNamedAsIsAppointment(t *testing.T) {
	text := "General Motors today named Mary Barra as its new chief executive. A man named John Ross watched."
	ex := runAt(t, "2013-12-10", text)
	n := 0
	for _, e := range ex.Events {
		if e.Name == "appointment" {
			n++
			if e.Date != "2013-12-10" || !slices.Contains(e.Participants, "Mary Barra") {
				t.Errorf("Extract appointment = %+v, want Mary Barra on 2013-12-10", e)
			}
		}
	}
	if n != 1 {
		t.Errorf("Extract events = %+v, want one appointment (\"a man named\" is none)", ex.Events)
	}
}

func TestCompaniesAndPlacesNamedLikePeople(t *testing.T) {
	text := "Morgan Stanley said on Tuesday it would cut 2,000 jobs. Goldman Sachs and Wells Fargo declined to comment.\n\n" +
		"Johnson & Johnson shares rose. Prime Minister Justin Trudeau visited Victoria Falls."
	ex := run(t, text)
	for _, n := range []string{"Morgan Stanley", "Goldman Sachs", "Wells Fargo", "Victoria Falls"} {
		if _, ok := findPerson(ex, n); ok {
			t.Errorf("Extract people = %q, want no %q", names(ex), n)
		}
	}
	wantPerson(t, ex, "Justin Trudeau")
}

func TestFormerAndPrefixedTitles(t *testing.T) {
	text := "Former U.S. President Barack Obama and then-Vice President Joe Biden met President-elect Donald Trump on Thursday.\n\n" +
		"Ex-prime minister Liz Truss, 49, criticised the plan."
	ex := runAt(t, "2024-11-14", text)
	for _, c := range []struct{ name, role string }{
		{"Barack Obama", "former president"},
		{"Joe Biden", "vice president"},
		{"Donald Trump", "president-elect"},
		{"Liz Truss", "former prime minister"},
	} {
		if p := wantPerson(t, ex, c.name); !slices.Contains(p.Roles, c.role) {
			t.Errorf("Extract %s roles = %q, want %q", c.name, p.Roles, c.role)
		}
	}
}

func TestYearFollowsTenseNearPublication(t *testing.T) {
	text := "The president will visit Paris on Dec. 3.\n\nThe president visited Rome on Dec. 3.\n\n" +
		"She was elected on Nov. 5 and took office on Jan. 20.\n\nThe talks are set for Jan. 14."
	ex := runAt(t, "2025-01-10", text)
	want := []string{"2025-12-03", "2024-12-03", "2024-11-05", "2024-01-20", "2025-01-14"}
	var got []string
	for _, tx := range ex.Timexes {
		got = append(got, tx.Value)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Extract timex values = %q, want %q", got, want)
	}
}

func TestTwoWordLowerCaseTitle(t *testing.T) {
	text := "LISBON \u2014 The harbour reopened on Saturday after a three-day closure, harbour master Joao Silveira said."
	ex := runAt(t, "2024-03-02", text)
	if p := wantPerson(t, ex, "Joao Silveira"); !slices.Contains(p.Roles, "harbour master") {
		t.Errorf("Extract Joao Silveira roles = %q, want harbour master", p.Roles)
	}
}

func TestBylinePublicationsAreNotAuthors(t *testing.T) {
	for _, c := range []struct {
		byline string
		want   []string
	}{
		{"By Jane Doe and John Roe, The Washington Post", []string{"Jane Doe", "John Roe"}},
		{"By Jane Doe, Daily Mail", []string{"Jane Doe"}},
		{"By Emily Sun and Ryan Post", []string{"Emily Sun", "Ryan Post"}},
	} {
		text := c.byline + "\n\nNAIROBI, Kenya (AP) \u2014 President William Ruto met Pope Francis on Monday."
		ex := run(t, text)
		if !slices.Equal(ex.Authors, c.want) {
			t.Errorf("Extract(%q).Authors = %q, want %q", c.byline, ex.Authors, c.want)
		}
	}
}

func TestWorldLeadersNamesAndCountries(t *testing.T) {
	text := "Vice President J.D. Vance met Chinese President Xi Jinping in Beijing on Monday.\n\n" +
		"Brazil's President Luiz Inácio Lula da Silva spoke with Venezuela's Nicolás Maduro.\n\n" +
		"Qatar's emir, Sheikh Tamim bin Hamad Al Thani, hosted King Charles III."
	ex := runAt(t, "2025-03-03", text)
	for _, c := range []struct{ name, role, nat string }{
		{"J.D. Vance", "vice president", ""},
		{"Xi Jinping", "president", "China"},
		{"Luiz Inácio Lula da Silva", "president", "Brazil"},
		{"Nicolás Maduro", "", "Venezuela"},
		{"Tamim bin Hamad Al Thani", "emir", "Qatar"},
		{"Charles III", "king", ""},
	} {
		p := wantPerson(t, ex, c.name)
		if c.role != "" && !slices.Contains(p.Roles, c.role) || p.Nationality != c.nat {
			t.Errorf("Extract %s = roles %q nationality %q, want %q, %q", c.name, p.Roles, p.Nationality, c.role, c.nat)
		}
	}
}

func TestCountryIsNotAGivenNameAlias(t *testing.T) {
	text := "JERUSALEM (Reuters) - Israel and Hamas agreed on Wednesday to a ceasefire, officials said.\n\n" +
		"Israel's defence minister, Israel Katz, said the army would stay. The deal was praised by Kessler, who leads the opposition.\n\n" +
		"Prime Minister Eli Barak welcomed it."
	ex := runAt(t, "2025-01-15", text)
	p := wantPerson(t, ex, "Israel Katz")
	if slices.Contains(p.Aliases, "Israel") || slices.Contains(p.Mentions, 1) {
		t.Errorf("Extract Israel Katz = aliases %q mentions %v, want the country's mentions left out", p.Aliases, p.Mentions)
	}
	if p.Nationality != "Israel" {
		t.Errorf("Extract Israel Katz nationality = %q, want Israel", p.Nationality)
	}
	if p := wantPerson(t, ex, "Eli Barak"); p.Nationality != "Israel" {
		t.Errorf("Extract Eli Barak nationality = %q, want Israel (dateline JERUSALEM)", p.Nationality)
	}
	wantPerson(t, ex, "Kessler")
}

func TestTimetableAndReutersFooter(t *testing.T) {
	text := "JERUSALEM (Reuters) - Officials said on Wednesday the truce would hold.\n\n" +
		"Kessler, who takes office on Monday, praised the deal. The first phase will last six weeks.\n\n" +
		"Talks on the second phase are scheduled to begin on Feb. 3.\n\n" +
		"Reporting by Maayan Lubell and Nidal al-Mughrabi; Editing by Angus MacSwan"
	ex := runAt(t, "2025-01-15", text)
	if got := timexValue(ex, "Monday"); got != "2025-01-20" {
		t.Errorf("Extract \"takes office on Monday\" = %q, want 2025-01-20", got)
	}
	if got := timexValue(ex, "six weeks"); got != "P6W" {
		t.Errorf("Extract \"will last six weeks\" = %q, want P6W without \"last\"", got)
	}
	for _, e := range ex.Events {
		if e.Date == "2025-02-03" && e.Text != "Talks on the second phase" {
			t.Errorf("Extract event text = %q, want \"Talks on the second phase\"", e.Text)
		}
	}
	if !slices.Equal(ex.Authors, []string{"Maayan Lubell", "Nidal al-Mughrabi", "Angus MacSwan"}) {
		t.Errorf("Extract authors = %q, want the three from the footer", ex.Authors)
	}
}

func TestPronounSubjectJoinsEventAndDeadline(t *testing.T) {
	text := "California Gov. Gavin Newsom, a Democrat, signed a separate state budget last month. " +
		"He is expected to travel to Washington next week.\n\nThe shutdown deadline is midnight Friday."
	ex := runAt(t, "2024-12-17", text)
	if e, ok := eventNamed(ex, "trip"); !ok || !slices.Contains(e.Participants, "Gavin Newsom") || e.Status != news.StatusScheduled {
		t.Errorf("Extract trip = %+v (found %v), want Gavin Newsom, scheduled", e, ok)
	}
	if got := timexValue(ex, "midnight Friday"); got != "2024-12-20T24:00" {
		t.Errorf("Extract \"deadline is midnight Friday\" = %q, want the coming Friday 2024-12-20T24:00", got)
	}
}

func TestCompanySuffixAndRegionNames(t *testing.T) {
	text := "CUPERTINO, Calif. (Reuters) - Apple Inc. reported record revenue on Thursday.\n\nAid reached Gaza and the West Bank on Friday."
	ex := runAt(t, "2023-02-03", text)
	if !slices.ContainsFunc(ex.Organizations, func(e news.Entity) bool { return e.Name == "Apple Inc." }) {
		t.Errorf("Extract organizations = %+v, want Apple Inc.", ex.Organizations)
	}
	for _, pl := range []string{"Gaza", "West Bank"} {
		if !slices.ContainsFunc(ex.Places, func(e news.Entity) bool { return e.Name == pl }) {
			t.Errorf("Extract places = %+v, want %q as written", ex.Places, pl)
		}
	}
}

func TestPronounMeansSentenceSubject(t *testing.T) {
	text := "President Joe Biden and his wife, Jill Biden, arrived in Rome on Friday. He met Italian Prime Minister Giorgia Meloni on Saturday."
	ex := runAt(t, "2024-11-04", text)
	e, ok := eventNamed(ex, "meeting")
	if !ok || !slices.Contains(e.Participants, "Joe Biden") || slices.Contains(e.Participants, "Jill Biden") {
		t.Errorf("Extract meeting = %+v (found %v), want Joe Biden (the subject), not Jill Biden", e, ok)
	}
	if p := wantPerson(t, ex, "Jill Biden"); !slices.Contains(p.Descriptions, "wife") {
		t.Errorf("Extract Jill Biden descriptions = %q, want wife", p.Descriptions)
	}
}

func TestInterruptedQuoteIsOne(t *testing.T) {
	text := "Defence Minister Pal Jonson visited the base on Monday.\n\n" +
		"\"We are ready,\" Jonson said, \"but we need more time to train the new recruits.\"\n\n" +
		"He refused \"to let the two carmakers fail\" and called the plan \"quick and surgical and fair\"."
	ex := run(t, text)
	if q, ok := quoteBy(ex, "We are ready, but we need more time"); !ok || q.Speaker != "Pal Jonson" {
		t.Errorf("Extract quotes = %+v, want one quote \"We are ready, but we need more time ...\" by Pal Jonson", ex.Quotes)
	}
	if _, ok := quoteBy(ex, "quick and surgical"); !ok {
		t.Errorf("Extract quotes = %+v, want \"quick and surgical and fair\" kept apart", ex.Quotes)
	}
}

func TestCoordinatedNamesAndRoyals(t *testing.T) {
	text := "Prince Harry and Meghan Markle moved to California. Queen Elizabeth II died in 2022.\n\n" +
		"Governor Gavin Newsom welcomed them to Los Angeles and San Francisco."
	ex := runAt(t, "2024-11-04", text)
	wantPerson(t, ex, "Meghan Markle")
	if p := wantPerson(t, ex, "Elizabeth II"); p.Nationality != "" {
		t.Errorf("Extract Elizabeth II nationality = %q, want none (a queen takes no country from the article)", p.Nationality)
	}
	if _, ok := findPerson(ex, "San Francisco"); ok {
		t.Errorf("Extract people = %q, want no San Francisco", names(ex))
	}
}

func TestEventTextKeepsOfChain(t *testing.T) {
	text := "This year marks the 40th anniversary of the founding of the national theatre in Oslo."
	ex := runAt(t, "2024-03-01", text)
	e, ok := eventNamed(ex, "anniversary")
	if !ok || e.Text != "40th anniversary of the founding of the national theatre" {
		t.Errorf("Extract anniversary = %+v (found %v), want the text through \"of the national theatre\"", e, ok)
	}
}

func TestCourtStory(t *testing.T) {
	text := "NEW YORK (Reuters) - A former executive pleaded guilty on Tuesday to conspiracy charges, prosecutors said.\n\n" +
		"Ryan Salton, 30, who was co-chief executive of the exchange's Bahamas unit, admitted the charges.\n\n" +
		"U.S. District Judge Lewis Kaplan scheduled sentencing for March 6. Salton was arrested in December."
	ex := runAt(t, "2023-09-07", text)
	if p := wantPerson(t, ex, "Ryan Salton"); !slices.Contains(p.Roles, "co-chief executive") {
		t.Errorf("Extract Ryan Salton roles = %q, want co-chief executive", p.Roles)
	}
	if p := wantPerson(t, ex, "Lewis Kaplan"); !slices.Contains(p.Roles, "district judge") {
		t.Errorf("Extract Lewis Kaplan roles = %q, want district judge", p.Roles)
	}
	for _, c := range []struct{ name, date, status string }{
		{"plea", "2023-09-05", news.StatusHappened},
		{"sentencing", "2024-03-06", news.StatusScheduled},
		{"arrest", "2022-12", news.StatusHappened},
	} {
		if e, ok := eventNamed(ex, c.name); !ok || e.Date != c.date || e.Status != c.status {
			t.Errorf("Extract %s = %+v (found %v), want %s %s", c.name, e, ok, c.date, c.status)
		}
	}
}

func TestSportsStory(t *testing.T) {
	text := "LONDON (Reuters) - Arsenal beat Manchester City 2-1 on Sunday, with Bukayo Saka scoring the winner.\n\n" +
		"\"It was a massive win for us,\" Arsenal manager Mikel Arteta told Sky Sports.\n\n" +
		"Erling Haaland missed a penalty. Arsenal host Bayern Munich in the quarter-final on April 9."
	ex := runAt(t, "2024-03-31", text)
	for _, n := range []string{"Bukayo Saka", "Erling Haaland"} {
		wantPerson(t, ex, n)
	}
	for _, n := range []string{"Manchester City", "Bayern Munich", "Sky Sports"} {
		if _, ok := findPerson(ex, n); ok {
			t.Errorf("Extract people = %q, want no %q", names(ex), n)
		}
	}
	if e, ok := eventNamed(ex, "quarter-final"); !ok || e.Date != "2024-04-09" || e.Status != news.StatusScheduled {
		t.Errorf("Extract quarter-final = %+v (found %v), want 2024-04-09 scheduled", e, ok)
	}
}

func TestAcronymTitleAndSecondTitle(t *testing.T) {
	text := "Acme Computer CEO and co-founder Steven Vale gave his annual keynote on Monday."
	ex := run(t, text)
	p := wantPerson(t, ex, "Steven Vale")
	if !slices.Contains(p.Roles, "chief executive officer") || !slices.Contains(p.Roles, "co-founder") {
		t.Errorf("Extract Steven Vale roles = %q, want chief executive officer and co-founder", p.Roles)
	}
}

func TestSingleCurlyQuotations(t *testing.T) {
	text := "Health Secretary Wes Streeting visited the hospital on Monday.\n\n" +
		"\u2018We are fixing the health service,\u2019 he said. \u2018It will take time.\u2019\n\n" +
		"The patients\u2019 group said it wasn\u2019t enough, as in the \u201890s."
	ex := runAt(t, "2024-11-04", text)
	for _, want := range []string{"We are fixing the health service", "It will take time."} {
		if q, ok := quoteBy(ex, want); !ok || q.Speaker != "Wes Streeting" {
			t.Errorf("Extract quotes = %+v, want %q by Wes Streeting", ex.Quotes, want)
		}
	}
	if len(ex.Quotes) != 2 {
		t.Errorf("Extract quotes = %+v, want only the two quotations (apostrophes are no quotes)", ex.Quotes)
	}
	s, _ := clean(text)
	if !strings.Contains(s, "wasn't") || !strings.Contains(s, "patients'") || !strings.Contains(s, "'90s") {
		t.Errorf("clean(%q) = %q, want apostrophes kept", text, s)
	}
}

func TestTitleNameOfPlace(t *testing.T) {
	text := "Foreign Minister Annalena Baerbock of Germany met Prime Minister Kyriakos Mitsotakis of Greece in Athens."
	ex := run(t, text)
	for _, c := range []struct{ name, nat string }{{"Annalena Baerbock", "Germany"}, {"Kyriakos Mitsotakis", "Greece"}} {
		if p := wantPerson(t, ex, c.name); p.Nationality != c.nat {
			t.Errorf("Extract %s nationality = %q, want %q", c.name, p.Nationality, c.nat)
		}
	}
}

func TestYonhapStyle(t *testing.T) {
	text := "SEOUL, Jan. 13 (Yonhap) -- The two sides agreed to hold a trilateral summit with China in the first half of the year, officials said.\n\n" +
		"Chief Cabinet Secretary Yoshimasa Hayashi told reporters the date had not been set.\n\n(END)"
	ex := runAt(t, "2024-01-13", text)
	if ex.Dateline != "SEOUL" {
		t.Errorf("Extract dateline = %q, want SEOUL", ex.Dateline)
	}
	for _, s := range ex.Sentences {
		if s.Text == "(END)" {
			t.Errorf("Extract sentences include the wire's end mark %q", s.Text)
		}
	}
	if p := wantPerson(t, ex, "Yoshimasa Hayashi"); !slices.Contains(p.Roles, "chief cabinet secretary") {
		t.Errorf("Extract Yoshimasa Hayashi roles = %q, want chief cabinet secretary", p.Roles)
	}
	if e, ok := eventNamed(ex, "summit"); !ok || e.Status != news.StatusPlanned {
		t.Errorf("Extract summit = %+v (found %v), want planned (\"agreed to hold\")", e, ok)
	}
}

func TestEventStatusCues(t *testing.T) {
	text := "The summit was called off on Friday. The launch has been delayed until March 3.\n\n" +
		"The meeting is under way in Geneva. A strike planned for Thursday was cancelled.\n\n" +
		"Officials plan to hold a referendum next year."
	ex := runAt(t, "2024-02-14", text)
	for _, c := range []struct{ name, date, status string }{
		{"summit", "2024-02-09", news.StatusCanceled},
		{"launch", "2024-03-03", news.StatusScheduled},
		{"meeting", "", news.StatusOngoing},
		{"strike", "2024-02-15", news.StatusCanceled},
		{"vote", "2025", news.StatusPlanned},
	} {
		if e, ok := eventNamed(ex, c.name); !ok || e.Date != c.date || e.Status != c.status {
			t.Errorf("Extract %s = %+v (found %v), want date %q, %s", c.name, e, ok, c.date, c.status)
		}
	}
}

func TestMarkdownMarks(t *testing.T) {
	text := "# Storm batters coast\n\n**LISBON** \u2014 A storm hit Portugal on [Saturday](https://example.com/storm), officials said.\n\n" +
		"* Mayor Carlos Moedas said schools would reopen on Monday.\n\n> \"We have never seen anything like this,\" said resident Ana Sousa.\n\n" +
		"Read more: [Storm coverage](https://example.com)"
	ex := runAt(t, "2024-03-02", text)
	if ex.Title != "Storm batters coast" || ex.Dateline != "LISBON" {
		t.Errorf("Extract title, dateline = %q, %q, want \"Storm batters coast\", LISBON", ex.Title, ex.Dateline)
	}
	if got := timexValue(ex, "Saturday"); got != "2024-03-02" {
		t.Errorf("Extract timex \"Saturday\" = %q, want 2024-03-02 with the link target left out", got)
	}
	if p := wantPerson(t, ex, "Carlos Moedas"); !slices.Contains(p.Roles, "mayor") {
		t.Errorf("Extract Carlos Moedas roles = %q, want mayor", p.Roles)
	}
	if q, ok := quoteBy(ex, "We have never seen"); !ok || q.Speaker != "Ana Sousa" {
		t.Errorf("Extract quote = %+v (found %v), want Ana Sousa", q, ok)
	}
	for _, i := range ex.Summary {
		if strings.HasPrefix(ex.Sentences[i].Text, "Read more") {
			t.Errorf("Extract summary has %q", ex.Sentences[i].Text)
		}
	}
}

func TestJuniorIsAnotherPerson(t *testing.T) {
	text := "Donald Trump Jr. spoke at the rally. His father, Donald Trump, arrived later. Trump said the crowd was huge."
	ex := run(t, text)
	wantPerson(t, ex, "Donald Trump Jr.")
	p := wantPerson(t, ex, "Donald Trump")
	if !slices.Contains(p.Descriptions, "father") {
		t.Errorf("Extract Donald Trump descriptions = %q, want father", p.Descriptions)
	}
}

func TestWhoHeadsIsARole(t *testing.T) {
	text := "Jerome Powell, who heads the Federal Reserve, spoke on Monday. Anna Lind, who leads the opposition, disagreed."
	ex := run(t, text)
	for _, c := range []struct{ name, role, desc string }{
		{"Jerome Powell", "head", "head of Federal Reserve"},
		{"Anna Lind", "leader", "leader of opposition"},
	} {
		p := wantPerson(t, ex, c.name)
		if !slices.Contains(p.Roles, c.role) || !slices.Contains(p.Descriptions, c.desc) {
			t.Errorf("Extract %s = roles %q descriptions %q, want %q and %q", c.name, p.Roles, p.Descriptions, c.role, c.desc)
		}
	}
}

func TestAlternatingSpeakers(t *testing.T) {
	text := "Council leader Mark Evans said the budget was balanced. Opposition leader Sarah Jones disagreed.\n\n" +
		"\"These figures do not add up at all,\" she said.\n\n" +
		"Evans countered that the auditors had approved the plan. \"We have nothing to hide here,\" he said."
	ex := run(t, text)
	for _, c := range []struct{ text, speaker string }{
		{"These figures do not add up", "Sarah Jones"},
		{"the auditors had approved", "Mark Evans"},
		{"We have nothing to hide", "Mark Evans"},
	} {
		if q, ok := quoteBy(ex, c.text); !ok || q.Speaker != c.speaker {
			t.Errorf("Extract quote %q = %+v (found %v), want %s", c.text, q, ok, c.speaker)
		}
	}
	if p := wantPerson(t, ex, "Mark Evans"); !slices.Contains(p.Roles, "council leader") {
		t.Errorf("Extract Mark Evans roles = %q, want council leader", p.Roles)
	}
}

func TestOpeningPhraseEventHasSubject(t *testing.T) {
	text := "In a televised speech on Monday, President Carl Jensen presented a rescue plan.\n\n" +
		"In celebration of the anniversary, Prime Minister Eva Holm was scheduled to visit Bergen."
	ex := runAt(t, "2009-06-02", text)
	if e, ok := eventNamed(ex, "speech"); !ok || !slices.Contains(e.Participants, "Carl Jensen") {
		t.Errorf("Extract speech = %+v (found %v), want Carl Jensen as participant", e, ok)
	}
	for _, e := range ex.Events {
		if e.Name == "anniversary" && slices.Contains(e.Participants, "Eva Holm") {
			t.Errorf("Extract anniversary participants = %q, want no Eva Holm", e.Participants)
		}
	}
}

func TestDoubleSurnameAlone(t *testing.T) {
	text := "MEXICO CITY (Reuters) - Mexican President Andrés Manuel López Obrador spoke on Monday. López Obrador said the talks were good."
	ex := runAt(t, "2024-03-04", text)
	p := wantPerson(t, ex, "Andrés Manuel López Obrador")
	if !slices.Contains(p.Aliases, "López Obrador") {
		t.Errorf("Extract people = %q, want \"López Obrador\" as an alias of the full name", names(ex))
	}
	if q, ok := quoteBy(ex, "the talks were good"); !ok || q.Speaker != p.Name {
		t.Errorf("Extract quote = %+v (found %v), want the president", q, ok)
	}
}

func TestCompanyEndingInIngBeforeTitle(t *testing.T) {
	text := "MOSCOW - Asked about the rift between Russia and the US, Boeing Executive Vice President Scott Carson replied that it was business."
	ex := run(t, text)
	p := wantPerson(t, ex, "Scott Carson")
	if p.Nationality != "" || !slices.Contains(p.Descriptions, "executive vice president of Boeing") {
		t.Errorf("Extract Scott Carson = %q %q nationality %q, want a Boeing officer of no country", p.Roles, p.Descriptions, p.Nationality)
	}
}

func TestWhoAfterCompanyName(t *testing.T) {
	text := "The contract went to AirTanker, who will supply the tankers. It was signed by Halvorsen, who runs the agency."
	ex := run(t, text)
	if _, ok := findPerson(ex, "AirTanker"); ok {
		t.Errorf("Extract people = %q, want no AirTanker (a company's camel-case name)", names(ex))
	}
	wantPerson(t, ex, "Halvorsen")
}

func TestMoreGazetteerEntries(t *testing.T) {
	text := "RAFAH, Gaza Strip (AP) \u2014 Costa Rican President Rodrigo Chaves and Chadian Prime Minister Allamaye Halina met in Sao Paulo on Monday."
	ex := runAt(t, "2024-03-04", text)
	if ex.Dateline != "RAFAH" {
		t.Errorf("Extract dateline = %q, want RAFAH", ex.Dateline)
	}
	for _, c := range []struct{ name, nat string }{{"Rodrigo Chaves", "Costa Rica"}, {"Allamaye Halina", "Chad"}} {
		if p := wantPerson(t, ex, c.name); p.Nationality != c.nat {
			t.Errorf("Extract %s nationality = %q, want %q", c.name, p.Nationality, c.nat)
		}
	}
}

func TestAbbreviationBeforeTitleAbbreviation(t *testing.T) {
	text := "U.S. Rep. Jim Jordan, R-Ohio, said the Jan. 6 committee was biased. The No. 2 official at the U.N. resigned."
	ex := run(t, text)
	if len(ex.Sentences) != 2 {
		t.Errorf("Extract sentences = %q, want 2", bodyTexts(ex))
	}
	if p := wantPerson(t, ex, "Jim Jordan"); !slices.Contains(p.Roles, "representative") {
		t.Errorf("Extract Jim Jordan roles = %q, want representative", p.Roles)
	}
}

func TestArabicNamesAndAliases(t *testing.T) {
	text := "DOHA, Qatar \u2014 Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani met Hamas political chief Ismail Haniyeh in Doha on Tuesday.\n\n" +
		"Syria's new leader, Ahmed al-Sharaa, also known as Abu Mohammed al-Julani, said elections could take four years. Al-Sharaa spoke to Al Arabiya."
	ex := runAt(t, "2024-12-30", text)
	if p := wantPerson(t, ex, "Mohammed bin Abdulrahman Al Thani"); !slices.Contains(p.Roles, "prime minister") {
		t.Errorf("Extract Al Thani roles = %q, want prime minister on its own", p.Roles)
	}
	if p := wantPerson(t, ex, "Ismail Haniyeh"); !slices.Contains(p.Roles, "political chief") {
		t.Errorf("Extract Ismail Haniyeh roles = %q, want political chief", p.Roles)
	}
	p := wantPerson(t, ex, "Ahmed al-Sharaa")
	if !slices.Contains(p.Aliases, "Abu Mohammed al-Julani") || !slices.Contains(p.Mentions, 3) {
		t.Errorf("Extract Ahmed al-Sharaa = aliases %q mentions %v, want the nom de guerre and the later \"Al-Sharaa\"", p.Aliases, p.Mentions)
	}
	ir := run(t, "Iran's Supreme Leader Ayatollah Ali Khamenei said on Monday that talks were possible.")
	if p := wantPerson(t, ir, "Ali Khamenei"); !slices.Contains(p.Roles, "supreme leader") || p.Nationality != "Iran" {
		t.Errorf("Extract Ali Khamenei = %q %q, want supreme leader of Iran", p.Roles, p.Nationality)
	}
	for _, n := range []string{"Abu Mohammed al-Julani", "Al Arabiya"} {
		if _, ok := findPerson(ex, n); ok {
			t.Errorf("Extract people = %q, want no separate %q", names(ex), n)
		}
	}
}

func TestPressReleaseDatelineDatesTheArticle(t *testing.T) {
	text := "SAN JOSE, Calif., Aug. 21, 2024 /PRNewswire/ -- Zoom Video Communications, Inc. (NASDAQ: ZM) today announced results.\n\n" +
		"\"We delivered another solid quarter,\" said Eric S. Yuan, Zoom's founder and CEO.\n\n" +
		"Zoom will host a conference call at 2:00 p.m. PT on Aug. 21, 2024."
	doc := news.Document{Path: "t", Text: text} // no publication date given
	ex := Extract(doc)
	checkInvariants(t, doc, ex)
	if ex.Dateline != "SAN JOSE" || ex.Published != "2024-08-21" {
		t.Errorf("Extract dateline, published = %q, %q, want SAN JOSE, 2024-08-21 from the dateline", ex.Dateline, ex.Published)
	}
	if got := timexValue(ex, "today"); got != "2024-08-21" {
		t.Errorf("Extract \"today\" = %q, want 2024-08-21", got)
	}
	if n := len(bodyTexts(ex)); n != 3 {
		t.Errorf("Extract body sentences = %q, want 3 (no split at \"Inc. (\" or \"p.m. PT\")", bodyTexts(ex))
	}
	if p := wantPerson(t, ex, "Eric S. Yuan"); !slices.Contains(p.Roles, "founder") || !slices.Contains(p.Roles, "chief executive officer") {
		t.Errorf("Extract Eric S. Yuan roles = %q, want founder and chief executive officer", p.Roles)
	}
}

func TestCompanySuffixEndsRunBeforeName(t *testing.T) {
	text := "The co-founder and former chief executive officer of Acme Inc. Steven Vale has died yesterday, the company said.\n\n" +
		"Vale died at his home in Palo Alto, California."
	ex := runAt(t, "2011-10-06", text)
	p := wantPerson(t, ex, "Steven Vale")
	if !slices.Contains(p.Roles, "former chief executive officer") || !slices.Contains(p.Mentions, 0) {
		t.Errorf("Extract Steven Vale = roles %q mentions %v, want the former chief executive named in sentence 0", p.Roles, p.Mentions)
	}
	if e, ok := eventNamed(ex, "death"); !ok || e.Date != "2011-10-05" || !slices.Contains(e.Participants, "Steven Vale") {
		t.Errorf("Extract death = %+v (found %v), want Steven Vale on 2011-10-05", e, ok)
	}
}

func TestObjectOfLightVerbTakesDate(t *testing.T) {
	text := "Acme CEO Steven Vale gave his annual opening keynote to the developers conference at Moscone Center in San Francisco, California on Monday."
	ex := runAt(t, "2005-06-06", text)
	if e, ok := eventNamed(ex, "keynote"); !ok || e.Date != "2005-06-06" || !slices.Contains(e.Participants, "Steven Vale") {
		t.Errorf("Extract keynote = %+v (found %v), want Steven Vale on 2005-06-06", e, ok)
	}
}

func TestFormerlyAndOwnWordsAreNoCues(t *testing.T) {
	text := "Mark Pelham, formerly an Acme Inc. executive overseeing hardware, is stepping down.\n\n" +
		"Commissioner Mingus Mapps, the only member to vote against the plan, said it would cost too much."
	ex := runAt(t, "2024-05-14", text)
	if p := wantPerson(t, ex, "Mark Pelham"); !slices.Contains(p.Roles, "former executive") || !slices.Contains(p.Descriptions, "former executive of Acme Inc") {
		t.Errorf("Extract Mark Pelham = %q %q, want former executive of Acme Inc", p.Roles, p.Descriptions)
	}
	if e, ok := eventNamed(ex, "vote"); !ok || e.Status != news.StatusHappened {
		t.Errorf("Extract vote = %+v (found %v), want happened (\"the plan\" is the vote's object, not a cue)", e, ok)
	}
}

func TestCityPossessorIsNoParticipant(t *testing.T) {
	text := "The ministers shared concerns about Moscow's ongoing invasion of Ukraine."
	ex := run(t, text)
	e, ok := eventNamed(ex, "invasion")
	if !ok || len(e.Participants) != 0 || e.Text != "Moscow's ongoing invasion of Ukraine" {
		t.Errorf("Extract invasion = %+v (found %v), want the event with no participant (Moscow is a city)", e, ok)
	}
}

func TestLinkedEventTakesAntecedentDate(t *testing.T) {
	text := "The two ministers held a meeting in Oslo on March 3.\n\nThey discussed fishing quotas.\n\n" +
		"The meeting marked the first official visit to Norway by a Swedish minister in ten years."
	ex := runAt(t, "2024-03-04", text)
	e, ok := eventNamed(ex, "visit")
	if !ok || e.Date != "2024-03-03" || e.Status != news.StatusHappened {
		t.Errorf("Extract visit = %+v (found %v), want the meeting's date 2024-03-03, happened", e, ok)
	}
}

func TestObituary(t *testing.T) {
	text := "Jimmy Carter, the 39th president of the United States, died on Sunday at his home in Plains, Georgia. He was 100.\n\n" +
		"Carter was born on Oct. 1, 1924, in Plains.\n\nHis funeral will be held at the National Cathedral in Washington on Jan. 9."
	ex := runAt(t, "2024-12-30", text)
	if p := wantPerson(t, ex, "Jimmy Carter"); !slices.Contains(p.Roles, "president") || p.Nationality != "United States" {
		t.Errorf("Extract Jimmy Carter = %q %q, want president of the United States", p.Roles, p.Nationality)
	}
	for _, c := range []struct{ name, date, status string }{
		{"death", "2024-12-29", news.StatusHappened},
		{"birth", "1924-10-01", news.StatusHappened},
		{"funeral", "2025-01-09", news.StatusScheduled},
	} {
		if e, ok := eventNamed(ex, c.name); !ok || e.Date != c.date || e.Status != c.status {
			t.Errorf("Extract %s = %+v (found %v), want %s %s", c.name, e, ok, c.date, c.status)
		}
	}
}

func TestParenthesisAfterAbbreviationGoesOn(t *testing.T) {
	text := "Airbus parent EADS N.V. (EADS) has won the contract. The first jet landed at 6:40 p.m. (GMT +8) after a long flight."
	ex := run(t, text)
	if got := bodyTexts(ex); len(got) != 2 {
		t.Errorf("Extract sentences = %q, want 2 (no split before a parenthesis that the sentence goes on after)", got)
	}
}

func TestSpokespersonForOrganisation(t *testing.T) {
	text := "Mao Ning, a spokeswoman for the Chinese Foreign Ministry, said Beijing opposed the move. Jane Roe, a professor at Harvard University, disagreed."
	ex := run(t, text)
	if p := wantPerson(t, ex, "Mao Ning"); p.Nationality != "China" || !slices.Contains(p.Descriptions, "spokeswoman of Chinese Foreign Ministry") {
		t.Errorf("Extract Mao Ning = %q %q, want a spokeswoman of the Chinese Foreign Ministry, China", p.Descriptions, p.Nationality)
	}
	if p := wantPerson(t, ex, "Jane Roe"); !slices.Contains(p.Descriptions, "professor at Harvard University") {
		t.Errorf("Extract Jane Roe descriptions = %q, want professor at Harvard University", p.Descriptions)
	}
}

func TestPronounGender(t *testing.T) {
	text := "Mayor Tom Hale and council member Mrs. Ann Ortiz visited the site on Monday.\n\n" +
		"Hale said the bridge would reopen soon. \"We are confident it is safe now,\" he said.\n\n" +
		"Ortiz was less sure. Hale, however, insisted the inspection was thorough. \"I have seen the report and it worries me,\" she said."
	ex := run(t, text)
	for _, c := range []struct{ text, speaker string }{
		{"We are confident", "Tom Hale"},
		{"I have seen the report", "Ann Ortiz"},
	} {
		if q, ok := quoteBy(ex, c.text); !ok || q.Speaker != c.speaker {
			t.Errorf("Extract quote %q = %+v (found %v), want %s", c.text, q, ok, c.speaker)
		}
	}
}

func TestSaidWithPhraseBeforeThat(t *testing.T) {
	text := "Finance Minister Ana Ruiz said in an interview that inflation would fall. Central bank chief Paulo Diniz warned that rates could rise."
	ex := run(t, text)
	if q, ok := quoteBy(ex, "inflation would fall"); !ok || q.Speaker != "Ana Ruiz" || q.Direct {
		t.Errorf("Extract quote = %+v (found %v), want reported speech by Ana Ruiz", q, ok)
	}
	if p := wantPerson(t, ex, "Paulo Diniz"); !slices.Contains(p.Roles, "bank chief") {
		t.Errorf("Extract Paulo Diniz roles = %q, want bank chief", p.Roles)
	}
}

func TestUKPoliticsRoles(t *testing.T) {
	text := "Unite's general secretary, Sharon Graham, said the policy was \"the wrong choice\".\n\n" +
		"Former prime minister Rishi Sunak, now leader of the opposition, accused Labour of \"breaking its promises\"."
	ex := runAt(t, "2024-09-24", text)
	if p := wantPerson(t, ex, "Sharon Graham"); !slices.Contains(p.Roles, "general secretary") {
		t.Errorf("Extract Sharon Graham roles = %q, want general secretary", p.Roles)
	}
	if p := wantPerson(t, ex, "Rishi Sunak"); !slices.Contains(p.Roles, "leader of the opposition") || !slices.Contains(p.Roles, "former prime minister") {
		t.Errorf("Extract Rishi Sunak roles = %q, want former prime minister and leader of the opposition", p.Roles)
	}
}

func TestDefiniteDescriptionGivesRole(t *testing.T) {
	text := "Keir Starmer has defended his government's decision to cut winter fuel payments.\n\n" +
		"The prime minister said the party had inherited a large deficit from the Conservatives.\n\n" +
		"Former prime minister Rishi Sunak disagreed."
	ex := runAt(t, "2024-09-24", text)
	if p := wantPerson(t, ex, "Keir Starmer"); !slices.Contains(p.Roles, "prime minister") {
		t.Errorf("Extract Keir Starmer roles = %q, want prime minister from \"The prime minister said\"", p.Roles)
	}
	for _, tx := range ex.Timexes {
		if tx.Text == "winter" {
			t.Errorf("Extract timexes = %+v, want no \"winter\" in \"winter fuel payments\"", ex.Timexes)
		}
	}
}

func TestPronounGenderLearnedFromAttribution(t *testing.T) {
	text := "Mayor Tom Hale and council member Ann Ortiz visited the site on Monday.\n\n" +
		"Hale said the bridge would reopen soon. \"We are confident it is safe now,\" he said.\n\n" +
		"Ortiz was less sure. Hale, however, insisted the inspection was thorough. \"I have seen the report and it worries me,\" she said."
	ex := run(t, text)
	if q, ok := quoteBy(ex, "I have seen the report"); !ok || q.Speaker != "Ann Ortiz" {
		t.Errorf("Extract quote = %+v (found %v), want Ann Ortiz (\"she\"; Hale was \"he\")", q, ok)
	}
}

func TestCommonWordNameWithWho(t *testing.T) {
	text := "Biden announced the deal on Wednesday.\n\nTrump, who takes office on Monday, claimed credit. \"This happened because of our victory,\" he wrote.\n\n" +
		"Officials, who spoke on condition of anonymity, said details remained."
	ex := runAt(t, "2025-01-15", text)
	if q, ok := quoteBy(ex, "This happened because"); !ok || q.Speaker != "Trump" {
		t.Errorf("Extract quote = %+v (found %v), want Trump", q, ok)
	}
	if _, ok := findPerson(ex, "Officials"); ok {
		t.Errorf("Extract people = %q, want no \"Officials\"", names(ex))
	}
}

func TestMilitaryRankTakesNoDatelineCountry(t *testing.T) {
	text := "BAGHDAD (AP) \u2014 Lt. Col. John Pryor said the convoy was attacked on Monday. Prime Minister Ali Hashim condemned the attack."
	ex := runAt(t, "2024-03-04", text)
	if p := wantPerson(t, ex, "John Pryor"); p.Nationality != "" || !slices.Contains(p.Roles, "lieutenant colonel") {
		t.Errorf("Extract John Pryor = %q %q, want lieutenant colonel with no nationality guessed from the dateline", p.Roles, p.Nationality)
	}
	if p := wantPerson(t, ex, "Ali Hashim"); p.Nationality != "Iraq" {
		t.Errorf("Extract Ali Hashim nationality = %q, want Iraq from the dateline", p.Nationality)
	}
}

func TestAttackOnPlace(t *testing.T) {
	text := "10:45 GMT - Russian forces launched a drone attack on Kyiv on Tuesday, the city administration said."
	ex := runAt(t, "2024-12-10", text)
	if e, ok := eventNamed(ex, "attack"); !ok || e.Place != "Kyiv" || e.Date != "2024-12-10" {
		t.Errorf("Extract attack = %+v (found %v), want Kyiv on 2024-12-10", e, ok)
	}
}

func TestRoleOrganisationAndCountryPhrases(t *testing.T) {
	text := "Jusman Syafii Djamal, minister of transport for Indonesia, spoke on Monday. " +
		"The post goes to Bob Mansfield, Apple's senior vice president for Macintosh engineering. " +
		"Lewis W. Teperman, a doctor at New York University, was not involved."
	ex := run(t, text)
	if p := wantPerson(t, ex, "Jusman Syafii Djamal"); p.Nationality != "Indonesia" || len(p.Descriptions) != 0 {
		t.Errorf("Extract Djamal = %q nationality %q, want Indonesia as the country, not an organisation", p.Descriptions, p.Nationality)
	}
	if p := wantPerson(t, ex, "Bob Mansfield"); !slices.Contains(p.Descriptions, "senior vice president of Apple") {
		t.Errorf("Extract Bob Mansfield descriptions = %q, want senior vice president of Apple", p.Descriptions)
	}
	if p := wantPerson(t, ex, "Lewis W. Teperman"); !slices.Contains(p.Descriptions, "doctor at New York University") {
		t.Errorf("Extract Lewis W. Teperman descriptions = %q, want doctor at New York University", p.Descriptions)
	}
}

func TestInaugurationAheadMeansPresidentElect(t *testing.T) {
	text := "Officials met on Monday, two weeks ahead of Maria Lindqvist's inauguration to the Finnish presidency.\n\n" +
		"Since Paul Hart's inauguration to the Irish presidency in 2018, the office has changed."
	ex := runAt(t, "2024-02-19", text)
	if p := wantPerson(t, ex, "Maria Lindqvist"); !slices.Contains(p.Roles, "president-elect") || p.Nationality != "Finland" {
		t.Errorf("Extract Maria Lindqvist = %q %q, want president-elect of Finland", p.Roles, p.Nationality)
	}
	if p := wantPerson(t, ex, "Paul Hart"); !slices.Contains(p.Roles, "president") {
		t.Errorf("Extract Paul Hart roles = %q, want president", p.Roles)
	}
}

func TestUndatedArticleKeepsDistinctEvents(t *testing.T) {
	text := "LONDON, 20 January \u2014 The Prime Minister, Rishi Sunak, will visit Edinburgh on 3 February to meet Scotland's First Minister Humza Yousaf, Downing Street said on Friday.\n\n" +
		"The talks, first planned for 15 December, were postponed after a vote in the Commons."
	doc := news.Document{Path: "t", Text: text} // no publication date
	ex := Extract(doc)
	checkInvariants(t, doc, ex)
	var meet, talks *news.Event
	for i, e := range ex.Events {
		switch e.Text {
		case "talks":
			talks = &ex.Events[i]
		default:
			if e.Name == "meeting" {
				meet = &ex.Events[i]
			}
		}
	}
	if meet == nil || meet.Status != news.StatusScheduled {
		t.Errorf("Extract events = %+v, want the meeting with Humza Yousaf scheduled", ex.Events)
	}
	if talks == nil || talks.Status != news.StatusCanceled {
		t.Errorf("Extract events = %+v, want the postponed talks as their own event", ex.Events)
	}
}

func TestOnLeaveFromTodayIsOngoing(t *testing.T) {
	text := "Steven Vale, the chief executive of Acme Inc., announced Monday in an internal memo that he would be on medical leave."
	ex := runAt(t, "2011-01-17", text)
	if e, ok := eventNamed(ex, "medical leave"); !ok || e.Status != news.StatusOngoing || e.Date != "2011-01-17" {
		t.Errorf("Extract medical leave = %+v (found %v), want ongoing from 2011-01-17", e, ok)
	}
}

func TestCorporateEventHasCompanyParties(t *testing.T) {
	text := "Acme Corp. filed a lawsuit against Globex Inc. on Wednesday, so that the latter would stop selling the device."
	ex := runAt(t, "2007-01-12", text)
	e, ok := eventNamed(ex, "lawsuit")
	if !ok || !slices.Contains(e.Participants, "Globex Inc.") || e.Text != "lawsuit against Globex Inc." {
		t.Errorf("Extract lawsuit = %+v (found %v), want Globex Inc. among the parties and the text to stop before \"so\"", e, ok)
	}
}
