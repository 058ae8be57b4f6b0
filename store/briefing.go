package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"factdesk/news"
)

// BriefingData returns what a briefing shows for q: the newest articles in
// its window with their summary sentences, the people they name with the
// roles they give, and the events dated in its upcoming and happened
// ranges. Every query is a range scan on an index, capped by q's limits.
func (s *Store) BriefingData(ctx context.Context, q news.BriefingQuery) (news.BriefingData, error) {
	// Plain reads, not a transaction: the DSN makes every transaction
	// IMMEDIATE, which would queue a briefing behind writers.
	tx := s.db
	var out news.BriefingData
	var err error
	if out.Articles, out.TotalArticles, err = briefingArticles(ctx, tx, q); err != nil {
		return news.BriefingData{}, fmt.Errorf("briefing articles: %w", err)
	}
	if err := briefingSummaries(ctx, tx, out.Articles); err != nil {
		return news.BriefingData{}, fmt.Errorf("briefing summaries: %w", err)
	}
	if out.People, err = briefingPeople(ctx, tx, out.Articles, q.MaxPeople); err != nil {
		return news.BriefingData{}, fmt.Errorf("briefing people: %w", err)
	}
	if q.UpcomingFrom != "" {
		if out.Upcoming, err = briefingEvents(ctx, tx, q.UpcomingFrom, q.UpcomingTo, q.MaxEvents, true); err != nil {
			return news.BriefingData{}, fmt.Errorf("briefing upcoming events: %w", err)
		}
	}
	if q.HappenedFrom != "" {
		if out.Happened, err = briefingEvents(ctx, tx, q.HappenedFrom, q.HappenedTo, q.MaxEvents, false); err != nil {
			return news.BriefingData{}, fmt.Errorf("briefing past events: %w", err)
		}
	}
	return out, nil
}

