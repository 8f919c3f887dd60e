-- What the program has counted and may keep between sessions, so that the
-- first figures after opening a large register need not read every
-- participant again. Derived data only: never part of the history, never
-- sent to other copies, and thrown away whenever it does not match (see
-- data/savedfigures.go). One row per kind of count.
CREATE TABLE figure_cache (
    name   TEXT PRIMARY KEY,
    format INTEGER NOT NULL,   -- how data is encoded and what it counts
    schema INTEGER NOT NULL,   -- the schema version it was counted under
    as_of  INTEGER NOT NULL,   -- the newest change id it includes
    data   BLOB NOT NULL
);

-- The members of the coordination body are read for every reply, its
-- figures and its annex: a tenth of the organisations, found without
-- reading the others.
CREATE INDEX organisation_member ON organisation (mechanism_role) WHERE mechanism_role <> '' AND archived = 0;
