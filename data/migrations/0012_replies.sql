-- Replies to a questionnaire: the reply (template, reporting period,
-- replying officer, draft or final, the figures frozen when finalised) and
-- its answers, one per question.

CREATE TABLE reply (
    pk               INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    template_id      TEXT NOT NULL,
    template_version TEXT NOT NULL DEFAULT '',
    period_from      TEXT NOT NULL,
    period_to        TEXT NOT NULL,
    officer          TEXT NOT NULL DEFAULT '',   -- contact id
    status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    finalised_at     TEXT NOT NULL DEFAULT '',
    frozen           TEXT NOT NULL DEFAULT '',   -- JSON: figure name → value, as finalised
    reopened_from    TEXT NOT NULL DEFAULT '',   -- the final reply this draft was reopened from
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    archived         INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

CREATE TABLE answer (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,           -- reply id / question id
    reply_id    TEXT NOT NULL REFERENCES reply (id),
    question_id TEXT NOT NULL,
    narrative   TEXT NOT NULL DEFAULT '',
    yes_no      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX answer_reply ON answer (reply_id);
