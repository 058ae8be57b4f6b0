package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"factdesk/news"
)

// Reextract runs extract again over every stored article and replaces its
// facts, one transaction per article, so facts written by an older
// extractor do not linger after an upgrade. Each article keeps its text,
// metadata and ingestion time (its id changes, as on any replacement).
// Offsets then count from the start of the stored body, front matter not
// included. It returns how many articles were redone.
func (s *Store) Reextract(ctx context.Context, extract func(news.Document) news.Extraction) (int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM articles ORDER BY id`)
	if err != nil {
		return 0, fmt.Errorf("reextract: list articles: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, fmt.Errorf("reextract: list articles: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("reextract: list articles: %w", err)
	}
	for i, id := range ids {
		if err := s.reextractOne(ctx, id, extract); err != nil {
			return i, fmt.Errorf("reextract article %d: %w", id, err)
		}
	}
	return len(ids), nil
}

func (s *Store) reextractOne(ctx context.Context, id int64, extract func(news.Document) news.Extraction) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var doc news.Document
	var url sql.NullString
	var authors, hash, ingested string
	err = tx.QueryRowContext(ctx, `SELECT title, url, source, authors, published, text, path, hash, ingested FROM articles WHERE id = ?`, id).
		Scan(&doc.Title, &url, &doc.Source, &authors, &doc.Published, &doc.Text, &doc.Path, &hash, &ingested)
	if err != nil {
		return err
	}
	doc.URL = url.String
	if err := json.Unmarshal([]byte(authors), &doc.Authors); err != nil {
		return fmt.Errorf("authors: %w", err)
	}
	w := &writer{ctx: ctx, tx: tx, s: s, stmts: map[string]*sql.Stmt{}}
	if err := w.deleteArticle(id); err != nil {
		return err
	}
	if _, _, err := w.insert(doc, extract(doc), hash, ingested); err != nil {
		return err
	}
	if err := w.cleanup(); err != nil {
		return err
	}
	return tx.Commit()
}
