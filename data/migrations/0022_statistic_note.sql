-- A note with a measure's figures of a year, kept on its total: how the
-- agency counted, what the figure leaves out ("cases of 2024 still under
-- investigation not included"). UNODC's data collection asks for one.
ALTER TABLE statistic ADD COLUMN note TEXT NOT NULL DEFAULT '';
