package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"factdesk/commands"
	"factdesk/data"
	"factdesk/extract"
	"factdesk/ingest"
	"factdesk/store"
)

// The store answers every question the commands ask.
var _ commands.Facts = (*store.Store)(nil)

// Main wires the parts of one factdesk process together; end-to-end tests
// share it through Run.
type Main struct {
	cfg    Config
	log    *slog.Logger
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer

	store *store.Store
}

// open opens the database at path, creating it when it is new, and
// returns the store. Commands that answer questions use openAnswering.
func (m *Main) open(ctx context.Context, path string) (*store.Store, error) {
	if m.store != nil {
		return m.store, nil
	}
	if path == "" {
		path = m.cfg.DatabasePath
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create database folder %s: %w", dir, err)
		}
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	m.store = st
	return st, nil
}

// openAnswering opens the database like open and, when it holds no
// articles yet, loads the bundled ones, so the bot answers on first start.
// Loading commands (ingest, feeds) skip this: a database filled with your
// own articles does not get the bundled one mixed in.
func (m *Main) openAnswering(ctx context.Context, path string) (*store.Store, error) {
	st, err := m.open(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := m.loadBundled(ctx); err != nil {
		return nil, err
	}
	return st, nil
}

// loadBundled stores the embedded articles when the database has none, so a
// fresh clone answers questions with no set-up.
func (m *Main) loadBundled(ctx context.Context) error {
	_, total, err := m.store.Articles(ctx, 0, 1)
	if err != nil {
		return fmt.Errorf("count articles: %w", err)
	}
	if total > 0 {
		return nil
	}
	docs, err := data.Articles()
	if err != nil {
		return err
	}
	for _, doc := range docs {
		if _, err := m.store.SaveArticle(ctx, doc, extract.Extract(doc)); err != nil {
			return fmt.Errorf("load bundled article %s: %w", doc.Path, err)
		}
		m.log.Debug("loaded bundled article", "path", doc.Path)
	}
	return nil
}

// ingester builds the article loader over the open store.
func (m *Main) ingester() *ingest.Ingester {
	return ingest.New(m.store, ingest.Options{
		MaxBytes: m.cfg.MaxArticleBytes,
		Stdin:    m.stdin,
		Fetcher:  m.fetcher(),
	})
}

// Close releases what Main opened.
func (m *Main) Close() error {
	if m.store != nil {
		err := m.store.Close()
		m.store = nil
		return err
	}
	return nil
}
