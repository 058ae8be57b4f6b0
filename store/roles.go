package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"factdesk/news"
)

// Queries behind a /who that names a role or a place rather than a
// person, named for the query plan test.
const (
	// peopleWithRoleSQL takes (key, rows to read): the people a role key
	// was most recently stated of, newest first, with the role as stated.
	peopleWithRoleSQL = `SELECT p.id, p.name, p.mentions, r.value FROM
		(SELECT person_id, kind, norm, published FROM role_keys WHERE key = ?1
			ORDER BY published DESC, person_id LIMIT ?2) k
		JOIN person_roles r ON r.person_id = k.person_id AND r.kind = k.kind AND r.norm = k.norm
		JOIN people p ON p.id = k.person_id
		ORDER BY k.published DESC, p.mentions DESC, p.id`
	// entityKindSQL takes (key).
	entityKindSQL = `SELECT 'place' FROM places WHERE norm = ?1
		UNION ALL SELECT 'organization' FROM organizations WHERE norm = ?1 LIMIT 1`
)

// PeopleWithRole returns the people a role was stated of, most recently
// stated first, each once, with Role set to the matching role as stated.
// A role matches when its words end with role's words: "president" finds
// "president" and "acting president", "secretary of state" finds
// "incoming secretary of state".
func (s *Store) PeopleWithRole(ctx context.Context, role string, limit int) ([]news.PersonMatch, error) {
	key := normKey(role)
	if key == "" {
		return nil, nil
	}
	limit = orDefault(limit)
	// A person may hold several matching roles: read a few rows more.
	ms, err := s.personMatches(ctx, peopleWithRoleSQL, key, limit*3)
	if err != nil {
		return nil, fmt.Errorf("people with role %q: %w", role, err)
	}
	out := ms[:0]
	seen := map[int64]bool{}
	for _, m := range ms {
		if !seen[m.ID] && len(out) < limit {
			seen[m.ID] = true
			out = append(out, m)
		}
	}
	return out, nil
}

// EntityKind says what a name is in the stored articles when it is not a
// person: "place", "organization", or "" when it is neither.
func (s *Store) EntityKind(ctx context.Context, name string) (string, error) {
	key := normKey(name)
	if key == "" {
		return "", nil
	}
	var kind string
	err := s.db.QueryRowContext(ctx, entityKindSQL, key).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("entity kind %q: %w", name, err)
	}
	return kind, nil
}
