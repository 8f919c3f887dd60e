package data

import (
	"hash/maphash"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/hbollon/go-edlib"
	"github.com/mozillazg/go-unidecode"
)

// Matching decides which two records are probably one: two people, or two
// organisations. The import (a row against the register) and the register's
// duplicate finder (the register against itself) use this same code.
//
// Names are compared in a form that is blind to case, accents, word order
// and script: "Иван Петров", "PETROV Ivan" and "Ivan Petrov" have one key.
// Candidates are found through blocking keys (the name key, each pair of
// word beginnings, each phone number, each e-mail address), so that the
// work grows with the number of records, not with its square.

// MatchRecord is a person or an organisation as matching sees it.
type MatchRecord struct {
	ID           string
	Name         string
	Acronym      string   // organisations
	Sector       string   // organisations
	Organisation string   // people: the organisation's id
	Phones       []string // E.164
	Emails       []string
}

// MatchReason is one reason two records look like one, for the user to judge.
type MatchReason struct {
	Kind  string // same_name, similar_name, same_email, same_phone, same_acronym, same_organisation, other_sector
	Value string // the e-mail, phone or acronym they share; for similar_name, the similarity in percent
}

// Match is a pair of records that are probably one, with how sure the
// matcher is (from 0 to 1) and why.
type Match struct {
	A, B    string // ids; A is the one being matched (an imported row, or the older record)
	Score   float64
	Reasons []MatchReason
}

// MatchThreshold is the score from which two records are shown as a
// possible duplicate.
const MatchThreshold = 0.75

// maxBlock bounds the records compared through one blocking key: a key that
// many records share ("maria garcia" across a country, one switchboard
// number) says little, and comparing all of them with each other would be
// quadratic. The same key within one organisation or sector has its own,
// smaller block, and is still compared.
const maxBlock = 50

// Matcher holds the records of one kind (people or organisations) with
// their blocking keys.
type Matcher struct {
	people  bool
	records []matchEntry
	blocks  map[uint64][]int32 // by the hash of a blocking key
}

type matchEntry struct {
	MatchRecord
	key      string   // the name's words, folded and transliterated, sorted
	words    []string // the same words
	initials []string // ways of writing the name's initials (organisations)
	emails   []string // lower case
}

// NewMatcher makes an empty matcher, for people or for organisations.
func NewMatcher(people bool) *Matcher {
	return &Matcher{people: people, blocks: map[uint64][]int32{}}
}

// Add puts a record into the matcher.
func (m *Matcher) Add(r MatchRecord) {
	e := m.entry(r)
	i := int32(len(m.records))
	m.records = append(m.records, e)
	for _, k := range m.blockKeys(e) {
		m.blocks[k] = append(m.blocks[k], i)
	}
}

// Len is the number of records added.
func (m *Matcher) Len() int { return len(m.records) }

// Matches finds the records already added that r is probably one with,
// best first. A record is not matched with itself (same id).
func (m *Matcher) Matches(r MatchRecord) []Match {
	e := m.entry(r)
	seen := map[int32]bool{}
	var out []Match
	for _, k := range m.blockKeys(e) {
		block := m.blocks[k]
		if len(block) > maxBlock {
			continue
		}
		for _, i := range block {
			if seen[i] {
				continue
			}
			seen[i] = true
			other := &m.records[i]
			if other.ID == r.ID && r.ID != "" {
				continue
			}
			if match, ok := m.compare(&e, other); ok {
				out = append(out, match)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].B < out[j].B
	})
	return out
}

