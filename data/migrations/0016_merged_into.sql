-- A record merged into another is archived and says which one it went
-- into, so that references arriving later (from another laptop) can be
-- followed to the kept record. Merged records no longer hold their name
-- and sector against others: the uniqueness of organisation names covers
-- only records that were not merged.

ALTER TABLE organisation ADD COLUMN merged_into TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN merged_into TEXT NOT NULL DEFAULT '';

DROP INDEX organisation_name_sector;
CREATE UNIQUE INDEX organisation_name_sector ON organisation (name_key, sector) WHERE merged_into = '';

-- Pairs the user judged to be two records, not one: the duplicate finder
-- does not show them again. a < b.
CREATE TABLE distinct_pair (
    entity TEXT NOT NULL,
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    at     TEXT NOT NULL,
    PRIMARY KEY (entity, a, b)
) WITHOUT ROWID;
