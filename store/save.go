package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"factdesk/news"
)

// maxKeyWords caps the word-start keys stored for one name or title, so a
// pathological title cannot blow up the key tables.
const maxKeyWords = 24

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// articleCols selects an ArticleRef from articles aliased a; scanRef reads it.
const articleCols = `a.id, a.title, COALESCE(a.url, ''), a.source, a.published, a.ingested`

// scanner is what *sql.Row and *sql.Rows have in common.
type scanner interface{ Scan(dest ...any) error }

// scanRef reads the articleCols columns, then extra, from one row.
func scanRef(sc scanner, extra ...any) (news.ArticleRef, error) {
	var ref news.ArticleRef
	var ar refScan
	if err := sc.Scan(append(ar.dest(&ref), extra...)...); err != nil {
		return news.ArticleRef{}, err
	}
	ar.done()
	return ref, nil
}

// refScan reads the articleCols columns anywhere in a row into an
// ArticleRef: Scan into dest, then call done.
type refScan struct {
	ref      *news.ArticleRef
	ingested string
}

func (r *refScan) dest(ref *news.ArticleRef) []any {
	r.ref = ref
	return []any{&ref.ID, &ref.Title, &ref.URL, &ref.Source, &ref.Published, &r.ingested}
}

func (r *refScan) done() { r.ref.Ingested = parseTime(r.ingested) }

// ArticleByHash returns the stored article whose text has the given hash
// (see Hash), so that ingest can skip extracting unchanged content.
func (s *Store) ArticleByHash(ctx context.Context, hash string) (news.ArticleRef, bool, error) {
	ref, ok, err := articleByHash(ctx, s.db, hash)
	if err != nil {
		return news.ArticleRef{}, false, fmt.Errorf("article by hash %s: %w", hash, err)
	}
	return ref, ok, nil
}

func articleByHash(ctx context.Context, q querier, hash string) (news.ArticleRef, bool, error) {
	ref, err := scanRef(q.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.hash = ?`, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return news.ArticleRef{}, false, nil
	}
	if err != nil {
		return news.ArticleRef{}, false, err
	}
	return ref, true, nil
}

// SaveArticle stores doc with everything extracted from it, in one
// transaction. Text already stored (same hash) is left alone and reported
// "unchanged"; a different text under a stored URL replaces the old
// article and all its facts ("replaced"); anything else is "added".
// People are merged with those of other articles by normalised full name.
func (s *Store) SaveArticle(ctx context.Context, doc news.Document, ex news.Extraction) (news.IngestResult, error) {
	res, err := s.saveArticle(ctx, doc, ex)
	if err != nil {
		name := doc.Title
		if name == "" {
			name = doc.Path
		}
		return news.IngestResult{}, fmt.Errorf("save article %q: %w", name, err)
	}
	return res, nil
}

func (s *Store) saveArticle(ctx context.Context, doc news.Document, ex news.Extraction) (news.IngestResult, error) {
	// Unchanged text is answered without taking the write lock; saveInTx
	// checks again in case another writer stored it meanwhile.
	if ref, ok, err := articleByHash(ctx, s.db, news.Hash(doc.Text)); err != nil {
		return news.IngestResult{}, err
	} else if ok {
		return unchanged(ctx, s.db, ref)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return news.IngestResult{}, err
	}
	defer tx.Rollback()
	res, err := s.saveInTx(ctx, tx, doc, ex)
	if err != nil {
		return news.IngestResult{}, err
	}
	if res.Status == news.IngestUnchanged {
		return res, nil
	}
	if err := tx.Commit(); err != nil {
		return news.IngestResult{}, err
	}
	return res, nil
}

// DeleteArticle removes an article with all its facts in one
// transaction, and the people, organisations, places and event names that
// only it mentioned; it returns news.ErrNotFound for an unknown id. Use it
// rather than deleting rows by hand, which would leave the summary tables
// (mention totals, person_roles, event_names) stale.
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete article %d: %w", id, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, id).Scan(&n); err != nil {
		return fmt.Errorf("delete article %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("delete article %d: %w", id, news.ErrNotFound)
	}
	w := &writer{ctx: ctx, tx: tx, s: s, stmts: map[string]*sql.Stmt{}}
	if err := w.deleteArticle(id); err != nil {
		return fmt.Errorf("delete article %d: %w", id, err)
	}
	if err := w.cleanup(); err != nil {
		return fmt.Errorf("delete article %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("delete article %d: %w", id, err)
	}
	return nil
}

// saveBatch saves many articles in one transaction, for building large
// benchmark databases quickly; ingest saves one article per transaction.
func (s *Store) saveBatch(ctx context.Context, docs []news.Document, exs []news.Extraction) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i := range docs {
		if _, err := s.saveInTx(ctx, tx, docs[i], exs[i]); err != nil {
			return fmt.Errorf("save article %q: %w", docs[i].Title, err)
		}
	}
	return tx.Commit()
}

// saveInTx does the work of SaveArticle inside tx.
func (s *Store) saveInTx(ctx context.Context, tx *sql.Tx, doc news.Document, ex news.Extraction) (news.IngestResult, error) {
	hash := news.Hash(doc.Text)
	if ref, ok, err := articleByHash(ctx, tx, hash); err != nil {
		return news.IngestResult{}, err
	} else if ok {
		return unchanged(ctx, tx, ref)
	}

	w := &writer{ctx: ctx, tx: tx, s: s, stmts: map[string]*sql.Stmt{}}
	status := news.IngestAdded
	if doc.URL != "" {
		var old int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE url = ?`, doc.URL).Scan(&old)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return news.IngestResult{}, err
		default:
			if err := w.deleteArticle(old); err != nil {
				return news.IngestResult{}, fmt.Errorf("replace article %d: %w", old, err)
			}
			status = news.IngestReplaced
		}
	}

	ref, people, err := w.insert(doc, ex, hash, formatTime(s.now()))
	if err != nil {
		return news.IngestResult{}, err
	}
	if err := w.cleanup(); err != nil {
		return news.IngestResult{}, err
	}
	return news.IngestResult{Article: ref, Status: status, People: people, Sentences: len(ex.Sentences)}, nil
}

