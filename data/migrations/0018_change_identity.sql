-- Groundwork of the exchange between laptops (see docs/exchange.md):
-- every change gets a global identity, the copy of the register it was
-- made in (a replica: one laptop's copy, at one path) and that replica's
-- own sequence number, so that another copy can tell what it already has
-- without comparing clocks. The register itself gets an identity shared by
-- all its copies. Existing changes are given theirs by copyChangeIdentity.

ALTER TABLE change ADD COLUMN uid TEXT;
ALTER TABLE change ADD COLUMN replica TEXT;
ALTER TABLE change ADD COLUMN seq INTEGER;
CREATE UNIQUE INDEX change_uid ON change (uid);
CREATE UNIQUE INDEX change_replica_seq ON change (replica, seq);

-- The copies of this register this file has known: this one (where it is
-- used now: a laptop's name and the file's path) and, later, those whose
-- changes were received. received is the highest sequence number taken
-- from each, every number below it included.
CREATE TABLE replica (
    id       TEXT PRIMARY KEY,
    device   TEXT NOT NULL DEFAULT '',
    path     TEXT NOT NULL DEFAULT '',
    received INTEGER NOT NULL DEFAULT 0,
    seen_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE register_identity (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    uid TEXT NOT NULL
);
