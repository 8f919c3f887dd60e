-- What a final reply's documents show besides its figures (the state, the
-- officer, the annexes' lists), kept when the reply is finalised so that a
-- reply sent prints the same later. Written once per finalising, outside
-- the history: it can be megabytes, and it follows from the register as it
-- was, which the history already holds.

CREATE TABLE reply_document (
    reply_id TEXT PRIMARY KEY REFERENCES reply (id),
    content  TEXT NOT NULL
);
