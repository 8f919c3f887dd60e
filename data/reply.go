package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Reply is a country's reply to a questionnaire for a reporting period.
type Reply struct {
	ID              string
	TemplateID      string
	TemplateVersion string
	From, To        string // the reporting period, YYYY-MM-DD
	Officer         string // the replying officer, a contact id
	Status          string // draft or final
	FinalisedAt     string
	ReopenedFrom    string
}

// Answer is the answer to one question of a reply.
type Answer struct {
	QuestionID string
	Narrative  string
	YesNo      string // "yes", "no" or ""
}

// ErrReplyFinal is returned for a change to a reply that was finalised: its
// figures and answers stay as sent; reopen it as a new draft to change them.
var ErrReplyFinal = errors.New("this reply was finalised; reopen it as a new draft to change it")

// ReplyStatuses are the states of a reply.
var ReplyStatuses = []Code{{"draft", "Draft"}, {"final", "Final"}}

var (
	replyTable = table{entity: "reply", label: "template_id", fields: []Field{textField("template_id", "Questionnaire"),
		textField("template_version", "Questionnaire version"), dateField("period_from", "Period from"),
		dateField("period_to", "Period to"), refField("officer", "Replying officer", "contact"),
		codeField("status", "Status", "reply_status"), textField("finalised_at", "Finalised at"),
		internal(textField("frozen", "Figures as sent")), refField("reopened_from", "Reopened from", "reply"),
		archivedField}}
	answerTable = table{entity: "answer", label: "question_id", fields: []Field{internal(refField("reply_id", "Reply", "reply")),
		textField("question_id", "Question"), textField("narrative", "Answer"), codeField("yes_no", "Yes or no", "yes_no")}}
)

// CreateReply starts a draft reply for a template and a reporting period.
func (s *Store) CreateReply(ctx context.Context, r *Reply) error {
	var v validator
	n := *r
	if strings.TrimSpace(n.TemplateID) == "" {
		v.add("template", "error.required", "Required", nil)
	}
	n.From, n.To = v.date("from", n.From), v.date("to", n.To)
	if n.From == "" {
		v.add("from", "error.required", "Required", nil)
	}
	if n.To == "" {
		v.add("to", "error.required", "Required", nil)
	}
	if n.From != "" && n.To != "" && n.To < n.From {
		v.add("to", "error.period", "The period ends ({{.To}}) before it begins ({{.From}})", map[string]any{"From": n.From, "To": n.To})
	}
	if err := v.references("officer", "contact", []string{n.Officer}, s.recordExists(ctx)); err != nil {
		return err
	}
	if err := v.err(); err != nil {
		return err
	}
	n.ID, n.Status = uuid.NewString(), "draft"
	if err := s.saveRecord(ctx, replyTable, n.ID, true, n.values(""), nil); err != nil {
		return err
	}
	*r = n
	return nil
}

func (r Reply) values(frozen string) values {
	return values{"template_id": r.TemplateID, "template_version": r.TemplateVersion, "period_from": r.From,
		"period_to": r.To, "officer": r.Officer, "status": r.Status, "finalised_at": r.FinalisedAt,
		"frozen": frozen, "reopened_from": r.ReopenedFrom, "archived": "0"}
}

const replyColumns = "id, template_id, template_version, period_from, period_to, officer, status, finalised_at, reopened_from"

func scanReply(row interface{ Scan(...any) error }) (Reply, error) {
	var r Reply
	err := row.Scan(&r.ID, &r.TemplateID, &r.TemplateVersion, &r.From, &r.To, &r.Officer, &r.Status, &r.FinalisedAt, &r.ReopenedFrom)
	return r, err
}

