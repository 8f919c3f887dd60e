-- The currency of the value of assets confiscated in a year (ISO 4217,
-- "MDL"), the one statistic that is an amount of money. Empty for counts.
ALTER TABLE statistic ADD COLUMN currency TEXT NOT NULL DEFAULT '';
