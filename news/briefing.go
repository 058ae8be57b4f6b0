package news

import "time"

// Quiet-day choices for a briefing with no new articles.
const (
	QuietNote   = "note"   // send a short "no new articles" note
	QuietSilent = "silent" // send nothing
)

// BriefingSettings is one server's daily briefing configuration.
type BriefingSettings struct {
	GuildID        string    `json:"guild_id"`
	ChannelID      string    `json:"channel_id"`
	LocalTime      string    `json:"local_time"` // "HH:MM" on the server's clock
	TimeZone       string    `json:"time_zone"`  // IANA name, e.g. "Asia/Seoul"
	Quiet          string    `json:"quiet"`      // QuietNote or QuietSilent
	Enabled        bool      `json:"enabled"`
	DisabledReason string    `json:"disabled_reason,omitempty"`
	Updated        time.Time `json:"updated"` // briefings due before this are never sent
}

// Delivery states. A row is written pending before the first message goes
// out and marked sent after the last one, so a restart can tell a briefing
// that was interrupted from one that was delivered.
const (
	DeliveryPending = "pending"
	DeliverySent    = "sent"
	DeliverySkipped = "skipped" // missed outside the catch-up window
	DeliveryFailed  = "failed"  // a permanent error disabled the briefing
)

// Delivery is the record of one server's briefing for one local date.
type Delivery struct {
	GuildID   string    `json:"guild_id"`
	LocalDate string    `json:"local_date"` // YYYY-MM-DD in the server's zone
	Due       time.Time `json:"due"`
	State     string    `json:"state"`
	Parts     int       `json:"parts"` // messages already delivered
	Error     string    `json:"error,omitempty"`
	Updated   time.Time `json:"updated"`
}

// BriefingQuery selects what a briefing shows. Articles are those ingested
// in [Since, Until), plus those published on the dates in [PublishedFrom,
// PublishedTo] when set; events are dated in [UpcomingFrom, UpcomingTo]
// (coming) or [HappenedFrom, HappenedTo] (past). Dates are YYYY-MM-DD.
type BriefingQuery struct {
	Since, Until               time.Time
	PublishedFrom, PublishedTo string
	UpcomingFrom, UpcomingTo   string
	HappenedFrom, HappenedTo   string
	MaxArticles                int
	MaxPeople                  int
	MaxEvents                  int
}

// BriefingArticle is one new article with its summary sentences.
type BriefingArticle struct {
	Article ArticleRef `json:"article"`
	Summary []string   `json:"summary"`
}

// BriefingPerson is a person named in the new articles, with the roles
// those articles give.
type BriefingPerson struct {
	Name        string       `json:"name"`
	Roles       []string     `json:"roles"`
	Nationality string       `json:"nationality,omitempty"`
	Articles    []ArticleRef `json:"articles"`
}

// BriefingData is what the store hands the briefing composer.
type BriefingData struct {
	Articles      []BriefingArticle `json:"articles"`
	TotalArticles int               `json:"total_articles"` // may exceed len(Articles)
	People        []BriefingPerson  `json:"people"`
	Upcoming      []EventFact       `json:"upcoming"` // earliest first
	Happened      []EventFact       `json:"happened"` // earliest first
}

// FeedSource is one RSS or Atom feed the bot reads, with its polling state.
type FeedSource struct {
	ID           int64     `json:"id"`
	URL          string    `json:"url"`
	Title        string    `json:"title"`
	GuildID      string    `json:"guild_id,omitempty"` // who added it; empty from the command line
	Added        time.Time `json:"added"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Primed       bool      `json:"primed"` // the first poll is done; later items are announced
	LastPolled   time.Time `json:"last_polled"`
	LastSuccess  time.Time `json:"last_success"`
	NextPoll     time.Time `json:"next_poll"`
	Failures     int       `json:"failures"` // consecutive
	LastError    string    `json:"last_error,omitempty"`
	Items        int       `json:"items"` // articles stored from this feed
}

// Failing reports whether the feed's last poll failed.
func (f FeedSource) Failing() bool { return f.Failures > 0 }

// FeedItem records one feed entry that has been read, so that it is never
// stored twice: by canonical URL, by GUID and by content hash.
type FeedItem struct {
	FeedID      int64
	GUID        string
	URL         string // canonical
	ContentHash string
	ArticleID   int64 // 0 when the item duplicated another article's content
}

// SourceError is a problem with what the user gave that they can fix: an
// address that is not a feed or is refused, a time of day or time zone that
// does not exist. Msg is shown to them as it is; Err is for the log.
type SourceError struct {
	Msg string
	Err error
}

// Error returns the message for the user.
func (e *SourceError) Error() string { return e.Msg }

// Unwrap returns the underlying error.
func (e *SourceError) Unwrap() error { return e.Err }
