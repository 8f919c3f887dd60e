-- Yearly statistics, counts only: never data about individual victims.
-- One row per figure: a year, a measure (persons investigated, victims
-- identified …), a breakdown ('' for the total, or 'sex:female',
-- 'age:child', 'form:forced_labour' …), the count, its source agency and
-- the legal article it was counted under.

CREATE TABLE statistic (
    pk         INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,        -- year/measure/breakdown
    year       INTEGER NOT NULL CHECK (year BETWEEN 1950 AND 2200),
    measure    TEXT NOT NULL,
    breakdown  TEXT NOT NULL DEFAULT '',
    value      INTEGER NOT NULL CHECK (value >= 0),
    source_id  TEXT NOT NULL DEFAULT '',    -- organisation id
    article    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (year, measure, breakdown)
);
