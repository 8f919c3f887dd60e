package export

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"

	"github.com/ncm-register/ncm-register/data/scratch"
)

// The reply benchmarks run on the large register of the data benchmarks
// (data.LargeSample, LargeTrainingSample and LargeCoordinationSample: 10,000
// organisations, 100,000 contacts, 5,000 courses, 2,000 campaigns, 1,000
// agreements, 20 years of statistics, a plan of 300 actions) with a reply
// covering every year of it. The register is built once per test process
// (about a minute, not timed) in a temporary folder that TestMain removes.
// Set NCM_BENCH_REPLY_REGISTER to a file to build it there once and reuse it
// in later runs, for example to measure a run's peak RSS from outside with
// /usr/bin/time -v without the build in it. See docs/performance.md.

// largeReplyFrom and largeReplyTo cover every year of the samples.
const largeReplyFrom, largeReplyTo = "2005-01-01", "2026-12-31"

var largeReply struct {
	once    sync.Once
	tempDir string // removed by TestMain
	built   bool   // in this process, whose memory still holds the build
	s       *data.Store
	tpl     Template
	replyID string
	err     error
}

func TestMain(m *testing.M) {
	// Temporary files go to a scratch folder of the test's own, not the
	// user's cache folder.
	scratchRoot, err := os.MkdirTemp("", "ncm-scratch-")
	if err != nil {
		panic(err)
	}
	scratch.SetRoot(scratchRoot)
	code := m.Run()
	if largeReply.s != nil {
		largeReply.s.Close()
	}
	if largeReply.tempDir != "" {
		os.RemoveAll(largeReply.tempDir)
	}
	os.RemoveAll(scratchRoot)
	os.Exit(code)
}

// largeReplyRegister opens the large register with its reply, building
// both the first time a benchmark asks.
func largeReplyRegister(b *testing.B) (*data.Store, Template, string) {
	b.Helper()
	largeReply.once.Do(func() { largeReply.err = openLargeReply() })
	if largeReply.err != nil {
		b.Fatalf("building the large register: %v", largeReply.err)
	}
	// What earlier benchmarks left resident goes back to the system, so that
	// the peak RSS of a run is the export's.
	runtime.GC()
	debug.FreeOSMemory()
	return largeReply.s, largeReply.tpl, largeReply.replyID
}

func openLargeReply() error {
	ctx := context.Background()
	path := os.Getenv("NCM_BENCH_REPLY_REGISTER")
	if path == "" {
		dir, err := os.MkdirTemp("", "ncm-register-reply-bench-")
		if err != nil {
			return err
		}
		largeReply.tempDir, path = dir, filepath.Join(dir, "large.db")
	}
	_, statErr := os.Stat(path)
	s, err := data.Open(ctx, path, data.Options{Device: "bench"})
	if err != nil {
		return err
	}
	largeReply.s = s
	if largeReply.tpl, err = DefaultTemplate(); err != nil {
		return err
	}
	if os.IsNotExist(statErr) {
		if err := buildLargeRegister(ctx, s); err != nil {
			return err
		}
		largeReply.built = true
	}
	largeReply.replyID, err = largeReplyOf(ctx, s, largeReply.tpl)
	return err
}

// buildLargeRegister builds the large register, NCM_BENCH_REPLY_SCALE
// times over if set (4: the measure of memory at four times the size).
func buildLargeRegister(ctx context.Context, s *data.Store) error {
	n := 1
	if v := os.Getenv("NCM_BENCH_REPLY_SCALE"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			return fmt.Errorf("NCM_BENCH_REPLY_SCALE=%q: want a whole number from 1", v)
		}
	}
	size, training, coordination := data.LargeSample, data.LargeTrainingSample, data.LargeCoordinationSample
	size.Organisations *= n
	size.Contacts *= n
	training.Courses *= n
	training.Marks *= n
	coordination.Campaigns *= n
	coordination.Agreements *= n
	coordination.Actions *= n
	coordination.Meetings *= n
	if err := s.GenerateSample(ctx, size, 1); err != nil {
		return err
	}
	if err := s.GenerateTrainingSample(ctx, training, 1); err != nil {
		return err
	}
	return s.GenerateCoordinationSample(ctx, coordination, 1)
}

