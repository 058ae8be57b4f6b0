-- 003_feeds: RSS and Atom sources with their polling state, the items read
-- from them, and the articles a feed's first poll stored without announcing.

CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,          -- canonical
	title         TEXT NOT NULL,
	guild_id      TEXT NOT NULL,                 -- who added it; '' from the command line
	added         TEXT NOT NULL,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	primed        INTEGER NOT NULL DEFAULT 0,    -- first poll done
	last_polled   TEXT NOT NULL DEFAULT '',
	last_success  TEXT NOT NULL DEFAULT '',
	next_poll     TEXT NOT NULL DEFAULT '',
	failures      INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX feeds_next_poll ON feeds (next_poll);

-- feed_items remembers every item read, by canonical URL (across all feeds:
-- two feeds carrying one story store it once), by GUID within its feed and
-- by content hash. article_id is NULL when the item duplicated an article.
CREATE TABLE feed_items (
	id           INTEGER PRIMARY KEY,
	feed_id      INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
	guid         TEXT NOT NULL,
	url          TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	article_id   INTEGER REFERENCES articles (id) ON DELETE SET NULL,
	seen         TEXT NOT NULL
);
CREATE INDEX feed_items_url ON feed_items (url);
CREATE INDEX feed_items_guid ON feed_items (feed_id, guid);
CREATE INDEX feed_items_hash ON feed_items (content_hash);
CREATE INDEX feed_items_article ON feed_items (article_id);

-- unannounced_articles are left out of briefings: a new feed's back
-- catalogue is stored but is not news.
CREATE TABLE unannounced_articles (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);
