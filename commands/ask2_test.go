package commands_test

import (
	"strconv"
	"strings"
	"testing"

	"factdesk/news"
)

// succession is an article whose succession is told only in sentences: no
// stored fact holds it.
func succession() fixture {
	return fixture{
		name: "succession",
		doc:  news.Document{Title: "Ruritania port chief steps down", Published: "2024-06-10"},
		sentences: []string{
			"Otto Vale, the chief of Ruritania's port authority, stepped down on Monday.",
			"Vale's post will be filled by Mia Kern, his deputy.",
			"Markets were closed in honour of Ivo Rask.",
			"Kern will take office on June 20.",
		},
		people: []news.Person{
			{Name: "Otto Vale", Aliases: []string{"Vale"}, Mentions: []int{0, 1}},
			{Name: "Mia Kern", Aliases: []string{"Kern"}, Mentions: []int{1, 3}},
			{Name: "Ivo Rask", Mentions: []int{2}},
		},
		events: []news.Event{
			{Name: "resignation", Text: "stepped down", Date: "2024-06-10", Participants: []string{"Otto Vale"}, Sentence: 0, Status: news.StatusHappened},
			{Name: "taking office", Text: "take office", Date: "2024-06-20", Participants: []string{"Mia Kern"}, Sentence: 3, Status: news.StatusScheduled},
		},
	}
}

func TestAskFallsBackToSentences(t *testing.T) {
	e := qaEnv(t)
	e.save(succession())
	tests := []lineCase{
		// A verb no fact holds: the sentence that names the person with
		// it, or a verb of its group, cited.
		{"/ask Who replaces Vale?", []string{"No stored fact answers this directly", "Vale's post will be filled by Mia Kern", "Ruritania port chief steps down"}, []string{"I don't know"}},
		{"/ask Who succeeds Otto Vale?", []string{"Vale's post will be filled by Mia Kern"}, []string{"I don't know"}},
		// Nothing relevant: still "I don't know".
		{"/ask Who sued Vale?", []string{"I don't know"}, []string{"No stored fact answers this directly"}},
		// Naming the person is not enough for a search answer.
		{"/ask Who married Mia Kern?", []string{"I don't know"}, []string{"The stored sentences that best match"}},
	}
	runLines(t, e, tests)
}

func TestAskDateListsEvents(t *testing.T) {
	e := qaEnv(t)
	e.save(succession())
	tests := []lineCase{
		{"/ask What happens on June 20?", []string{"The stored events dated then (1 event)", "Thu, Jun 20, 2024", "take office", "Kern will take office on June 20."}, []string{"I don't know"}},
		{"/ask What happened on 2024-06-10?", []string{"Mon, Jun 10, 2024", "stepped down", "Ruritania port chief steps down"}, []string{"take office"}},
		{"/ask What happened in June 2024?", []string{"(2 events)", "stepped down", "take office"}, nil},
		{"/ask What happened on June 11, 2024?", []string{"I don't know"}, []string{"The stored events dated then"}},
	}
	runLines(t, e, tests)
}

func TestSummaryKeyPeople(t *testing.T) {
	e := qaEnv(t)
	id := e.save(succession())
	text := all(e.line("/summary article:" + strconv.FormatInt(id, 10)))
	if !strings.Contains(text, "Otto Vale") || !strings.Contains(text, "Mia Kern") {
		t.Errorf("/summary = \n%s\nwant Otto Vale and Mia Kern as key people", text)
	}
	if strings.Contains(text, "Ivo Rask") {
		t.Errorf("/summary = \n%s\nwant no Ivo Rask (named once in passing)", text)
	}
}

func TestWhoNameForms(t *testing.T) {
	e := qaEnv(t)
	e.save(succession())
	e.save(fixture{
		name: "vale-family",
		doc:  news.Document{Title: "Vale family opens museum", Published: "2024-07-01"},
		sentences: []string{
			"Lena Vale, Otto Vale's sister, opened the museum.",
		},
		people: []news.Person{
			{Name: "Lena Vale", Mentions: []int{0}},
			{Name: "Otto Vale", Mentions: []int{0}},
		},
	})
	tests := []lineCase{
		// A surname several people share lists them all, though only one
		// has it as an alias.
		{"/who Vale", []string{"Several people match “Vale”", "Otto Vale", "Lena Vale"}, nil},
		// Honorifics and a role word before the name are left out.
		{"/who Ms. Kern", []string{"Mia Kern"}, []string{"I don't know", "Did you mean"}},
		{"/who Dr Mia Kern", []string{"Mia Kern"}, []string{"I don't know", "Did you mean"}},
		{"/who finance minister Alice Brown", []string{"Alice Brown"}, []string{"I don't know", "Did you mean"}},
		// A word that is neither is not dropped.
		{"/who Banana Kern", []string{"Banana Kern"}, []string{"Mia Kern's page"}},
	}
	runLines(t, e, tests)
}

