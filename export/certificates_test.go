package export

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

// testLogo is a small PNG, as a ministry's logo would be.
func testLogo(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 120, 60))
	for x := 0; x < 120; x++ {
		for y := 0; y < 60; y++ {
			img.Set(x, y, color.RGBA{R: uint8(x * 2), G: 80, B: 160, A: 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestCertificatesFollowTheTemplate: the authority, logo, signature lines,
// wording and paper set in Settings are what the certificates print, and
// "joint" is said only of a joint course.
func TestCertificatesFollowTheTemplate(t *testing.T) {
	s, c, _, _ := course(t)
	certs, err := s.IssueCertificates(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := data.CertificateTemplate{
		Authority: "Ministry of Internal Affairs of the Republic of Moldova",
		Logo:      testLogo(t),
		Signatories: [2]data.Signatory{{Name: "Ion Popescu", Title: "National Coordinator"},
			{Name: "Maria Rusu", Title: "Head of the Police Academy"}},
		Heading:      "CERTIFICAT DE PARTICIPARE",
		WordingJoint: "a participat la cursul comun de instruire",
		WordingOther: "a participat la cursul de instruire",
		Paper:        data.PaperLetter,
	}
	for _, joint := range []bool{true, false} {
		var b bytes.Buffer
		if err := Certificates(&b, nil, c, nil, certs, tmpl, joint); err != nil {
			t.Fatal(err)
		}
		pages := pdfText(t, b.Bytes())
		if len(pages) != len(certs) {
			t.Fatalf("joint %v: %d pages for %d certificates", joint, len(pages), len(certs))
		}
		wording, other := tmpl.WordingOther, tmpl.WordingJoint
		if joint {
			wording, other = tmpl.WordingJoint, tmpl.WordingOther
		}
		page := strings.Join(strings.Fields(pages[0]), " ")
		for _, want := range []string{tmpl.Authority, tmpl.Heading, wording, "Ion Popescu", "National Coordinator",
			"Maria Rusu", "Head of the Police Academy", certs[0].Name} {
			if !strings.Contains(page, want) {
				t.Errorf("joint %v: the certificate lacks %q:\n%s", joint, want, page)
			}
		}
		if strings.Contains(page, other+" ") || strings.HasSuffix(page, other) {
			t.Errorf("joint %v: the certificate says %q", joint, other)
		}
		if strings.Contains(page, "CERTIFICATE OF ATTENDANCE") {
			t.Errorf("joint %v: the default heading is printed beside the template's", joint)
		}
		if !bytes.Contains(b.Bytes(), []byte("/Subtype /Image")) {
			t.Errorf("joint %v: no logo in the PDF", joint)
		}
		if !bytes.Contains(b.Bytes(), []byte("/MediaBox [0 0 612")) {
			t.Errorf("joint %v: not on Letter paper", joint)
		}
	}
}

// TestCertificatesWithOneSignatureAndNoLogo: an unset template prints the
// default wording on A4 without an image; one signatory is printed alone.
func TestCertificatesWithOneSignatureAndNoLogo(t *testing.T) {
	s, c, _, _ := course(t)
	certs, err := s.IssueCertificates(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := data.DefaultCertificateTemplate()
	tmpl.Signatories[1] = data.Signatory{Name: "Maria Rusu", Title: "Director"}
	var b bytes.Buffer
	if err := Certificates(&b, nil, c, nil, certs, tmpl, false); err != nil {
		t.Fatal(err)
	}
	page := strings.Join(strings.Fields(pdfText(t, b.Bytes())[0]), " ")
	for _, want := range []string{"CERTIFICATE OF ATTENDANCE", "attended the training course", "Maria Rusu", "Director"} {
		if !strings.Contains(page, want) {
			t.Errorf("the certificate lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "joint training") || bytes.Contains(b.Bytes(), []byte("/Subtype /Image")) ||
		!bytes.Contains(b.Bytes(), []byte("/MediaBox [0 0 595")) {
		t.Errorf("a course that is not joint, no logo, A4: the PDF says joint %v, has an image %v, A4 %v:\n%s",
			strings.Contains(page, "joint training"), bytes.Contains(b.Bytes(), []byte("/Subtype /Image")),
			bytes.Contains(b.Bytes(), []byte("/MediaBox [0 0 595")), page)
	}
}
