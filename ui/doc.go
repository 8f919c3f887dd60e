// Package ui is the window of NCM Register: the navigation, the Register
// screen (organisations and their contacts), settings, and the dialogs that
// explain a data file that cannot be opened. It is the only package that uses
// Fyne's widgets. It never creates the Fyne app itself (main.go does), so its
// tests run headless with fyne.io/fyne/v2/test.
package ui
