package data

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchPeople makes n people with names as varied as a country's (the
// sample's few names per language would make everyone a namesake), of
// which one in a hundred is entered a second time, written otherwise:
// words swapped and in capitals, or with a typo at the end of the surname.
func benchPeople(n int) (people []MatchRecord, planted map[[2]string]bool) {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	syllables := strings.Fields("an el ma ri jo se ka ta lo mi na do ra vi le co pe sa tu ni ba ge fi ho lu ne di ro za mo " +
		"ki sta bra dra vel nor tes gar lin mon")
	word := func(parts int) string {
		var b strings.Builder
		for range parts {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		w := b.String()
		return strings.ToUpper(w[:1]) + w[1:]
	}
	planted = map[[2]string]bool{}
	for i := 0; len(people) < n; i++ {
		given, family := word(2+r.IntN(2)), word(2+r.IntN(3))
		p := MatchRecord{ID: fmt.Sprintf("p%06d", len(people)), Name: given + " " + family,
			Organisation: fmt.Sprintf("o%04d", r.IntN(n/10))}
		people = append(people, p)
		if r.IntN(100) == 0 && len(people) < n {
			twin := p
			twin.ID = fmt.Sprintf("p%06d", len(people))
			if r.IntN(2) == 0 {
				twin.Name = strings.ToUpper(family) + " " + given
			} else {
				twin.Name = given + " " + family[:len(family)-1] + "z"
				twin.Organisation = fmt.Sprintf("o%04d", r.IntN(n/10))
			}
			people = append(people, twin)
			planted[[2]string{p.ID, twin.ID}] = true
		}
	}
	return people, planted
}

// BenchmarkDuplicatesPeople finds the duplicates among people at three
// sizes, to show that the time grows with the number of people and not
// with its square (blocking keys, bounded blocks); found is the share of
// the planted duplicates found.
func BenchmarkDuplicatesPeople(b *testing.B) {
	for _, n := range []int{25_000, 50_000, 100_000} {
		people, planted := benchPeople(n)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			var pairs []Match
			for b.Loop() {
				m := NewMatcher(true)
				for _, p := range people {
					m.Add(p)
				}
				pairs = m.Duplicates()
			}
			found := 0
			for _, p := range pairs {
				if planted[[2]string{p.A, p.B}] {
					found++
				}
			}
			b.ReportMetric(float64(len(pairs)), "pairs")
			b.ReportMetric(100*float64(found)/float64(len(planted)), "%found")
		})
	}
}

// BenchmarkRegisterDuplicates is Register → Find duplicates over the large
// register (10,000 organisations, 100,000 people): read and match both.
// The sample draws its names from a few per language, so it is mostly
// namesakes: this measures the worst case of large blocks.
func BenchmarkRegisterDuplicates(b *testing.B) {
	s := openLarge(b)
	pairs := 0
	for b.Loop() {
		people, err := s.Duplicates(b.Context(), true)
		if err != nil {
			b.Fatal(err)
		}
		orgs, err := s.Duplicates(b.Context(), false)
		if err != nil {
			b.Fatal(err)
		}
		pairs = len(people) + len(orgs)
	}
	b.ReportMetric(float64(pairs), "pairs")
}
