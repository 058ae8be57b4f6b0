package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdesk/news"
)

// maxSearchTerms caps the words of one search.
const maxSearchTerms = 32

// ftsQuery turns user text into an FTS5 query that matches sentences
// containing every word. Each whitespace-separated word becomes an FTS5
// string (quotes doubled), so operators (AND, OR, NOT, NEAR), '*', '^',
// column filters and parentheses in the input are searched as words and
// never parsed as syntax. Control characters and invalid UTF-8 separate
// words. Words without a letter or digit are dropped;
// the result is "" when nothing is left.
func ftsQuery(terms string) string {
	// NUL would end the query string inside SQLite; other control
	// characters and invalid UTF-8 only separate words.
	terms = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(terms, " "))
	var parts []string
	for _, f := range strings.Fields(terms) {
		if !strings.ContainsFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		parts = append(parts, `"`+strings.ReplaceAll(f, `"`, `""`)+`"`)
		if len(parts) == maxSearchTerms {
			break
		}
	}
	return strings.Join(parts, " ")
}

// Search finds the sentences containing every word of terms, best bm25
// rank first, from offset, with the total number of matches. Only the
// newest 5,000 matches are ranked, and the total is capped to match.
// Snippets mark the matched words with **; a '*' or '\' of the article's
// own text is backslash-escaped, so that an unescaped ** is always a
// mark. Text with no words gives no hits and no error.
func (s *Store) Search(ctx context.Context, terms string, offset, limit int) ([]news.SearchHit, int, error) {
	q := ftsQuery(terms)
	if q == "" {
		return nil, 0, nil
	}
	limit = orDefault(limit)
	hits, total, err := s.search(ctx, q, max(offset, 0), limit)
	if err != nil {
		return nil, 0, fmt.Errorf("search %q: %w", terms, err)
	}
	return hits, total, nil
}

// maxRanked bounds the work of one search: bm25 reads every match's
// length, so only the newest maxRanked matching sentences are ranked and
// paged through.
const maxRanked = 5000

// searchRankSQL ranks the newest maxRanked matches and returns the page's
// rowids; searchHitSQL then builds a hit (snippet, sentence, article) for
// one rowid, so snippets are made for the page and not for every match.
const (
	searchRankSQL = `SELECT rowid, rank FROM (SELECT rowid, rank FROM sentences_fts WHERE sentences_fts MATCH ?1
		ORDER BY rowid DESC LIMIT ?2) ORDER BY rank, rowid LIMIT ?3 OFFSET ?4`
	searchHitSQL = `SELECT s.idx, s.text, snippet(sentences_fts, 0, '` + markOpen + `', '` + markClose + `', '…', 24), ` + articleCols + `
		FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN articles a ON a.id = s.article_id
		WHERE sentences_fts MATCH ? AND sentences_fts.rowid = ?`
)

func (s *Store) search(ctx context.Context, q string, offset, limit int) ([]news.SearchHit, int, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?`, q).Scan(&total); err != nil {
		return nil, 0, err
	}
	total = min(total, maxRanked)
	if offset >= total {
		return nil, total, nil
	}
	rows, err := tx.QueryContext(ctx, searchRankSQL, q, maxRanked, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	var hits []news.SearchHit
	var ids []int64
	for rows.Next() {
		var id int64
		var h news.SearchHit
		if err := rows.Scan(&id, &h.Score); err != nil {
			rows.Close()
			return nil, 0, err
		}
		ids = append(ids, id)
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	for i, id := range ids {
		h := &hits[i]
		var ar refScan
		if err := tx.QueryRowContext(ctx, searchHitSQL, q, id).Scan(append([]any{&h.Citation.SentenceIndex,
			&h.Citation.Sentence, &h.Snippet}, ar.dest(&h.Citation.Article)...)...); err != nil {
			return nil, 0, err
		}
		ar.done()
		h.Snippet = markSnippet(h.Snippet, h.Citation.Sentence)
	}
	return hits, total, nil
}

// FTS5 marks matches in a snippet with these private-use characters,
// which article text almost never holds; markSnippet turns them into **.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

// snippetEscaper escapes the article's own '*' and '\' and turns the
// FTS5 marks into **.
var snippetEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, markOpen, "**", markClose, "**")

// markSnippet turns a snippet of sentence with FTS5 marks into one marked
// with **. When the sentence itself holds a mark character, the marks
// cannot be told from the text, so none is kept.
func markSnippet(snippet, sentence string) string {
	if strings.Contains(sentence, markOpen) || strings.Contains(sentence, markClose) {
		snippet = strings.NewReplacer(markOpen, "", markClose, "").Replace(snippet)
	}
	return snippetEscaper.Replace(snippet)
}
