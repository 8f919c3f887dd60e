-- Joint training courses: the course, its participants (with the
-- organisation and sector they had on the day of the course, so that a later
-- move does not rewrite the past) and attendance per participant per day.

CREATE TABLE course (
    pk             INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    title          TEXT NOT NULL CHECK (title <> ''),
    topics         TEXT NOT NULL DEFAULT '',     -- one per line
    pillars        TEXT NOT NULL DEFAULT '',     -- codes, one per line
    status         TEXT NOT NULL DEFAULT 'planned',
    first_day      TEXT NOT NULL,                -- YYYY-MM-DD
    last_day       TEXT NOT NULL,
    venue          TEXT NOT NULL DEFAULT '',
    region         TEXT NOT NULL DEFAULT '',
    organisers     TEXT NOT NULL DEFAULT '',     -- organisation ids, one per line
    funders        TEXT NOT NULL DEFAULT '',     -- organisation ids, one per line
    trainers       TEXT NOT NULL DEFAULT '',     -- contact ids, one per line
    target_sectors TEXT NOT NULL DEFAULT '',     -- sector codes, one per line
    notes          TEXT NOT NULL DEFAULT '',     -- curriculum and materials
    completion     INTEGER NOT NULL DEFAULT 80 CHECK (completion BETWEEN 1 AND 100),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
CREATE INDEX course_first_day ON course (first_day);

CREATE TABLE participant (
    pk                INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    course_id         TEXT NOT NULL REFERENCES course (id),
    contact_id        TEXT NOT NULL REFERENCES contact (id),
    name              TEXT NOT NULL,   -- as on the day of the course
    organisation_id   TEXT NOT NULL,
    organisation_name TEXT NOT NULL,
    sector            TEXT NOT NULL,
    sex               TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    archived          INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    UNIQUE (course_id, contact_id)
);
CREATE INDEX participant_contact ON participant (contact_id);

CREATE TABLE attendance (
    pk             INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,   -- participant id and day
    participant_id TEXT NOT NULL REFERENCES participant (id),
    day            TEXT NOT NULL,
    mark           TEXT NOT NULL CHECK (mark IN ('present', 'late', 'excused', 'absent')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (participant_id, day)
);
-- The training figures ask, for each participant, whether they were present
-- or late on any day: with the mark in the index SQLite answers from the
-- index alone, without reading the attendance rows (a fifth of the time of
-- the period figures on the large sample, docs/performance.md).
CREATE INDEX attendance_participant_mark ON attendance (participant_id, mark);
