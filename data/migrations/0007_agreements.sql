-- Cooperation agreements: memoranda, protocols and agreements between
-- organisations at home and with other countries.

CREATE TABLE agreement (
    pk                INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL CHECK (title <> ''),
    kind              TEXT NOT NULL,            -- memorandum, protocol, agreement
    level             TEXT NOT NULL,            -- government_ngo, inter_agency, referral, bilateral, regional, multilateral
    subjects          TEXT NOT NULL DEFAULT '', -- codes, one per line
    parties           TEXT NOT NULL DEFAULT '', -- organisation ids, one per line
    partner_countries TEXT NOT NULL DEFAULT '', -- ISO 3166 codes, one per line
    signed_on         TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD
    valid_until       TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD, empty for open-ended
    status            TEXT NOT NULL DEFAULT 'in_force',
    reference         TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    archived          INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
CREATE INDEX agreement_signed_on ON agreement (signed_on);
