-- Exchange packages between copies of a register (see docs/exchange.md).
--
-- clock: what the copy a change was made in had of every copy's changes
-- when it was made (a version vector, {"replica": seq, ...}): a change
-- that knew a field's last edit follows it; one that did not is
-- concurrent with it, and if their values differ that is a conflict.
-- No laptop's clock is read.
ALTER TABLE change ADD COLUMN clock TEXT NOT NULL DEFAULT '{}';

-- A change received from another copy is kept as it was made (for the
-- copies it goes on to), under the receiving change, which holds what
-- receiving did here and is what Undo takes back.
ALTER TABLE change ADD COLUMN received_in INTEGER REFERENCES change (id);
CREATE INDEX change_received_in ON change (received_in);

-- taken: an item that applied a received change here; it travels with
-- the received change, not with the receiving one.
ALTER TABLE change_item ADD COLUMN taken INTEGER NOT NULL DEFAULT 0;

-- The changes that wrote each field's value here: one, or several copies'
-- changes made apart that wrote the same value (at most one per copy). A
-- field with no row has the value it was created with.
CREATE TABLE field_version (
    entity    TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    replica   TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    PRIMARY KEY (entity, record_id, field, replica)
) WITHOUT ROWID;

-- received now counts this copy's own changes too: the highest sequence
-- number of each copy's changes held here. knows is what that copy held
-- of every copy's changes when it last sent a package here.
ALTER TABLE replica ADD COLUMN knows TEXT NOT NULL DEFAULT '';
UPDATE replica SET received = coalesce((SELECT max(seq) FROM change WHERE change.replica = replica.id), 0);
