package data

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"strings"
	"testing"
)

func jpegLogo(_ *testing.T, w, h int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// TestCertificateTemplateIsKeptAndUndone: a template set in Settings reads
// back as set, as one change Undo takes back; fields left at their default
// read as the default.
func TestCertificateTemplateIsKeptAndUndone(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if got, err := s.CertificateTemplate(ctx); err != nil || got.Heading != "CERTIFICATE OF ATTENDANCE" || got.Paper != PaperA4 {
		t.Fatalf("an unset template reads %+v, %v", got, err)
	}
	want := DefaultCertificateTemplate()
	want.Authority = "  Ministerul Afacerilor Interne "
	want.Logo = jpegLogo(t, 300, 100)
	want.Signatories[0] = Signatory{Name: "Ion Popescu", Title: "National Coordinator"}
	want.Paper = PaperLetter
	if err := s.SetCertificateTemplate(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.CertificateTemplate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Authority != "Ministerul Afacerilor Interne" || !bytes.Equal(got.Logo, want.Logo) ||
		got.Signatories != want.Signatories || got.Paper != PaperLetter || got.WordingJoint != want.WordingJoint {
		t.Errorf("read back %+v", got)
	}
	changes := s.countChanges(t)
	if err := s.SetCertificateTemplate(ctx, got); err != nil {
		t.Fatal(err)
	}
	if n := s.countChanges(t); n != changes {
		t.Errorf("saving the same template recorded %d changes", n-changes)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.CertificateTemplate(ctx); got.Authority != "" || got.Logo != nil || got.Paper != PaperA4 {
		t.Errorf("after Undo the template is %+v, want the default", got)
	}
}

func (s *Store) countChanges(t *testing.T) int {
	t.Helper()
	var n int
	if err := s.read.QueryRow("SELECT count(*) FROM change").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCertificateTemplateRefusesWhatCannotBePrinted: each problem is named
// beside its field and nothing is kept.
func TestCertificateTemplateRefusesWhatCannotBePrinted(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		edit  func(*CertificateTemplate)
		field string
	}{
		{"a text file as logo", func(t *CertificateTemplate) { t.Logo = []byte("not an image") }, "logo"},
		{"a photograph", func(t *CertificateTemplate) { t.Logo = append(jpegLogo(nil, 10, 10), make([]byte, MaxLogoBytes)...) }, "logo"},
		{"a huge image", func(t *CertificateTemplate) { t.Logo = jpegLogo(nil, MaxLogoPixels+1, 2) }, "logo"},
		{"a damaged image", func(t *CertificateTemplate) { t.Logo = jpegLogo(nil, 200, 200)[:300] }, "logo"},
		{"a title without a name", func(t *CertificateTemplate) { t.Signatories[1].Title = "Director" }, "sign2.name"},
		{"no wording", func(t *CertificateTemplate) { t.WordingOther = " " }, "wording.other"},
		{"a paragraph for a heading", func(t *CertificateTemplate) { t.Heading = strings.Repeat("x", 201) }, "heading"},
		{"paper of another size", func(t *CertificateTemplate) { t.Paper = "A5" }, "paper"},
	} {
		tmpl := DefaultCertificateTemplate()
		tmpl.Authority = "Ministry"
		c.edit(&tmpl)
		err := s.SetCertificateTemplate(ctx, tmpl)
		ve, ok := err.(*ValidationError)
		if !ok {
			t.Errorf("%s: %v, want a problem beside %s", c.name, err, c.field)
			continue
		}
		if _, ok := ve.For(c.field); !ok {
			t.Errorf("%s: problems %v, none beside %s", c.name, ve, c.field)
		}
		if got, _ := s.CertificateTemplate(ctx); got.Authority != "" {
			t.Errorf("%s: kept", c.name)
		}
	}
}