func briefingArticles(ctx context.Context, tx briefingDB, q news.BriefingQuery) ([]news.BriefingArticle, int, error) {
	var where []string
	var args []any
	if !q.Since.IsZero() || !q.Until.IsZero() {
		until := q.Until
		if until.IsZero() {
			until = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		where = append(where, "(a.ingested >= ? AND a.ingested < ?)")
		args = append(args, formatTime(q.Since), formatTime(until))
	}
	if q.PublishedFrom != "" {
		where = append(where, "(a.published >= ? AND a.published <= ?)")
		args = append(args, q.PublishedFrom, q.PublishedTo)
	}
	if len(where) == 0 {
		return nil, 0, nil
	}
	cond := "(" + strings.Join(where, " OR ") + ") AND NOT EXISTS (SELECT 1 FROM unannounced_articles u WHERE u.article_id = a.id)"
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := q.MaxArticles
	if limit <= 0 {
		limit = 25
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.title, coalesce(a.url, ''), a.source, a.published, a.ingested
		FROM articles a WHERE `+cond+` ORDER BY a.ingested DESC, a.id DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []news.BriefingArticle
	for rows.Next() {
		var a news.ArticleRef
		var ingested string
		if err := rows.Scan(&a.ID, &a.Title, &a.URL, &a.Source, &a.Published, &ingested); err != nil {
			return nil, 0, err
		}
		a.Ingested = parseTime(ingested)
		out = append(out, news.BriefingArticle{Article: a})
	}
	return out, total, rows.Err()
}

// briefingDB is a *sql.DB or a *sql.Tx.
type briefingDB interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// briefingIDs returns "?,?,?" and the arguments for ids.
func briefingIDs(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?,", len(ids)), ","), args
}

// briefingSummaries fills in up to two summary sentences per article.
func briefingSummaries(ctx context.Context, tx briefingDB, arts []news.BriefingArticle) error {
	if len(arts) == 0 {
		return nil
	}
	byID := make(map[int64]*news.BriefingArticle, len(arts))
	ids := make([]int64, len(arts))
	for i := range arts {
		byID[arts[i].Article.ID] = &arts[i]
		ids[i] = arts[i].Article.ID
	}
	marks, args := briefingIDs(ids)
	rows, err := tx.QueryContext(ctx, `SELECT su.article_id, se.text
		FROM summaries su JOIN sentences se ON se.article_id = su.article_id AND se.idx = su.sentence
		WHERE su.article_id IN (`+marks+`) AND su.position < 2
		ORDER BY su.article_id, su.position`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return err
		}
		if a := byID[id]; a != nil {
			a.Summary = append(a.Summary, text)
		}
	}
	return rows.Err()
}

// briefingPeople returns the people the articles name, weightiest first
// (mentions plus roles, events and quotes, as keyPeople ranks them), with the roles those articles give them (or, when they give none,
// the person's newest stored role).
func briefingPeople(ctx context.Context, tx briefingDB, arts []news.BriefingArticle, limit int) ([]news.BriefingPerson, error) {
	if len(arts) == 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = 15
	}
	refs := make(map[int64]news.ArticleRef, len(arts))
	ids := make([]int64, len(arts))
	for i, a := range arts {
		refs[a.Article.ID] = a.Article
		ids[i] = a.Article.ID
	}
	marks, args := briefingIDs(ids)
	rows, err := tx.QueryContext(ctx, `SELECT pm.person_id, p.name, pm.article_id, pm.count
		FROM person_mentions pm JOIN people p ON p.id = pm.person_id
		WHERE pm.article_id IN (`+marks+`)`, args...)
	if err != nil {
		return nil, err
	}
	type agg struct {
		id       int64
		person   news.BriefingPerson
		mentions int
	}
	byID := map[int64]*agg{}
	for rows.Next() {
		var pid, aid int64
		var name string
		var n int
		if err := rows.Scan(&pid, &name, &aid, &n); err != nil {
			rows.Close()
			return nil, err
		}
		g := byID[pid]
		if g == nil {
			g = &agg{id: pid, person: news.BriefingPerson{Name: name}}
			byID[pid] = g
		}
		g.mentions += n
		g.person.Articles = append(g.person.Articles, refs[aid])
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	weights := map[int64]int{}
	bylines, err := bylinePeople(ctx, tx, marks, args, weights)
	if err != nil {
		return nil, err
	}
	acts := map[int64]int{}
	for _, q := range []string{
		// Two for each event or quote.
		`SELECT ep.person_id, 2 * count(*) FROM events e JOIN event_participants ep ON ep.event_id = e.id
			WHERE e.article_id IN (` + marks + `) AND ep.person_id IS NOT NULL GROUP BY ep.person_id`,
		`SELECT speaker_id, 2 * count(*) FROM quotes
			WHERE article_id IN (` + marks + `) AND speaker_id IS NOT NULL GROUP BY speaker_id`,
	} {
		if err := addWeights(ctx, tx, acts, q, args); err != nil {
			return nil, err
		}
	}
	for id, w := range acts {
		weights[id] += w
	}
	// A person a headline names is what that article is about.
	for _, g := range byID {
		for _, a := range g.person.Articles {
			if namedIn(g.person.Name, a.Title) {
				weights[g.id] += 4
			}
		}
	}
	// A person named once with no role, event or quote is a passing
	// mention, left out as dropPassing says.
	passing := func(g *agg) bool { return g.mentions <= 1 && weights[g.id] == 0 }
	// The articles' writers and editors are their byline, not their news.
	byline := func(g *agg) bool { return bylines[g.id] && acts[g.id] == 0 }
	key := 0
	for _, g := range byID {
		if !passing(g) && !byline(g) {
			key++
		}
	}
	drop := dropPassing(len(byID), key)
	list := make([]*agg, 0, len(byID))
	for _, g := range byID {
		if drop && passing(g) || byline(g) {
			continue
		}
		list = append(list, g)
	}
	weight := func(g *agg) int { return g.mentions + weights[g.id] }
	sort.Slice(list, func(i, j int) bool {
		if wi, wj := weight(list[i]), weight(list[j]); wi != wj {
			return wi > wj
		}
		if list[i].mentions != list[j].mentions {
			return list[i].mentions > list[j].mentions
		}
		return list[i].person.Name < list[j].person.Name
	})
	if len(list) > limit {
		list = list[:limit]
	}
	out := make([]news.BriefingPerson, 0, len(list))
	for _, g := range list {
		if err := briefingRoles(ctx, tx, g.id, ids, &g.person); err != nil {
			return nil, err
		}
		sort.Slice(g.person.Articles, func(i, j int) bool { return g.person.Articles[i].ID > g.person.Articles[j].ID })
		out = append(out, g.person)
	}
	return out, nil
}

// bylinePeople adds two to weights for each role the articles (marks,
// args) state of a person, and returns the people all of whose roles
// there are a writer's or an editor's.
func bylinePeople(ctx context.Context, tx briefingDB, marks string, args []any, weights map[int64]int) (map[int64]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT person_id, value FROM person_facts
		WHERE article_id IN (`+marks+`) AND kind = 'role'`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	other := map[int64]bool{}
	for rows.Next() {
		var id int64
		var role string
		if err := rows.Scan(&id, &role); err != nil {
			return nil, err
		}
		weights[id] += 2
		if bylineOnly([]string{role}) {
			out[id] = true
		} else {
			other[id] = true
		}
	}
	for id := range other {
		delete(out, id)
	}
	return out, rows.Err()
}

// addWeights adds the (person, weight) rows of query to weights.
func addWeights(ctx context.Context, tx briefingDB, weights map[int64]int, query string, args []any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var w int
		if err := rows.Scan(&id, &w); err != nil {
			return err
		}
		weights[id] += w
	}
	return rows.Err()
}

func briefingRoles(ctx context.Context, tx briefingDB, personID int64, articleIDs []int64, p *news.BriefingPerson) error {
	marks, args := briefingIDs(articleIDs)
	rows, err := tx.QueryContext(ctx, `SELECT kind, value FROM person_facts
		WHERE person_id = ? AND article_id IN (`+marks+`) AND kind IN ('role', 'nationality')
		ORDER BY published DESC, article_id DESC, id`, append([]any{personID}, args...)...)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for rows.Next() {
		var kind, value string
		if err := rows.Scan(&kind, &value); err != nil {
			rows.Close()
			return err
		}
		switch {
		case kind == news.FactNationality && p.Nationality == "":
			p.Nationality = value
		case kind == news.FactRole && !seen[strings.ToLower(value)]:
			seen[strings.ToLower(value)] = true
			p.Roles = append(p.Roles, value)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(p.Roles) > 0 {
		return nil
	}
	var role string
	err = tx.QueryRowContext(ctx, `SELECT value FROM person_facts WHERE person_id = ? AND kind = 'role'
		ORDER BY published DESC, article_id DESC LIMIT 1`, personID).Scan(&role)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	p.Roles = []string{role}
	return nil
}

// briefingEvents returns events dated on the days from..to (YYYY-MM-DD,
// inclusive), earliest first. Partial dates ("2025-01") are left out, and
// so, for upcoming ones, are events already reported as happened.
func briefingEvents(ctx context.Context, tx briefingDB, from, to string, limit int, upcoming bool) ([]news.EventFact, error) {
	if limit <= 0 {
		limit = 100
	}
	end, err := time.Parse(time.DateOnly, to)
	if err != nil {
		return nil, fmt.Errorf("event range end %q: %w", to, err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT e.name, e.text, e.date, e.place, e.participants, e.status, e.sentence,
			a.id, a.title, coalesce(a.url, ''), a.source, a.published, a.ingested, coalesce(se.text, '')
		FROM events e
		JOIN articles a ON a.id = e.article_id
		LEFT JOIN sentences se ON se.article_id = e.article_id AND se.idx = e.sentence
		WHERE e.date >= ? AND e.date < ? AND length(e.date) >= 10 AND NOT (? AND e.status = 'happened')
		ORDER BY e.date, a.id LIMIT ?`, from, end.AddDate(0, 0, 1).Format(time.DateOnly), upcoming, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.EventFact
	for rows.Next() {
		var e news.EventFact
		var participants, ingested string
		if err := rows.Scan(&e.Name, &e.Text, &e.Date, &e.Place, &participants, &e.Status, &e.Source.SentenceIndex,
			&e.Source.Article.ID, &e.Source.Article.Title, &e.Source.Article.URL, &e.Source.Article.Source,
			&e.Source.Article.Published, &ingested, &e.Source.Sentence); err != nil {
			return nil, err
		}
		e.Source.Article.Ingested = parseTime(ingested)
		if participants != "" {
			_ = json.Unmarshal([]byte(participants), &e.Participants) // a malformed list only loses participants
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// SaveBriefingSettings creates or replaces a server's briefing settings.
func (s *Store) SaveBriefingSettings(ctx context.Context, b news.BriefingSettings) error {
	if b.Quiet == "" {
		b.Quiet = news.QuietNote
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO briefing_settings
		(guild_id, channel_id, local_time, time_zone, quiet, enabled, disabled_reason, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, local_time = excluded.local_time,
			time_zone = excluded.time_zone, quiet = excluded.quiet, enabled = excluded.enabled,
			disabled_reason = excluded.disabled_reason, updated = excluded.updated`,
		b.GuildID, b.ChannelID, b.LocalTime, b.TimeZone, b.Quiet, b.Enabled, b.DisabledReason, formatTime(b.Updated))
	if err != nil {
		return fmt.Errorf("save briefing settings for %s: %w", b.GuildID, err)
	}
	return nil
}

const settingsColumns = `guild_id, channel_id, local_time, time_zone, quiet, enabled, disabled_reason, updated`

func scanSettings(sc interface{ Scan(...any) error }) (news.BriefingSettings, error) {
	var b news.BriefingSettings
	var updated string
	if err := sc.Scan(&b.GuildID, &b.ChannelID, &b.LocalTime, &b.TimeZone, &b.Quiet, &b.Enabled, &b.DisabledReason, &updated); err != nil {
		return news.BriefingSettings{}, err
	}
	b.Updated = parseTime(updated)
	return b, nil
}

// BriefingSettings returns a server's settings, or news.ErrNotFound.
func (s *Store) BriefingSettings(ctx context.Context, guildID string) (news.BriefingSettings, error) {
	b, err := scanSettings(s.db.QueryRowContext(ctx, `SELECT `+settingsColumns+` FROM briefing_settings WHERE guild_id = ?`, guildID))
	if errors.Is(err, sql.ErrNoRows) {
		return news.BriefingSettings{}, news.ErrNotFound
	}
	if err != nil {
		return news.BriefingSettings{}, fmt.Errorf("briefing settings for %s: %w", guildID, err)
	}
	return b, nil
}

// EnabledBriefings returns the settings of every server whose briefing is on.
func (s *Store) EnabledBriefings(ctx context.Context) ([]news.BriefingSettings, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+settingsColumns+` FROM briefing_settings WHERE enabled ORDER BY guild_id`)
	if err != nil {
		return nil, fmt.Errorf("enabled briefings: %w", err)
	}
	defer rows.Close()
	var out []news.BriefingSettings
	for rows.Next() {
		b, err := scanSettings(rows)
		if err != nil {
			return nil, fmt.Errorf("enabled briefings: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// DisableBriefing turns a server's briefing off, keeping why.
func (s *Store) DisableBriefing(ctx context.Context, guildID, reason string, at time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE briefing_settings SET enabled = 0, disabled_reason = ?, updated = ? WHERE guild_id = ?`,
		reason, formatTime(at), guildID)
	if err != nil {
		return fmt.Errorf("disable briefing for %s: %w", guildID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return news.ErrNotFound
	}
	return nil
}

const deliveryColumns = `guild_id, local_date, due, state, parts, error, updated`

func scanDelivery(sc interface{ Scan(...any) error }) (news.Delivery, error) {
	var d news.Delivery
	var due, updated string
	if err := sc.Scan(&d.GuildID, &d.LocalDate, &due, &d.State, &d.Parts, &d.Error, &updated); err != nil {
		return news.Delivery{}, err
	}
	d.Due, d.Updated = parseTime(due), parseTime(updated)
	return d, nil
}

// ClaimDelivery records d (normally pending) unless a delivery for its
// server and local date already exists, and returns the row as stored: the
// new one, or the existing one untouched. It commits before returning, so
// the intent is on disk before anything is sent.
func (s *Store) ClaimDelivery(ctx context.Context, d news.Delivery) (news.Delivery, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return news.Delivery{}, fmt.Errorf("claim delivery %s %s: %w", d.GuildID, d.LocalDate, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO briefing_deliveries (`+deliveryColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (guild_id, local_date) DO NOTHING`,
		d.GuildID, d.LocalDate, formatTime(d.Due), d.State, d.Parts, d.Error, formatTime(d.Updated)); err != nil {
		return news.Delivery{}, fmt.Errorf("claim delivery %s %s: %w", d.GuildID, d.LocalDate, err)
	}
	got, err := scanDelivery(tx.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM briefing_deliveries
		WHERE guild_id = ? AND local_date = ?`, d.GuildID, d.LocalDate))
	if err != nil {
		return news.Delivery{}, fmt.Errorf("claim delivery %s %s: %w", d.GuildID, d.LocalDate, err)
	}
	if err := tx.Commit(); err != nil {
		return news.Delivery{}, fmt.Errorf("claim delivery %s %s: %w", d.GuildID, d.LocalDate, err)
	}
	return got, nil
}

// Delivery returns the delivery for a server and local date, or
// news.ErrNotFound.
func (s *Store) Delivery(ctx context.Context, guildID, localDate string) (news.Delivery, error) {
	d, err := scanDelivery(s.db.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM briefing_deliveries
		WHERE guild_id = ? AND local_date = ?`, guildID, localDate))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Delivery{}, news.ErrNotFound
	}
	if err != nil {
		return news.Delivery{}, fmt.Errorf("delivery %s %s: %w", guildID, localDate, err)
	}
	return d, nil
}

// UpdateDelivery stores a delivery's new state, parts sent and error.
func (s *Store) UpdateDelivery(ctx context.Context, d news.Delivery) error {
	res, err := s.db.ExecContext(ctx, `UPDATE briefing_deliveries SET state = ?, parts = ?, error = ?, updated = ?
		WHERE guild_id = ? AND local_date = ?`, d.State, d.Parts, d.Error, formatTime(d.Updated), d.GuildID, d.LocalDate)
	if err != nil {
		return fmt.Errorf("update delivery %s %s: %w", d.GuildID, d.LocalDate, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return news.ErrNotFound
	}
	return nil
}

// LastSentDelivery returns a server's most recent sent briefing, or
// news.ErrNotFound.
func (s *Store) LastSentDelivery(ctx context.Context, guildID string) (news.Delivery, error) {
	d, err := scanDelivery(s.db.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM briefing_deliveries
		WHERE guild_id = ? AND state = 'sent' ORDER BY due DESC LIMIT 1`, guildID))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Delivery{}, news.ErrNotFound
	}
	if err != nil {
		return news.Delivery{}, fmt.Errorf("last sent delivery for %s: %w", guildID, err)
	}
	return d, nil
}
