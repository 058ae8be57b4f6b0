package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"factdesk/news"
)

// maxListed caps the events, quotes and articles listed for one person
// and the events of one name: as many as one Discord answer can show.
const maxListed = 25

// newestRole is a correlated subquery for the most recently stated role
// of person p.id, read from the person's few person_roles rows.
const newestRole = `COALESCE((SELECT r.value FROM person_roles r WHERE r.person_id = p.id AND r.kind = 'role'
	ORDER BY r.last_published DESC, r.last_article_id DESC LIMIT 1), '')`

// Queries behind autocomplete and look-ups by name, named for the query
// plan test.
const (
	// findPeopleSQL takes (key, limit).
	findPeopleSQL = `SELECT p.id, p.name, p.mentions, ` + newestRole + ` FROM people p
		WHERE p.id IN (SELECT id FROM people WHERE norm = ?1 UNION SELECT person_id FROM person_aliases WHERE norm = ?1)
		ORDER BY p.mentions DESC, p.name LIMIT ?2`
	// suggestPeopleSQL takes (key, prefixEnd(key), limit). The role is
	// looked up for the chosen rows only.
	suggestPeopleSQL = `SELECT p.id, p.name, p.mentions, ` + newestRole + ` FROM
		(SELECT p.id AS id, k.whole AS whole FROM
			(SELECT person_id, max(whole) AS whole FROM person_keys WHERE key >= ?1 AND key < ?2 GROUP BY person_id) k
			JOIN people p ON p.id = k.person_id
			ORDER BY k.whole DESC, p.mentions DESC, p.name LIMIT ?3) t
		JOIN people p ON p.id = t.id
		ORDER BY t.whole DESC, p.mentions DESC, p.name`
	// nearestPeopleSQL takes (two-letter prefix, limit): the most mentioned
	// people with a name or alias word starting with it.
	nearestPeopleSQL = `SELECT p.id, p.name, p.mentions, p.norm, k.key
		FROM person_keys k JOIN people p ON p.id = k.person_id
		WHERE substr(k.key, 1, 2) = ? ORDER BY k.whole DESC, k.mentions DESC LIMIT ?`
)

// suggestShortSQL[n] lists the keys starting with an n-letter prefix (n
// from 1 to 3), whole names first, most mentioned first, straight from an
// index; it takes (prefix, limit).
var suggestShortSQL = [4]string{"",
	`SELECT person_id FROM person_keys WHERE substr(key, 1, 1) = ? ORDER BY whole DESC, mentions DESC LIMIT ?`,
	`SELECT person_id FROM person_keys WHERE substr(key, 1, 2) = ? ORDER BY whole DESC, mentions DESC LIMIT ?`,
	`SELECT person_id FROM person_keys WHERE substr(key, 1, 3) = ? ORDER BY whole DESC, mentions DESC LIMIT ?`,
}

// FindPeople returns people whose normalised name or alias equals name,
// most mentioned first.
func (s *Store) FindPeople(ctx context.Context, name string, limit int) ([]news.PersonMatch, error) {
	key := normKey(name)
	if key == "" {
		return nil, nil
	}
	limit = orDefault(limit)
	ms, err := s.personMatches(ctx, findPeopleSQL, key, limit)
	if err != nil {
		return nil, fmt.Errorf("find people %q: %w", name, err)
	}
	return ms, nil
}

// SuggestPeople returns people whose name or alias starts with partial,
// then those with a word of the name or alias starting with it, each group
// ranked by mentions. An empty partial gives the most mentioned people.
func (s *Store) SuggestPeople(ctx context.Context, partial string, limit int) ([]news.PersonMatch, error) {
	limit = orDefault(limit)
	key := normKey(partial)
	var ms []news.PersonMatch
	var err error
	if key == "" {
		ms, err = s.personMatches(ctx, `SELECT p.id, p.name, p.mentions, `+newestRole+` FROM people p
			ORDER BY p.mentions DESC LIMIT ?`, limit)
	} else if n := utf8.RuneCountInString(key); n < len(suggestShortSQL) {
		ms, err = s.suggestShort(ctx, key, n, limit)
	} else {
		ms, err = s.personMatches(ctx, suggestPeopleSQL, key, prefixEnd(key), limit)
	}
	if err != nil {
		return nil, fmt.Errorf("suggest people %q: %w", partial, err)
	}
	return ms, nil
}

