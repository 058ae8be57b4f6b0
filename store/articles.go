package store

import (
	"context"
	"database/sql"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdesk/news"
)

// LatestArticle returns the newest article (by publication date, then
// ingestion), or news.ErrNotFound when the store is empty.
func (s *Store) LatestArticle(ctx context.Context) (news.ArticleFacts, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM articles ORDER BY published DESC, id DESC LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return news.ArticleFacts{}, fmt.Errorf("latest article: %w", news.ErrNotFound)
	}
	if err != nil {
		return news.ArticleFacts{}, fmt.Errorf("latest article: %w", err)
	}
	return s.ArticleFacts(ctx, id)
}

// ArticleFacts returns one article with its summary sentences, its key
// people (ranked and filtered by keyPeople, Mentions counting this article only, Role
// the roles this article states with the nationality it gives, as in
// "acting president and deputy prime minister (South Korea)", or else the
// newest role known) and its events in
// text order, or news.ErrNotFound.
func (s *Store) ArticleFacts(ctx context.Context, id int64) (news.ArticleFacts, error) {
	af, err := s.articleFacts(ctx, id)
	if err != nil {
		return news.ArticleFacts{}, fmt.Errorf("article %d: %w", id, err)
	}
	return af, nil
}

func (s *Store) articleFacts(ctx context.Context, id int64) (news.ArticleFacts, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return news.ArticleFacts{}, err
	}
	defer tx.Rollback()
	var af news.ArticleFacts
	var authors string
	af.Article, err = scanRef(tx.QueryRowContext(ctx, `SELECT `+articleCols+`, a.authors, a.dateline,
		(SELECT count(*) FROM sentences WHERE article_id = a.id) FROM articles a WHERE a.id = ?`, id),
		&authors, &af.Dateline, &af.Sentences)
	if errors.Is(err, sql.ErrNoRows) {
		return news.ArticleFacts{}, news.ErrNotFound
	}
	if err != nil {
		return news.ArticleFacts{}, err
	}
	if err := json.Unmarshal([]byte(authors), &af.Authors); err != nil {
		return news.ArticleFacts{}, fmt.Errorf("authors %q: %w", authors, err)
	}
	if af.Summary, err = queryStrings(ctx, tx, `SELECT s.text FROM summaries m
		JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence
		WHERE m.article_id = ? ORDER BY m.position`, id); err != nil {
		return news.ArticleFacts{}, err
	}
	if af.Summary == nil {
		af.Summary = []string{}
	}
	rows, err := tx.QueryContext(ctx, articlePeopleSQL, id)
	if err != nil {
		return news.ArticleFacts{}, err
	}
	var people []keyPerson
	for rows.Next() {
		var k keyPerson
		var roles string
		if err := rows.Scan(&k.ID, &k.Name, &k.Mentions, &k.Role, &k.roles, &roles, &k.acts); err != nil {
			rows.Close()
			return news.ArticleFacts{}, err
		}
		k.byline = k.acts == 0 && bylineOnly(strings.Split(roles, "|"))
		people = append(people, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return news.ArticleFacts{}, err
	}
	// The headline and the lead sentence say whom the article is about.
	var lead string
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE((SELECT text FROM sentences
		WHERE article_id = ? AND kind = 'body' ORDER BY idx LIMIT 1), '')`, id).Scan(&lead); err != nil {
		return news.ArticleFacts{}, err
	}
	for i := range people {
		people[i].lead = leadWeight(people[i].Name, af.Article.Title, lead)
	}
	af.People = keyPeople(people)
	if err := s.addAliases(ctx, tx, af.People); err != nil {
		return news.ArticleFacts{}, err
	}
	if err := articleRoles(ctx, tx, id, af.People); err != nil {
		return news.ArticleFacts{}, err
	}
	if af.Events, err = eventFacts(ctx, tx, `SELECT `+eventCols+` FROM events e JOIN articles a ON a.id = e.article_id
		LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
		WHERE e.article_id = ? ORDER BY e.sentence, e.id`, id); err != nil {
		return news.ArticleFacts{}, err
	}
	return af, nil
}

// articlePeopleSQL takes an article ID and lists its people with their
// mentions in it, the role it gives (or their newest), how many roles it
// states of them and how many of its events and quotes they take part in.
const articlePeopleSQL = `SELECT p.id, p.name, m.count,
	COALESCE((SELECT f.value FROM person_facts f WHERE f.person_id = p.id AND f.kind = 'role'
		AND f.article_id = m.article_id ORDER BY f.sentence LIMIT 1), ` + newestRole + `),
	(SELECT count(*) FROM person_facts f WHERE f.article_id = m.article_id AND f.person_id = p.id AND f.kind = 'role'),
	(SELECT COALESCE(group_concat(f.value, '|'), '') FROM person_facts f WHERE f.article_id = m.article_id AND f.person_id = p.id AND f.kind = 'role'),
	(SELECT count(*) FROM event_participants e WHERE e.person_id = p.id AND e.published = m.published AND e.article_id = m.article_id)
		+ (SELECT count(*) FROM quotes q WHERE q.speaker_id = p.id AND q.published = m.published AND q.article_id = m.article_id)
	FROM person_mentions m JOIN people p ON p.id = m.person_id
	WHERE m.article_id = ?`

// keyPerson is a person of one article with what ranks them there.
type keyPerson struct {
	news.PersonMatch
	roles, acts int
	lead        int  // leadWeight
	byline      bool // only the article's writer or editor
}

//go:embed bylineroles.txt
var bylineRolesText string

// bylineRoles are the last words of roles that make a person one of an
// article's writers or editors, from bylineroles.txt.
var bylineRoles = func() map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(bylineRolesText, "\n") {
		if !strings.HasPrefix(line, "#") {
			for _, w := range strings.Fields(line) {
				out[w] = true
			}
		}
	}
	return out
}()

// bylineOnly reports whether roles are all roles of an article's writers
// or editors ("reporter", "Associated Press writer"), and there is one.
func bylineOnly(roles []string) bool {
	n := 0
	for _, r := range roles {
		w := strings.Fields(strings.ToLower(r))
		if len(w) == 0 {
			continue
		}
		if !bylineRoles[w[len(w)-1]] {
			return false
		}
		n++
	}
	return n > 0
}

// keyPeopleShort is how many people a list keeps even when some of them
// are only named once in passing.
const keyPeopleShort = 5

// keyPeople orders an article's people by weight: mentions, plus two for
// each role the article states and each event or quote they take part in,
// plus their leadWeight.
// A person named once with no role, event or quote (a passing mention, as
// in "closed in honour of X") is not a key person; such people are
// dropped as dropPassing says. The article's writers and editors, named
// only as such, are left out: they are its byline, not its news.
func keyPeople(in []keyPerson) []news.PersonMatch {
	weight := func(k keyPerson) int { return k.Mentions + 2*k.roles + 2*k.acts + k.lead }
	sort.SliceStable(in, func(i, j int) bool {
		if wi, wj := weight(in[i]), weight(in[j]); wi != wj {
			return wi > wj
		}
		if in[i].Mentions != in[j].Mentions {
			return in[i].Mentions > in[j].Mentions
		}
		return in[i].Name < in[j].Name
	})
	key := 0
	for _, k := range in {
		if !k.passing() && !k.byline {
			key++
		}
	}
	drop := dropPassing(len(in), key)
	out := make([]news.PersonMatch, 0, len(in))
	for _, k := range in {
		if drop && k.passing() || k.byline {
			continue
		}
		out = append(out, k.PersonMatch)
	}
	return out
}

// leadWeight is what naming a person by full name in the headline (4) and
// in the lead sentence (2) adds to their weight: the article is about
// them.
func leadWeight(name, title, lead string) int {
	w := 0
	if namedIn(name, title) {
		w += 4
	}
	if namedIn(name, lead) {
		w += 2
	}
	return w
}

// namedIn reports whether text has name as whole words, case-folded.
func namedIn(name, text string) bool {
	want := strings.Join(strings.FieldsFunc(strings.ToLower(name), notWordRune), " ")
	have := " " + strings.Join(strings.FieldsFunc(strings.ToLower(text), notWordRune), " ") + " "
	return want != "" && strings.Contains(have, " "+want+" ")
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// passing reports whether k is only named once in passing.
func (k keyPerson) passing() bool { return k.Mentions <= 1 && k.roles == 0 && k.acts == 0 }

// dropPassing reports whether a list of n people, key of them more than
// passing mentions, leaves the passing ones out: when it is long, or when
// at least two key people remain.
func dropPassing(n, key int) bool { return n > keyPeopleShort || key >= 2 }

// suggestArticlesSQL takes (key, prefixEnd(key), limit).
const suggestArticlesSQL = `SELECT ` + articleCols + ` FROM
	(SELECT article_id, max(whole) AS whole FROM article_keys WHERE key >= ? AND key < ? GROUP BY article_id) k
	JOIN articles a ON a.id = k.article_id
	ORDER BY k.whole DESC, a.published DESC, a.id DESC LIMIT ?`

// suggestArticlesShortSQL[n] lists the title keys starting with an
// n-letter prefix (n from 1 to 3) in result order, straight from an
// index; it takes (prefix, limit).
var suggestArticlesShortSQL = [4]string{"",
	`SELECT article_id FROM article_keys WHERE substr(key, 1, 1) = ? ORDER BY whole DESC, published DESC, article_id DESC LIMIT ?`,
	`SELECT article_id FROM article_keys WHERE substr(key, 1, 2) = ? ORDER BY whole DESC, published DESC, article_id DESC LIMIT ?`,
	`SELECT article_id FROM article_keys WHERE substr(key, 1, 3) = ? ORDER BY whole DESC, published DESC, article_id DESC LIMIT ?`,
}

// SuggestArticles returns articles whose title starts with partial, then
// those with a title word starting with it, newest first within each
// group. An empty partial gives the newest articles.
func (s *Store) SuggestArticles(ctx context.Context, partial string, limit int) ([]news.ArticleRef, error) {
	limit = orDefault(limit)
	key := normKey(partial)
	var refs []news.ArticleRef
	var err error
	if key == "" {
		refs, err = articleRefs(ctx, s.db, `SELECT `+articleCols+` FROM articles a
			ORDER BY a.published DESC, a.id DESC LIMIT ?`, limit)
	} else if n := utf8.RuneCountInString(key); n < len(suggestArticlesShortSQL) {
		refs, err = s.suggestArticlesShort(ctx, key, n, limit)
	} else {
		refs, err = articleRefs(ctx, s.db, suggestArticlesSQL, key, prefixEnd(key), limit)
	}
	if err != nil {
		return nil, fmt.Errorf("suggest articles %q: %w", partial, err)
	}
	return refs, nil
}

// suggestArticlesShort answers SuggestArticles for a prefix of n letters
// from the article_keys_pN index; a title may have several matching keys.
func (s *Store) suggestArticlesShort(ctx context.Context, key string, n, limit int) ([]news.ArticleRef, error) {
	var ids []int64
	for fetch := limit * 4; ; fetch *= 4 {
		var err error
		var read int
		if ids, read, err = distinctIDs(ctx, s.db, limit, suggestArticlesShortSQL[n], key, fetch); err != nil {
			return nil, err
		}
		if len(ids) >= limit || read < fetch {
			break
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	pos := map[int64]int{}
	for i, id := range ids {
		args[i] = id
		pos[id] = i
	}
	refs, err := articleRefs(ctx, s.db, `SELECT `+articleCols+` FROM articles a WHERE a.id IN (`+
		strings.Repeat(",?", len(ids))[1:]+`)`, args...)
	if err != nil {
		return nil, err
	}
	sort.Slice(refs, func(i, j int) bool { return pos[refs[i].ID] < pos[refs[j].ID] })
	return refs, nil
}

// distinctIDs runs a query selecting one id column and returns the first
// limit distinct ids and the number of rows read.
func distinctIDs(ctx context.Context, q querier, limit int, query string, args ...any) ([]int64, int, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var ids []int64
	seen := map[int64]bool{}
	read := 0
	for len(ids) < limit && rows.Next() {
		read++
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, 0, err
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, read, rows.Err()
}

// Articles lists articles newest first (by publication date, then
// ingestion) from offset, with the total count.
func (s *Store) Articles(ctx context.Context, offset, limit int) ([]news.ArticleRef, int, error) {
	offset = max(offset, 0)
	limit = orDefault(limit)
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("articles: %w", err)
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("articles: %w", err)
	}
	refs, err := articleRefs(ctx, tx, `SELECT `+articleCols+` FROM articles a
		ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("articles: %w", err)
	}
	return refs, total, nil
}

