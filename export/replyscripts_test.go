package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

// TestReplyPDFPrintsNamesInEveryScriptAndRefusesArabic: the reply's tables
// print a member, a course and an agency named in scripts DejaVu lacks in
// their fonts; an answer in Arabic stops it, naming the question.
func TestReplyPDFPrintsNamesInEveryScriptAndRefusesArabic(t *testing.T) {
	c := newReplyRegister(t).load(t)
	if len(c.Annexes.Members) == 0 || len(c.Contributions) == 0 {
		t.Fatal("the sample reply has no member or no contribution")
	}
	c.Annexes.Members[0].Name = "შინაგან საქმეთა სამინისტრო"
	c.Contributions[0].OrganisationName = "公安部"
	courses := c.Annexes.Courses
	c.Annexes.Courses = func(yield func(data.AnnexCourse) error) error {
		first := true
		return courses(func(k data.AnnexCourse) error {
			if first {
				k.Title, first = "मानव तस्करी की पहचान", false
			}
			return yield(k)
		})
	}
	var b bytes.Buffer
	if err := ReplyPDF(&b, c); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(strings.Join(pdfText(t, b.Bytes()), "\n")), " ")
	lines := pdfLineFonts(t, b.Bytes())
	// The CJK font has no bold: the agency's name, bold in its table, prints upright.
	for text, want := range map[string]string{"შინაგან საქმეთა სამინისტრო": "notoscripts", "公安部": "cjk",
		"मानव तस्करी की पहचान": "notoscripts"} {
		if !strings.Contains(flat, text) {
			t.Errorf("the reply lacks %q", text)
		}
		got := ""
		for line, family := range lines {
			if strings.Contains(line, text) {
				got = family
			}
		}
		if got != "utf8"+want {
			t.Errorf("%q is printed in %q, want utf8%s", text, got, want)
		}
	}

	q := c.Template.Sections[0].Questions[0].ID
	a := c.Answers[q]
	a.Narrative = "تم تدريب ٢٠ موظفاً"
	c.Answers[q] = a
	b.Reset()
	err := ReplyPDF(&b, c)
	var refused *UnprintableScriptError
	if !errors.As(err, &refused) || refused.Record != "question "+q || refused.Field != "answer" || refused.Script != "Arabic" {
		t.Fatalf("an answer in Arabic: %v", err)
	}
	if b.Len() > 0 {
		t.Errorf("%d bytes written before the refusal", b.Len())
	}
}