// largeReplyOf finds the reply over every year, or writes it: an answer to
// every question and the contributions of 20 member agencies.
func largeReplyOf(ctx context.Context, s *data.Store, t Template) (string, error) {
	replies, err := s.Replies(ctx)
	if err != nil {
		return "", err
	}
	for _, r := range replies {
		if r.From == largeReplyFrom && r.To == largeReplyTo {
			return r.ID, nil
		}
	}
	members, err := s.Members(ctx)
	if err != nil {
		return "", err
	}
	if len(members) < 20 {
		return "", fmt.Errorf("the large register has %d members, want 20 or more", len(members))
	}
	contacts, err := s.Contacts(ctx, members[0].ID, false)
	if err != nil || len(contacts) == 0 {
		return "", fmt.Errorf("no contact at %s to reply (%v)", members[0].Name, err)
	}
	r := data.Reply{TemplateID: t.ID, TemplateVersion: t.Version, From: largeReplyFrom, To: largeReplyTo, Officer: contacts[0].ID}
	if err := s.CreateReply(ctx, &r); err != nil {
		return "", err
	}
	narrative := strings.Repeat("The agencies of the mechanism report on this question in some detail. ", 12)
	var answers []data.Contribution
	for _, sec := range t.Sections {
		for _, q := range sec.Questions {
			a := data.Answer{QuestionID: q.ID, Narrative: narrative}
			if q.Kind == "yes_no" {
				a.YesNo = "yes"
			}
			if err := s.SetAnswer(ctx, r.ID, a); err != nil {
				return "", err
			}
			figures := map[string]int{}
			for i, name := range q.Bindings {
				figures[name] = 10 * (i + 1)
			}
			answers = append(answers, data.Contribution{QuestionID: q.ID, Narrative: "Our agency's part: " + narrative[:140], Figures: figures})
		}
	}
	for _, o := range members[:20] {
		if err := s.ImportContributions(ctx, r.ID, o.ID, "agency.xlsx", answers); err != nil {
			return "", err
		}
	}
	return r.ID, nil
}

// peakMemory samples the live heap every 2 ms while it runs, and resets the
// process's high-water mark of resident memory (VmHWM) at the start so that
// the peak RSS read at the end is that of the run.
type peakMemory struct {
	stop   chan struct{}
	done   chan struct{}
	heap   uint64
	rssErr error
}

