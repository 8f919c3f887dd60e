package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// Clock is a version vector: for each copy of the register (replica), the
// highest sequence number of its changes known, every number below it
// included. It says what a copy had seen when it made a change, which is
// how an exchange tells an edit made after another from one made beside it,
// without reading any laptop's clock.
type Clock map[string]int64

// Knows reports whether the change (replica, seq) is within the clock.
func (c Clock) Knows(replica string, seq int64) bool { return seq <= c[replica] }

// String writes the clock as JSON with its replicas in order.
func (c Clock) String() string {
	keys := make([]string, 0, len(c))
	for k, v := range c {
		if v > 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		appendJSONString(&b, k)
		b.WriteByte(':')
		b.WriteString(strconv.FormatInt(c[k], 10))
	}
	b.WriteByte('}')
	return b.String()
}

func parseClock(s string) (Clock, error) {
	c := Clock{}
	if s == "" {
		return c, nil
	}
	err := json.Unmarshal([]byte(s), &c)
	return c, err
}

// querier is what both *sql.DB and *sql.Tx offer for reading many rows.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryStrings reads the one text column a query returns, row by row.
func queryStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var x string
		if err := rows.Scan(&x); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// localClock is what this file holds of every copy's changes.
func localClock(ctx context.Context, q querier) (Clock, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, received FROM replica WHERE received > 0")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	c := Clock{}
	for rows.Next() {
		var id string
		var n int64
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		c[id] = n
	}
	return c, rows.Err()
}

// LocalClock is what this register holds of every copy's changes.
func (s *Store) LocalClock(ctx context.Context) (Clock, error) { return localClock(ctx, s.read) }
