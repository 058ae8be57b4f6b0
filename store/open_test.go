package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

func TestOpenMigratesEmptyFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v), want wal", mode, err)
	}
	// Pragmas are per connection: hold two connections and check both.
	c1, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range []*sql.Conn{c1, c2} {
		var fk, busy int
		if err := c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
			t.Errorf("connection %d: foreign_keys = %d (%v), want 1", i, fk, err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy); err != nil || busy != 5000 {
			t.Errorf("connection %d: busy_timeout = %d (%v), want 5000", i, busy, err)
		}
	}
	c1.Close()
	c2.Close()
	applied := migrationNames(t, s)
	if len(applied) == 0 || applied[0] != "001_init.sql" {
		t.Fatalf("migrations = %v, want 001_init.sql first", applied)
	}
	doc, ex := articleA()
	mustSave(t, s, doc, ex)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	// Re-opening applies nothing again and keeps the data.
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("Open(%q) again: %v", path, err)
	}
	defer s.Close()
	if again := migrationNames(t, s); len(again) != len(applied) {
		t.Errorf("migrations after re-open = %v, want %v", again, applied)
	}
	if _, n, err := s.Articles(ctx, 0, 10); err != nil || n != 1 {
		t.Errorf("Articles after re-open = %d (%v), want 1", n, err)
	}
}

func migrationNames(t *testing.T, s *Store) []string {
	t.Helper()
	names, err := queryStrings(context.Background(), s.db, `SELECT name FROM migrations ORDER BY name`)
	if err != nil {
		t.Fatalf("read migrations: %v", err)
	}
	return names
}

func TestOpenEmptyPath(t *testing.T) {
	if _, err := Open(context.Background(), ""); err == nil {
		t.Error(`Open("") = nil error, want an error`)
	}
}

func TestOpenBadPath(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{dir, filepath.Join(dir, "missing", "x.db")} {
		if s, err := Open(context.Background(), path); err == nil {
			s.Close()
			t.Errorf("Open(%q) = nil error, want an error", path)
		}
	}
}
