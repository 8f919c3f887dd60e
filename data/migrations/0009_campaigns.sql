-- Awareness campaigns.

CREATE TABLE campaign (
    pk              INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    title           TEXT NOT NULL CHECK (title <> ''),
    forms           TEXT NOT NULL DEFAULT '',  -- forms of exploitation addressed, codes, one per line
    target_groups   TEXT NOT NULL DEFAULT '',  -- codes, one per line
    channels        TEXT NOT NULL DEFAULT '',  -- codes, one per line
    languages       TEXT NOT NULL DEFAULT '',  -- one per line
    first_day       TEXT NOT NULL,
    last_day        TEXT NOT NULL DEFAULT '',
    regions         TEXT NOT NULL DEFAULT '',  -- one per line
    lead            TEXT NOT NULL DEFAULT '',  -- organisation id
    partners        TEXT NOT NULL DEFAULT '',  -- organisation ids, one per line
    budget          INTEGER NOT NULL DEFAULT 0 CHECK (budget >= 0),
    currency        TEXT NOT NULL DEFAULT '',
    materials       TEXT NOT NULL DEFAULT '',  -- "kind: quantity", one per line
    reach           INTEGER NOT NULL DEFAULT 0 CHECK (reach >= 0),
    reach_method    TEXT NOT NULL DEFAULT '',
    evaluated       INTEGER NOT NULL DEFAULT 0 CHECK (evaluated IN (0, 1)),
    eval_method     TEXT NOT NULL DEFAULT '',
    findings        TEXT NOT NULL DEFAULT '',
    pillar          TEXT NOT NULL DEFAULT 'prevention',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
CREATE INDEX campaign_first_day ON campaign (first_day);
