-- 004_role_keys: look people up by role ("president" finds the acting
-- president and the president-elect). role_keys holds each stated role's
-- normalised value and every suffix of it that starts a word, with the
-- date the role was last stated, so that the holders of a role are read
-- newest first from one index. Rows go with their person_roles row.

CREATE TABLE role_keys (
	key       TEXT NOT NULL,
	person_id INTEGER NOT NULL,
	kind      TEXT NOT NULL,
	norm      TEXT NOT NULL,
	published TEXT NOT NULL,               -- person_roles.last_published
	PRIMARY KEY (key, person_id, norm),
	FOREIGN KEY (person_id, kind, norm) REFERENCES person_roles (person_id, kind, norm) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX role_keys_newest ON role_keys (key, published DESC, person_id);
CREATE INDEX role_keys_role ON role_keys (person_id, kind, norm);

INSERT INTO role_keys (key, person_id, kind, norm, published)
WITH RECURSIVE k (key, person_id, kind, norm, published) AS (
	SELECT norm, person_id, kind, norm, last_published FROM person_roles WHERE kind = 'role' AND norm != ''
	UNION ALL
	SELECT substr(key, instr(key, ' ') + 1), person_id, kind, norm, published FROM k WHERE instr(key, ' ') > 0
)
SELECT key, person_id, kind, norm, published FROM k WHERE true
ON CONFLICT DO NOTHING;
