package split_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/awsx/split"
	"github.com/keyhole-tui/keyhole/model"
)

// BenchmarkSplitVsPaginator loads a synthetic account twice per
// iteration, over a fixed round trip: with the SDK paginator one page after
// another, and from both ends at once; it reports each wall time and their
// ratio. 100,000 and 500,000 secrets take minutes an iteration at 50 ms
// (seven at 500,000), under two at 10 ms: run those with -benchtime 1x.
func BenchmarkSplitVsPaginator(b *testing.B) {
	for _, tc := range []struct {
		n       int
		latency time.Duration
	}{{1_000, 50 * time.Millisecond}, {10_000, 50 * time.Millisecond}, {100_000, 10 * time.Millisecond}, {500_000, 10 * time.Millisecond},
		{100_000, 50 * time.Millisecond}, {500_000, 50 * time.Millisecond}} {
		n := tc.n
		b.Run(fmt.Sprintf("n=%d/rtt=%s", n, tc.latency), func(b *testing.B) {
			emu := emulator.New(emulator.Options{})
			if err := emu.Load(emulator.Synthetic(n, 1)); err != nil {
				b.Fatal(err)
			}
			emu.SetLatency(tc.latency)
			hs := httptest.NewServer(emu)
			defer hs.Close()
			defer emu.Close()
			c, err := awsx.New(context.Background(), awsx.Options{Region: "us-east-1", EndpointURL: hs.URL,
				Credentials: credentials.NewStaticCredentialsProvider("AKIATEST", "secret", "")})
			if err != nil {
				b.Fatal(err)
			}
			q := model.ListQuery{PageSize: 100, IncludePlannedDeletion: true}
			var seq, both time.Duration
			for b.Loop() {
				start := time.Now()
				got := 0
				for page, err := range c.ListAllSecrets(context.Background(), q) {
					if err != nil {
						b.Fatal(err)
					}
					got += len(page.Secrets)
				}
				seq += time.Since(start)
				start = time.Now()
				l := split.New(c)
				if all := listWithin(context.Background(), b, l, 100); len(all) != got {
					b.Fatalf("split listed %d, the paginator %d", len(all), got)
				}
				l.Close()
				both += time.Since(start)
			}
			b.ReportMetric(seq.Seconds()/float64(b.N), "paginator-s/op")
			b.ReportMetric(both.Seconds()/float64(b.N), "split-s/op")
			b.ReportMetric(both.Seconds()/seq.Seconds(), "split/paginator")
		})
	}
}
