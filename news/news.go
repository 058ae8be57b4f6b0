// Package news holds the domain types that every other factdesk package
// speaks: documents going in, the facts extracted from them, and the cited
// facts the store hands back to the commands. It imports only the standard
// library.
package news

import (
	"errors"
	"time"
)

// Document is one article as read from a file, a URL or a feed, before
// extraction. Text is the body exactly as given; Offset is the number of
// bytes (front matter) that preceded Text in the original input, so that
// extracted offsets can point into the input as given.
type Document struct {
	Path      string   // file path, URL or "-" for stdin
	Title     string   // from front matter or the page; may be empty
	URL       string   // canonical URL when known
	Source    string   // publication or feed name
	Authors   []string // from front matter; the byline adds more
	Published string   // YYYY-MM-DD; empty when unknown
	Text      string
	Offset    int
}

// Extraction is everything the pipeline finds in one document. Its JSON
// form is the fixed contract of `factdesk extract --json`.
type Extraction struct {
	Path          string     `json:"path"`
	Published     string     `json:"published"`
	Title         string     `json:"title"`
	Dateline      string     `json:"dateline"`
	Authors       []string   `json:"authors"`
	Sentences     []Sentence `json:"sentences"`
	People        []Person   `json:"people"`
	Organizations []Entity   `json:"organizations"`
	Places        []Entity   `json:"places"`
	Timexes       []Timex    `json:"timexes"`
	Events        []Event    `json:"events"`
	Quotes        []Quote    `json:"quotes"`
	Summary       []int      `json:"summary"`
	Error         string     `json:"error,omitempty"`
}

// Sentence kinds. Quotes, events and the summary come from body sentences
// only; people and their roles may also come from the headline and photo
// captions, which often carry a full name and title. Every kind is kept so
// offsets and provenance stay complete.
const (
	KindBody     = "body"
	KindHeadline = "headline"
	KindCaption  = "caption"
	KindByline   = "byline"
	KindDateline = "dateline"
)

// Sentence is one sentence with byte offsets into the input as given.
type Sentence struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind,omitempty"`
}

// Person is one person found in an article, merged over all mentions.
type Person struct {
	Name         string       `json:"name"`
	Aliases      []string     `json:"aliases"`
	Roles        []string     `json:"roles"`
	Descriptions []string     `json:"descriptions"`
	Nationality  string       `json:"nationality"`
	Mentions     []int        `json:"mentions"`
	Facts        []PersonFact `json:"facts,omitempty"`
}

// Person fact kinds.
const (
	FactRole        = "role"
	FactDescription = "description"
	FactNationality = "nationality"
)

// PersonFact is one role, description or nationality with the sentence it
// came from, so every stored fact keeps its provenance.
type PersonFact struct {
	Kind     string `json:"kind"`
	Value    string `json:"value"`
	Sentence int    `json:"sentence"`
}

// Entity is an organisation or a place with the sentences that mention it.
type Entity struct {
	Name     string `json:"name"`
	Mentions []int  `json:"mentions"`
}

// Timex types, as in TimeML TIMEX3.
const (
	TimexDate     = "DATE"
	TimexTime     = "TIME"
	TimexDuration = "DURATION"
	TimexSet      = "SET"
)