// Duplicates finds every pair of added records that are probably one,
// each pair once (A added before B), best first.
func (m *Matcher) Duplicates() []Match {
	var out []Match
	// seenBy[j] is the last record j was compared with: each pair once,
	// without a set per record.
	seenBy := make([]int32, len(m.records))
	for i := range seenBy {
		seenBy[i] = -1
	}
	for i := range m.records {
		e := &m.records[i]
		for _, k := range m.blockKeys(*e) {
			block := m.blocks[k]
			if len(block) > maxBlock {
				continue
			}
			for _, j := range block {
				if j <= int32(i) || seenBy[j] == int32(i) {
					continue
				}
				seenBy[j] = int32(i)
				if match, ok := m.compare(e, &m.records[j]); ok {
					out = append(out, match)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
	return out
}

func (m *Matcher) entry(r MatchRecord) matchEntry {
	e := matchEntry{MatchRecord: r}
	e.words = nameWords(r.Name, !m.people)
	sorted := append([]string(nil), e.words...)
	sort.Strings(sorted)
	e.key = strings.Join(sorted, " ")
	if !m.people {
		e.initials = initialsOf(r.Name)
	}
	for _, a := range r.Emails {
		e.emails = append(e.emails, strings.ToLower(strings.TrimSpace(a)))
	}
	return e
}

// blockKeys are the keys under which a record is filed: records that share
// none are never compared.
func (m *Matcher) blockKeys(e matchEntry) []uint64 {
	var keys []uint64
	if e.key != "" {
		keys = append(keys, blockKey("n", e.key, ""))
	}
	// Pairs of word beginnings catch word order, a middle name more or
	// less, and a typo at a word's end ("Peres", "Perez").
	// A word kept whole with the other's first three letters catches a
	// typo in the fourth letter of a short name ("Lole", "Lolz").
	stems := make([]string, 0, len(e.words))
	for _, w := range e.words {
		stems = append(stems, prefix(w, 4))
	}
	for i := range stems {
		for j := i + 1; j < len(stems); j++ {
			a, b := stems[i], stems[j]
			if a > b {
				a, b = b, a
			}
			keys = append(keys, blockKey("w", a, b))
			keys = append(keys, blockKey("f", e.words[i], prefix(e.words[j], 3)), blockKey("f", e.words[j], prefix(e.words[i], 3)))
		}
	}
	if !m.people {
		if len(e.words) == 1 {
			keys = append(keys, blockKey("w", stems[0], ""))
		}
		if a := acronymKey(e.Acronym); a != "" {
			keys = append(keys, blockKey("a", a, ""))
		}
		for _, in := range e.initials {
			keys = append(keys, blockKey("a", in, ""))
		}
	}
	// The same keys within one organisation (people) or sector: a common
	// name's block can be too large to compare, namesakes in one agency
	// are not.
	within := e.Organisation
	if !m.people {
		within = e.Sector
	}
	if within != "" {
		w := blockKey("o", within, "")
		for _, k := range keys {
			keys = append(keys, k*0x100000001b3^w)
		}
	}
	for _, p := range e.Phones {
		keys = append(keys, blockKey("p", p, ""))
	}
	for _, a := range e.emails {
		keys = append(keys, blockKey("e", a, ""))
	}
	return keys
}

// blockSeed seeds the hashes of blocking keys: two keys that hash alike
// only make two records compared that need not be.
var blockSeed = maphash.MakeSeed()

// blockKey hashes a blocking key of a kind (n name, w word beginnings, f
// word and beginning, a acronym, p phone, e e-mail, o organisation).
func blockKey(kind, a, b string) uint64 {
	var h maphash.Hash
	h.SetSeed(blockSeed)
	h.WriteString(kind)
	h.WriteByte(0)
	h.WriteString(a)
	h.WriteByte(0)
	h.WriteString(b)
	return h.Sum64()
}

// compare scores a pair; ok is false below the threshold.
func (m *Matcher) compare(a, b *matchEntry) (Match, bool) {
	match := Match{A: a.ID, B: b.ID}
	var score float64
	nameSim := 0.0
	switch {
	case a.key != "" && a.key == b.key:
		nameSim = 1
		score = 0.9
		match.Reasons = append(match.Reasons, MatchReason{Kind: "same_name"})
	case a.key != "" && b.key != "":
		nameSim = nameSimilarity(a, b, m.people)
		if nameSim >= 0.88 {
			score = 0.85 * nameSim
			match.Reasons = append(match.Reasons, MatchReason{Kind: "similar_name", Value: percent(nameSim)})
		}
	}
	if !m.people {
		if ac := sharedAcronym(a, b); ac != "" {
			score = max(score, 0.85)
			match.Reasons = append(match.Reasons, MatchReason{Kind: "same_acronym", Value: ac})
		}
	}
	if e := shared(a.emails, b.emails); e != "" {
		score = max(score, 0.8) + 0.15
		match.Reasons = append(match.Reasons, MatchReason{Kind: "same_email", Value: e})
	}
	if p := shared(a.Phones, b.Phones); p != "" {
		// A number is often an office's switchboard: it adds to a name
		// that is alike, and alone it is not enough.
		if nameSim >= 0.6 || score > 0 {
			score += 0.1
		} else {
			score = max(score, 0.5)
		}
		match.Reasons = append(match.Reasons, MatchReason{Kind: "same_phone", Value: p})
	}
	if m.people && a.Organisation != "" && a.Organisation == b.Organisation && score > 0 {
		score += 0.05
		match.Reasons = append(match.Reasons, MatchReason{Kind: "same_organisation"})
	}
	if !m.people && a.Sector != "" && b.Sector != "" && a.Sector != b.Sector && score > 0 {
		score -= 0.05
		match.Reasons = append(match.Reasons, MatchReason{Kind: "other_sector", Value: b.Sector})
	}
	match.Score = min(score, 1)
	return match, match.Score >= MatchThreshold
}

// nameSimilarity compares two names word by word: each word of one with
// the likest word of the other (Jaro-Winkler), averaged, the worse of the
// two directions. Comparing whole names would let a shared given name
// ("Elena Popescu", "Elena Rusu") or a shared beginning ("District Council
// East", "District Council Gagauzia") pass for a likeness. A person's name
// that is the other's with a middle name or second surname more or less
// counts too, a little less than the same name.
func nameSimilarity(a, b *matchEntry, people bool) float64 {
	ab, ba := coverage(a.words, b.words), coverage(b.words, a.words)
	best := min(ab, ba)
	if people {
		short, cover := len(a.words), ab
		if len(b.words) < short {
			short, cover = len(b.words), ba
		}
		if short >= 2 {
			best = max(best, 0.97*cover)
		}
	}
	return best
}

// coverage is how well the words of a are found among those of b.
func coverage(a, b []string) float64 {
	if len(a) == 0 {
		return 0
	}
	var sum float64
	for _, w := range a {
		var top float32
		for _, x := range b {
			top = max(top, edlib.JaroWinklerSimilarity(w, x))
		}
		sum += float64(top)
	}
	return sum / float64(len(a))
}

// nameWords are a name's words, folded, transliterated to Latin letters,
// without punctuation; for organisations without the little words
// ("Ministry of the Interior" and "Ministry of Interior" match).
func nameWords(name string, organisation bool) []string {
	folded := Fold(unidecode.Unidecode(Fold(name)))
	words := strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if !organisation {
		return words
	}
	out := words[:0]
	for _, w := range words {
		if !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// stopWords are the little words of organisation names in the program's
// languages, transliterated as nameWords leaves them.
var stopWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "a": true,
	"de": true, "la": true, "le": true, "les": true, "du": true, "des": true, "et": true, "pour": true, "l": true, "d": true,
	"el": true, "los": true, "las": true, "del": true, "y": true, "para": true, "en": true,
	"i": true, "po": true, "v": true, "na": true, "s": true,
}

// initialsOf gives the initials of an organisation's name as acronyms are
// made: of every word ("MVD", Ministerstvo Vnutrennikh Del), without the
// articles ("MoI", Ministry of the Interior), and of the significant words
// only ("MI"); those of two letters or more.
func initialsOf(name string) []string {
	all := nameWords(name, false)
	var out []string
	for _, skip := range []map[string]bool{nil, articles, stopWords} {
		var b strings.Builder
		for _, w := range all {
			if !skip[w] {
				b.WriteString(w[:1])
			}
		}
		if in := b.String(); len(in) >= 2 && !slices.Contains(out, in) {
			out = append(out, in)
		}
	}
	return out
}

// articles are the stop words that acronyms leave out most often.
var articles = map[string]bool{"the": true, "a": true, "la": true, "le": true, "les": true, "l": true,
	"el": true, "los": true, "las": true}

func acronymKey(a string) string {
	a = Fold(unidecode.Unidecode(a))
	var b strings.Builder
	for _, r := range a {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// sharedAcronym is the acronym one organisation is known by that is the
// other's acronym or the initials of its name ("MVD" and "Ministerstvo
// vnutrennikh del").
func sharedAcronym(a, b *matchEntry) string {
	aa, ba := acronymKey(a.Acronym), acronymKey(b.Acronym)
	switch {
	case aa != "" && aa == ba:
		return a.Acronym
	case aa != "" && slices.Contains(b.initials, aa):
		return a.Acronym
	case ba != "" && slices.Contains(a.initials, ba):
		return b.Acronym
	}
	return ""
}

func shared(a, b []string) string {
	for _, x := range a {
		for _, y := range b {
			if x != "" && x == y {
				return x
			}
		}
	}
	return ""
}

func prefix(w string, n int) string {
	for i := range w {
		if n == 0 {
			return w[:i]
		}
		n--
	}
	return w
}

func percent(f float64) string { return strconv.Itoa(int(math.Round(f * 100))) }
