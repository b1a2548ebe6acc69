package list

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

var benchNow = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// syntheticSecrets turns the emulator's synthetic seed into list rows as
// ListSecrets would return them.
func syntheticSecrets(n int) []model.Secret {
	seed := emulator.Synthetic(n, 1)
	out := make([]model.Secret, len(seed.Secrets))
	for i, s := range seed.Secrets {
		tags := make([]model.Tag, len(s.Tags))
		for j, t := range s.Tags {
			tags[j] = model.Tag{Key: t.Key, Value: t.Value}
		}
		sec := model.Secret{
			ARN:             fmt.Sprintf("arn:aws:secretsmanager:us-east-1:123456789012:secret:%s-AbCdEf", s.Name),
			Name:            s.Name,
			Description:     s.Description,
			CreatedDate:     s.Created.Resolve(benchNow),
			LastChangedDate: s.Versions[0].Created.Resolve(benchNow),
			Tags:            tags,
			VersionStages:   model.StageMap{{ID: fmt.Sprintf("v-%d", i), Stages: []string{model.StageCurrent}}},
		}
		if r := s.Rotation; r != nil {
			sec.RotationEnabled = r.Enabled
			sec.LastRotatedDate, sec.NextRotationDate = r.LastRotated.Resolve(benchNow), r.NextRotation.Resolve(benchNow)
		}
		out[i] = sec
	}
	return out
}

// loadedIndex is an index holding n synthetic secrets, added page by page.
func loadedIndex(n int) *index {
	x := &index{}
	secrets := syntheticSecrets(n)
	for i := 0; i < len(secrets); i += pageSize {
		x.add(secrets[i:min(i+pageSize, len(secrets))], benchNow)
	}
	return x
}

// BenchmarkFilterKeystroke measures the keystrokes of typing "payments db"
// into the filter and clearing it again: the query is re-applied at every
// letter. It reports the median keystroke as well as the mean.
func BenchmarkFilterKeystroke(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 500_000} {
		x := loadedIndex(n)
		typed := "payments db"
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var times []time.Duration
			k := 0
			for b.Loop() {
				k = k%(len(typed)+1) + 1
				q := parseQuery(typed[:min(k, len(typed))])
				if k > len(typed) {
					q = parseQuery("")
				}
				start := time.Now()
				x.filter(q, benchNow)
				times = append(times, time.Since(start))
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "median-ns/keystroke")
		})
	}
}

// BenchmarkFilterFullScan measures the worst keystroke: a query that cannot
// narrow the last one, so every secret is looked at.
func BenchmarkFilterFullScan(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 500_000} {
		x := loadedIndex(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			queries := []query{parseQuery("pay"), parseQuery("ml")}
			i := 0
			for b.Loop() {
				i++
				x.filter(queries[i%2], benchNow)
			}
		})
	}
}

// BenchmarkListView measures drawing the list at 160×45 with n secrets.
func BenchmarkListView(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		c := uitest.Common()
		c.Now = func() time.Time { return benchNow }
		p := New(c)
		p.idx = *loadedIndex(n)
		p.SetSize(160, 43)
		p.table.SetRows(n)
		p.table.Select(n / 2)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				_ = p.View()
			}
		})
	}
}

// BenchmarkAddPages measures taking in 100,000 secrets a page at a time,
// in name order as ListSecrets sends them when asked to sort by name, and
// in no order.
func BenchmarkAddPages(b *testing.B) {
	shuffled := syntheticSecrets(100_000)
	sorted := slices.Clone(shuffled)
	slices.SortFunc(sorted, func(a, b model.Secret) int { return strings.Compare(a.Name, b.Name) })
	for _, tc := range []struct {
		name    string
		secrets []model.Secret
	}{{"name-order", sorted}, {"no-order", shuffled}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				x := &index{}
				for i := 0; i < len(tc.secrets); i += pageSize {
					x.add(tc.secrets[i:i+pageSize], benchNow)
				}
			}
		})
	}
}