func startPeakMemory() *peakMemory {
	p := &peakMemory{stop: make(chan struct{}), done: make(chan struct{})}
	p.rssErr = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(p.done)
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			p.heap = max(p.heap, sample[0].Value.Uint64())
			select {
			case <-p.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

// end stops the sampling and gives the peaks in megabytes (RSS 0 when the
// system cannot reset or tell it: Linux only).
func (p *peakMemory) end() (heapMB, rssMB float64) {
	close(p.stop)
	<-p.done
	if p.rssErr != nil { // the mark was not reset: it would be the whole process's
		return float64(p.heap) / 1e6, 0
	}
	return float64(p.heap) / 1e6, float64(peakRSS()) / 1e6
}

// peakRSS reads VmHWM from /proc/self/status, in bytes.
func peakRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// benchmarkReply times loading the reply and writing it, and reports the
// highest peaks of memory over the iterations.
func benchmarkReply(b *testing.B, write func(*bytes.Buffer, ReplyContent) error) *bytes.Buffer {
	s, tpl, replyID := largeReplyRegister(b)
	return benchmarkReplyOf(b, s, tpl, replyID, write)
}

func benchmarkReplyOf(b *testing.B, s *data.Store, tpl Template, replyID string, write func(*bytes.Buffer, ReplyContent) error) *bytes.Buffer {
	ctx := context.Background()
	var out bytes.Buffer
	var heapMB, rssMB float64
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		peak := startPeakMemory()
		c, err := LoadReply(ctx, s, tpl, replyID)
		if err == nil {
			err = write(&out, c)
		}
		h, r := peak.end()
		if err != nil {
			b.Fatal(err)
		}
		heapMB, rssMB = max(heapMB, h), max(rssMB, r)
	}
	b.ReportMetric(heapMB, "peak-heap-MB")
	switch {
	case largeReply.built:
		// SQLite's pages and the sample's generation stay resident outside
		// Go's heap, which FreeOSMemory does not give back.
		b.Log("peak RSS not reported: the register was built in this process; " +
			"run again with NCM_BENCH_REPLY_REGISTER naming the file built the first time")
	case rssMB > 0:
		b.ReportMetric(rssMB, "peak-RSS-MB")
	}
	b.ReportMetric(float64(out.Len())/1e6, "file-MB")
	return &out
}

// BenchmarkReplyXLSX loads the reply over every year of the large register
// and writes its workbook (target: under 3 s and 300 MB).
func BenchmarkReplyXLSX(b *testing.B) {
	out := benchmarkReply(b, func(w *bytes.Buffer, c ReplyContent) error { return ReplyXLSX(w, c) })
	f, err := excelize.OpenReader(out)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Annex 2 Courses")
	if err != nil {
		b.Fatal(err)
	}
	if courses := len(rows) - 3; courses < 4000 { // a line of what it is, a header, a total
		b.Fatalf("%d courses in the annex, want every course held (4,559 in the sample)", courses)
	}
}

// BenchmarkReplyPDF loads the same reply and writes its PDF (target: under 5 s).
func BenchmarkReplyPDF(b *testing.B) {
	out := benchmarkReply(b, func(w *bytes.Buffer, c ReplyContent) error { return ReplyPDF(w, c) })
	if pages := bytes.Count(out.Bytes(), []byte("/Type /Page\n")); pages < 10 {
		b.Fatalf("%d pages", pages)
	}
}

// BenchmarkFinaliseReply finalises a reply over every year of the large
// register: its figures computed and its annexes drawn, then kept with it
// (it runs off the window's thread; the issue sets no target).
func BenchmarkFinaliseReply(b *testing.B) {
	s, tpl, _ := largeReplyRegister(b)
	ctx := context.Background()
	var size int
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		r := data.Reply{TemplateID: tpl.ID, TemplateVersion: tpl.Version, From: largeReplyFrom, To: "2026-12-30"}
		if err := s.CreateReply(ctx, &r); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := FinaliseReply(ctx, s, tpl, r.ID); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		doc, err := s.FrozenDocument(ctx, r.ID)
		if err != nil || doc == nil {
			b.Fatalf("no document kept: %v", err)
		}
		size = len(doc)
		b.StartTimer()
	}
	b.ReportMetric(float64(size)/1e6, "document-MB")
}

// BenchmarkFinalReplyXLSX writes the workbook of a final reply over every
// year of the large register, its annexes read from what was kept.
func BenchmarkFinalReplyXLSX(b *testing.B) {
	s, tpl, _ := largeReplyRegister(b)
	ctx := context.Background()
	r := data.Reply{TemplateID: tpl.ID, TemplateVersion: tpl.Version, From: largeReplyFrom, To: "2026-12-29"}
	if err := s.CreateReply(ctx, &r); err != nil {
		b.Fatal(err)
	}
	if err := FinaliseReply(ctx, s, tpl, r.ID); err != nil {
		b.Fatal(err)
	}
	benchmarkReplyOf(b, s, tpl, r.ID, func(w *bytes.Buffer, c ReplyContent) error { return ReplyXLSX(w, c) })
}
