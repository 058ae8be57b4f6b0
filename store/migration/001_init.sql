-- 001_init: articles, their sentences with a full-text index, and every fact
-- extracted from them. Every fact row keeps its provenance (article and
-- sentence index) and goes away with its article (ON DELETE CASCADE).
-- Columns named norm or key hold normalised, case-folded text (see normKey)
-- and are indexed so that name look-ups never scan a table. Fact tables
-- copy their article's published date so that "newest first" lists are
-- read in index order and stop at their limit instead of sorting every
-- row of a much-mentioned person or event.

CREATE TABLE articles (
	id        INTEGER PRIMARY KEY,
	hash      TEXT NOT NULL UNIQUE,        -- sha256 of the text, hex
	title     TEXT NOT NULL,
	url       TEXT UNIQUE,                 -- NULL when unknown
	source    TEXT NOT NULL,
	authors   TEXT NOT NULL,               -- JSON array of strings
	published TEXT NOT NULL,               -- YYYY-MM-DD, or '' when unknown
	dateline  TEXT NOT NULL,
	ingested  TEXT NOT NULL,               -- RFC 3339 UTC, fixed width
	text      TEXT NOT NULL,
	path      TEXT NOT NULL
);
-- Newest first everywhere means published DESC, then id DESC (ids grow with
-- ingestion).
CREATE INDEX articles_newest ON articles (published DESC, id DESC);

-- article_keys holds the normalised title and every suffix of it that
-- starts a word, for autocomplete by prefix or word. As for person_keys,
-- short prefixes are answered from expression indexes in result order.
-- (A rowid table, so those indexes carry a rowid rather than the key.)
CREATE TABLE article_keys (
	key        TEXT NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	whole      INTEGER NOT NULL,           -- 1 for the whole title
	published  TEXT NOT NULL,
	UNIQUE (key, article_id)
);
CREATE INDEX article_keys_article ON article_keys (article_id);
CREATE INDEX article_keys_p1 ON article_keys (substr(key, 1, 1), whole DESC, published DESC, article_id DESC);
CREATE INDEX article_keys_p2 ON article_keys (substr(key, 1, 2), whole DESC, published DESC, article_id DESC);
CREATE INDEX article_keys_p3 ON article_keys (substr(key, 1, 3), whole DESC, published DESC, article_id DESC);

CREATE TABLE sentences (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	UNIQUE (article_id, idx)
);

-- sentences_fts is an external-content index over sentences.text; the
-- triggers keep it in step, including deletes cascaded from articles.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
	text,
	content = 'sentences',
	content_rowid = 'id',
	tokenize = 'porter unicode61'
);
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
	INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
	INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
	INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
	INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

-- people are merged across articles by normalised full name. mentions is
-- the total over person_mentions, kept for ranking without aggregation.
CREATE TABLE people (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,
	norm     TEXT NOT NULL UNIQUE,
	mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX people_mentions ON people (mentions DESC);

CREATE TABLE person_aliases (
	id        INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	alias     TEXT NOT NULL,
	norm      TEXT NOT NULL,
	UNIQUE (person_id, norm)
);
CREATE INDEX person_aliases_norm ON person_aliases (norm);

-- person_keys holds the normalised name, each alias, and every suffix of
-- them that starts a word, for autocomplete and near-miss suggestions.
-- mentions copies people.mentions so that the prefix indexes below list
-- the most mentioned first: a one- to three-letter prefix, which matches
-- many keys, is answered by reading the first few entries of one index.
CREATE TABLE person_keys (
	key       TEXT NOT NULL,
	person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	whole     INTEGER NOT NULL,            -- 1 for a whole name or alias
	mentions  INTEGER NOT NULL,
	UNIQUE (key, person_id)
);
CREATE INDEX person_keys_person ON person_keys (person_id);
CREATE INDEX person_keys_p1 ON person_keys (substr(key, 1, 1), whole DESC, mentions DESC);
CREATE INDEX person_keys_p2 ON person_keys (substr(key, 1, 2), whole DESC, mentions DESC);
CREATE INDEX person_keys_p3 ON person_keys (substr(key, 1, 3), whole DESC, mentions DESC);

-- person_facts: roles, descriptions and nationalities as one article
-- states them.
CREATE TABLE person_facts (
	id         INTEGER PRIMARY KEY,
	person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	published  TEXT NOT NULL,
	sentence   INTEGER NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('role', 'description', 'nationality')),
	value      TEXT NOT NULL,
	norm       TEXT NOT NULL
);
CREATE INDEX person_facts_person ON person_facts (person_id, kind, published DESC, article_id DESC, sentence);
CREATE INDEX person_facts_article ON person_facts (article_id, person_id, kind);

