-- The national plan of action: a plan, its actions by pillar, and dated
-- notes on each action's progress.

CREATE TABLE plan (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL CHECK (title <> ''),
    first_year  INTEGER NOT NULL,
    last_year   INTEGER NOT NULL,
    authority   TEXT NOT NULL DEFAULT '',   -- who adopted it
    status      TEXT NOT NULL DEFAULT 'draft',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

CREATE TABLE plan_action (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    plan_id     TEXT NOT NULL REFERENCES plan (id),
    pillar      TEXT NOT NULL,
    objective   TEXT NOT NULL DEFAULT '',
    activity    TEXT NOT NULL CHECK (activity <> ''),
    lead        TEXT NOT NULL DEFAULT '',   -- organisation id
    partners    TEXT NOT NULL DEFAULT '',   -- organisation ids, one per line
    deadline    TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD
    indicator   TEXT NOT NULL DEFAULT '',
    target      TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'not_started',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
CREATE INDEX plan_action_plan ON plan_action (plan_id);

CREATE TABLE progress_note (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    action_id   TEXT NOT NULL REFERENCES plan_action (id),
    day         TEXT NOT NULL,              -- YYYY-MM-DD
    note        TEXT NOT NULL CHECK (note <> ''),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX progress_note_action ON progress_note (action_id);
