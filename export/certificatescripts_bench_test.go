package export

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

// BenchmarkCertificates500Scripts writes BenchmarkCertificates500's 500
// certificates with the names of scriptNames in turn, Chinese and Georgian
// among them: the cost of the fallback fonts (the CJK one unpacked once per
// process, parsed and cut once per document).
func BenchmarkCertificates500Scripts(b *testing.B) {
	c := data.Course{ID: "c", Title: "Train-the-trainers programme on victim identification",
		FirstDay: "2026-03-02", LastDay: "2026-03-11", Venue: "Chișinău, National Training Centre", Completion: 80}
	certs := make([]data.Certificate, 500)
	for i := range certs {
		n := scriptNames[i%len(scriptNames)]
		certs[i] = data.Certificate{Number: fmt.Sprintf("2026-%04d", i+1), Code: "ABCD-EFGH", IssuedOn: "2026-03-12",
			Name: n.Name, OrganisationName: n.OrganisationName, DaysAttended: 9, Days: 10}
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
	b.ReportMetric(float64(out.Len())/1e6, "MB/pdf")
}
