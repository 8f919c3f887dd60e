// Package sheets reads tabular files that come from outside the program,
// xlsx workbooks and CSV files as spreadsheet programs save them, within
// bounds: a file too large, a workbook that would unpack to far more than it
// weighs (a decompression bomb), a sheet of too many rows or a cell longer
// than a spreadsheet holds is refused with a reason before it costs the
// laptop minutes or gigabytes. Reading can be cancelled.
//
// Every reader of outside files uses it: the typed-up sign-in sheet, the
// agencies' returned contribution workbooks and the import of lists. It
// knows nothing of the register; callers turn its rows into records.
package sheets
