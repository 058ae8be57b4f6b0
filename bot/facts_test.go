package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"factdesk/commands"
	"factdesk/news"
)

// fakeFacts is a small in-memory commands.Facts for the bot's tests. The
// lead will switch these tests to a real store (store.Open over a file in
// t.TempDir()) once the store is ready; the bot's own behaviour (payload
// shape, flags, mentions, limits, deferral) does not depend on which.
//
// Its one article carries text that would ping everyone and a user if
// mentions were parsed.
type fakeFacts struct {
	people  []news.PersonMatch
	article news.ArticleFacts
	quotes  []news.QuoteFact
}

const hostileText = "Officials told @everyone and <@123> (and <@&456>, @here) to stand by"

func newFakeFacts() *fakeFacts {
	ref := news.ArticleRef{
		ID: 1, Title: "Summit set for next week " + "@everyone <@123>", URL: "https://example.org/summit",
		Source: "Example Wire", Published: "2025-01-14", Ingested: time.Date(2025, 1, 14, 9, 0, 0, 0, time.UTC),
	}
	cite := news.Citation{Article: ref, SentenceIndex: 2, Sentence: hostileText + "."}
	f := &fakeFacts{
		article: news.ArticleFacts{
			Article:   ref,
			Authors:   []string{"A. Writer"},
			Summary:   []string{hostileText + ".", strings.Repeat("A very long sentence that keeps going. ", 200)},
			Sentences: 12,
			Events: []news.EventFact{{
				Name: "summit", Text: "the summit", Date: "2025-01-20", Place: "Geneva",
				Participants: []string{"Cho Min"}, Status: news.StatusScheduled, Source: cite,
			}},
		},
	}
	for i := range 30 {
		f.people = append(f.people, news.PersonMatch{
			ID: int64(i + 1), Name: fmt.Sprintf("Cho Person%02d", i), Role: "minister", Mentions: 30 - i,
		})
	}
	f.article.People = f.people[:3]
	f.quotes = []news.QuoteFact{{Speaker: "Cho Person00", Text: "Tell @everyone <@123> we are ready", Direct: true, Source: cite}}
	return f
}

var _ commands.Facts = (*fakeFacts)(nil)

func (f *fakeFacts) match(name string, limit int, substr bool) []news.PersonMatch {
	var out []news.PersonMatch
	q := strings.ToLower(strings.TrimSpace(name))
	for _, p := range f.people {
		n := strings.ToLower(p.Name)
		if n == q || (substr && strings.Contains(n, q)) {
			out = append(out, p)
		}
		if len(out) == limit {
			break
		}
	}
	return out
}

func (f *fakeFacts) FindPeople(_ context.Context, name string, limit int) ([]news.PersonMatch, error) {
	return f.match(name, limit, false), nil
}

func (f *fakeFacts) SuggestPeople(_ context.Context, partial string, limit int) ([]news.PersonMatch, error) {
	return f.match(partial, limit, true), nil
}

func (f *fakeFacts) NearestPeople(_ context.Context, _ string, limit int) ([]news.PersonMatch, error) {
	return f.people[:min(limit, len(f.people))], nil
}

func (f *fakeFacts) Person(_ context.Context, id int64) (news.PersonFacts, error) {
	for _, p := range f.people {
		if p.ID == id {
			return news.PersonFacts{
				ID: p.ID, Name: p.Name, Mentions: p.Mentions,
				Roles:    []news.RoleFact{{Role: p.Role, Since: "2025-01-14", Source: f.quotes[0].Source}},
				Quotes:   f.quotes,
				Events:   f.article.Events,
				Articles: []news.ArticleRef{f.article.Article},
			}, nil
		}
	}
	return news.PersonFacts{}, news.ErrNotFound
}

func (f *fakeFacts) EventsNamed(_ context.Context, name string) ([]news.EventFact, error) {
	if strings.EqualFold(strings.TrimSpace(name), "summit") {
		return f.article.Events, nil
	}
	return nil, nil
}

func (f *fakeFacts) SuggestEvents(_ context.Context, partial string, limit int) ([]string, error) {
	var out []string
	for i := range 40 {
		if len(out) == limit {
			break
		}
		name := fmt.Sprintf("summit %02d", i)
		if strings.Contains(name, strings.ToLower(partial)) {
			out = append(out, name)
		}
	}
	return out, nil
}

func (f *fakeFacts) LatestArticle(context.Context) (news.ArticleFacts, error) { return f.article, nil }

func (f *fakeFacts) ArticleFacts(_ context.Context, id int64) (news.ArticleFacts, error) {
	if id == f.article.Article.ID {
		return f.article, nil
	}
	return news.ArticleFacts{}, news.ErrNotFound
}

func (f *fakeFacts) SuggestArticles(_ context.Context, partial string, limit int) ([]news.ArticleRef, error) {
	return f.refs(limit), nil
}

// refs lists 40 articles so that /articles has more than one page.
func (f *fakeFacts) refs(n int) []news.ArticleRef {
	var out []news.ArticleRef
	for i := range n {
		r := f.article.Article
		r.ID = int64(i + 1)
		r.Title = fmt.Sprintf("Article %02d @everyone", i)
		out = append(out, r)
	}
	return out
}

func (f *fakeFacts) Articles(_ context.Context, offset, limit int) ([]news.ArticleRef, int, error) {
	all := f.refs(40)
	if offset >= len(all) {
		return nil, len(all), nil
	}
	return all[offset:min(offset+limit, len(all))], len(all), nil
}

func (f *fakeFacts) Quotes(_ context.Context, _ int64, limit int) ([]news.QuoteFact, error) {
	return f.quotes[:min(limit, len(f.quotes))], nil
}

func (f *fakeFacts) Search(_ context.Context, terms string, offset, limit int) ([]news.SearchHit, int, error) {
	hit := news.SearchHit{Citation: f.quotes[0].Source, Snippet: "**" + terms + "** " + hostileText, Score: -1}
	if offset > 0 {
		return nil, 1, nil
	}
	return []news.SearchHit{hit}, 1, nil
}

// slowIngester stands in for the ingest pipeline behind /ingest.
type slowIngester struct{ facts *fakeFacts }

func (s slowIngester) IngestURL(_ context.Context, url string) (news.IngestResult, error) {
	return news.IngestResult{
		Article: s.facts.article.Article, Status: news.IngestAdded,
		People: []string{"Cho Person00", "@everyone"}, Sentences: 12,
	}, nil
}

// newRouter builds the real commands.Router over the fake facts.
func newRouter() *commands.Router {
	f := newFakeFacts()
	return commands.New(commands.Deps{
		Facts:    f,
		Ingester: slowIngester{f},
		Now:      func() time.Time { return time.Date(2025, 1, 14, 12, 0, 0, 0, time.UTC) },
	})
}
