// Package data is everything that goes into the register and stays there: the
// SQLite store and its migrations, the records (organisations, contacts) with
// their validation and code lists, search, the history of every change with
// undo, and the sample registers used at first start and in benchmarks.
//
// The history says what each change did as structure (Summary: the English
// template of its kind, declared in summaries.go, and its values as data
// keeps them), which the ui package says in the reader's language; the
// English sentence is kept beside it for older versions.
//
// It knows nothing of the user interface: messages for the user come back as
// FieldError values with a stable key and an English text, which the ui
// package translates.
package data
