// Package export is everything that leaves the register: the questionnaire
// reply, xlsx and PDF documents, CSV, vCard and iCalendar files. It writes to
// an io.Writer and knows nothing of the user interface. It is empty until
// the first export is built.
package export