func TestAskRoleAbbreviation(t *testing.T) {
	e := qaEnv(t)
	e.save(fixture{
		name: "quarry",
		doc:  news.Document{Title: "Quarry firm names chief", Published: "2024-08-01"},
		sentences: []string{
			"Rosa Quint, the chief executive of Granite Works, opened the quarry.",
			"Chief executive officer Tom Ashe of Marble Inc said nothing.",
		},
		people: []news.Person{
			{Name: "Rosa Quint", Descriptions: []string{"chief executive of Granite Works"}, Roles: []string{"chief executive"}, Mentions: []int{0}},
			{Name: "Tom Ashe", Roles: []string{"chief executive officer"}, Mentions: []int{1}},
		},
	})
	tests := []lineCase{
		{"/ask Who is the CEO of Granite Works?", []string{"Rosa Quint"}, []string{"Tom Ashe", "I don't know"}},
		{"/ask Who is the CEO of Marble Inc?", []string{"Tom Ashe"}, []string{"Rosa Quint", "I don't know"}},
		{"/ask Who is the CEO of Slate Ltd?", []string{"I don't know"}, []string{"Rosa Quint", "Tom Ashe"}},
	}
	runLines(t, e, tests)
}

func TestAskPrefersTheNamedPersonsEvent(t *testing.T) {
	e := qaEnv(t)
	e.save(fixture{
		name: "obituary",
		doc:  news.Document{Title: "Surgeon Ada Finch dies at 90", Published: "2024-03-06"},
		sentences: []string{
			"Ada Finch died on March 3 at her home in Leeds.",
			"Her husband, the painter Cal Finch, died in 2015.",
		},
		people: []news.Person{
			{Name: "Ada Finch", Mentions: []int{0}},
			{Name: "Cal Finch", Aliases: []string{"Finch"}, Mentions: []int{1}},
		},
		events: []news.Event{
			{Name: "death", Text: "died at her home", Date: "2024-03-03", Place: "Leeds", Participants: []string{"Ada Finch"}, Sentence: 0, Status: news.StatusHappened},
			{Name: "death", Text: "died", Date: "2015", Participants: []string{"Cal Finch"}, Sentence: 1, Status: news.StatusHappened},
		},
	})
	for line, want := range map[string]string{
		"/ask When did Ada Finch die?": "Sun, Mar 3, 2024",
		"/ask When did Cal Finch die?": "2015",
	} {
		resp := e.line(line)
		if len(resp.Embeds) == 0 || !strings.Contains(resp.Embeds[0].Description, want) {
			t.Errorf("%s = \n%s\nwant the answer to lead with %q", line, all(resp), want)
		}
	}
}

func TestAskRoleOfCountry(t *testing.T) {
	e := qaEnv(t)
	e.save(fixture{
		name: "borduria",
		doc:  news.Document{Title: "Bordurian leader speaks", Published: "2024-09-01"},
		sentences: []string{
			"President Kurt Plek went on television on Sunday.",
			"Bordurian officials said little.",
		},
		people: []news.Person{
			{Name: "Kurt Plek", Roles: []string{"president"}, Nationality: "Borduria", Mentions: []int{0},
				Facts: []news.PersonFact{{Kind: news.FactRole, Value: "president", Sentence: 0}, {Kind: news.FactNationality, Value: "Borduria", Sentence: 1}}},
		},
	})
	for _, line := range []string{"/ask Who is the president of Borduria?", "/ask Who is Borduria's president?", "/ask Who is the Bordurian president?"} {
		if text := all(e.line(line)); !strings.Contains(text, "Kurt Plek") || strings.Contains(text, "I don't know") {
			t.Errorf("%s = \n%s\nwant Kurt Plek", line, text)
		}
	}
	if text := all(e.line("/ask Who is the president of Syldavia?")); strings.Contains(text, "Kurt Plek") {
		t.Errorf("/ask Who is the president of Syldavia? = \n%s\nwant no Kurt Plek", text)
	}
}

func TestAskQuoteAboutPerson(t *testing.T) {
	e := qaEnv(t)
	e.save(fixture{
		name: "tribute",
		doc:  news.Document{Title: "Mayor pays tribute", Published: "2024-05-01"},
		sentences: []string{
			"“Ben Ash was a great builder,” said Ann Oak.",
			"“The roads will be fixed,” Oak added.",
			"Ben Ash died last week.",
		},
		people: []news.Person{
			{Name: "Ann Oak", Aliases: []string{"Oak"}, Mentions: []int{0, 1}},
			{Name: "Ben Ash", Aliases: []string{"Ash"}, Mentions: []int{0, 2}},
		},
		quotes: []news.Quote{
			{Speaker: "Ann Oak", Text: "Ben Ash was a great builder", Direct: true, Sentence: 0},
			{Speaker: "Ann Oak", Text: "The roads will be fixed", Direct: true, Sentence: 1},
		},
	})
	text := all(e.line("/ask What did Ann Oak say about Ben Ash?"))
	if !strings.Contains(text, "great builder") || strings.Contains(text, "roads will be fixed") {
		t.Errorf("/ask What did Ann Oak say about Ben Ash? = \n%s\nwant only the quote about Ben Ash", text)
	}
}

