package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// Setting keys kept in the register itself (not per user), so that they
// travel with the file.
const (
	// SettingCountry is the register's country, ISO 3166 alpha-2: the default
	// region for phone numbers written without a country code.
	SettingCountry = "country"
)

// Setting reads a register setting; empty when not set.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.read.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// Country is the register's country, or empty.
func (s *Store) Country(ctx context.Context) string {
	v, _ := s.Setting(ctx, SettingCountry)
	return v
}

// SetCountry sets the register's country (an undoable change).
func (s *Store) SetCountry(ctx context.Context, code string) error {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code != "" && !CountryKnown(code) {
		return &ValidationError{Errors: []FieldError{{Field: "country", Key: "error.country",
			Template: "“{{.Value}}” is not a country code (ISO 3166, like FR)", Data: map[string]any{"Value": code}}}}
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		return s.setSettings(ctx, tx, summaryOf(sumCountry), []string{SettingCountry}, map[string]string{SettingCountry: code})
	})
}

// setSettings sets several settings as one change (none when nothing
// differs), in the order of keys.
func (s *Store) setSettings(ctx context.Context, tx *sql.Tx, summary Summary, keys []string, values map[string]string) error {
	var change int64
	for _, key := range keys {
		var old string
		err := tx.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", key).Scan(&old)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		value := values[key]
		if old == value {
			continue
		}
		if change == 0 {
			if change, err = s.newChange(ctx, tx, "setting", summary); err != nil {
				return err
			}
		}
		if err := writeSetting(ctx, tx, key, value); err != nil {
			return err
		}
		if err := addItem(ctx, tx, change, "setting", key, "update", "value", old, value); err != nil {
			return err
		}
	}
	return nil
}

func writeSetting(ctx context.Context, tx *sql.Tx, key, value string) error {
	_, err := tx.ExecContext(ctx,
		"INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		key, value)
	return err
}
