package data

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// certificateCourse is a held two-day course with three participants:
// present both days, present one day, late both days.
func certificateCourse(t *testing.T) (*Store, Course, []Participant) {
	t.Helper()
	ctx := context.Background()
	s := newStore(t)
	o := mustSaveOrg(t, s, Organisation{Name: "Border Police", Sector: "border_police"})
	var ids []string
	for _, n := range []string{"Ana Rusu", "Mihai Lungu", "Elena Bălan"} {
		ids = append(ids, mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: n}).ID)
	}
	c := Course{Title: "Document fraud", FirstDay: "2026-04-01", LastDay: "2026-04-02", Status: "held"}
	if err := s.SaveCourse(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.AddParticipants(ctx, c.ID, ids); err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Participants(ctx, c.ID, false)
	byName := map[string]string{}
	for _, p := range ps {
		byName[p.Name] = p.ID
	}
	marks := []Mark{
		{byName["Ana Rusu"], "2026-04-01", "present"}, {byName["Ana Rusu"], "2026-04-02", "present"},
		{byName["Mihai Lungu"], "2026-04-01", "present"}, {byName["Mihai Lungu"], "2026-04-02", "absent"},
		{byName["Elena Bălan"], "2026-04-01", "late"}, {byName["Elena Bălan"], "2026-04-02", "late"},
	}
	if err := s.SetMarks(ctx, c.ID, marks); err != nil {
		t.Fatal(err)
	}
	return s, c, ps
}

func TestCertificatesGoToThoseWhoCompleted(t *testing.T) {
	ctx := context.Background()
	s, c, _ := certificateCourse(t)
	certs, err := s.IssueCertificates(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names, numbers []string
	code := regexp.MustCompile(`^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$`)
	for _, cert := range certs {
		names = append(names, cert.Name)
		numbers = append(numbers, cert.Number)
		if !code.MatchString(cert.Code) {
			t.Errorf("verification code %q is not 4+4 unambiguous characters", cert.Code)
		}
		if cert.DaysAttended != 2 || cert.Days != 2 {
			t.Errorf("%s: %d of %d days", cert.Name, cert.DaysAttended, cert.Days)
		}
	}
	if strings.Join(names, ",") != "Ana Rusu,Elena Bălan" {
		t.Errorf("certificates for %v, want Ana Rusu and Elena Bălan (Mihai Lungu was present 1 of 2 days)", names)
	}
	if strings.Join(numbers, ",") != "2026-0001,2026-0002" && strings.Join(numbers, ",") != "2026-0002,2026-0001" {
		t.Errorf("numbers %v", numbers)
	}
	again, err := s.IssueCertificates(ctx, c.ID)
	if err != nil || len(again) != 2 || again[0].Number != certs[0].Number || again[0].Code != certs[0].Code {
		t.Errorf("issuing again changed the certificates: %+v, %v", again, err)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM certificate").Scan(&n); err != nil || n != 0 {
		t.Errorf("after undo %d certificates remain (%v)", n, err)
	}
}

func TestCertificateRefusedBelowTheRule(t *testing.T) {
	ctx := context.Background()
	s, c, ps := certificateCourse(t)
	var mihai Participant
	for _, p := range ps {
		if p.Name == "Mihai Lungu" {
			mihai = p
		}
	}
	_, err := s.IssueCertificate(ctx, c.ID, mihai.ID)
	ve, ok := err.(*ValidationError)
	if !ok {
		t.Fatalf("err = %v, want a ValidationError", err)
	}
	if msg := ve.Errors[0].Message(); msg != "Mihai Lungu was present on 1 of 2 days; the course asks for 80 %" {
		t.Errorf("message %q", msg)
	}
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM certificate").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d certificates written (%v)", n, err)
	}
}