// unchanged reports a stored article as the result of saving it again.
func unchanged(ctx context.Context, q querier, ref news.ArticleRef) (news.IngestResult, error) {
	res := news.IngestResult{Article: ref, Status: news.IngestUnchanged}
	var err error
	if res.People, err = articlePeopleNames(ctx, q, ref.ID); err != nil {
		return news.IngestResult{}, err
	}
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sentences WHERE article_id = ?`, ref.ID).Scan(&res.Sentences); err != nil {
		return news.IngestResult{}, err
	}
	return res, nil
}

func articlePeopleNames(ctx context.Context, q querier, articleID int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.name FROM person_mentions m JOIN people p ON p.id = m.person_id
		WHERE m.article_id = ? ORDER BY m.count DESC, p.name`, articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// writer carries one SaveArticle transaction and the rows it touched.
type writer struct {
	ctx   context.Context
	tx    *sql.Tx
	s     *Store
	stmts map[string]*sql.Stmt // the store's prepared statements, bound to tx
	// Entities that lost an article: orphans are removed and totals
	// recomputed before commit.
	people, orgs, places []int64
	eventNames           []string
}

// stmt returns query as a prepared statement of the transaction.
func (w *writer) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.s.prepared(w.ctx, query)
	if err != nil {
		return nil, err
	}
	st = w.tx.StmtContext(w.ctx, st)
	w.stmts[query] = st
	return st, nil
}