func TestWhenScheduledThenReported(t *testing.T) {
	e := qaEnv(t)
	e.save(fixture{
		name:      "talks-1",
		doc:       news.Document{Title: "Minister to meet unions", Published: "2024-03-05"},
		sentences: []string{"The minister is due to meet both sides on Thursday."},
		events:    []news.Event{{Name: "talks", Text: "meet both sides", Date: "2024-03-07", Sentence: 0, Status: news.StatusScheduled}},
	})
	e.save(fixture{
		name:      "talks-2",
		doc:       news.Document{Title: "Minister met unions", Published: "2024-03-08"},
		sentences: []string{"Minister Ida Wren met union leaders in London on Thursday."},
		people:    []news.Person{{Name: "Ida Wren", Mentions: []int{0}}},
		events: []news.Event{{Name: "talks", Text: "met union leaders", Date: "2024-03-07", Place: "London",
			Participants: []string{"Ida Wren"}, Sentence: 0, Status: news.StatusHappened}},
	})
	text := all(e.line("/when talks"))
	if strings.Contains(text, "no later report stored") || !strings.Contains(text, "scheduled; reported as happened (Mar 8, 2024)") {
		t.Errorf("/when talks = \n%s\nwant the scheduled report marked as reported happened on Mar 8, 2024", text)
	}
}

func TestFormerAfterResignation(t *testing.T) {
	e := qaEnv(t)
	e.save(fixture{
		name: "mayor",
		doc:  news.Document{Title: "Mayor resigns", Published: "2024-06-05"},
		sentences: []string{
			"Brampton Mayor Lou Tarn resigned on Tuesday, the council said.",
			"Co-founder Eve Sorn resigned from the board of Tarn Foods on Tuesday.",
		},
		people: []news.Person{
			{Name: "Lou Tarn", Aliases: []string{"Tarn"}, Mentions: []int{0},
				Facts: []news.PersonFact{{Kind: news.FactRole, Value: "mayor of Brampton", Sentence: 0}}},
			{Name: "Eve Sorn", Mentions: []int{1},
				Facts: []news.PersonFact{{Kind: news.FactRole, Value: "co-founder", Sentence: 1}}},
		},
		events: []news.Event{
			{Name: "resignation", Text: "resigned", Date: "2024-06-04", Participants: []string{"Lou Tarn"}, Sentence: 0, Status: news.StatusHappened},
			{Name: "resignation", Text: "resigned from the board", Date: "2024-06-04", Participants: []string{"Eve Sorn"}, Sentence: 1, Status: news.StatusHappened},
		},
	})
	tests := []lineCase{
		{"/who Lou Tarn", []string{"**Former mayor of Brampton** (resigned Tue, Jun 4, 2024)"}, []string{"as of"}},
		{"/ask Who is the mayor of Brampton?", []string{"Lou Tarn", "former mayor of Brampton (resigned Tue, Jun 4, 2024)"}, nil},
		// A co-founder stays one.
		{"/who Eve Sorn", []string{"**Co-founder**"}, []string{"Former co-founder"}},
	}
	runLines(t, e, tests)
}

func TestAskSkipsDatelineSentences(t *testing.T) {
	e := qaEnv(t)
	e.save(fixture{
		name:      "quarrytown",
		doc:       news.Document{Title: "Flood hits Quarrytown", Published: "2024-08-14"},
		sentences: []string{"QUARRYTOWN, Ruritania (AP) —", "A flood forced hundreds from their homes in Quarrytown on Wednesday."},
	})
	text := all(e.line("/ask What happened in Quarrytown?"))
	if strings.Contains(text, "(AP) —") || !strings.Contains(text, "A flood forced hundreds") {
		t.Errorf("/ask What happened in Quarrytown? = \n%s\nwant the flood sentence and no dateline", text)
	}
}

// lineCase is one command line with the phrases its answer must and must
// not contain.
type lineCase struct {
	line string
	want []string
	not  []string
}

// runLines answers each case's line and checks its text.
func runLines(t *testing.T, e *env, tests []lineCase) {
	t.Helper()
	for _, tt := range tests {
		checkText(t, tt.line, all(e.line(tt.line)), tt.want, tt.not)
	}
}

// checkText reports each wanted phrase missing from an answer's text and
// each unwanted one present.
func checkText(t *testing.T, line, text string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s = \n%s\nwant it to contain %q", line, text, w)
		}
	}
	for _, w := range not {
		if strings.Contains(text, w) {
			t.Errorf("%s = \n%s\nwant no %q", line, text, w)
		}
	}
}
