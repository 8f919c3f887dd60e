-- Working groups of the coordination body.

CREATE TABLE working_group (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (name <> ''),
    lead        TEXT NOT NULL DEFAULT '',   -- organisation id
    members     TEXT NOT NULL DEFAULT '',   -- organisation ids, one per line
    mandate     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
