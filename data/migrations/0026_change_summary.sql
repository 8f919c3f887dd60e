-- The History's summaries as structure (issue 12), so that each change is
-- said in the reader's language: summary_key is the English template of
-- its kind ("Edit {{.Entity}} “{{.Name}}”"), summary_args its values as
-- JSON ({"Entity": "plan_action", "Name": "…"}; an Undo's or a Redo's
-- change nested under "Change"). summary, the English sentence, is still
-- written, for older versions that receive packages from this one. Rows
-- written before have summary only: they are read back into structure when
-- read (data/summary.go), as are those in packages from older versions.
ALTER TABLE change ADD COLUMN summary_key TEXT;
ALTER TABLE change ADD COLUMN summary_args TEXT;
