-- Agencies' contributions to a reply, imported from the workbooks they
-- filled in (one row per agency and question, so who said what is kept),
-- and questionnaire templates loaded from a file, kept in the register so
-- that a reply can always be shown with the questions it was written for.

CREATE TABLE contribution (
    pk                INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,     -- reply id / organisation id / question id
    reply_id          TEXT NOT NULL REFERENCES reply (id),
    organisation_id   TEXT NOT NULL,
    organisation_name TEXT NOT NULL DEFAULT '', -- as it was when imported
    question_id       TEXT NOT NULL,
    narrative         TEXT NOT NULL DEFAULT '',
    yes_no            TEXT NOT NULL DEFAULT '',
    figures           TEXT NOT NULL DEFAULT '', -- JSON: figure name → number
    file_name         TEXT NOT NULL DEFAULT '',
    imported_at       TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX contribution_reply ON contribution (reply_id, question_id);

CREATE TABLE questionnaire (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,           -- template id @ version
    template_id TEXT NOT NULL,
    version     TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL,
    source      TEXT NOT NULL,                  -- the template file as loaded
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
