package briefing

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"factdesk/commands"
	"factdesk/news"
	"factdesk/store"
)

func ref(id int64, title string) news.ArticleRef {
	return news.ArticleRef{ID: id, Title: title, URL: fmt.Sprintf("https://news.example/%d", id), Source: "Wire", Published: "2025-01-13"}
}

func event(name, date, place, status string, article news.ArticleRef) news.EventFact {
	return news.EventFact{Name: name, Date: date, Place: place, Status: status, Source: news.Citation{Article: article}}
}

// checkLimits fails the test when a message breaks one of Discord's limits.
func checkLimits(t *testing.T, msgs []commands.Response) {
	t.Helper()
	n := func(s string) int { return utf8.RuneCountInString(s) }
	for i, m := range msgs {
		if n(m.Content) > commands.MaxContent || len(m.Embeds) > commands.MaxEmbeds {
			t.Errorf("message %d: content %d, embeds %d, over the limits", i, n(m.Content), len(m.Embeds))
		}
		total := 0
		for _, e := range m.Embeds {
			if n(e.Title) > commands.MaxTitle || n(e.Description) > commands.MaxDescription || n(e.Footer) > commands.MaxFooter {
				t.Errorf("message %d: embed %q over a part limit", i, e.Title)
			}
			total += n(e.Title) + n(e.Description) + n(e.Footer)
		}
		if total > commands.MaxEmbedTotal {
			t.Errorf("message %d: embeds total %d characters, over %d", i, total, commands.MaxEmbedTotal)
		}
	}
}

func TestRenderSections(t *testing.T) {
	loc := mustLoc(t, "Asia/Seoul")
	a, b := ref(1, "Ministers meet in Seoul"), ref(2, "Alliance talks [update]")
	data := news.BriefingData{
		TotalArticles: 2,
		Articles: []news.BriefingArticle{
			{Article: a, Summary: []string{"The ministers met on Monday.", "They spoke for an hour.", "A third sentence."}},
			{Article: b, Summary: []string{"Talks went on *late*."}},
		},
		People: []news.BriefingPerson{{Name: "Ann Lee", Roles: []string{"foreign minister"}, Nationality: "Korean"}},
		Upcoming: []news.EventFact{
			event("Inauguration", "2025-01-20", "Washington", news.StatusScheduled, a),
			event("the inauguration", "2025-01-20", "", news.StatusScheduled, b),
			event("Summit", "2025-01-14", "Tokyo", news.StatusCanceled, b),
			event("Meeting", "2025-01-13", "Seoul", news.StatusHappened, a), // today, done: not upcoming
		},
		Happened: []news.EventFact{
			event("Meeting", "2025-01-13", "Seoul", news.StatusHappened, a),
			event("Vote", "2025-01-12", "", news.StatusHappened, b),
		},
	}
	w := Window{Since: time.Date(2025, 1, 12, 8, 0, 0, 0, loc), Until: time.Date(2025, 1, 13, 8, 0, 0, 0, loc), Loc: loc}
	msgs := Render(data, w, news.QuietNote)
	if len(msgs) != 1 {
		t.Fatalf("Render = %d messages, want 1", len(msgs))
	}
	checkLimits(t, msgs)
	var all strings.Builder
	for _, e := range msgs[0].Embeds {
		all.WriteString(e.Title + "\n" + e.Description + "\n")
	}
	got := all.String()
	for _, want := range []string{
		"Daily briefing — Mon, Jan 13, 2025",
		fmt.Sprintf("2 new articles since <t:%d:f>.", w.Since.Unix()),
		"**[Ministers meet in Seoul](https://news.example/1)** · Wire · Jan 13, 2025\nThe ministers met on Monday. They spoke for an hour.",
		`[Alliance talks \[update\]](https://news.example/2)`,
		`Talks went on \*late\*.`,
		"**Ann Lee** — foreign minister (Korean)",
		"**Inauguration** — Mon, Jan 20, in Washington, in 7 days · [Ministers meet in Seoul](https://news.example/1), [Alliance talks \\[update\\]](https://news.example/2)",
		"**Summit** — Tue, Jan 14, in Tokyo, tomorrow (canceled)",
		"**Vote** — Sun, Jan 12, yesterday",
		"**Meeting** — Mon, Jan 13, in Seoul, today",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Render() is missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "A third sentence") {
		t.Errorf("Render() shows a third summary sentence, want at most two")
	}
	if n := strings.Count(got, "**Meeting**"); n != 1 {
		t.Errorf("Render() lists today's finished meeting %d times, want once (under what happened)", n)
	}
	if n := strings.Count(strings.ToLower(got), "inauguration**"); n != 1 {
		t.Errorf("Render() lists the inauguration %d times, want one line with both sources", n)
	}
}

