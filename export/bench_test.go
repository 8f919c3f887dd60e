package export

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

// BenchmarkCertificates500 writes 500 certificates of attendance to one
// PDF (the target: under 3 s).
func BenchmarkCertificates500(b *testing.B) {
	c := data.Course{ID: "c", Title: "Train-the-trainers programme on victim identification",
		FirstDay: "2026-03-02", LastDay: "2026-03-11", Venue: "Chișinău, National Training Centre", Completion: 80}
	certs := make([]data.Certificate, 500)
	for i := range certs {
		certs[i] = data.Certificate{Number: fmt.Sprintf("2026-%04d", i+1), Code: "ABCD-EFGH", IssuedOn: "2026-03-12",
			Name: fmt.Sprintf("Γιώργος Παπαδόπουλος %d", i), OrganisationName: "МВД — Управление по борьбе с торговлей людьми",
			DaysAttended: 9, Days: 10}
	}
	organisers := []string{"Ministry of Internal Affairs", "International Migration Office"}
	b.ReportAllocs()
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		if err := Certificates(&out, nil, c, organisers, certs, data.DefaultCertificateTemplate(), true); err != nil {
			b.Fatal(err)
		}
	}
	if pages := bytes.Count(out.Bytes(), []byte("/Type /Page\n")); pages != len(certs) {
		b.Fatalf("%d pages for %d certificates", pages, len(certs))
	}
}

// BenchmarkSignInSheets10Days writes the sign-in sheets of a course of 500
// participants over 10 days (5,000 rows on about 150 pages).
func BenchmarkSignInSheets10Days(b *testing.B) {
	c := data.Course{ID: "c", Title: "Ten days", FirstDay: "2026-03-02", LastDay: "2026-03-11"}
	ps := make([]data.Participant, 500)
	for i := range ps {
		ps[i] = data.Participant{Name: fmt.Sprintf("Ольга Иванова %d", i), OrganisationName: "Centrul „Speranța”"}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := SignInSheets(io.Discard, nil, c, ps, 8); err != nil {
			b.Fatal(err)
		}
	}
}
