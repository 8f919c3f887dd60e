// Package export is everything that leaves the register: documents and
// files made from it: sign-in sheets and certificates as PDF, lists as xlsx,
// calendars as iCalendar, and the questionnaire reply (its templates, the
// agencies' contribution workbooks, the reply as xlsx and PDF). Each writer takes
// an io.Writer and knows nothing of the user interface; WriteFile puts a
// document in place only once it is whole.
package export
