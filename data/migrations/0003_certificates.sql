-- Certificates of attendance: one per participant who met the course's
-- completion rule, with a number unique in the register and a short code
-- that lets anyone check a printed certificate against the register.

CREATE TABLE certificate (
    pk             INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    participant_id TEXT NOT NULL UNIQUE REFERENCES participant (id),
    number         TEXT NOT NULL UNIQUE,   -- year and sequence: 2026-0042
    code           TEXT NOT NULL,          -- verification code
    issued_on      TEXT NOT NULL,          -- YYYY-MM-DD
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
