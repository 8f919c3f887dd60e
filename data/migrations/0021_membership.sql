-- Where a person was before they moved: one row per organisation left,
-- with the position held there and the days. The current organisation is
-- the contact's own; a person never moved has no row. A course entered
-- later counts its participants as they were on its first day.
CREATE TABLE membership (
    pk              INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    contact_id      TEXT NOT NULL REFERENCES contact (id),
    organisation_id TEXT NOT NULL REFERENCES organisation (id),
    position        TEXT NOT NULL DEFAULT '',
    from_day        TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD; '' since before the register knew
    to_day          TEXT NOT NULL,             -- YYYY-MM-DD, the last day there
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX membership_contact ON membership (contact_id, to_day);
