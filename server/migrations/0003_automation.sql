-- Monitors, recurring maintenance windows and notifications.
-- Statements end with ";" at the end of a line and hold no ";" inside.

-- Rows keep the JSON the admin API validated; `version` drives optimistic concurrency.
CREATE TABLE monitors (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  body TEXT NOT NULL
);

-- What each monitor knows between probes; `version` lets one runner take a probe, not two.
CREATE TABLE monitor_states (
  monitor_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  due_at_ms INTEGER NOT NULL,
  body TEXT NOT NULL
);

-- Every probe for 8 days (uptime, bars), with the state it changed to, if any (the history).
CREATE TABLE monitor_probes (
  monitor_id TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  ms INTEGER NOT NULL,
  problem TEXT,
  transition TEXT
);

CREATE INDEX monitor_probes_by_monitor ON monitor_probes (monitor_id, at_ms);

CREATE INDEX monitor_probes_by_time ON monitor_probes (at_ms);

-- Probes counted per monitor and hour as they are recorded: the 24-hour and 7-day bars and uptime
-- read a few hundred rows instead of every probe of the week.
CREATE TABLE monitor_hours (
  monitor_id TEXT NOT NULL,
  hour_ms INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (monitor_id, hour_ms)
);

CREATE TABLE schedules (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  body TEXT NOT NULL
);

CREATE TABLE channels (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  body TEXT NOT NULL
);

-- What channels were told about each message or recurring occurrence: started, and ended (NULL = showing).
CREATE TABLE notified_messages (
  id TEXT PRIMARY KEY,
  started_at_ms INTEGER NOT NULL,
  ended_at_ms INTEGER,
  body TEXT NOT NULL
);

CREATE INDEX notified_messages_by_end ON notified_messages (ended_at_ms);

-- One row per event and channel (the unique key makes "once per channel" hold whoever notices it).
CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  channel_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_ms INTEGER NOT NULL,
  lease_until_ms INTEGER NOT NULL,
  last_attempt_ms INTEGER,
  problem TEXT,
  payload TEXT NOT NULL,
  UNIQUE (event_id, channel_id)
);

CREATE INDEX deliveries_due ON deliveries (state, next_attempt_ms);

CREATE INDEX deliveries_by_time ON deliveries (created_at_ms);