// GetReply reads one reply.
func (s *Store) GetReply(ctx context.Context, id string) (Reply, error) {
	r, err := scanReply(s.read.QueryRowContext(ctx, "SELECT "+replyColumns+" FROM reply WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	return r, err
}

// Replies lists the replies, the newest period first.
func (s *Store) Replies(ctx context.Context) ([]Reply, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+replyColumns+" FROM reply WHERE archived = 0 ORDER BY period_to DESC, created_at DESC")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Reply
	for rows.Next() {
		r, err := scanReply(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetAnswer writes the answer to one question of a draft reply.
func (s *Store) SetAnswer(ctx context.Context, replyID string, a Answer) error {
	r, err := s.GetReply(ctx, replyID)
	if err != nil {
		return err
	}
	if r.Status == "final" {
		return ErrReplyFinal
	}
	if a.YesNo != "" && a.YesNo != "yes" && a.YesNo != "no" {
		return &ValidationError{Errors: []FieldError{{Field: "yes_no", Key: "error.unknown_code",
			Template: "“{{.Value}}” is not one of the choices", Data: map[string]any{"Value": a.YesNo}}}}
	}
	a.Narrative = strings.TrimSpace(a.Narrative)
	if errs := tooLong("narrative", a.Narrative); errs != nil {
		return &ValidationError{Errors: errs}
	}
	id := replyID + "/" + a.QuestionID
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM answer WHERE id = ?", id).Scan(&n); err != nil {
		return err
	}
	return s.saveRecord(ctx, answerTable, id, n == 0, values{"reply_id": replyID, "question_id": a.QuestionID,
		"narrative": a.Narrative, "yes_no": a.YesNo}, nil)
}

// Answers reads a reply's answers by question id.
func (s *Store) Answers(ctx context.Context, replyID string) (map[string]Answer, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT question_id, narrative, yes_no FROM answer WHERE reply_id = ?", replyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]Answer{}
	for rows.Next() {
		var a Answer
		if err := rows.Scan(&a.QuestionID, &a.Narrative, &a.YesNo); err != nil {
			return nil, err
		}
		out[a.QuestionID] = a
	}
	return out, rows.Err()
}

// ReplyFigures gives the named figures of a reply: computed live from the
// register for a draft, as frozen for a final reply (a figure the frozen
// reply lacks is missing from the result).
func (s *Store) ReplyFigures(ctx context.Context, replyID string, names []string) (map[string]FigureValue, error) {
	r, err := s.GetReply(ctx, replyID)
	if err != nil {
		return nil, err
	}
	if r.Status == "final" {
		var frozen string
		if err := s.read.QueryRowContext(ctx, "SELECT frozen FROM reply WHERE id = ?", replyID).Scan(&frozen); err != nil {
			return nil, err
		}
		all := map[string]FigureValue{}
		if err := json.Unmarshal([]byte(frozen), &all); err != nil {
			return nil, err
		}
		out := map[string]FigureValue{}
		for _, n := range names {
			if v, ok := all[n]; ok {
				out[n] = v
			}
		}
		return out, nil
	}
	return s.Period(ctx, r.From, r.To).Figures(names)
}

// ReplyFiguresIn is ReplyFigures counted in a period the caller keeps, for
// the lists it read (the reply's annexes show them). The period must be
// the reply's.
func (s *Store) ReplyFiguresIn(p *Period, replyID string, names []string) (map[string]FigureValue, error) {
	r, err := s.GetReply(p.ctx, replyID)
	if err != nil {
		return nil, err
	}
	if r.From != p.From || r.To != p.To {
		return nil, fmt.Errorf("the reply covers %s to %s, not %s to %s", r.From, r.To, p.From, p.To)
	}
	if r.Status == "final" {
		return s.ReplyFigures(p.ctx, replyID, names)
	}
	return p.Figures(names)
}

func (s *Store) computeFigures(ctx context.Context, r Reply, names []string) (map[string]FigureValue, error) {
	return s.Period(ctx, r.From, r.To).Figures(names)
}

// Figures computes the named figures of the period (unknown names are left out).
func (p *Period) Figures(names []string) (map[string]FigureValue, error) {
	out := map[string]FigureValue{}
	period := p
	for _, n := range names {
		f, ok := NamedFigureByName(n)
		if !ok {
			continue
		}
		v, err := f.Compute(period)
		if err != nil {
			return nil, err
		}
		out[n] = v
	}
	return out, nil
}

// FinaliseReply freezes a draft: the figures named are computed now and kept
// with the reply, with document (what its documents show besides, as the
// caller drew it from the register), so that later changes to the register
// do not change a reply already sent.
func (s *Store) FinaliseReply(ctx context.Context, replyID string, names []string, document []byte) error {
	r, err := s.GetReply(ctx, replyID)
	if err != nil {
		return err
	}
	if r.Status == "final" {
		return ErrReplyFinal
	}
	figures, err := s.computeFigures(ctx, r, names)
	if err != nil {
		return err
	}
	frozen, err := json.Marshal(figures)
	if err != nil {
		return err
	}
	r.Status, r.FinalisedAt = "final", s.now().UTC().Format(time.RFC3339)
	keepDocument := func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO reply_document (reply_id, content) VALUES (?, ?)", r.ID, string(document))
		return err
	}
	return s.saveRecord(ctx, replyTable, r.ID, false, r.values(string(frozen)), keepDocument)
}

// FrozenDocument is the document kept when a reply was finalised; nil for
// a draft, or a reply finalised before documents were kept.
func (s *Store) FrozenDocument(ctx context.Context, replyID string) ([]byte, error) {
	r, err := s.GetReply(ctx, replyID)
	if err != nil || r.Status != "final" {
		return nil, err
	}
	var content string
	err = s.read.QueryRowContext(ctx, "SELECT content FROM reply_document WHERE reply_id = ?", replyID).Scan(&content)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return []byte(content), err
}

// ReopenReply starts a new draft from a final reply, with its answers and
// the agencies' contributions; the final reply stays as it was sent.
func (s *Store) ReopenReply(ctx context.Context, replyID string) (Reply, error) {
	r, err := s.GetReply(ctx, replyID)
	if err != nil {
		return r, err
	}
	answers, err := s.Answers(ctx, replyID)
	if err != nil {
		return r, err
	}
	contributions, err := s.Contributions(ctx, replyID)
	if err != nil {
		return r, err
	}
	n := Reply{TemplateID: r.TemplateID, TemplateVersion: r.TemplateVersion, From: r.From, To: r.To,
		Officer: r.Officer, Status: "draft", ReopenedFrom: r.ID, ID: uuid.NewString()}
	err = s.writeTx(ctx, func(tx *sql.Tx) error {
		change, err := s.newChange(ctx, tx, "create", summaryOf(sumReopen, "From", r.From, "To", r.To))
		if err != nil {
			return err
		}
		at := s.timestamp()
		if err := replyTable.insert(ctx, tx, change, n.ID, n.values(""), at); err != nil {
			return err
		}
		for q, a := range answers {
			if err := answerTable.insert(ctx, tx, change, n.ID+"/"+q, values{"reply_id": n.ID, "question_id": q,
				"narrative": a.Narrative, "yes_no": a.YesNo}, at); err != nil {
				return err
			}
		}
		for _, c := range contributions {
			v, err := c.values()
			if err != nil {
				return err
			}
			v["reply_id"] = n.ID
			if err := contributionTable.insert(ctx, tx, change, n.ID+"/"+c.OrganisationID+"/"+c.QuestionID, v, at); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// CopyAnswers starts a draft from an earlier reply: each question the draft
// has not answered yet takes the earlier answer, in one change; answers
// already written are kept. It gives the number of answers copied.
func (s *Store) CopyAnswers(ctx context.Context, fromReplyID, toReplyID string) (int, error) {
	to, err := s.GetReply(ctx, toReplyID)
	if err != nil {
		return 0, err
	}
	if to.Status == "final" {
		return 0, ErrReplyFinal
	}
	from, err := s.Answers(ctx, fromReplyID)
	if err != nil {
		return 0, err
	}
	have, err := s.Answers(ctx, toReplyID)
	if err != nil {
		return 0, err
	}
	var copied []Answer
	for q, a := range from {
		if h, ok := have[q]; (!ok || (h.Narrative == "" && h.YesNo == "")) && (a.Narrative != "" || a.YesNo != "") {
			copied = append(copied, a)
		}
	}
	if len(copied) == 0 {
		return 0, nil
	}
	sort.Slice(copied, func(i, j int) bool { return questionBefore(copied[i].QuestionID, copied[j].QuestionID) })
	err = s.writeTx(ctx, func(tx *sql.Tx) error {
		change, err := s.newChange(ctx, tx, "update", summaryOf(sumCopyAnswers, "Count", strconv.Itoa(len(copied))))
		if err != nil {
			return err
		}
		at := s.timestamp()
		for _, a := range copied {
			id := toReplyID + "/" + a.QuestionID
			v := values{"reply_id": toReplyID, "question_id": a.QuestionID, "narrative": a.Narrative, "yes_no": a.YesNo}
			if _, ok := have[a.QuestionID]; !ok {
				err = answerTable.insert(ctx, tx, change, id, v, at)
			} else {
				old, lerr := answerTable.load(ctx, tx, id)
				if lerr != nil {
					return lerr
				}
				_, err = answerTable.update(ctx, tx, change, id, old, v, at)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	return len(copied), err
}

// SetReplyArchived hides a draft reply (one started by mistake, say) or
// shows it again. A final reply is the record of what was sent and stays.
func (s *Store) SetReplyArchived(ctx context.Context, id string, archived bool) error {
	r, err := s.GetReply(ctx, id)
	if err != nil {
		return err
	}
	if archived && r.Status == "final" {
		return ErrReplyFinal
	}
	return s.setArchived(ctx, replyTable, id, archived)
}
