package data

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// Plan is a national plan of action against trafficking in persons.
type Plan struct {
	ID        string
	Title     string
	FirstYear int
	LastYear  int
	Authority string // who adopted it
	Status    string // a code of PlanStatuses
	Notes     string
	Archived  bool
}

// Action is one action of a plan.
type Action struct {
	ID        string
	PlanID    string
	Pillar    string // a code of Pillars
	Objective string
	Activity  string
	Lead      string   // organisation id
	Partners  []string // organisation ids
	Deadline  string   // YYYY-MM-DD, or empty
	Indicator string
	Target    string
	Status    string // a code of ActionStatuses
	Archived  bool
}

// ProgressNote is a dated note on an action's progress.
type ProgressNote struct {
	ID, ActionID, Day, Note string
}

// PlanStatuses and ActionStatuses are the states of plans and actions.
var (
	PlanStatuses   = []Code{{"draft", "Draft"}, {"adopted", "Adopted"}, {"ended", "Ended"}}
	ActionStatuses = []Code{{"not_started", "Not started"}, {"ongoing", "Ongoing"}, {"done", "Done"},
		{"delayed", "Delayed"}, {"dropped", "Dropped"}}
)

var (
	planTable = table{entity: "plan", label: "title",
		fields: []Field{textField("title", "Title"), numberField("first_year", "First year"),
			numberField("last_year", "Last year"), textField("authority", "Adopted by"),
			codeField("status", "Status", "plan_status"), textField("notes", "Notes"), archivedField}}
	actionTable = table{entity: "plan_action", label: "activity",
		fields: []Field{internal(refField("plan_id", "Plan", "plan")), codeField("pillar", "Pillar", "pillar"),
			textField("objective", "Objective"), textField("activity", "Activity"),
			refField("lead", "Lead", "organisation"), refsField("partners", "Partners", "organisation"),
			dateField("deadline", "Deadline"), textField("indicator", "Indicator"), textField("target", "Target"),
			codeField("status", "Status", "action_status"), archivedField}}
	progressTable = table{entity: "progress_note", label: "day", fields: []Field{internal(refField("action_id", "Action", "plan_action")),
		dateField("day", "Day"), textField("note", "Progress")}}
)

func (p Plan) values() values {
	return values{"title": p.Title, "first_year": strconv.Itoa(p.FirstYear), "last_year": strconv.Itoa(p.LastYear),
		"authority": p.Authority, "status": p.Status, "notes": p.Notes, "archived": boolText(p.Archived)}
}

func (a Action) values() values {
	return values{"plan_id": a.PlanID, "pillar": a.Pillar, "objective": a.Objective, "activity": a.Activity,
		"lead": a.Lead, "partners": joinLines(a.Partners), "deadline": a.Deadline, "indicator": a.Indicator,
		"target": a.Target, "status": a.Status, "archived": boolText(a.Archived)}
}

// SavePlan validates p and creates or updates it.
func (s *Store) SavePlan(ctx context.Context, p *Plan) error {
	var v validator
	n := *p
	n.Title = strings.Join(strings.Fields(n.Title), " ")
	n.Authority, n.Notes = strings.TrimSpace(n.Authority), strings.TrimSpace(n.Notes)
	v.required("title", n.Title)
	if n.Status == "" {
		n.Status = "draft"
	}
	v.code("status", n.Status, PlanStatuses)
	if n.FirstYear < 1990 || n.FirstYear > 2200 {
		v.add("first_year", "error.year", "{{.Value}} is not a year", map[string]any{"Value": n.FirstYear})
	}
	if n.LastYear < n.FirstYear {
		v.add("last_year", "error.last_year", "The plan ends ({{.Last}}) before it begins ({{.First}})",
			map[string]any{"First": n.FirstYear, "Last": n.LastYear})
	}
	if err := v.err(); err != nil {
		return err
	}
	if err := s.saveWithID(ctx, planTable, &n.ID, n.values(), nil); err != nil {
		return err
	}
	return readBack(ctx, s.Plan, n.ID, p)
}