// Timex is one time expression, normalised against the publication date.
// Start and End are byte offsets into the input as given.
type Timex struct {
	Text     string `json:"text"`
	Type     string `json:"type"`
	Value    string `json:"value"`
	Mod      string `json:"mod,omitempty"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
}

// Event statuses.
const (
	StatusHappened  = "happened"
	StatusScheduled = "scheduled"
	StatusPlanned   = "planned"
	StatusCanceled  = "canceled"
	StatusOngoing   = "ongoing"
)

// Event is one event with its clause's date, place, participants and status.
// Date is a TIMEX3 value ("2025-01-20", "2024-12") or empty.
type Event struct {
	Name         string   `json:"name"`
	Text         string   `json:"text"`
	Date         string   `json:"date"`
	Place        string   `json:"place"`
	Participants []string `json:"participants"`
	Sentence     int      `json:"sentence"`
	Status       string   `json:"status"`
}

// Quote is direct or reported speech with its resolved speaker.
type Quote struct {
	Speaker  string `json:"speaker"`
	Text     string `json:"text"`
	Direct   bool   `json:"direct"`
	Sentence int    `json:"sentence"`
}

// ArticleRef identifies a stored article in answers and lists.
type ArticleRef struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published string    `json:"published,omitempty"` // YYYY-MM-DD
	Ingested  time.Time `json:"ingested"`
}

// Citation is where a stored fact came from: the article and the sentence.
type Citation struct {
	Article       ArticleRef `json:"article"`
	SentenceIndex int        `json:"sentence_index"`
	Sentence      string     `json:"sentence"`
}

// RoleFact is a role (or description) as one article states it.
type RoleFact struct {
	Role        string   `json:"role"`
	Nationality string   `json:"nationality,omitempty"`
	Description bool     `json:"description,omitempty"` // a relational description rather than a title
	Since       string   `json:"since,omitempty"`       // publication date of the earliest article stating it
	Source      Citation `json:"source"`                // the newest article stating it
}

// EventFact is a stored event with its citation.
type EventFact struct {
	Name         string   `json:"name"`
	Text         string   `json:"text"`
	Date         string   `json:"date"`
	Place        string   `json:"place"`
	Participants []string `json:"participants"`
	Status       string   `json:"status"`
	Source       Citation `json:"source"`
}

// QuoteFact is a stored quote with its citation.
type QuoteFact struct {
	Speaker string   `json:"speaker"`
	Text    string   `json:"text"`
	Direct  bool     `json:"direct"`
	Source  Citation `json:"source"`
}

// PersonMatch is one candidate for a typed name, for disambiguation and
// autocomplete.
type PersonMatch struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases,omitempty"`
	Role     string   `json:"role,omitempty"` // newest role, for a one-line label
	Mentions int      `json:"mentions"`
}

// PersonFacts is everything the store knows about one person, across
// articles. Roles are newest first; the first is the current one.
type PersonFacts struct {
	ID          int64        `json:"id"`
	Name        string       `json:"name"`
	Aliases     []string     `json:"aliases"`
	Nationality string       `json:"nationality"`
	Roles       []RoleFact   `json:"roles"`
	Events      []EventFact  `json:"events"`
	Quotes      []QuoteFact  `json:"quotes"`
	Articles    []ArticleRef `json:"articles"` // newest first
	Mentions    int          `json:"mentions"`
}

// ArticleFacts is one stored article with its summary and key facts.
type ArticleFacts struct {
	Article   ArticleRef    `json:"article"`
	Authors   []string      `json:"authors"`
	Dateline  string        `json:"dateline,omitempty"`
	Summary   []string      `json:"summary"`
	People    []PersonMatch `json:"people"` // by mentions, most first
	Events    []EventFact   `json:"events"`
	Sentences int           `json:"sentences"`
}

// SearchHit is one sentence found by full-text search. Snippet marks the
// matched terms with ** for bold; the article's own * and \ are
// backslash-escaped, so a bare ** is always a match mark.
type SearchHit struct {
	Citation Citation `json:"citation"`
	Snippet  string   `json:"snippet"`
	Score    float64  `json:"score"` // bm25: lower is better
}

// IngestResult says what one ingest did.
type IngestResult struct {
	Article   ArticleRef `json:"article"`
	Status    string     `json:"status"` // "added", "unchanged", "replaced"
	People    []string   `json:"people"`
	Sentences int        `json:"sentences"`
}

// Ingest statuses.
const (
	IngestAdded     = "added"
	IngestUnchanged = "unchanged"
	IngestReplaced  = "replaced"
)

// ErrNotFound is returned by look-ups that find nothing.
var ErrNotFound = errors.New("not found")
