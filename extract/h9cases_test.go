package extract

import (
	"slices"
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
