package data

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// peopleByOrg groups the contacts by organisation for a walk of the list
// (searchpage.go): each organisation's people's pks in pk order (the order
// in which a search names them), their texts joined, and signatures of how
// their words start. It is made once the people are read (in the
// background after opening) and patched with them, one organisation at a
// time, so that a search after an edit does not wait for it.
type peopleByOrg struct {
	built bool
	pks   [][]int32    // by organisation pk
	texts []string     // by organisation pk: its people's texts, each after a NUL (a word break)
	sigs  []wordStarts // by organisation pk
}

func (p *peopleByOrg) of(orgPK int64) []int32 {
	if orgPK < 0 || orgPK >= int64(len(p.pks)) {
		return nil
	}
	return p.pks[orgPK]
}

func (p *peopleByOrg) text(orgPK int64) string {
	if orgPK < 0 || orgPK >= int64(len(p.texts)) {
		return ""
	}
	return p.texts[orgPK]
}

func (p *peopleByOrg) signed(orgPK int64, sig int, bit uint) bool {
	if orgPK < 0 || orgPK >= int64(len(p.sigs)) {
		return false
	}
	return p.sigs[orgPK].has(sig, bit)
}

// byOrganisation groups the contacts, the first time after they were read.
func (c *contactCache) byOrganisation() *peopleByOrg {
	if c.byOrg.built {
		return &c.byOrg
	}
	g := peopleByOrg{built: true}
	for pk, e := range c.contacts {
		if e.orgPK > 0 {
			g.grow(e.orgPK)
			g.pks[e.orgPK] = append(g.pks[e.orgPK], int32(pk))
		}
	}
	for org := range g.pks {
		g.join(c, int64(org))
	}
	c.byOrg = g
	return &c.byOrg
}

func (p *peopleByOrg) grow(orgPK int64) {
	for int64(len(p.pks)) <= orgPK {
		p.pks, p.texts, p.sigs = append(p.pks, nil), append(p.texts, ""), append(p.sigs, wordStarts{})
	}
}

// join makes an organisation's text and signatures from its people. Each
// person's text then points into the joined one, so that the texts are
// kept once (8 MB of the large register).
func (p *peopleByOrg) join(c *contactCache, orgPK int64) {
	var b strings.Builder
	for _, pk := range p.pks[orgPK] {
		b.WriteByte(0)
		b.WriteString(c.contacts[pk].text)
	}
	joined := b.String()
	at := 0
	for _, pk := range p.pks[orgPK] {
		at++ // the NUL
		n := len(c.contacts[pk].text)
		c.contacts[pk].text = joined[at : at+n]
		at += n
	}
	p.texts[orgPK], p.sigs[orgPK] = joined, wordStarts{}
	p.sigs[orgPK].add(joined)
}

// moved takes a contact read again out of the organisation it was in
// (from, 0 for none) and into the one it is in now, and joins both again.
func (p *peopleByOrg) moved(c *contactCache, pk int32, from int64) {
	if !p.built {
		return
	}
	to := c.contacts[pk].orgPK
	if from > 0 && from < int64(len(p.pks)) {
		if i, found := slices.BinarySearch(p.pks[from], pk); found {
			p.pks[from] = slices.Delete(p.pks[from], i, i+1)
		}
		p.join(c, from)
	}
	if to > 0 {
		p.grow(to)
		if i, found := slices.BinarySearch(p.pks[to], pk); !found {
			p.pks[to] = slices.Insert(p.pks[to], i, pk)
		}
		p.join(c, to)
	}
}

// wordStarts are the signatures of the first two bytes of words, of the
// first three, and of the first five (as signedPrefixes).
type wordStarts [3]signature

// signature has a bit set for the first bytes of every word of a text
// (hashed to one of 512 bits): a word typed whose first bytes' bit is not
// set cannot start a word of the text, and the text need not be searched.
// A name like "popescu" matches one organisation in sixteen of the large
// register; the signatures rule out most of the others without reading
// their people's text.
type signature [8]uint64

// signedPrefixes are the lengths of the word starts signed, shortest first.
var signedPrefixes = [3]int{2, 3, 5}

// startSignatureBit is the signature (an index in signedPrefixes) and the
// bit that tell of a word's start, if it is long enough to have one.
func startSignatureBit(word string) (sig int, bit uint, ok bool) {
	for sig = len(signedPrefixes) - 1; sig >= 0; sig-- {
		if len(word) >= signedPrefixes[sig] {
			var h uint
			for _, b := range []byte(word[:signedPrefixes[sig]]) {
				h = h*31 + uint(b)
			}
			return sig, (h * 2654435761 >> 7) % 512, true
		}
	}
	return 0, 0, false
}

func (s *wordStarts) add(text string) {
	for from := 0; from < len(text); {
		r, size := utf8.DecodeRuneInString(text[from:])
		if isWordBreak(r) {
			from += size
			continue
		}
		end := from + size
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if isWordBreak(r) {
				break
			}
			end += size
		}
		word := text[from:end]
		for sig, n := range signedPrefixes {
			if len(word) >= n {
				_, bit, _ := startSignatureBit(word[:n])
				s[sig][bit/64] |= 1 << (bit % 64)
			}
		}
		from = end
	}
}

func (s *wordStarts) has(sig int, bit uint) bool { return s[sig][bit/64]&(1<<(bit%64)) != 0 }