func articleRefs(ctx context.Context, q querier, query string, args ...any) ([]news.ArticleRef, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var refs []news.ArticleRef
	for rows.Next() {
		ref, err := scanRef(rows)
		if err != nil {
			return nil, err
		}
		refs = append(refs, ref)
	}
	return refs, rows.Err()
}

// articleRolesSQL takes (article): the roles and nationalities one
// article states, by person, in sentence order.
const articleRolesSQL = `SELECT person_id, kind, value, norm FROM person_facts
	WHERE article_id = ? AND kind IN ('role', 'nationality') ORDER BY person_id, sentence, id`

// articleRoles sets each person's Role to the roles the article states of
// them, a less specific form of another left out ("minister" beside
// "finance minister"), followed by the nationality it gives.
func articleRoles(ctx context.Context, q querier, articleID int64, people []news.PersonMatch) error {
	rows, err := q.QueryContext(ctx, articleRolesSQL, articleID)
	if err != nil {
		return err
	}
	defer rows.Close()
	type stated struct {
		roles, norms []string
		nationality  string
	}
	by := map[int64]*stated{}
	for rows.Next() {
		var id int64
		var kind, value, norm string
		if err := rows.Scan(&id, &kind, &value, &norm); err != nil {
			return err
		}
		st := by[id]
		if st == nil {
			st = &stated{}
			by[id] = st
		}
		switch {
		case kind == news.FactNationality:
			if st.nationality == "" {
				st.nationality = value
			}
		case norm != "" && !slices.Contains(st.norms, norm):
			st.roles, st.norms = append(st.roles, value), append(st.norms, norm)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range people {
		st := by[people[i].ID]
		if st == nil || len(st.roles) == 0 {
			continue
		}
		var keep []string
		for j, r := range st.roles {
			general := false
			for k, other := range st.norms {
				general = general || k != j && strings.HasSuffix(other, " "+st.norms[j])
			}
			if !general {
				keep = append(keep, r)
			}
		}
		label := strings.Join(keep, " and ")
		if st.nationality != "" {
			label += " (" + st.nationality + ")"
		}
		people[i].Role = label
	}
	return nil
}