-- person_roles sums person_facts up per person and distinct value: where
-- it was first stated (Since and the citation) and last stated (its
-- place in the list). SaveArticle keeps it in step, recomputing it for
-- the people of a replaced article.
CREATE TABLE person_roles (
	person_id        INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	kind             TEXT NOT NULL,
	norm             TEXT NOT NULL,
	value            TEXT NOT NULL,
	first_published  TEXT NOT NULL,
	first_article_id INTEGER NOT NULL,
	first_sentence   INTEGER NOT NULL,
	last_published   TEXT NOT NULL,
	last_article_id  INTEGER NOT NULL,
	PRIMARY KEY (person_id, kind, norm)
) WITHOUT ROWID;

CREATE TABLE person_mentions (
	person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	published  TEXT NOT NULL,
	count      INTEGER NOT NULL,
	sentences  TEXT NOT NULL,              -- JSON array of sentence indexes
	PRIMARY KEY (person_id, article_id)
) WITHOUT ROWID;
CREATE INDEX person_mentions_newest ON person_mentions (person_id, published DESC, article_id DESC);
CREATE INDEX person_mentions_article ON person_mentions (article_id, count DESC);

CREATE TABLE organizations (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	norm TEXT NOT NULL UNIQUE
);
CREATE TABLE organization_mentions (
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	count           INTEGER NOT NULL,
	sentences       TEXT NOT NULL,
	PRIMARY KEY (organization_id, article_id)
) WITHOUT ROWID;
CREATE INDEX organization_mentions_article ON organization_mentions (article_id);

CREATE TABLE places (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	norm TEXT NOT NULL UNIQUE
);
CREATE TABLE place_mentions (
	place_id   INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	count      INTEGER NOT NULL,
	sentences  TEXT NOT NULL,
	PRIMARY KEY (place_id, article_id)
) WITHOUT ROWID;
CREATE INDEX place_mentions_article ON place_mentions (article_id);

-- timexes: TimeML TIMEX3 expressions with byte offsets into the input.
CREATE TABLE timexes (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	sentence   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	value      TEXT NOT NULL,
	mod        TEXT NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL
);
CREATE INDEX timexes_article ON timexes (article_id);

CREATE TABLE events (
	id           INTEGER PRIMARY KEY,
	article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	published    TEXT NOT NULL,
	sentence     INTEGER NOT NULL,
	name         TEXT NOT NULL,
	norm         TEXT NOT NULL,
	text         TEXT NOT NULL,
	date         TEXT NOT NULL,           -- TIMEX3 value or ''
	place        TEXT NOT NULL,
	participants TEXT NOT NULL,           -- JSON array: stored person names, else as written
	status       TEXT NOT NULL
);
CREATE INDEX events_norm ON events (norm, published DESC, article_id DESC, sentence);
CREATE INDEX events_article ON events (article_id, sentence);
CREATE INDEX events_newest ON events (published DESC, article_id DESC, sentence);

-- event_names holds each distinct event name once with the number of
-- events so named, for autocomplete; SaveArticle keeps it in step.
CREATE TABLE event_names (
	norm   TEXT PRIMARY KEY,
	name   TEXT NOT NULL,
	events INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX event_names_events ON event_names (events DESC);

CREATE TABLE event_keys (
	key   TEXT NOT NULL,
	norm  TEXT NOT NULL REFERENCES event_names (norm) ON DELETE CASCADE,
	whole INTEGER NOT NULL,
	PRIMARY KEY (key, norm)
) WITHOUT ROWID;
CREATE INDEX event_keys_norm ON event_keys (norm);

-- event_participants links participants to people when the name resolves
-- to a person of the same article (each person once per event).
CREATE TABLE event_participants (
	event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	name       TEXT NOT NULL,
	person_id  INTEGER REFERENCES people (id) ON DELETE SET NULL,
	article_id INTEGER NOT NULL,
	published  TEXT NOT NULL,
	sentence   INTEGER NOT NULL,
	PRIMARY KEY (event_id, position)
) WITHOUT ROWID;
CREATE INDEX event_participants_person ON event_participants (person_id, published DESC, article_id DESC, sentence);

CREATE TABLE quotes (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	published  TEXT NOT NULL,
	sentence   INTEGER NOT NULL,
	speaker_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
	speaker    TEXT NOT NULL,             -- as written
	text       TEXT NOT NULL,
	direct     INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes (article_id, sentence);
CREATE INDEX quotes_speaker ON quotes (speaker_id, published DESC, article_id DESC, sentence);
CREATE INDEX quotes_newest ON quotes (published DESC, article_id DESC, sentence);

CREATE TABLE summaries (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	sentence   INTEGER NOT NULL,
	PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
