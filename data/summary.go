package data

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"
)

// Summary is what a change did, kept as structure so that the History can
// say it in the reader's language rather than in the words of the laptop
// that wrote it.
//
// Key is an English go-i18n template with named placeholders ("Edit
// {{.Entity}} “{{.Name}}”"): the key of its translations, one of those in
// summaries.go. Args hold the placeholders' values as data keeps them (see
// SummaryArg): codes rather than words, days as YYYY-MM-DD, figures as
// figures, names as typed. Of is the change an Undo or a Redo takes back,
// its {{.Change}}, a summary in its own right. Text is the English sentence,
// written beside the structure for the programs that read sentences only
// (an older version, a package sent to one).
//
// A summary without Key is a sentence only: one written before summaries
// had structure that matches no known form, or a caller's own words
// (Import's).
type Summary struct {
	Key  string
	Args map[string]string
	Of   *Summary
	Text string
}

// SummaryArgKind says what a summary's placeholder holds.
type SummaryArgKind int

// The kinds of placeholder, by which the window shows a value in its
// language.
const (
	ArgWords  SummaryArgKind = iota // names, titles, file names, years: shown as stored
	ArgEntity                       // a kind of record by its code (plan_action), named by EntityName
	ArgCount                        // a whole number the sentence's plural follows ({{.Count}})
	ArgDay                          // a day, YYYY-MM-DD
	ArgCode                         // a code of the code list SummaryArg names
)

// summaryArgKinds are the placeholders that hold something other than
// words, by name: a name means the same in every summary.
var summaryArgKinds = map[string]struct {
	kind SummaryArgKind
	list string
}{
	"Entity": {kind: ArgEntity},
	"Count":  {kind: ArgCount},
	"From":   {kind: ArgDay},
	"To":     {kind: ArgDay},
	"Status": {kind: ArgCode, list: "participant_status"},
}

// SummaryChangeArg is the placeholder of the change an Undo or a Redo
// takes back: Summary.Of, not one of Args.
const SummaryChangeArg = "Change"

// SummaryArg says what the placeholder name holds: words, a kind of
// record, a count, a day, or a code of the code list named by list.
func SummaryArg(name string) (kind SummaryArgKind, list string) {
	k := summaryArgKinds[name]
	return k.kind, k.list
}

// entityNames are the English names of the kinds of record, as summaries
// say them ("Edit plan action “…”"); the window translates them under
// entity.<code>.
var entityNames = map[string]string{
	"agreement": "agreement", "answer": "answer", "attendance": "attendance", "body": "coordination body",
	"campaign": "campaign", "certificate": "certificate", "contact": "contact", "contribution": "contribution",
	"course": "course", "meeting": "meeting", "membership": "membership", "organisation": "organisation",
	"participant": "participant", "plan": "plan", "plan_action": "plan action", "progress_note": "progress note",
	"questionnaire": "questionnaire", "reply": "reply", "statistic": "statistic", "working_group": "working group",
}

// EntityName is the English name of a kind of record (its code when it
// has none).
func EntityName(code string) string {
	if name, ok := entityNames[code]; ok {
		return name
	}
	return code
}

// summaryForm is one kind of summary: its key, its English template, and
// for a counted one the English plural.
type summaryForm struct {
	key, text, other string
	one, many        *template.Template
	names            []string // its placeholders, in order
	fromSentence     []*regexp.Regexp
}

var (
	summaryForms = map[string]*summaryForm{}
	placeholder  = regexp.MustCompile(`\{\{\.([A-Za-z]+)\}\}`)
)

// summaryKey declares a kind of summary (summaries.go) whose English
// template is its key; the translations' test collects each from its call.
func summaryKey(key string) string { return declareSummary(key, key, "") }

// summaryNamed declares a kind of summary under a key of its own, where
// its English words are another string's too and the two need not be
// translated alike (the History's "Undo: …" says what was done; the Edit
// menu's "Undo: …" is a command).
func summaryNamed(key, text string) string { return declareSummary(key, text, "") }

// summaryPlural declares a counted kind of summary, by its singular and
// plural English forms; the singular is the key, as for locale.N.
func summaryPlural(one, other string) string { return declareSummary(one, one, other) }

func declareSummary(key, text, other string) string {
	f := &summaryForm{key: key, text: text, other: other, one: template.Must(template.New(key).Parse(text))}
	f.many = f.one
	if other != "" {
		f.many = template.Must(template.New(other).Parse(other))
	}
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		f.names = append(f.names, m[1])
	}
	if _, dup := summaryForms[key]; dup {
		panic("summary declared twice: " + key)
	}
	summaryForms[key] = f
	return key
}

// KnownSummary says whether this program knows the kind of summary (a
// newer one may write summaries this one cannot say: their Text is shown).
func KnownSummary(key string) bool {
	_, ok := summaryForms[key]
	return ok
}

