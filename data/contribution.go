package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Contribution is one agency's answer to one question of a reply, as
// imported from the workbook the agency filled in.
type Contribution struct {
	ReplyID, QuestionID, OrganisationID string
	OrganisationName                    string // as it was when imported
	Narrative                           string
	YesNo                               string         // "yes", "no" or ""
	Figures                             map[string]int // named figure → the number the agency gave
	FileName                            string         // the workbook it came from
	ImportedAt                          string         // RFC3339
}

var contributionTable = table{entity: "contribution", label: "organisation_name", fields: []Field{
	internal(refField("reply_id", "Reply", "reply")), refField("organisation_id", "Organisation", "organisation"),
	textField("organisation_name", "Organisation on the day"), textField("question_id", "Question"),
	textField("narrative", "Answer"), codeField("yes_no", "Yes or no", "yes_no"), textField("figures", "Figures"),
	textField("file_name", "File"), textField("imported_at", "Imported at")}}

// ImportContributions keeps an agency's answers to a draft reply, replacing
// what the same agency sent before (a corrected workbook replaces the first
// one), in one change that Undo takes back whole.
func (s *Store) ImportContributions(ctx context.Context, replyID, organisationID, fileName string, answers []Contribution) error {
	r, err := s.GetReply(ctx, replyID)
	if err != nil {
		return err
	}
	if r.Status == "final" {
		return ErrReplyFinal
	}
	org, err := s.Organisation(ctx, organisationID)
	if err != nil {
		return err
	}
	at := s.now().UTC().Format(time.RFC3339)
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		change, err := s.newChange(ctx, tx, "import", summaryOf(sumContribution, "Organisation", org.Name, "File", fileName))
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT id FROM contribution WHERE reply_id = ? AND organisation_id = ?", replyID, organisationID)
		if err != nil {
			return err
		}
		var old []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			old = append(old, id)
		}
		rows.Close()
		for _, id := range old {
			if err := contributionTable.delete(ctx, tx, change, id); err != nil {
				return err
			}
		}
		stamp := s.timestamp()
		for _, a := range answers {
			a.ReplyID, a.OrganisationID, a.OrganisationName = replyID, organisationID, org.Name
			a.Narrative, a.FileName, a.ImportedAt = strings.TrimSpace(a.Narrative), fileName, at
			v, err := a.values()
			if err != nil {
				return err
			}
			if err := contributionTable.insert(ctx, tx, change, replyID+"/"+organisationID+"/"+a.QuestionID, v, stamp); err != nil {
				return err
			}
		}
		return nil
	})
}

// values are a contribution's fields as the table keeps them.
func (c Contribution) values() (values, error) {
	figures := ""
	if len(c.Figures) > 0 {
		b, err := json.Marshal(c.Figures)
		if err != nil {
			return nil, err
		}
		figures = string(b)
	}
	return values{"reply_id": c.ReplyID, "organisation_id": c.OrganisationID, "organisation_name": c.OrganisationName,
		"question_id": c.QuestionID, "narrative": c.Narrative, "yes_no": c.YesNo, "figures": figures,
		"file_name": c.FileName, "imported_at": c.ImportedAt}, nil
}

// Contributions reads the agencies' answers to a reply, by question id and
// then agency name.
func (s *Store) Contributions(ctx context.Context, replyID string) ([]Contribution, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT question_id, organisation_id, organisation_name, narrative, yes_no,
		figures, file_name, imported_at FROM contribution WHERE reply_id = ?`, replyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Contribution
	for rows.Next() {
		c := Contribution{ReplyID: replyID}
		var figures string
		if err := rows.Scan(&c.QuestionID, &c.OrganisationID, &c.OrganisationName, &c.Narrative, &c.YesNo,
			&figures, &c.FileName, &c.ImportedAt); err != nil {
			return nil, err
		}
		if figures != "" {
			if err := json.Unmarshal([]byte(figures), &c.Figures); err != nil {
				return nil, err
			}
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortContributions(out)
	return out, nil
}

// sortContributions orders by question as a template numbers them (A2
// before A10), then by agency name in the user's language.
func sortContributions(list []Contribution) {
	sortBy(list, func(c Contribution) string { return c.OrganisationName })
	sort.SliceStable(list, func(i, j int) bool { return questionBefore(list[i].QuestionID, list[j].QuestionID) })
}

// questionBefore compares question ids by their letters, then their number.
func questionBefore(a, b string) bool {
	pa, na := splitQuestionID(a)
	pb, nb := splitQuestionID(b)
	if pa != pb {
		return pa < pb
	}
	if na != nb {
		return na < nb
	}
	return a < b
}

func splitQuestionID(id string) (prefix string, number int) {
	i := len(id)
	for i > 0 && id[i-1] >= '0' && id[i-1] <= '9' {
		i--
	}
	n, _ := strconv.Atoi(id[i:])
	return id[:i], n
}

// ContributingAgencies names the agencies that sent a contribution to the
// reply, each once, in the user's language order.
func ContributingAgencies(list []Contribution) []string {
	seen := map[string]bool{}
	var names []string
	for _, c := range list {
		if !seen[c.OrganisationID] {
			seen[c.OrganisationID] = true
			names = append(names, c.OrganisationName)
		}
	}
	sortBy(names, func(n string) string { return n })
	return names
}
