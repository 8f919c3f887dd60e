package ui

import (
	"context"
	"sync/atomic"
)

// listLoad numbers the loads of one list: only the newest lands, so that a
// result a later load overtook (a filter changed twice) never replaces it.
type listLoad struct{ generation atomic.Uint64 }

// loadList runs query off the window's thread and lands its result on it,
// unless a newer load of the same list started meanwhile.
func loadList[T any](l *listLoad, query func(ctx context.Context) (T, error), land func(T, error)) {
	gen := l.generation.Add(1)
	var result T
	var err error
	runAsync(func() { result, err = query(context.Background()) }, func() {
		if l.generation.Load() == gen {
			land(result, err)
		}
	})
}