// Plan reads one plan.
func (s *Store) Plan(ctx context.Context, id string) (Plan, error) {
	var p Plan
	err := s.read.QueryRowContext(ctx, `SELECT id, title, first_year, last_year, authority, status, notes, archived
		FROM plan WHERE id = ?`, id).Scan(&p.ID, &p.Title, &p.FirstYear, &p.LastYear, &p.Authority, &p.Status, &p.Notes, &p.Archived)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

// Plans lists the plans that are not archived, the newest first.
func (s *Store) Plans(ctx context.Context) ([]Plan, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, title, first_year, last_year, authority, status, notes, archived
		FROM plan WHERE archived = 0 ORDER BY first_year DESC, title`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Plan
	for rows.Next() {
		var p Plan
		if err := rows.Scan(&p.ID, &p.Title, &p.FirstYear, &p.LastYear, &p.Authority, &p.Status, &p.Notes, &p.Archived); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SaveAction validates a and creates or updates it.
func (s *Store) SaveAction(ctx context.Context, a *Action) error {
	var v validator
	n := *a
	n.Activity = strings.TrimSpace(n.Activity)
	n.Objective, n.Indicator, n.Target = strings.TrimSpace(n.Objective), strings.TrimSpace(n.Indicator), strings.TrimSpace(n.Target)
	v.required("activity", n.Activity)
	if n.Pillar == "" {
		v.add("pillar", "error.required", "Required", nil)
	}
	v.code("pillar", n.Pillar, Pillars)
	if n.Status == "" {
		n.Status = "not_started"
	}
	v.code("status", n.Status, ActionStatuses)
	if strings.TrimSpace(n.Deadline) != "" {
		n.Deadline = v.date("deadline", n.Deadline)
	}
	exists := s.recordExists(ctx)
	if err := v.references("plan", "plan", []string{n.PlanID}, exists); err != nil {
		return err
	}
	n.Partners = lines(n.Partners)
	for field, ids := range map[string][]string{"lead": {n.Lead}, "partners": n.Partners} {
		if err := v.references(field, "organisation", ids, exists); err != nil {
			return err
		}
	}
	if err := v.err(); err != nil {
		return err
	}
	if err := s.saveWithID(ctx, actionTable, &n.ID, n.values(), nil); err != nil {
		return err
	}
	*a = n
	return nil
}

// SetActionArchived archives or restores an action.
func (s *Store) SetActionArchived(ctx context.Context, id string, archived bool) error {
	return s.setArchived(ctx, actionTable, id, archived)
}

// Actions lists a plan's actions by pillar (in the order of Pillars), then deadline.
func (s *Store) Actions(ctx context.Context, planID string) ([]Action, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+withLinks(actionTable, `id, plan_id, pillar, objective, activity, lead, partners, deadline,
		indicator, target, status, archived`)+` FROM plan_action WHERE plan_id = ? AND archived = 0`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Action
	for rows.Next() {
		var a Action
		var partners string
		if err := rows.Scan(&a.ID, &a.PlanID, &a.Pillar, &a.Objective, &a.Activity, &a.Lead, &partners, &a.Deadline,
			&a.Indicator, &a.Target, &a.Status, &a.Archived); err != nil {
			return nil, err
		}
		a.Partners = splitLines(partners)
		out = append(out, a)
	}
	order := map[string]int{}
	for i, p := range Pillars {
		order[p.Code] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		if order[out[i].Pillar] != order[out[j].Pillar] {
			return order[out[i].Pillar] < order[out[j].Pillar]
		}
		di, dj := out[i].Deadline, out[j].Deadline
		return di != "" && (dj == "" || di < dj)
	})
	return out, rows.Err()
}

// Overdue tells whether an action's deadline has passed on day while it is
// neither done nor dropped.
func (a Action) Overdue(day string) bool {
	return a.Deadline != "" && a.Deadline < day && a.Status != "done" && a.Status != "dropped"
}

// AddProgressNote records a dated note on an action's progress.
func (s *Store) AddProgressNote(ctx context.Context, actionID, day, note string) error {
	var v validator
	note = strings.TrimSpace(note)
	v.required("note", note)
	day = v.dateNotFuture("day", day, s.now())
	if strings.TrimSpace(day) == "" {
		v.add("day", "error.required", "Required", nil)
	}
	if err := v.err(); err != nil {
		return err
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		action, err := actionTable.load(ctx, tx, actionID)
		if err != nil {
			return err
		}
		change, err := s.newChange(ctx, tx, "create", summaryOf(sumProgress, "Activity", action["activity"]))
		if err != nil {
			return err
		}
		return progressTable.insert(ctx, tx, change, uuid.NewString(), values{"action_id": actionID, "day": day, "note": note}, s.timestamp())
	})
}

// ProgressNotes lists an action's notes, newest first.
func (s *Store) ProgressNotes(ctx context.Context, actionID string) ([]ProgressNote, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, action_id, day, note FROM progress_note WHERE action_id = ?
		ORDER BY day DESC, pk DESC`, actionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ProgressNote
	for rows.Next() {
		var n ProgressNote
		if err := rows.Scan(&n.ID, &n.ActionID, &n.Day, &n.Note); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// PlanFigures count a plan's actions, for the plan view and the reply.
type PlanFigures struct {
	Actions  int
	ByPillar map[string]map[string]int // pillar → status → actions
	Overdue  int
}

// PlanCountingRules says in words how PlanFigures count.
const PlanCountingRules = "Every action of the plan that is not archived counts once, under its pillar and status; " +
	"an action is overdue when its deadline has passed on the day of counting and it is neither done nor dropped."

// PlanFiguresOn counts a plan's actions as they stand, with the overdue ones on day.
func (s *Store) PlanFiguresOn(ctx context.Context, planID, day string) (PlanFigures, error) {
	f := PlanFigures{ByPillar: map[string]map[string]int{}}
	actions, err := s.Actions(ctx, planID)
	if err != nil {
		return f, err
	}
	for _, a := range actions {
		f.Actions++
		if f.ByPillar[a.Pillar] == nil {
			f.ByPillar[a.Pillar] = map[string]int{}
		}
		f.ByPillar[a.Pillar][a.Status]++
		if a.Overdue(day) {
			f.Overdue++
		}
	}
	return f, nil
}
