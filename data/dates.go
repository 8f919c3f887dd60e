package data

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DateOrder is the order in which a language writes a date in figures.
type DateOrder int

const (
	// DayFirst: 14/03/2026, as most of the world writes it.
	DayFirst DateOrder = iota
	// MonthFirst: 03/14/2026, as the United States write it.
	MonthFirst
)

// monthWords are the beginnings of the months' names, folded (no case,
// no accents), in English, French, Spanish and Russian: three letters
// name a month in each, except French juin and juillet.
var monthWords = map[string]int{
	"jan": 1, "ene": 1, "янв": 1,
	"feb": 2, "fev": 2, "фев": 2,
	"mar": 3, "мар": 3,
	"apr": 4, "avr": 4, "abr": 4, "апр": 4,
	"may": 5, "mai": 5, "мая": 5, "май": 5,
	"jun": 6, "juin": 6, "июн": 6,
	"jul": 7, "juil": 7, "июл": 7,
	"aug": 8, "aou": 8, "ago": 8, "авг": 8,
	"sep": 9, "set": 9, "сен": 9,
	"oct": 10, "окт": 10,
	"nov": 11, "ноя": 11,
	"dec": 12, "dic": 12, "дек": 12,
}

// datesFillerWords are the words around the figures of a date written in
// full that name nothing: Spanish "6 de octubre de 2025", Russian
// "6 окт. 2025 г." (the year's abbreviation), as the window writes them.
var datesFillerWords = map[string]bool{"de": true, "del": true, "г": true, "года": true, "год": true}

func monthOfWord(w string) (int, bool) {
	r := []rune(Fold(w))
	if len(r) < 3 {
		return 0, false
	}
	if string(r[:3]) == "jui" { // juin, juillet
		if len(r) >= 4 {
			m, ok := monthWords[string(r[:4])]
			return m, ok
		}
		return 0, false
	}
	m, ok := monthWords[string(r[:3])]
	return m, ok
}

// ReadDate reads a date as people type it: 2026-03-14 (or 2026/3/14),
// figures in the language's order (14.03.2026, 14/3/26; 3/14/2026 where
// the month comes first), or with the month's name (14 March 2026,
// March 14, 2026, 14 mars 2026, 14 марта 2026). Where the language's
// order cannot be right (a "month" over 12) the other order is taken.
// It gives the date as YYYY-MM-DD; ok is false for what is not a date, or
// a day that does not exist (31 April). Empty text is no date, and ok.
func ReadDate(text string, order DateOrder) (iso string, ok bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", true
	}
	var numbers []string
	month := 0
	words := strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("./-,", r)
	})
	for _, w := range words {
		if w == "" {
			continue
		}
		if _, err := strconv.Atoi(w); err == nil {
			numbers = append(numbers, w)
			continue
		}
		if datesFillerWords[Fold(w)] {
			continue
		}
		m, isMonth := monthOfWord(w)
		if !isMonth || month != 0 {
			return "", false
		}
		month = m
	}
	var y, m, d int
	switch {
	case month != 0 && len(numbers) == 2:
		// The year is the number of four figures, or the second.
		dayText, yearText := numbers[0], numbers[1]
		if len(numbers[0]) == 4 {
			dayText, yearText = numbers[1], numbers[0]
		}
		m, d, y = month, atoi(dayText), year(yearText)
	case month == 0 && len(numbers) == 3 && len(numbers[0]) == 4:
		y, m, d = atoi(numbers[0]), atoi(numbers[1]), atoi(numbers[2])
	case month == 0 && len(numbers) == 3 && len(numbers[2]) != 3 && len(numbers[2]) <= 4:
		a, b := atoi(numbers[0]), atoi(numbers[1])
		d, m = a, b
		if order == MonthFirst {
			d, m = b, a
		}
		if m > 12 && d <= 12 {
			d, m = m, d
		}
		y = year(numbers[2])
	default:
		return "", false
	}
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return "", false // 31 April, 29 February 2026
	}
	return t.Format(time.DateOnly), true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// year reads a year; two figures are this century's up to 69, the last
// century's from 70.
func year(s string) int {
	n := atoi(s)
	if len(s) <= 2 {
		if n < 70 {
			return 2000 + n
		}
		return 1900 + n
	}
	return n
}
