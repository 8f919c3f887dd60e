package export

import (
	"slices"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		name   string
		ticker niceTicks
		hi     float64
		want   []string
	}{
		{"three participants", niceTicks{whole: true, most: 6}, 3, []string{"0", "1", "2", "3"}},
		{"one participant", niceTicks{whole: true, most: 6}, 1, []string{"0", "1"}},
		{"counts step 2", niceTicks{whole: true, most: 5}, 7, []string{"0", "2", "4", "6", "8"}},
		{"counts step 50", niceTicks{whole: true, most: 6}, 240, []string{"0", "50", "100", "150", "200", "250"}},
		{"not counts halves", niceTicks{most: 6}, 3, []string{"0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"}},
		{"shares", niceTicks{most: 5}, 0.42, []string{"0.0", "0.1", "0.2", "0.3", "0.4", "0.5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tk := range tt.ticker.Ticks(0, tt.hi) {
				got = append(got, tk.Label)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Ticks(0, %g) = %v, want %v", tt.hi, got, tt.want)
			}
		})
	}
}