func TestRenderQuietDay(t *testing.T) {
	w := Window{Since: time.Date(2025, 1, 12, 0, 0, 0, 0, time.UTC), Until: time.Date(2025, 1, 13, 0, 0, 0, 0, time.UTC)}
	if got := Render(news.BriefingData{}, w, news.QuietSilent); len(got) != 0 {
		t.Errorf("Render(quiet, silent) = %d messages, want none", len(got))
	}
	got := Render(news.BriefingData{}, w, news.QuietNote)
	if len(got) != 1 || !strings.Contains(got[0].Content, "No new articles since <t:") {
		t.Errorf("Render(quiet, note) = %+v, want one short note", got)
	}
}

func TestRenderSplitsWithinLimits(t *testing.T) {
	var data news.BriefingData
	long := strings.Repeat("word ", 200)
	for i := 0; i < MaxArticles; i++ {
		a := ref(int64(i+1), fmt.Sprintf("Headline number %d %s", i, strings.Repeat("x", 150)))
		data.Articles = append(data.Articles, news.BriefingArticle{Article: a, Summary: []string{long, long}})
		data.People = append(data.People, news.BriefingPerson{Name: fmt.Sprintf("Person %d", i), Roles: []string{long}})
		data.Upcoming = append(data.Upcoming, event(fmt.Sprintf("Event %d", i), "2025-01-15", long, news.StatusScheduled, a))
	}
	data.TotalArticles = 400
	msgs := Render(data, Window{Until: time.Date(2025, 1, 13, 8, 0, 0, 0, time.UTC)}, news.QuietNote)
	if len(msgs) < 3 {
		t.Fatalf("Render(large) = %d messages, want it split", len(msgs))
	}
	checkLimits(t, msgs)
	var all strings.Builder
	for _, m := range msgs {
		for _, e := range m.Embeds {
			all.WriteString(e.Description + "\n")
		}
	}
	for _, want := range []string{"Headline number 24", "Person 24", "Event 24", "… and 375 more: see /articles."} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("Render(large) lost %q", want)
		}
	}
}

func TestPrint(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "print.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	saveArticle(t, st, 1, "Harbour reopens", "The harbour reopened after repairs.", "")
	var out bytes.Buffer
	// The article is published on 2025-01-13 and stored now: --date finds
	// it by its publication date.
	if err := Print(ctx, &out, st, "2025-01-13", "Asia/Seoul", time.Now()); err != nil {
		t.Fatalf("Print: %v", err)
	}
	got := out.String()
	for _, want := range []string{"Daily briefing — Mon, Jan 13, 2025", "Harbour reopens 1 <https://news.example/1> · Example Wire · Jan 13, 2025", "The harbour reopened after repairs."} {
		if !strings.Contains(got, want) {
			t.Errorf("Print() = %q, want it to contain %q", got, want)
		}
	}
	if strings.Contains(got, "**") || strings.Contains(got, "<t:") {
		t.Errorf("Print() = %q, want plain text", got)
	}
	if err := Print(ctx, &out, st, "13/01/2025", "", time.Now()); err == nil {
		t.Errorf("Print(bad date) error = nil, want an error")
	}
	if err := Print(ctx, &out, st, "", "Nowhere/City", time.Now()); err == nil {
		t.Errorf("Print(bad zone) error = nil, want an error")
	}
}