func (w *writer) exec(query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

// queryRow runs a statement that returns one row (INSERT … RETURNING).
func (w *writer) queryRow(query string, args ...any) *sql.Row {
	st, err := w.stmt(query)
	if err != nil {
		// Surface the error through Scan, which is the caller's only check.
		return w.tx.QueryRowContext(w.ctx, query, args...)
	}
	return st.QueryRowContext(w.ctx, args...)
}

func (w *writer) names(query string, id int64) ([]string, error) {
	return queryStrings(w.ctx, w.tx, query, id)
}

func (w *writer) ids(query string, id int64) ([]int64, error) {
	rows, err := w.tx.QueryContext(w.ctx, query, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		ids = append(ids, v)
	}
	return ids, rows.Err()
}

// deleteArticle removes an article; its facts and its full-text rows go
// with it by cascade and trigger.
func (w *writer) deleteArticle(id int64) error {
	var err error
	if w.people, err = w.ids(`SELECT person_id FROM person_mentions WHERE article_id = ?1
		UNION SELECT person_id FROM person_facts WHERE article_id = ?1`, id); err != nil {
		return err
	}
	if w.orgs, err = w.ids(`SELECT organization_id FROM organization_mentions WHERE article_id = ?`, id); err != nil {
		return err
	}
	if w.places, err = w.ids(`SELECT place_id FROM place_mentions WHERE article_id = ?`, id); err != nil {
		return err
	}
	if w.eventNames, err = w.names(`SELECT DISTINCT norm FROM events WHERE article_id = ? AND norm != ''`, id); err != nil {
		return err
	}
	_, err = w.exec(`DELETE FROM articles WHERE id = ?`, id)
	return err
}

// cleanup removes people, organisations and places left without any
// article and recomputes the mention totals of the people that remain.
func (w *writer) cleanup() error {
	for _, id := range w.people {
		if _, err := w.exec(`DELETE FROM people WHERE id = ?1
			AND NOT EXISTS (SELECT 1 FROM person_mentions WHERE person_id = ?1)
			AND NOT EXISTS (SELECT 1 FROM person_facts WHERE person_id = ?1)`, id); err != nil {
			return err
		}
		if _, err := w.exec(`UPDATE people SET mentions =
			(SELECT COALESCE(SUM(count), 0) FROM person_mentions WHERE person_id = ?1) WHERE id = ?1`, id); err != nil {
			return err
		}
		if _, err := w.exec(syncKeyMentions, id); err != nil {
			return err
		}
		if err := w.recomputeRoles(id); err != nil {
			return err
		}
	}
	for _, norm := range w.eventNames {
		if _, err := w.exec(`UPDATE event_names SET events = (SELECT count(*) FROM events WHERE norm = ?1)
			WHERE norm = ?1`, norm); err != nil {
			return err
		}
		if _, err := w.exec(`DELETE FROM event_names WHERE norm = ? AND events = 0`, norm); err != nil {
			return err
		}
	}
	for _, id := range w.orgs {
		if _, err := w.exec(`DELETE FROM organizations WHERE id = ?1
			AND NOT EXISTS (SELECT 1 FROM organization_mentions WHERE organization_id = ?1)`, id); err != nil {
			return err
		}
	}
	for _, id := range w.places {
		if _, err := w.exec(`DELETE FROM places WHERE id = ?1
			AND NOT EXISTS (SELECT 1 FROM place_mentions WHERE place_id = ?1)`, id); err != nil {
			return err
		}
	}
	return nil
}

// upsertRoleSQL adds one stated fact to person_roles, moving the first or
// last statement when this one is earlier or later. Parameters: person,
// kind, norm, value, published, article, sentence.
const upsertRoleSQL = `INSERT INTO person_roles (person_id, kind, norm, value,
		first_published, first_article_id, first_sentence, last_published, last_article_id)
	VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?5, ?6)
	ON CONFLICT (person_id, kind, norm) DO UPDATE SET
		value = CASE WHEN (?5, ?6, ?7) < (first_published, first_article_id, first_sentence)
			THEN excluded.value ELSE value END,
		first_published = CASE WHEN (?5, ?6, ?7) < (first_published, first_article_id, first_sentence)
			THEN ?5 ELSE first_published END,
		first_article_id = CASE WHEN (?5, ?6, ?7) < (first_published, first_article_id, first_sentence)
			THEN ?6 ELSE first_article_id END,
		first_sentence = CASE WHEN (?5, ?6, ?7) < (first_published, first_article_id, first_sentence)
			THEN ?7 ELSE first_sentence END,
		last_published = CASE WHEN (?5, ?6) > (last_published, last_article_id) THEN ?5 ELSE last_published END,
		last_article_id = CASE WHEN (?5, ?6) > (last_published, last_article_id) THEN ?6 ELSE last_article_id END`

// upsertRoleKeySQL adds one key of a role to role_keys, keeping the
// latest date the role was stated. Parameters: key, person, kind, norm,
// published.
const upsertRoleKeySQL = `INSERT INTO role_keys (key, person_id, kind, norm, published) VALUES (?, ?, ?, ?, ?)
	ON CONFLICT (key, person_id, norm) DO UPDATE SET published = max(published, excluded.published)`

// roleKeys indexes a stated role under its normalised value and every
// suffix of it that starts a word, so that "president" finds "acting
// president". Descriptions and nationalities are not indexed.
func (w *writer) roleKeys(personID int64, kind, norm, published string) error {
	if kind != news.FactRole || norm == "" {
		return nil
	}
	for key := norm; ; {
		if _, err := w.exec(upsertRoleKeySQL, key, personID, kind, norm, published); err != nil {
			return err
		}
		i := strings.IndexByte(key, ' ')
		if i < 0 {
			return nil
		}
		key = key[i+1:]
	}
}

// recomputeRoles rebuilds a person's person_roles rows from person_facts,
// after an article stating some of them was deleted.
func (w *writer) recomputeRoles(personID int64) error {
	if _, err := w.exec(`DELETE FROM person_roles WHERE person_id = ?`, personID); err != nil {
		return err
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT kind, norm, value, published, article_id, sentence
		FROM person_facts WHERE person_id = ?`, personID)
	if err != nil {
		return err
	}
	type fact struct {
		kind, norm, value, published string
		article                      int64
		sentence                     int
	}
	var facts []fact
	for rows.Next() {
		var f fact
		if err := rows.Scan(&f.kind, &f.norm, &f.value, &f.published, &f.article, &f.sentence); err != nil {
			rows.Close()
			return err
		}
		facts = append(facts, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, f := range facts {
		if _, err := w.exec(upsertRoleSQL, personID, f.kind, f.norm, f.value, f.published, f.article, f.sentence); err != nil {
			return err
		}
		if err := w.roleKeys(personID, f.kind, f.norm, f.published); err != nil {
			return err
		}
	}
	return nil
}

// personIn is one person of an extraction after merging duplicates by key.
type personIn struct {
	name     string
	key      string
	aliases  []string
	facts    []news.PersonFact
	mentions []int
}

func mergePeople(in []news.Person) []*personIn {
	var out []*personIn
	byKey := map[string]*personIn{}
	for _, p := range in {
		key := normKey(p.Name)
		if key == "" {
			continue
		}
		m := byKey[key]
		if m == nil {
			m = &personIn{name: strings.TrimSpace(p.Name), key: key}
			byKey[key] = m
			out = append(out, m)
		}
		m.aliases = append(m.aliases, p.Aliases...)
		m.mentions = append(m.mentions, p.Mentions...)
		m.facts = append(m.facts, personFacts(p)...)
	}
	for _, m := range out {
		m.mentions = uniqueInts(m.mentions)
		m.facts = uniqueFacts(m.facts)
	}
	return out
}

// personFacts returns p.Facts plus any role, description or nationality
// listed only in the summary fields, cited at the first mention.
func personFacts(p news.Person) []news.PersonFact {
	facts := append([]news.PersonFact(nil), p.Facts...)
	have := map[string]bool{}
	for _, f := range facts {
		have[f.Kind+"\x00"+normKey(f.Value)] = true
	}
	at := -1
	if len(p.Mentions) > 0 {
		at = p.Mentions[0]
	}
	add := func(kind, value string) {
		k := kind + "\x00" + normKey(value)
		if strings.TrimSpace(value) == "" || have[k] {
			return
		}
		have[k] = true
		facts = append(facts, news.PersonFact{Kind: kind, Value: value, Sentence: at})
	}
	for _, r := range p.Roles {
		add(news.FactRole, r)
	}
	for _, d := range p.Descriptions {
		add(news.FactDescription, d)
	}
	add(news.FactNationality, p.Nationality)
	return facts
}

func uniqueFacts(in []news.PersonFact) []news.PersonFact {
	seen := map[string]bool{}
	var out []news.PersonFact
	for _, f := range in {
		f.Value = strings.TrimSpace(f.Value)
		switch f.Kind {
		case news.FactRole, news.FactDescription, news.FactNationality:
		default:
			continue // an unknown kind has no place in the answers
		}
		k := fmt.Sprintf("%s\x00%s\x00%d", f.Kind, normKey(f.Value), f.Sentence)
		if f.Value == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

func uniqueInts(in []int) []int {
	seen := map[int]bool{}
	out := []int{}
	for _, v := range in {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

func orEmpty(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

// insert writes the article and all its facts, and returns its reference
// and the stored names of its people.
func (w *writer) insert(doc news.Document, ex news.Extraction, hash, ingested string) (news.ArticleRef, []string, error) {
	title := strings.TrimSpace(doc.Title)
	if title == "" {
		title = strings.TrimSpace(ex.Title)
	}
	if title == "" {
		for _, st := range ex.Sentences {
			if st.Kind == news.KindHeadline {
				title = strings.TrimSpace(st.Text)
				break
			}
		}
	}
	published := doc.Published
	if published == "" {
		published = ex.Published
	}
	var authors []string
	seenAuthor := map[string]bool{}
	for _, a := range append(append([]string(nil), doc.Authors...), ex.Authors...) {
		k := normKey(a)
		if k != "" && !seenAuthor[k] {
			seenAuthor[k] = true
			authors = append(authors, strings.TrimSpace(a))
		}
	}
	var url sql.NullString
	if doc.URL != "" {
		url = sql.NullString{String: doc.URL, Valid: true}
	}
	r, err := w.exec(`INSERT INTO articles (hash, title, url, source, authors, published, dateline, ingested, text, path)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		hash, title, url, doc.Source, jsonText(orEmpty(authors)), published, ex.Dateline, ingested, doc.Text, doc.Path)
	if err != nil {
		return news.ArticleRef{}, nil, fmt.Errorf("insert article: %w", err)
	}
	id, err := r.LastInsertId()
	if err != nil {
		return news.ArticleRef{}, nil, err
	}
	ref := news.ArticleRef{ID: id, Title: title, URL: doc.URL, Source: doc.Source, Published: published, Ingested: parseTime(ingested)}

	if err := w.keys(`INSERT OR IGNORE INTO article_keys (key, article_id, whole, published) VALUES (?, ?, ?, ?)`,
		normKey(title), id, published); err != nil {
		return ref, nil, fmt.Errorf("insert title keys: %w", err)
	}
	if err := w.sentences(id, ex.Sentences); err != nil {
		return ref, nil, fmt.Errorf("insert sentences: %w", err)
	}
	names, people, err := w.insertPeople(id, published, ex.People)
	if err != nil {
		return ref, nil, fmt.Errorf("insert people: %w", err)
	}
	if err := w.entities(id, ex.Organizations, "organizations", "organization_mentions", "organization_id"); err != nil {
		return ref, nil, fmt.Errorf("insert organizations: %w", err)
	}
	if err := w.entities(id, ex.Places, "places", "place_mentions", "place_id"); err != nil {
		return ref, nil, fmt.Errorf("insert places: %w", err)
	}
	if err := w.timexes(id, ex.Timexes); err != nil {
		return ref, nil, fmt.Errorf("insert timexes: %w", err)
	}
	if err := w.events(id, published, ex.Events, people); err != nil {
		return ref, nil, fmt.Errorf("insert events: %w", err)
	}
	if err := w.quotes(id, published, ex.Quotes, people); err != nil {
		return ref, nil, fmt.Errorf("insert quotes: %w", err)
	}
	for pos, idx := range ex.Summary {
		if _, err := w.exec(`INSERT INTO summaries (article_id, position, sentence) VALUES (?, ?, ?)`, id, pos, idx); err != nil {
			return ref, nil, fmt.Errorf("insert summary: %w", err)
		}
	}
	return ref, names, nil
}

// keys inserts key and its word-start suffixes for id with the given
// statement, whose parameters are (key, id, whole, extra...).
func (w *writer) keys(stmt, key string, id any, extra ...any) error {
	for i, k := range wordKeys(key) {
		if i >= maxKeyWords {
			break
		}
		whole := 0
		if i == 0 {
			whole = 1
		}
		if _, err := w.exec(stmt, append([]any{k, id, whole}, extra...)...); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) sentences(articleID int64, sentences []news.Sentence) error {
	if len(sentences) == 0 {
		return nil
	}
	st, err := w.stmt(`INSERT INTO sentences (article_id, idx, kind, start_byte, end_byte, text)
		VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	for i, sn := range sentences {
		kind := sn.Kind
		if kind == "" {
			kind = news.KindBody
		}
		if _, err := st.ExecContext(w.ctx, articleID, i, kind, sn.Start, sn.End, sn.Text); err != nil {
			return err
		}
	}
	return nil
}

// nameIndex resolves a name as written in an article (a participant or a
// speaker) to one of that article's people.
type nameIndex struct {
	byKey  map[string]int64 // full name or alias key; 0 when ambiguous
	byLast map[string]int64 // last word of the full name; 0 when ambiguous
	names  map[int64]string // stored name by person id
}

func (n nameIndex) resolve(name string) (int64, bool) {
	k := normKey(name)
	if k == "" {
		return 0, false
	}
	if id, ok := n.byKey[k]; ok {
		return id, id != 0
	}
	if id, ok := n.byLast[k]; ok {
		return id, id != 0
	}
	return 0, false
}

func setUnique(m map[string]int64, k string, id int64) {
	if old, ok := m[k]; ok && old != id {
		m[k] = 0
		return
	}
	m[k] = id
}

const upsertPersonKey = `INSERT INTO person_keys (key, person_id, whole, mentions) VALUES (?, ?, ?, 0)
	ON CONFLICT (key, person_id) DO UPDATE SET whole = max(whole, excluded.whole)`

// syncKeyMentions copies a person's mention total to their keys.
const syncKeyMentions = `UPDATE person_keys SET mentions = (SELECT mentions FROM people WHERE id = ?1)
	WHERE person_id = ?1`

func (w *writer) insertPeople(articleID int64, published string, in []news.Person) ([]string, nameIndex, error) {
	idx := nameIndex{byKey: map[string]int64{}, byLast: map[string]int64{}, names: map[int64]string{}}
	var names []string
	for _, p := range mergePeople(in) {
		var id int64
		var name string
		err := w.queryRow(`INSERT INTO people (name, norm, mentions) VALUES (?, ?, ?)
			ON CONFLICT (norm) DO UPDATE SET mentions = mentions + excluded.mentions
			RETURNING id, name`, p.name, p.key, len(p.mentions)).Scan(&id, &name)
		if err != nil {
			return nil, idx, err
		}
		names = append(names, name)
		idx.names[id] = name
		setUnique(idx.byKey, p.key, id)
		if i := strings.LastIndexByte(p.key, ' '); i >= 0 {
			setUnique(idx.byLast, p.key[i+1:], id)
		}
		if err := w.keys(upsertPersonKey, p.key, id); err != nil {
			return nil, idx, err
		}
		for _, a := range p.aliases {
			ak := normKey(a)
			if ak == "" || ak == p.key {
				continue
			}
			setUnique(idx.byKey, ak, id)
			if _, err := w.exec(`INSERT OR IGNORE INTO person_aliases (person_id, alias, norm) VALUES (?, ?, ?)`,
				id, strings.TrimSpace(a), ak); err != nil {
				return nil, idx, err
			}
			if err := w.keys(upsertPersonKey, ak, id); err != nil {
				return nil, idx, err
			}
		}
		if _, err := w.exec(syncKeyMentions, id); err != nil {
			return nil, idx, err
		}
		if _, err := w.exec(`INSERT INTO person_mentions (person_id, article_id, published, count, sentences)
			VALUES (?, ?, ?, ?, ?)`, id, articleID, published, len(p.mentions), jsonText(p.mentions)); err != nil {
			return nil, idx, err
		}
		for _, f := range p.facts {
			norm := normKey(f.Value)
			if _, err := w.exec(`INSERT INTO person_facts (person_id, article_id, published, sentence, kind, value, norm)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, id, articleID, published, f.Sentence, f.Kind, f.Value, norm); err != nil {
				return nil, idx, err
			}
			if _, err := w.exec(upsertRoleSQL, id, f.Kind, norm, f.Value, published, articleID, f.Sentence); err != nil {
				return nil, idx, err
			}
			if err := w.roleKeys(id, f.Kind, norm, published); err != nil {
				return nil, idx, err
			}
		}
	}
	return names, idx, nil
}

