package extract

import (
	"strings"
	"testing"

	"factdesk/news"
)

func TestEmptyAndWhitespace(t *testing.T) {
	for _, text := range []string{"", " ", "\n\n\n", "\t \r\n \u00a0 \u2003"} {
		ex := run(t, text)
		if len(ex.Sentences) != 0 || len(ex.People) != 0 || len(ex.Summary) != 0 {
			t.Errorf("Extract(%q) = %d sentences, %d people, summary %v, want nothing", text, len(ex.Sentences), len(ex.People), ex.Summary)
		}
		if ex.Sentences == nil || ex.People == nil || ex.Quotes == nil {
			t.Errorf("Extract(%q) has nil lists, want empty ones for JSON", text)
		}
	}
}

func TestNoPunctuation(t *testing.T) {
	text := strings.Repeat("officials in the capital met again and talked about the weather and the roads ", 60)
	ex := run(t, text)
	if len(ex.Sentences) < 2 {
		t.Errorf("Extract(%d bytes without punctuation) = %d sentences, want it cut into bounded pieces", len(text), len(ex.Sentences))
	}
	for _, s := range ex.Sentences {
		if len(s.Text) > maxSentence+100 {
			t.Errorf("Extract(no punctuation) sentence of %d bytes, want at most about %d", len(s.Text), maxSentence)
		}
	}
}

func TestOneMegabyteLine(t *testing.T) {
	unit := "Prime Minister Karl Weber said the plan would work, and Weber met Anna Schmidt in Berlin on Monday, "
	text := strings.Repeat(unit, (1<<20)/len(unit)+1)
	ex := run(t, text)
	if len(ex.Sentences) == 0 {
		t.Fatalf("Extract(1 MB line) has no sentences")
	}
	p := wantPerson(t, ex, "Karl Weber")
	if len(p.Mentions) < 100 {
		t.Errorf("Extract(1 MB line) Karl Weber mentions = %d, want many", len(p.Mentions))
	}
}

func TestUnbalancedQuotes(t *testing.T) {
	text := "\u201cWe will not stop, said Mayor Lena Holm on Monday.\n\nThe council met. \u201d Holm left.\n\n\"\"\"\n\n\u201c"
	ex := run(t, text)
	wantPerson(t, ex, "Lena Holm")
}

func TestMixedScripts(t *testing.T) {
	text := "東京 — Prime Minister Kenji Sato met 김민수 and Олег Петров in Tokyo on Friday. Sato said «the talks went well». Σήμερα το πρωί. مرحبا بالعالم."
	ex := run(t, text)
	wantPerson(t, ex, "Kenji Sato")
}

func TestLeftoverHTML(t *testing.T) {
	text := "<p>Governor Maria Santos signed the bill on Tuesday.</p><p>&ldquo;This is a good day for our state,&rdquo; Santos said.</p><script>var x = 1;</script><br/>Tom &amp; Jerry"
	ex := run(t, text)
	wantPerson(t, ex, "Maria Santos")
	for _, s := range ex.Sentences {
		if strings.Contains(s.Text, "<p>") && !strings.HasPrefix(s.Text, "<p>") {
			t.Errorf("Extract(html) sentence %q keeps a tag inside", s.Text)
		}
	}
	if len(ex.Quotes) != 1 || ex.Quotes[0].Speaker != "Maria Santos" {
		t.Errorf("Extract(html) quotes = %+v, want one by Maria Santos", ex.Quotes)
	}
}

func TestInvalidUTF8(t *testing.T) {
	text := "Minister Ola Berg\xff\xfe met officials in Oslo.\x00 Berg said \xc3 the talks went well."
	ex := run(t, text)
	wantPerson(t, ex, "Ola Berg")
}

// TestLongInputWindows checks that an input longer than one window keeps
// its offsets and resolves a surname named in an earlier window.
func TestLongInputWindows(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("Foreign Minister Olga Ivanova visited Riga on Monday.\n\n")
	for sb.Len() < 3*windowSize {
		sb.WriteString("The talks covered trade, energy and transport links between the two countries.\n\n")
	}
	sb.WriteString("Ivanova said the talks were useful.\n\n")
	doc := news.Document{Text: sb.String(), Offset: 10}
	ex := Extract(doc)
	checkInvariants(t, doc, ex)
	p := wantPerson(t, ex, "Olga Ivanova")
	if last := p.Mentions[len(p.Mentions)-1]; last != len(ex.Sentences)-1 {
		t.Errorf("Extract(long) Olga Ivanova mentions end at %d, want the last sentence %d", last, len(ex.Sentences)-1)
	}
	if len(ex.Summary) != 3 {
		t.Errorf("Extract(long) summary = %v, want 3", ex.Summary)
	}
}