// SummaryTemplate is the English template of a kind of summary (its
// singular, for a counted one): the key itself, but for the kinds named
// apart (summaryNamed).
func SummaryTemplate(key string) string {
	if f, ok := summaryForms[key]; ok {
		return f.text
	}
	return key
}

// summaryOf makes a summary of a kind declared in summaries.go, from its
// placeholders' values given as name, value pairs. A value left out or one
// too many is a mistake of the program's, found by its tests: it panics, as
// regexp.MustCompile does.
func summaryOf(key string, nameValues ...string) Summary {
	f, ok := summaryForms[key]
	if !ok || len(nameValues)%2 != 0 {
		panic(fmt.Sprintf("summaryOf(%q, %q): an undeclared summary or an odd list", key, nameValues))
	}
	s := Summary{Key: key}
	if len(nameValues) > 0 {
		s.Args = make(map[string]string, len(nameValues)/2)
	}
	for i := 0; i < len(nameValues); i += 2 {
		s.Args[nameValues[i]] = nameValues[i+1]
	}
	given := make([]string, 0, len(s.Args))
	for name := range s.Args {
		given = append(given, name)
	}
	want := slices.Clone(f.names)
	sort.Strings(given)
	sort.Strings(want)
	if !slices.Equal(given, slices.Compact(want)) {
		panic(fmt.Sprintf("summaryOf(%q): values for %v, the template has %v", key, given, want))
	}
	s.Text = f.english(s)
	return s
}

// summaryAbout makes the summary of an Undo or a Redo (key holds
// {{.Change}}) of the change whose summary is of.
func summaryAbout(key string, of Summary) Summary {
	s := Summary{Key: key, Of: &of}
	s.Text = summaryForms[key].english(s)
	return s
}

// english writes the summary's English sentence: kinds of record by their
// names, codes by their labels, the change an Undo takes back by its own
// sentence, the plural that the count asks for.
func (f *summaryForm) english(s Summary) string {
	data := make(map[string]string, len(s.Args)+1)
	for name, v := range s.Args {
		switch kind, list := SummaryArg(name); kind {
		case ArgEntity:
			v = EntityName(v)
		case ArgCode:
			if codes, ok := CodeList(list); ok {
				if label := labelIn(codes, v); label != "" {
					v = label
				}
			}
		}
		data[name] = v
	}
	if s.Of != nil {
		data[SummaryChangeArg] = s.Of.Text
	}
	t := f.one
	if n, ok := s.Args["Count"]; ok && n != "1" {
		t = f.many
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return s.Key
	}
	return b.String()
}

// summaryJSON is a summary nested in another's values (an Undo's
// {{.Change}}), as the column summary_args and packages keep it. Its
// sentence is kept only when it has no key: the sentence of a known kind
// is made again from the key, and the Undo's own sentence holds it all, so
// that an Undo of a Redo of an Undo… does not keep each level's sentence
// again at each level above it.
type summaryJSON struct {
	Key  string          `json:"key,omitempty"`
	Args json.RawMessage `json:"args,omitempty"`
	Text string          `json:"text,omitempty"`
}

// encodeArgs writes a summary's values as JSON, the change it takes back
// (Of) as an object under "Change", so that an Undo of a Redo of an Undo
// nests objects rather than escaping strings again at each level; "" when
// it has none.
func encodeArgs(s Summary) (string, error) {
	if len(s.Args) == 0 && s.Of == nil {
		return "", nil
	}
	m := make(map[string]any, len(s.Args)+1)
	for k, v := range s.Args {
		m[k] = v
	}
	if s.Of != nil {
		nested := summaryJSON{Key: s.Of.Key}
		if nested.Key == "" {
			nested.Text = s.Of.Text
		}
		args, err := encodeArgs(*s.Of)
		if err != nil {
			return "", err
		}
		if args != "" {
			nested.Args = json.RawMessage(args)
		}
		m[SummaryChangeArg] = nested
	}
	b, err := json.Marshal(m) // keys in order: the same summary, the same text
	return string(b), err
}

// decodeArgs reads what encodeArgs wrote.
func decodeArgs(raw string) (args map[string]string, of *Summary, err error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return nil, nil, err
	}
	for k, v := range m {
		if k == SummaryChangeArg {
			var nested summaryJSON
			if err := json.Unmarshal(v, &nested); err != nil {
				return nil, nil, err
			}
			if nested.Key == "" {
				parsed := parseSummary(nested.Text)
				of = &parsed
				continue
			}
			of = &Summary{Key: nested.Key, Text: nested.Text}
			if len(nested.Args) > 0 {
				if of.Args, of.Of, err = decodeArgs(string(nested.Args)); err != nil {
					return nil, nil, err
				}
			}
			if f, ok := summaryForms[of.Key]; ok && of.Text == "" {
				of.Text = f.english(*of)
			}
			continue
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, nil, err
		}
		if args == nil {
			args = map[string]string{}
		}
		args[k] = s
	}
	return args, of, nil
}

