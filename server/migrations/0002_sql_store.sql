-- One schema for Node (node:sqlite) and Workers (D1): queries filter by time and follow changes
-- without reading every message, the audit log is kept small, and captured requests and login-error
-- reports live here instead of in one process's memory.
-- Statements end with ";" at the end of a line and hold no ";" inside (server/src/store/sql/migrate.ts).

-- Messages get the columns queries filter on, as milliseconds since 1970 (computed from the JSON),
-- and the store revision of their last change.
CREATE TABLE messages_next (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  starts_at_ms INTEGER NOT NULL,
  display_until_ms INTEGER NOT NULL,
  created_at_ms INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  body TEXT NOT NULL
);

INSERT INTO messages_next (id, version, starts_at_ms, display_until_ms, created_at_ms, revision, body)
SELECT
  id,
  version,
  CAST(round((julianday(json_extract(body, '$.startsAt')) - 2440587.5) * 86400000) AS INTEGER),
  CAST(round((julianday(json_extract(body, '$.displayUntil')) - 2440587.5) * 86400000) AS INTEGER),
  CAST(round((julianday(json_extract(body, '$.createdAt')) - 2440587.5) * 86400000) AS INTEGER),
  0,
  body
FROM messages;

DROP TABLE messages;

ALTER TABLE messages_next RENAME TO messages;

-- Live messages (not ended) and the status history (ended, newest first) are ranges of this index.
CREATE INDEX messages_by_end ON messages (display_until_ms);

-- The audit log: time and size per entry, so it can be pruned by age and by total size.
ALTER TABLE audit ADD COLUMN at_ms INTEGER NOT NULL DEFAULT 0;

ALTER TABLE audit ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;

UPDATE audit SET
  at_ms = CAST(round((julianday(at) - 2440587.5) * 86400000) AS INTEGER),
  bytes = length(CAST(id AS BLOB)) + length(CAST(actor AS BLOB)) + length(CAST(target AS BLOB))
    + coalesce(length(CAST(before AS BLOB)), 0) + coalesce(length(CAST(after AS BLOB)), 0);

CREATE INDEX audit_by_time ON audit (at_ms);

CREATE INDEX audit_by_target ON audit (target, seq);

-- One row of counters every write updates in the same transaction:
-- revision: bumped by every write (settings or messages); a process compares it to what it holds.
-- changes_pruned_through: message_changes rows up to this revision were deleted.
-- audit_bytes: the sum of audit.bytes, so the size limit is checked without a scan.
-- reports_total: login-error reports received since the database was created.
-- imported_json_sha256: the JSON data file imported at first start, so a retry never imports it twice.
CREATE TABLE store_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revision INTEGER NOT NULL,
  changes_pruned_through INTEGER NOT NULL,
  audit_bytes INTEGER NOT NULL,
  reports_total INTEGER NOT NULL,
  imported_json_sha256 TEXT
);

INSERT INTO store_state (id, revision, changes_pruned_through, audit_bytes, reports_total)
SELECT 1, 0, 0, coalesce((SELECT sum(bytes) FROM audit), 0), 0;

-- Which message each revision touched: a process catches up by reading only those messages.
CREATE TABLE message_changes (
  revision INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL
);

-- The last requests to /startup-error as received (JSON), newest = highest seq; a capped ring.
CREATE TABLE captured_requests (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL
);

-- The last POSTed login-error reports (JSON); a capped ring.
CREATE TABLE login_reports (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL
);

-- Reports per UTC hour and base key, for a week.
CREATE TABLE report_counts (
  hour TEXT NOT NULL,
  base_key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (hour, base_key)
);
