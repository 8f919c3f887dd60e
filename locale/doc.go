// Package locale is the program's language, its own rather than the
// system's: the translations of every string (assets/translations, read
// with go-i18n, whose plural rules are CLDR's), and the dates, numbers,
// country names and order of names of each language (CLDR data through
// github.com/go-playground/locales and golang.org/x/text).
//
// The window speaks the language chosen in Settings (Set, Current and the
// package's L, N and X), on every system. Each document can be written in
// another: export takes a *Translator (For). A new language is one file,
// assets/translations/<code>.json; the list of languages is read from the
// files there. The package knows nothing of Fyne.
package locale
