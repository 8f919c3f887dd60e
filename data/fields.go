package data

import (
	"context"
	"fmt"
	"sort"
)

// FieldKind says what a field holds, and so how forms, the history, the
// import's mapping and the merge review read and show it.
type FieldKind uint8

const (
	KindText       FieldKind = iota // free text, on one line or several
	KindLines                       // several free texts, one per line (topics, regions)
	KindDate                        // YYYY-MM-DD
	KindNumber                      // a whole number
	KindFlag                        // "1" or "0"
	KindCode                        // one code of a code list
	KindCodes                       // codes of a code list, one per line
	KindReference                   // the id of another record
	KindReferences                  // ids of other records, one per line
	KindPhone                       // one phone number, E.164
	KindPhones                      // phone numbers, E.164, one per line
	KindEmails                      // e-mail addresses, one per line
)

// Field describes one user field of a record table: the column, its English
// label (also the key its translations are kept under), what it holds, and
// for codes the code list, for references the kind of record pointed at.
type Field struct {
	Name  string
	Label string
	Kind  FieldKind
	// List names the code list of a code field (CodeList gives it).
	List string
	// Refers is the entity a reference field points at.
	Refers string
	// Internal fields tie a record to the one it belongs to (an answer to
	// its reply) or hold machine-made text: the history shows them only
	// when they change.
	Internal bool
}

// IsList tells whether the field holds several values, one per line.
func (f Field) IsList() bool {
	switch f.Kind {
	case KindLines, KindCodes, KindReferences, KindPhones, KindEmails:
		return true
	}
	return false
}

// IsReference tells whether the field holds ids of other records.
func (f Field) IsReference() bool { return f.Kind == KindReference || f.Kind == KindReferences }

// The constructors below keep each table's declaration one line per field.

func textField(name, label string) Field  { return Field{Name: name, Label: label, Kind: KindText} }
func linesField(name, label string) Field { return Field{Name: name, Label: label, Kind: KindLines} }
func dateField(name, label string) Field  { return Field{Name: name, Label: label, Kind: KindDate} }
func numberField(name, label string) Field {
	return Field{Name: name, Label: label, Kind: KindNumber}
}
func flagField(name, label string) Field { return Field{Name: name, Label: label, Kind: KindFlag} }
func codeField(name, label, list string) Field {
	return Field{Name: name, Label: label, Kind: KindCode, List: list}
}
func codesField(name, label, list string) Field {
	return Field{Name: name, Label: label, Kind: KindCodes, List: list}
}
func refField(name, label, entity string) Field {
	return Field{Name: name, Label: label, Kind: KindReference, Refers: entity}
}
func refsField(name, label, entity string) Field {
	return Field{Name: name, Label: label, Kind: KindReferences, Refers: entity}
}
func internal(f Field) Field { f.Internal = true; return f }

var archivedField = flagField("archived", "Archived")

// Fields lists the user fields of a kind of record, in form order; ok is
// false for an entity the register does not keep.
func Fields(entity string) (fields []Field, ok bool) {
	t, ok := tableFor(entity)
	if !ok {
		return nil, false
	}
	return append([]Field(nil), t.fields...), true
}

// FieldOf finds one field of an entity.
func FieldOf(entity, name string) (Field, bool) {
	t, ok := tableFor(entity)
	if !ok {
		return Field{}, false
	}
	for _, f := range t.fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Entities lists the kinds of record the register keeps, by name.
func Entities() []string {
	out := make([]string, 0, len(tables))
	for e := range tables {
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

// codeLists are the code lists by the name fields give them; the name is
// also the prefix of their entries' translation keys ("sector.police").
var codeLists = map[string]func() []Code{
	"sector":             SectorCodes,
	"level":              func() []Code { return Levels },
	"mechanism":          func() []Code { return MechanismRoles },
	"sex":                func() []Code { return Sexes },
	"role":               func() []Code { return ContactRoles },
	"pillar":             func() []Code { return Pillars },
	"status":             func() []Code { return CourseStatuses },
	"mark":               func() []Code { return Marks },
	"participant_status": func() []Code { return ParticipantStatuses },
	"country":            Countries,
	"agreement_kind":     func() []Code { return AgreementKinds },
	"agreement_level":    func() []Code { return AgreementLevels },
	"subject":            func() []Code { return AgreementSubjects },
	"agreement_status":   func() []Code { return AgreementStatuses },
	"target_group":       func() []Code { return TargetGroups },
	"channel":            func() []Code { return Channels },
	"form":               func() []Code { return FormsOfExploitation },
	"plan_status":        func() []Code { return PlanStatuses },
	"action_status":      func() []Code { return ActionStatuses },
	"measure":            func() []Code { return Measures },
	"reply_status":       func() []Code { return ReplyStatuses },
	"yes_no":             func() []Code { return YesNo },
	"figure_row":         func() []Code { return FigureRowLabels },
}

// YesNo are the answers to a yes-or-no question; empty is not answered.
var YesNo = []Code{{"yes", "Yes"}, {"no", "No"}}

// RecordName is what the register calls a record: its name, or the field
// its table is named by (a course's title). A record no longer in the
// register gives ErrNotFound.
func (s *Store) RecordName(ctx context.Context, entity, id string) (string, error) {
	t, ok := tableFor(entity)
	if !ok {
		return "", fmt.Errorf("no kind of record %q", entity)
	}
	v, err := t.load(ctx, s.read, id)
	if err != nil {
		return "", err
	}
	return t.name(v), nil
}

// CodeList gives a code list by name; ok is false for a name no field uses.
func CodeList(name string) (list []Code, ok bool) {
	f, ok := codeLists[name]
	if !ok {
		return nil, false
	}
	return f(), true
}

// CodeListNames lists the names of the code lists, sorted.
func CodeListNames() []string {
	out := make([]string, 0, len(codeLists))
	for n := range codeLists {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
