package data

import (
	"encoding/binary"
	"errors"
	"maps"
	"math"
	"slices"
)

// The courses' figures kept in the register are encoded by hand, in
// varints: gob took 25–30 ms to decode the 4,559 courses of the large
// register (reflection, and a map per breakdown read key by key), a third
// of the first reply's loading; this takes a few. The layout:
//
//	the organisation names: count, then each (length, bytes)
//	the courses: count, then each:
//	  id, first day (length, bytes); flags (held 1, archived 2, joint 4);
//	  participants, government, non-government;
//	  by sector and by sex: count, then each (code, count);
//	  by organisation: count, then each (number of the name, count)

const (
	flagHeld     = 1
	flagArchived = 2
	flagJoint    = 4
)

var errBadFigures = errors.New("the saved figures are damaged")

func encodeFigures(orgs []string, courses map[string]courseCounts) []byte {
	b := binary.AppendUvarint(nil, uint64(len(orgs)))
	for _, name := range orgs {
		b = appendString(b, name)
	}
	b = binary.AppendUvarint(b, uint64(len(courses)))
	for _, id := range slices.Sorted(maps.Keys(courses)) { // the same figures, the same bytes
		c := courses[id]
		b = appendString(b, id)
		b = appendString(b, c.firstDay)
		var flags uint64
		if c.held {
			flags |= flagHeld
		}
		if c.archived {
			flags |= flagArchived
		}
		if c.figures.JointCourses > 0 {
			flags |= flagJoint
		}
		b = binary.AppendUvarint(b, flags)
		for _, n := range []int{c.figures.Participants, c.figures.Government, c.figures.NonGovernment} {
			b = binary.AppendUvarint(b, uint64(n))
		}
		for _, m := range []map[string]int{c.figures.BySector, c.figures.BySex} {
			b = binary.AppendUvarint(b, uint64(len(m)))
			for _, k := range slices.Sorted(maps.Keys(m)) {
				b = appendString(b, k)
				b = binary.AppendUvarint(b, uint64(m[k]))
			}
		}
		b = binary.AppendUvarint(b, uint64(len(c.byOrg)))
		for _, oc := range c.byOrg {
			b = binary.AppendUvarint(b, uint64(oc.Org))
			b = binary.AppendUvarint(b, uint64(oc.N))
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// figuresReader reads what encodeFigures wrote; the first problem stops
// every later read and is kept in err.
type figuresReader struct {
	b      []byte
	err    error
	intern map[string]string // sector and sex codes, read thousands of times
}

func (r *figuresReader) uint(limit uint64) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > limit {
		r.err = errBadFigures
		return 0
	}
	r.b = r.b[n:]
	return v
}

// bytes reads a length and that many bytes.
func (r *figuresReader) bytes() []byte {
	n := r.uint(uint64(len(r.b)))
	if r.err == nil && n > uint64(len(r.b)) {
		r.err = errBadFigures
	}
	if r.err != nil {
		return nil
	}
	raw := r.b[:n]
	r.b = r.b[n:]
	return raw
}

func (r *figuresReader) string() string { return string(r.bytes()) }

func (r *figuresReader) code() string {
	raw := r.bytes()
	if s, ok := r.intern[string(raw)]; ok { // no allocation: the compiler looks up []byte keys as they are
		return s
	}
	s := string(raw)
	r.intern[s] = s
	return s
}

// maxFigure bounds every count read back: more than any register holds,
// small enough that sums cannot overflow.
const maxFigure = math.MaxInt32

func decodeFigures(b []byte) (orgNames, map[string]courseCounts, error) {
	r := &figuresReader{b: b, intern: map[string]string{}}
	var orgs orgNames
	for n := r.uint(uint64(len(b))); n > 0 && r.err == nil; n-- {
		orgs.number(r.string())
	}
	count := r.uint(uint64(len(b)))
	courses := make(map[string]courseCounts, count)
	for ; count > 0 && r.err == nil; count-- {
		id := r.string()
		c := courseCounts{firstDay: r.string(), figures: newTrainingFigures()}
		flags := r.uint(flagHeld | flagArchived | flagJoint)
		c.held, c.archived = flags&flagHeld != 0, flags&flagArchived != 0
		c.figures.Courses = 1
		if flags&flagJoint != 0 {
			c.figures.JointCourses = 1
		}
		c.figures.Participants = int(r.uint(maxFigure))
		c.figures.Government = int(r.uint(maxFigure))
		c.figures.NonGovernment = int(r.uint(maxFigure))
		for _, m := range []map[string]int{c.figures.BySector, c.figures.BySex} {
			for n := r.uint(uint64(len(r.b))); n > 0 && r.err == nil; n-- {
				k := r.code()
				m[k] = int(r.uint(maxFigure))
			}
		}
		n := r.uint(uint64(len(r.b)))
		if r.err == nil && n > 0 {
			c.byOrg = make([]orgCount, 0, n)
		}
		if n > 0 && len(orgs.names) == 0 {
			r.err = errBadFigures
		}
		for ; n > 0 && r.err == nil; n-- {
			org := r.uint(uint64(len(orgs.names) - 1))
			c.byOrg = append(c.byOrg, orgCount{int32(org), int32(r.uint(maxFigure))})
		}
		courses[id] = c
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = errBadFigures
	}
	if r.err != nil {
		return orgNames{}, nil, r.err
	}
	return orgs, courses, nil
}
