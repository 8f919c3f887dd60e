package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// StoredTemplate is a questionnaire template loaded from a file and kept in
// the register, so that replies written for it can be opened on any laptop
// the register goes to. The register keeps the file as loaded; export reads
// and checks it.
type StoredTemplate struct {
	TemplateID, Version, Title string
	Source                     []byte
}

var questionnaireTable = table{entity: "questionnaire", label: "title",
	fields: []Field{textField("template_id", "Questionnaire"), textField("version", "Questionnaire version"),
		textField("title", "Title"), internal(textField("source", "Template text")), archivedField}}

// SaveTemplate keeps a template that was checked; loading the same id and
// version again replaces the stored text.
func (s *Store) SaveTemplate(ctx context.Context, t StoredTemplate) error {
	if strings.TrimSpace(t.TemplateID) == "" || strings.TrimSpace(t.Title) == "" {
		return &ValidationError{Errors: []FieldError{{Field: "template", Key: "error.required", Template: "Required"}}}
	}
	id := t.TemplateID + "@" + t.Version
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM questionnaire WHERE id = ?", id).Scan(&n); err != nil {
		return err
	}
	return s.saveRecord(ctx, questionnaireTable, id, n == 0, values{"template_id": t.TemplateID, "version": t.Version,
		"title": t.Title, "source": string(t.Source), "archived": "0"}, nil)
}

// ErrTemplateExists says that the register holds a template of that id and
// version already: replies written for it keep it, so a new one needs a
// version of its own.
var ErrTemplateExists = errors.New("the register holds this questionnaire version already")

// AddTemplate keeps a new version of a template and refuses, in the same
// transaction, one whose id and version the register holds already
// (archived or not): a template edited in the window never replaces one
// that replies may have been written for.
func (s *Store) AddTemplate(ctx context.Context, t StoredTemplate) error {
	if strings.TrimSpace(t.TemplateID) == "" || strings.TrimSpace(t.Title) == "" {
		return &ValidationError{Errors: []FieldError{{Field: "template", Key: "error.required", Template: "Required"}}}
	}
	id := t.TemplateID + "@" + t.Version
	return s.saveRecord(ctx, questionnaireTable, id, true, values{"template_id": t.TemplateID, "version": t.Version,
		"title": t.Title, "source": string(t.Source), "archived": "0"}, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM questionnaire WHERE id = ?", id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrTemplateExists
		}
		return nil
	})
}

// Templates lists the templates loaded into the register, by title.
func (s *Store) Templates(ctx context.Context) ([]StoredTemplate, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT template_id, version, title, source FROM questionnaire WHERE archived = 0")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StoredTemplate
	for rows.Next() {
		var t StoredTemplate
		var source string
		if err := rows.Scan(&t.TemplateID, &t.Version, &t.Title, &source); err != nil {
			return nil, err
		}
		t.Source = []byte(source)
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortBy(out, func(t StoredTemplate) string { return t.Title + " " + t.Version })
	return out, nil
}

// Template reads one stored template by id and version.
func (s *Store) Template(ctx context.Context, templateID, version string) (StoredTemplate, error) {
	t := StoredTemplate{TemplateID: templateID, Version: version}
	var source string
	err := s.read.QueryRowContext(ctx, "SELECT title, source FROM questionnaire WHERE id = ?", templateID+"@"+version).
		Scan(&t.Title, &source)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	t.Source = []byte(source)
	return t, err
}
