// Package commands turns a slash-command request into a response value.
// It knows nothing of Discord sessions or transports: the gateway, the HTTP
// endpoint, the console and `factdesk ask` all call the same Router, and the
// bot package alone turns a Response into a Discord payload.
package commands

import (
	"context"
	"time"

	"factdesk/news"
)

// Request is one slash command, autocomplete request or button press,
// independent of how it arrived.
type Request struct {
	Command   string            // top-level command name, e.g. "who"
	Sub       string            // subcommand, e.g. "set" in /briefing set
	Options   map[string]string // option name to value, as typed
	Focused   string            // autocomplete: the option being typed
	CustomID  string            // button press: the component's custom ID
	GuildID   string
	ChannelID string
	UserID    string
	CanManage bool // the member has Manage Server (checked again on receipt)
	Now       time.Time
}

// Option returns the named option's value, or "".
func (r Request) Option(name string) string { return r.Options[name] }

// Response is what the bot would post. Bot turns it into a Discord payload;
// the console renders it as text. Every field must already fit Discord's
// limits (see Fit).
type Response struct {
	Content   string   `json:"content,omitempty"`
	Embeds    []Embed  `json:"embeds,omitempty"`
	Buttons   []Button `json:"buttons,omitempty"`
	Ephemeral bool     `json:"ephemeral,omitempty"`
}

// Embed is a rich answer card.
type Embed struct {
	Title       string  `json:"title,omitempty"`
	URL         string  `json:"url,omitempty"`
	Description string  `json:"description,omitempty"`
	Fields      []Field `json:"fields,omitempty"`
	Footer      string  `json:"footer,omitempty"`
	Color       int     `json:"color,omitempty"`
}

// Field is one titled section of an embed.
type Field struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline,omitempty"`
}

// Button is a component button; CustomID routes the press back to a command.
type Button struct {
	Label    string `json:"label"`
	CustomID string `json:"custom_id"`
	Disabled bool   `json:"disabled,omitempty"`
}

// Choice is one autocomplete suggestion.
type Choice struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Facts is what the commands need from the store. *store.Store implements it.
type Facts interface {
	// FindPeople returns people whose normalised name or alias equals name,
	// most mentioned first.
	FindPeople(ctx context.Context, name string, limit int) ([]news.PersonMatch, error)
	// SuggestPeople matches name and alias prefixes first, then substrings,
	// ranked by mentions.
	SuggestPeople(ctx context.Context, partial string, limit int) ([]news.PersonMatch, error)
	// NearestPeople returns the stored names closest to a missed name.
	NearestPeople(ctx context.Context, name string, limit int) ([]news.PersonMatch, error)
	// Person returns everything known about one person, or news.ErrNotFound.
	Person(ctx context.Context, id int64) (news.PersonFacts, error)
	// EventsNamed returns the events whose normalised name matches, newest
	// article first.
	EventsNamed(ctx context.Context, name string) ([]news.EventFact, error)
	// SuggestEvents returns distinct event names matching partial.
	SuggestEvents(ctx context.Context, partial string, limit int) ([]string, error)
	// LatestArticle returns the newest article, or news.ErrNotFound.
	LatestArticle(ctx context.Context) (news.ArticleFacts, error)
	// ArticleFacts returns one article, or news.ErrNotFound.
	ArticleFacts(ctx context.Context, id int64) (news.ArticleFacts, error)
	// SuggestArticles matches article titles.
	SuggestArticles(ctx context.Context, partial string, limit int) ([]news.ArticleRef, error)
	// Articles lists articles newest first, with the total count.
	Articles(ctx context.Context, offset, limit int) ([]news.ArticleRef, int, error)
	// Quotes returns a person's quotes, or the latest quotes when personID is 0.
	Quotes(ctx context.Context, personID int64, limit int) ([]news.QuoteFact, error)
	// Search runs a full-text search over sentences. terms is user text: the
	// store escapes it before it reaches FTS5 syntax.
	Search(ctx context.Context, terms string, offset, limit int) ([]news.SearchHit, int, error)
}

// Lookups are further look-ups that the commands use when Facts offers
// them: /who and /quote answer a role or a place typed where a name
// belongs ("/who president", "/who Seoul"), and /when finds an event by
// the words of the sentence that tells it. *store.Store implements them.
// They are kept apart from Facts so that smaller Facts, such as test
// fakes, need not.
type Lookups interface {
	// PeopleWithRole returns the people a role was stated of, most
	// recently stated first, with Role set to the role as stated.
	PeopleWithRole(ctx context.Context, role string, limit int) ([]news.PersonMatch, error)
	// EntityKind returns "place" or "organization" for a stored name that
	// is one, else "".
	EntityKind(ctx context.Context, name string) (string, error)
	// EventsAt returns the events one sentence of an article tells.
	EventsAt(ctx context.Context, articleID int64, sentence int) ([]news.EventFact, error)
}

// Ingester fetches a URL (a page or an attached file) and stores it.
type Ingester interface {
	IngestURL(ctx context.Context, url string) (news.IngestResult, error)
}