func (w *writer) entities(articleID int64, in []news.Entity, table, mentions, col string) error {
	type agg struct {
		name     string
		mentions []int
	}
	var order []string
	byKey := map[string]*agg{}
	for _, e := range in {
		k := normKey(e.Name)
		if k == "" {
			continue
		}
		a := byKey[k]
		if a == nil {
			a = &agg{name: strings.TrimSpace(e.Name)}
			byKey[k] = a
			order = append(order, k)
		}
		a.mentions = append(a.mentions, e.Mentions...)
	}
	for _, k := range order {
		a := byKey[k]
		ms := uniqueInts(a.mentions)
		var id int64
		if err := w.queryRow(`INSERT INTO `+table+` (name, norm) VALUES (?, ?)
			ON CONFLICT (norm) DO UPDATE SET name = name RETURNING id`, a.name, k).Scan(&id); err != nil {
			return err
		}
		if _, err := w.exec(`INSERT INTO `+mentions+` (`+col+`, article_id, count, sentences) VALUES (?, ?, ?, ?)`,
			id, articleID, len(ms), jsonText(ms)); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) timexes(articleID int64, in []news.Timex) error {
	for _, t := range in {
		if _, err := w.exec(`INSERT INTO timexes (article_id, sentence, text, type, value, mod, start_byte, end_byte)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, articleID, t.Sentence, t.Text, t.Type, t.Value, t.Mod, t.Start, t.End); err != nil {
			return err
		}
	}
	return nil
}

// events inserts the events. events.participants lists each participant
// under the stored name of the person it resolves to, or as written.
func (w *writer) events(articleID int64, published string, in []news.Event, people nameIndex) error {
	for _, e := range in {
		name := strings.TrimSpace(e.Name)
		key := normKey(name)
		shown := []string{}
		for _, p := range e.Participants {
			if id, ok := people.resolve(p); ok {
				p = people.names[id]
			}
			shown = append(shown, p)
		}
		r, err := w.exec(`INSERT INTO events (article_id, published, sentence, name, norm, text, date, place, participants, status)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, articleID, published, e.Sentence, name, key, e.Text, e.Date, e.Place,
			jsonText(shown), e.Status)
		if err != nil {
			return err
		}
		id, err := r.LastInsertId()
		if err != nil {
			return err
		}
		if key != "" {
			var n int
			if err := w.queryRow(`INSERT INTO event_names (norm, name, events) VALUES (?, ?, 1)
				ON CONFLICT (norm) DO UPDATE SET events = events + 1 RETURNING events`, key, name).Scan(&n); err != nil {
				return err
			}
			if n == 1 {
				if err := w.keys(`INSERT OR IGNORE INTO event_keys (key, norm, whole) VALUES (?, ?, ?)`, key, key); err != nil {
					return err
				}
			}
		}
		linked := map[int64]bool{}
		for pos, p := range e.Participants {
			var pid sql.NullInt64
			if v, ok := people.resolve(p); ok && !linked[v] {
				linked[v] = true
				pid = sql.NullInt64{Int64: v, Valid: true}
			}
			if _, err := w.exec(`INSERT INTO event_participants (event_id, position, name, person_id, article_id, published, sentence)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, id, pos, p, pid, articleID, published, e.Sentence); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *writer) quotes(articleID int64, published string, in []news.Quote, people nameIndex) error {
	for _, q := range in {
		var pid sql.NullInt64
		if v, ok := people.resolve(q.Speaker); ok {
			pid = sql.NullInt64{Int64: v, Valid: true}
		}
		if _, err := w.exec(`INSERT INTO quotes (article_id, published, sentence, speaker_id, speaker, text, direct)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, articleID, published, q.Sentence, pid, q.Speaker, q.Text, q.Direct); err != nil {
			return err
		}
	}
	return nil
}
