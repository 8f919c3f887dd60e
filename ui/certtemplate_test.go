package ui

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestCertificateTemplateIsSetInSettings: the coordinator sets the template
// once in Settings; a problem shows beside its field with the typing kept,
// and the saved template is what the register holds.
func TestCertificateTemplateIsSetInSettings(t *testing.T) {
	w := openWindow(t, nil)
	s := w.ws.settings
	if !strings.Contains(s.certs.Text, "no issuing authority set") || !strings.Contains(s.certs.Text, "A4") {
		t.Errorf("Settings says %q before a template is set", s.certs.Text)
	}
	f := showCertificateTemplate(w.ws.env, s.refresh)
	test.Type(f.authority, "Ministry of Internal Affairs")
	f.useLogo(strings.NewReader("GIF89a not a logo"))
	if f.fields.message("logo") == "" || f.logo != nil {
		t.Errorf("a file that is not an image: message %q, logo kept %v", f.fields.message("logo"), f.logo != nil)
	}
	var logo bytes.Buffer
	if err := png.Encode(&logo, image.NewGray(image.Rect(0, 0, 200, 80))); err != nil {
		t.Fatal(err)
	}
	f.useLogo(bytes.NewReader(logo.Bytes()))
	if f.fields.message("logo") != "" || !bytes.Equal(f.logo, logo.Bytes()) {
		t.Errorf("a PNG: message %q, logo kept %v", f.fields.message("logo"), f.logo != nil)
	}
	test.Type(f.titles[1], "Director")
	f.paper.SetSelected("Letter")
	test.Tap(f.saveB)
	if msg := f.fields.message("sign2.name"); msg == "" {
		t.Fatal("a title without a name was accepted")
	}
	if f.authority.Text != "Ministry of Internal Affairs" || f.titles[1].Text != "Director" {
		t.Errorf("the typing was lost: %q, %q", f.authority.Text, f.titles[1].Text)
	}
	if got, _ := w.store.CertificateTemplate(context.Background()); got.Authority != "" {
		t.Errorf("a refused template was kept: %+v", got)
	}
	test.Type(f.names[1], "Maria Rusu")
	test.Tap(f.saveB)
	got, err := w.store.CertificateTemplate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got.Authority != "Ministry of Internal Affairs" || got.Signatories[1].Name != "Maria Rusu" ||
		got.Signatories[1].Title != "Director" || got.Paper != "Letter" || !bytes.Equal(got.Logo, logo.Bytes()) {
		t.Errorf("the register holds %+v", got)
	}
	for _, want := range []string{"Ministry of Internal Affairs", "with logo", "1 signature", "Letter"} {
		if !strings.Contains(s.certs.Text, want) {
			t.Errorf("Settings says %q, without %q", s.certs.Text, want)
		}
	}
}
