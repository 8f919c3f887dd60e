-- The national coordination body: its one record, the date each member
-- organisation joined (their role is the organisation's mechanism_role),
-- and its meetings.

ALTER TABLE organisation ADD COLUMN member_since TEXT NOT NULL DEFAULT '';

CREATE TABLE body (
    pk           INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL DEFAULT '',
    legal_basis  TEXT NOT NULL DEFAULT '',
    established  TEXT NOT NULL DEFAULT '',
    chair        TEXT NOT NULL DEFAULT '',   -- organisation id
    secretariat  TEXT NOT NULL DEFAULT '',   -- organisation id
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE meeting (
    pk           INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    day          TEXT NOT NULL,
    place        TEXT NOT NULL DEFAULT '',
    participants TEXT NOT NULL DEFAULT '',  -- contact ids, one per line
    agenda       TEXT NOT NULL DEFAULT '',
    decisions    TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
CREATE INDEX meeting_day ON meeting (day);
