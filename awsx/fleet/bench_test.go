package fleet_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/fleet"
)

// BenchmarkFleetListing lists 2 accounts × 2 regions of 300 secrets each
// (three pages of 100 a target) over a 20 ms round trip, one target at
// a time and with the default concurrency: the fan-out's gain.
func BenchmarkFleetListing(b *testing.B) {
	for _, concurrency := range []int{1, fleet.DefaultConcurrency} {
		b.Run(fmt.Sprintf("concurrency=%d", concurrency), func(b *testing.B) {
			w := newWorld(b, 300)
			w.emu.SetLatency(20 * time.Millisecond)
			for b.Loop() {
				f := fleet.New(w.client(b, "alpha"), fleet.Spec{Profiles: []string{"alpha", "beta"}, Regions: regions, Concurrency: concurrency}, w.dial(b))
				if n := len(listPaged(b, f, 100)); n != 1200 {
					b.Fatalf("listed %d, want 1200", n)
				}
				f.Close()
			}
		})
	}
}