// suggestShort answers SuggestPeople for a prefix of n letters, which may
// match a large share of all keys, from the person_keys_pN index. A person
// may have several matching keys, so it reads more keys than it needs.
func (s *Store) suggestShort(ctx context.Context, key string, n, limit int) ([]news.PersonMatch, error) {
	var ids []int64
	for fetch := limit * 4; ; fetch *= 4 {
		var err error
		var read int
		if ids, read, err = distinctIDs(ctx, s.db, limit, suggestShortSQL[n], key, fetch); err != nil {
			return nil, err
		}
		if len(ids) >= limit || read < fetch {
			break
		}
	}
	return s.matchesByID(ctx, ids)
}

// matchesByID returns the people with the given ids, in that order.
func (s *Store) matchesByID(ctx context.Context, ids []int64) ([]news.PersonMatch, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	marks := strings.Repeat(",?", len(ids))[1:]
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	ms, err := s.personMatches(ctx, `SELECT p.id, p.name, p.mentions, `+newestRole+` FROM people p
		WHERE p.id IN (`+marks+`)`, args...)
	if err != nil {
		return nil, err
	}
	pos := map[int64]int{}
	for i, id := range ids {
		pos[id] = i
	}
	sort.Slice(ms, func(i, j int) bool { return pos[ms[i].ID] < pos[ms[j].ID] })
	return ms, nil
}

// NearestPeople returns the stored names closest to a missed name. The
// candidates are the most mentioned people (up to 200 per word) with a
// name or alias word sharing its first two letters with a word of name,
// found through person_keys_p2, ranked by Jaro-Winkler similarity; when
// there are none, the most mentioned people are ranked instead.
func (s *Store) NearestPeople(ctx context.Context, name string, limit int) ([]news.PersonMatch, error) {
	key := normKey(name)
	if key == "" {
		return nil, nil
	}
	limit = orDefault(limit)
	type cand struct {
		m     news.PersonMatch
		score float64
	}
	cands := map[int64]*cand{}
	words := strings.Fields(key)
	consider := func(rows *sql.Rows) error {
		defer rows.Close()
		for rows.Next() {
			var m news.PersonMatch
			var norm, k string
			if err := rows.Scan(&m.ID, &m.Name, &m.Mentions, &norm, &k); err != nil {
				return err
			}
			sc := max(jaroWinkler(key, norm), jaroWinkler(key, k), wordScore(words, strings.Fields(norm)))
			if c, ok := cands[m.ID]; !ok || sc > c.score {
				cands[m.ID] = &cand{m: m, score: sc}
			}
		}
		return rows.Err()
	}
	const perWord = 200
	seenPrefix := map[string]bool{}
	for _, wd := range words {
		r := []rune(wd)
		if len(r) < 2 {
			continue // one letter says too little
		}
		p := string(r[:2])
		if seenPrefix[p] {
			continue
		}
		seenPrefix[p] = true
		rows, err := s.db.QueryContext(ctx, nearestPeopleSQL, p, perWord)
		if err != nil {
			return nil, fmt.Errorf("nearest people %q: %w", name, err)
		}
		if err := consider(rows); err != nil {
			return nil, fmt.Errorf("nearest people %q: %w", name, err)
		}
	}
	if len(cands) == 0 {
		rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.name, p.mentions, p.norm, p.norm
			FROM people p ORDER BY p.mentions DESC LIMIT ?`, perWord)
		if err != nil {
			return nil, fmt.Errorf("nearest people %q: %w", name, err)
		}
		if err := consider(rows); err != nil {
			return nil, fmt.Errorf("nearest people %q: %w", name, err)
		}
	}
	// Below this a "did you mean" reads as a guess: a city's name scored
	// 0.78 against an unrelated Korean name, and "president" 0.70 against
	// a president's name,
	// while one- or two-letter typos of a stored name score above 0.9.
	const threshold = 0.85
	var list []*cand
	for _, c := range cands {
		if c.score >= threshold {
			list = append(list, c)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		if list[i].m.Mentions != list[j].m.Mentions {
			return list[i].m.Mentions > list[j].m.Mentions
		}
		return list[i].m.Name < list[j].m.Name
	})
	if len(list) > limit {
		list = list[:limit]
	}
	ids := make([]int64, len(list))
	for i, c := range list {
		ids[i] = c.m.ID
	}
	ms, err := s.matchesByID(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("nearest people %q: %w", name, err)
	}
	return ms, nil
}

// wordScore is the mean, over the typed words, of each one's best
// Jaro-Winkler similarity to a word of the stored name.
func wordScore(typed, stored []string) float64 {
	if len(typed) == 0 || len(stored) == 0 {
		return 0
	}
	var sum float64
	for _, t := range typed {
		best := 0.0
		for _, s := range stored {
			best = max(best, jaroWinkler(t, s))
		}
		sum += best
	}
	return sum / float64(len(typed))
}

// personMatches runs a query selecting (id, name, mentions, role) and
// adds each person's aliases.
func (s *Store) personMatches(ctx context.Context, query string, args ...any) ([]news.PersonMatch, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var ms []news.PersonMatch
	for rows.Next() {
		var m news.PersonMatch
		if err := rows.Scan(&m.ID, &m.Name, &m.Mentions, &m.Role); err != nil {
			rows.Close()
			return nil, err
		}
		ms = append(ms, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.addAliases(ctx, s.db, ms); err != nil {
		return nil, err
	}
	return ms, nil
}

// addAliases fills in the aliases of ms with one query.
func (s *Store) addAliases(ctx context.Context, q querier, ms []news.PersonMatch) error {
	if len(ms) == 0 {
		return nil
	}
	args := make([]any, len(ms))
	at := map[int64][]int{}
	for i, m := range ms {
		args[i] = m.ID
		at[m.ID] = append(at[m.ID], i)
	}
	rows, err := q.QueryContext(ctx, `SELECT person_id, alias FROM person_aliases
		WHERE person_id IN (`+strings.Repeat(",?", len(ms))[1:]+`) ORDER BY id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a string
		if err := rows.Scan(&id, &a); err != nil {
			return err
		}
		for _, i := range at[id] {
			ms[i].Aliases = append(ms[i].Aliases, a)
		}
	}
	return rows.Err()
}

