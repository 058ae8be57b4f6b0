-- 002_briefings: per-server daily briefing settings and the record of each
-- delivery, plus the indexes a briefing's time-window queries use.

-- A briefing reads articles ingested since the last one and events dated
-- in a window around today: both are range scans on these indexes.
CREATE INDEX articles_ingested ON articles (ingested);
CREATE INDEX events_date ON events (date);

CREATE TABLE briefing_settings (
	guild_id        TEXT PRIMARY KEY,
	channel_id      TEXT NOT NULL,
	local_time      TEXT NOT NULL,               -- HH:MM
	time_zone       TEXT NOT NULL,               -- IANA name
	quiet           TEXT NOT NULL CHECK (quiet IN ('note', 'silent')),
	enabled         INTEGER NOT NULL,
	disabled_reason TEXT NOT NULL DEFAULT '',
	updated         TEXT NOT NULL                -- fixed-width UTC
);

-- briefing_deliveries is the exactly-once ledger: a row is inserted pending
-- (in its own transaction) before the first message is sent and marked sent
-- after the last; the key allows one briefing per server per local date.
CREATE TABLE briefing_deliveries (
	guild_id   TEXT NOT NULL,
	local_date TEXT NOT NULL,                    -- YYYY-MM-DD in the server's zone
	due        TEXT NOT NULL,                    -- fixed-width UTC
	state      TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'skipped', 'failed')),
	parts      INTEGER NOT NULL DEFAULT 0,       -- messages already delivered
	error      TEXT NOT NULL DEFAULT '',
	updated    TEXT NOT NULL,
	PRIMARY KEY (guild_id, local_date)
) WITHOUT ROWID;
CREATE INDEX briefing_deliveries_sent ON briefing_deliveries (guild_id, state, due DESC);
