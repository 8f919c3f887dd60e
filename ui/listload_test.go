package ui

import (
	"context"
	"testing"
)

// TestAnOvertakenListLoadIsDropped: when a filter changes again before the
// first read lands, the first read's result never replaces the second's.
func TestAnOvertakenListLoadIsDropped(t *testing.T) {
	var pending []func()
	runAsync = func(work, land func()) { pending = append(pending, func() { work(); land() }) }
	t.Cleanup(func() { runAsync = func(work, land func()) { work(); land() } })

	var l listLoad
	shown := ""
	for _, filter := range []string{"police", "ngo"} {
		loadList(&l, func(context.Context) (string, error) { return filter, nil }, func(s string, _ error) { shown = s })
	}
	pending[1]() // the newer read lands first
	pending[0]()
	if shown != "ngo" {
		t.Errorf("the list shows %q, want the newer filter's result", shown)
	}
}