func aliases(ctx context.Context, q querier, personID int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY id`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var as []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		as = append(as, a)
	}
	return as, rows.Err()
}

// Queries behind Person, each read newest first in index order; they take
// (person, limit).
const (
	personEventsSQL = `SELECT ` + eventCols + `
		FROM event_participants ep JOIN events e ON e.id = ep.event_id JOIN articles a ON a.id = e.article_id
		LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
		WHERE ep.person_id = ?1 ORDER BY ep.published DESC, ep.article_id DESC, ep.sentence LIMIT ?2`
	personQuotesSQL = `WHERE q.speaker_id = ?1
		ORDER BY q.published DESC, q.article_id DESC, q.sentence LIMIT ?2`
	personArticlesSQL = `SELECT ` + articleCols + ` FROM person_mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.person_id = ? ORDER BY m.published DESC, m.article_id DESC LIMIT ?`
	// personRolesSQL cites each role at its first sentence in the newest
	// article stating it, found through person_facts_article; the roles of
	// one sentence keep the order the extraction gave them.
	personRolesSQL = `SELECT r.kind, r.value, r.first_published, r.sentence, ` + articleCols + `, COALESCE(s.text, ''),
		COALESCE((SELECT n.value FROM person_facts n WHERE n.article_id = r.last_article_id
			AND n.person_id = r.person_id AND n.kind = 'nationality' ORDER BY n.sentence LIMIT 1), '')
		FROM (SELECT r.*, COALESCE(f.sentence, r.first_sentence) AS sentence, COALESCE(f.id, 0) AS fact FROM person_roles r
			LEFT JOIN person_facts f ON f.id = (SELECT f.id FROM person_facts f WHERE f.article_id = r.last_article_id
				AND f.person_id = r.person_id AND f.kind = r.kind AND f.norm = r.norm ORDER BY f.sentence, f.id LIMIT 1)
			WHERE r.person_id = ?) r
		JOIN articles a ON a.id = r.last_article_id
		LEFT JOIN sentences s ON s.article_id = r.last_article_id AND s.idx = r.sentence
		ORDER BY r.last_published DESC, r.last_article_id DESC, r.kind DESC, r.sentence, r.fact, r.norm`
)

// Person returns everything known about one person, or news.ErrNotFound.
// Roles and descriptions are listed once per distinct value, most
// recently stated first (those of one article in sentence order); Since is
// the earliest article stating it, and the citation and the role's
// nationality come from the newest, so that roles stated together share
// one source. The person's nationality is the most recently stated one.
// Events, quotes and articles are newest first, at most 25 of each.
func (s *Store) Person(ctx context.Context, id int64) (news.PersonFacts, error) {
	pf, err := s.person(ctx, id)
	if err != nil {
		return news.PersonFacts{}, fmt.Errorf("person %d: %w", id, err)
	}
	return pf, nil
}

func (s *Store) person(ctx context.Context, id int64) (news.PersonFacts, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return news.PersonFacts{}, err
	}
	defer tx.Rollback()
	pf := news.PersonFacts{ID: id}
	err = tx.QueryRowContext(ctx, `SELECT name, mentions FROM people WHERE id = ?`, id).Scan(&pf.Name, &pf.Mentions)
	if errors.Is(err, sql.ErrNoRows) {
		return news.PersonFacts{}, news.ErrNotFound
	}
	if err != nil {
		return news.PersonFacts{}, err
	}
	if pf.Aliases, err = aliases(ctx, tx, id); err != nil {
		return news.PersonFacts{}, err
	}
	if err := personRoles(ctx, tx, &pf); err != nil {
		return news.PersonFacts{}, err
	}
	if pf.Events, err = eventFacts(ctx, tx, personEventsSQL, id, maxListed); err != nil {
		return news.PersonFacts{}, err
	}
	if pf.Quotes, err = quoteFacts(ctx, tx, personQuotesSQL, id, maxListed); err != nil {
		return news.PersonFacts{}, err
	}
	rows, err := tx.QueryContext(ctx, personArticlesSQL, id, maxListed)
	if err != nil {
		return news.PersonFacts{}, err
	}
	defer rows.Close()
	for rows.Next() {
		ref, err := scanRef(rows)
		if err != nil {
			return news.PersonFacts{}, err
		}
		pf.Articles = append(pf.Articles, ref)
	}
	if err := rows.Err(); err != nil {
		return news.PersonFacts{}, err
	}
	if pf.Aliases == nil {
		pf.Aliases = []string{}
	}
	if pf.Events == nil {
		pf.Events = []news.EventFact{}
	}
	if pf.Quotes == nil {
		pf.Quotes = []news.QuoteFact{}
	}
	if pf.Articles == nil {
		pf.Articles = []news.ArticleRef{}
	}
	return pf, nil
}

// personRoles fills the roles and the nationality from person_roles:
// one row per distinct value, most recently stated first.
func personRoles(ctx context.Context, q querier, pf *news.PersonFacts) error {
	rows, err := q.QueryContext(ctx, personRolesSQL, pf.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	pf.Roles = []news.RoleFact{}
	for rows.Next() {
		var kind, value, since, text, nationality string
		var c news.Citation
		var ar refScan
		if err := rows.Scan(append(append([]any{&kind, &value, &since, &c.SentenceIndex}, ar.dest(&c.Article)...),
			&text, &nationality)...); err != nil {
			return err
		}
		ar.done()
		c.Sentence = text
		if kind == news.FactNationality {
			if pf.Nationality == "" {
				pf.Nationality = value
			}
			continue
		}
		pf.Roles = append(pf.Roles, news.RoleFact{Role: value, Nationality: nationality,
			Description: kind == news.FactDescription, Since: since, Source: c})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if pf.Nationality == "" {
		for _, r := range pf.Roles {
			if r.Nationality != "" {
				pf.Nationality = r.Nationality
				break
			}
		}
	}
	return nil
}

// Quotes returns a person's quotes, or the latest quotes of anyone when
// personID is 0, newest article first.
func (s *Store) Quotes(ctx context.Context, personID int64, limit int) ([]news.QuoteFact, error) {
	limit = orDefault(limit)
	var qs []news.QuoteFact
	var err error
	if personID == 0 {
		qs, err = quoteFacts(ctx, s.db, latestQuotesSQL, limit)
	} else {
		qs, err = quoteFacts(ctx, s.db, personQuotesSQL, personID, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("quotes of %d: %w", personID, err)
	}
	return qs, nil
}

// quoteFactsSQL selects QuoteFacts; a WHERE and ORDER BY clause follow.
const quoteFactsSQL = `SELECT COALESCE(p.name, q.speaker), q.text, q.direct, q.sentence, COALESCE(s.text, ''), ` + articleCols + `
	FROM quotes q JOIN articles a ON a.id = q.article_id
	LEFT JOIN people p ON p.id = q.speaker_id
	LEFT JOIN sentences s ON s.article_id = q.article_id AND s.idx = q.sentence `

// latestQuotesSQL orders all quotes newest first; it takes (limit).
const latestQuotesSQL = `ORDER BY q.published DESC, q.article_id DESC, q.sentence LIMIT ?1`

func quoteFacts(ctx context.Context, q querier, where string, args ...any) ([]news.QuoteFact, error) {
	rows, err := q.QueryContext(ctx, quoteFactsSQL+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var qs []news.QuoteFact
	for rows.Next() {
		var f news.QuoteFact
		var ar refScan
		if err := rows.Scan(append([]any{&f.Speaker, &f.Text, &f.Direct, &f.Source.SentenceIndex, &f.Source.Sentence},
			ar.dest(&f.Source.Article)...)...); err != nil {
			return nil, err
		}
		ar.done()
		qs = append(qs, f)
	}
	return qs, rows.Err()
}