// storedSummary is a summary as a change row holds it: its sentence, and
// its key and values where it has them. A row written before summaries had
// structure (or received from a laptop running such a version) has only
// its sentence, read back into structure where it matches a known form.
// Values that cannot be read leave the sentence alone too.
func storedSummary(text, key, args string) Summary {
	if key == "" {
		return parseSummary(text)
	}
	s := Summary{Key: key, Text: text}
	if args != "" {
		var err error
		if s.Args, s.Of, err = decodeArgs(args); err != nil {
			return parseSummary(text)
		}
	}
	return s
}

// The conversion of the sentences written before summaries had structure
// (schema 25 and earlier, and packages from those versions) is done when
// they are read, not by the migration: the same reading serves the
// packages that older laptops go on sending after this one is upgraded,
// and the History keeps each change as it was written.

// sentenceForms are the forms tried on an old sentence, those with the
// most fixed words first ("Add new participant “…” to course “…”" before
// "Add … to course “…”").
var sentenceForms = sync.OnceValue(func() []*summaryForm {
	forms := make([]*summaryForm, 0, len(summaryForms))
	fixed := map[*summaryForm]int{}
	for _, f := range summaryForms {
		for _, text := range []string{f.text, f.other} {
			if text != "" {
				f.fromSentence = append(f.fromSentence, sentencePattern(text))
			}
		}
		fixed[f] = len(placeholder.ReplaceAllString(f.text, ""))
		forms = append(forms, f)
	}
	sort.Slice(forms, func(i, j int) bool {
		if fixed[forms[i]] != fixed[forms[j]] {
			return fixed[forms[i]] > fixed[forms[j]]
		}
		return forms[i].key < forms[j].key
	})
	return forms
})

// sentencePattern matches the sentences a template wrote, each placeholder
// a group named after it.
func sentencePattern(text string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`^`)
	last := 0
	for _, m := range placeholder.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(regexp.QuoteMeta(text[last:m[0]]))
		name := text[m[2]:m[3]]
		group := `.*`
		switch kind, _ := SummaryArg(name); kind {
		case ArgEntity:
			group = `[a-z_ ]+` // the code (older versions) or the English name
		case ArgCount:
			group = `[0-9]+`
		case ArgDay:
			group = `[0-9]{4}-[0-9]{2}-[0-9]{2}`
		}
		fmt.Fprintf(&b, `(?P<%s>%s)`, name, group)
		last = m[1]
	}
	b.WriteString(regexp.QuoteMeta(text[last:]) + `$`)
	return regexp.MustCompile(b.String())
}

// renamedSentences are sentences that older versions wrote and this one
// words differently.
var renamedSentences = map[string]string{
	"Change setting “country”": sumCountry,
	"Data checks":              sumDataChecks,
}

// parseSummary reads an English sentence back into the structure of the
// kind of summary that wrote it; a sentence of no known kind stays a
// sentence (Summary with Text only).
func parseSummary(text string) Summary {
	if key, ok := renamedSentences[text]; ok {
		return Summary{Key: key, Text: text}
	}
	for _, f := range sentenceForms() {
		for _, re := range f.fromSentence {
			if s, ok := f.read(re, text); ok {
				return s
			}
		}
	}
	return Summary{Text: text}
}

// read takes a sentence apart with one of the form's patterns, checking
// each value: a kind of record the register has, a label of the code list.
func (f *summaryForm) read(re *regexp.Regexp, text string) (Summary, bool) {
	m := re.FindStringSubmatch(text)
	if m == nil {
		return Summary{}, false
	}
	s := Summary{Key: f.key, Text: text}
	for i, name := range re.SubexpNames() {
		if name == "" {
			continue
		}
		v := m[i]
		switch kind, list := SummaryArg(name); {
		case name == SummaryChangeArg:
			of := parseSummary(v)
			s.Of = &of
			continue
		case kind == ArgEntity:
			code, ok := entityCode(v)
			if !ok {
				return Summary{}, false
			}
			v = code
		case kind == ArgCount:
			if _, err := strconv.Atoi(v); err != nil {
				return Summary{}, false
			}
		case kind == ArgCode:
			code, ok := codeOfLabel(list, v)
			if !ok {
				return Summary{}, false
			}
			v = code
		}
		if s.Args == nil {
			s.Args = map[string]string{}
		}
		s.Args[name] = v
	}
	return s, true
}

// entityCode reads a kind of record as an older sentence named it: by its
// code ("plan_action"), or by the English name.
func entityCode(v string) (string, bool) {
	if _, ok := tables[v]; ok {
		return v, true
	}
	for code, name := range entityNames {
		if name == v {
			return code, true
		}
	}
	return "", false
}

// codeOfLabel reads a code of a list as a sentence wrote it: its English
// label, or the code.
func codeOfLabel(list, v string) (string, bool) {
	codes, _ := CodeList(list)
	for _, c := range codes {
		if c.Label == v || c.Code == v {
			return c.Code, true
		}
	}
	return "", false
}
