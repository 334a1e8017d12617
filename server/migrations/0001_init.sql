-- The startup-help schema on Cloudflare D1. Applied by `wrangler d1 migrations apply DB`.
-- Rows keep the JSON the admin API validated; `version` drives optimistic concurrency.

-- One row: the service settings. body NULL means "never saved" (the built-in defaults apply).
CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  body TEXT
);

INSERT INTO settings (id, version, body) VALUES (1, 0, NULL);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  body TEXT NOT NULL
);

-- seq orders the trail: "newest first" must not depend on clocks agreeing.
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  before TEXT,
  after TEXT
);
