package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ncm-register/ncm-register/data"
)

// BenchmarkOpenCourseGrid opens a course of 500 participants × 10 days in
// the attendance grid: participants and marks read from the register, and
// the grid laid out with the cells a 1280×800 window shows.
func BenchmarkOpenCourseGrid(b *testing.B) {
	ctx := context.Background()
	st, err := data.Open(ctx, filepath.Join(b.TempDir(), "r.db"), data.Options{Device: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	orgs, contacts := data.SampleRecords(data.SampleSize{Organisations: 50, Contacts: 500}, 1)
	if err := st.Import(ctx, "bench", orgs, contacts); err != nil {
		b.Fatal(err)
	}
	c := data.Course{Title: "Ten days", FirstDay: "2026-03-02", LastDay: "2026-03-11", Status: "held"}
	if err := st.SaveCourse(ctx, &c); err != nil {
		b.Fatal(err)
	}
	ids := make([]string, len(contacts))
	for i, x := range contacts {
		ids[i] = x.ID
	}
	if err := st.AddParticipants(ctx, c.ID, ids); err != nil {
		b.Fatal(err)
	}
	ps, _ := st.Participants(ctx, c.ID, false)
	var marks []data.Mark
	for i, p := range ps {
		for j, d := range c.Days() {
			marks = append(marks, data.Mark{ParticipantID: p.ID, Day: d, Mark: []string{"present", "late", "absent", "present"}[(i+j)%4]})
		}
	}
	if err := st.SetMarks(ctx, c.ID, marks); err != nil {
		b.Fatal(err)
	}
	test.NewTempApp(b)
	e := &env{store: st, status: func(string) {}, changed: func() {}}
	g := newAttendanceGrid(e)
	e.win = test.NewWindow(g)
	e.win.Resize(fyne.NewSize(1280, 800))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.course = data.Course{} // a different course was open before
		g.show(c)
		if n := len(test.LaidOutObjects(g)); n < 100 {
			b.Fatalf("only %d objects laid out", n)
		}
	}
	b.StopTimer()
	if len(g.participants) != 500 || g.dayTotal(c.FirstDay) == 0 {
		b.Fatalf("grid of %d participants", len(g.participants))
	}
}
