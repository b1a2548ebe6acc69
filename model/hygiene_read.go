package model

import (
	"context"
	"sync"
	"time"
)

// HygieneReader is what reading secrets' policies and replicas asks of AWS.
type HygieneReader interface {
	GetResourcePolicy(ctx context.Context, id string) (string, error)
	DescribeSecret(ctx context.Context, id string) (SecretDetail, error)
}

// SecretList is secrets read one at a time, so that a long listing need
// not be held as model.Secrets all at once.
type SecretList interface {
	Len() int
	At(i int) Secret
}

// SecretSlice is a SecretList of secrets held as they are.
type SecretSlice []*Secret

// Len is the number of secrets.
func (s SecretSlice) Len() int { return len(s) }

// At is secret i.
func (s SecretSlice) At(i int) Secret { return *s[i] }

// HygieneExtras are what the hygiene controls need beyond a listing: the
// secrets' resource policies and the replicas of the replicated ones.
type HygieneExtras struct {
	// Policies are the policies read, by ARN; "" for a secret with none.
	Policies map[string]string
	// Replicas are the replicas of replicated secrets, by ARN.
	Replicas map[string][]Replica
	// Skipped counts the secrets in use past the limit, not read.
	Skipped int
	// Failed counts the secrets whose reads failed; Err is the first
	// failure.
	Failed int
	Err    error
}

// ReadHygieneExtras reads the policy of every secret in use, and the
// replicas of the replicated ones, concurrency at a time: at most limit
// secrets, the first listed, when limit is above zero. A secret pending
// deletion is checked by KH.3 alone and is not read. It stops starting
// reads when ctx ends.
func ReadHygieneExtras(ctx context.Context, r HygieneReader, secrets SecretList, limit, concurrency int) HygieneExtras {
	out := HygieneExtras{Policies: map[string]string{}, Replicas: map[string][]Replica{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	slots := make(chan struct{}, max(concurrency, 1))
	read := 0
	for i := range secrets.Len() {
		s := secrets.At(i)
		if s.PendingDeletion() || s.ARN == "" {
			continue
		}
		if limit > 0 && read == limit {
			out.Skipped++
			continue
		}
		if ctx.Err() != nil {
			break
		}
		read++
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			policy, replicas, err := readExtras(ctx, r, &s)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				out.Failed++
				if out.Err == nil {
					out.Err = err
				}
				return
			}
			out.Policies[s.ARN] = policy
			if replicas != nil {
				out.Replicas[s.ARN] = replicas
			}
		})
	}
	wg.Wait()
	return out
}

// readExtras reads one secret's policy, and its replicas when it has some.
func readExtras(ctx context.Context, r HygieneReader, s *Secret) (string, []Replica, error) {
	policy, err := r.GetResourcePolicy(ctx, s.ARN)
	if err != nil || !replicatedPrimary(s) {
		return policy, nil, err
	}
	d, err := r.DescribeSecret(ctx, s.ARN)
	return policy, d.Replicas, err
}

// replicatedPrimary reports whether s is a primary secret with replicas:
// its primary region is set and is its own.
func replicatedPrimary(s *Secret) bool {
	return s.PrimaryRegion != "" && RegionFromARN(s.ARN) == s.PrimaryRegion
}

// CheckAll is every secret's findings at now. With extras nil, the
// controls that need a policy or replicas find nothing.
func (r HygieneRules) CheckAll(secrets SecretList, extras *HygieneExtras, now time.Time) [][]Finding {
	out := make([][]Finding, secrets.Len())
	for i := range out {
		s := secrets.At(i)
		in := HygieneInput{Secret: s}
		if extras != nil {
			in.Replicas = extras.Replicas[s.ARN]
			if policy, ok := extras.Policies[s.ARN]; ok {
				in.Policy = &policy
			}
		}
		out[i] = r.Check(in, now)
	}
	return out
}
