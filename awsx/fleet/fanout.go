package fleet

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

// Throttled pages are asked again after a pause that doubles from
// firstBackoff up to maxBackoff, at most maxRetries times in a row.
const (
	firstBackoff = 500 * time.Millisecond
	maxBackoff   = 8 * time.Second
	maxRetries   = 6
)

// account is one account reached, with the client of its first region.
type account struct {
	target model.Target
	client *awsx.Client
}

// list resolves the targets and lists them all, at most Concurrency at a
// time, queueing every page in r as it comes.
func (f *Fleet) list(ctx context.Context, l *listing, q model.ListQuery) {
	slots := make(chan struct{}, f.spec.Concurrency)
	var wg sync.WaitGroup
	for _, a := range f.accounts(ctx, l, slots) {
		wg.Go(func() { f.listAccount(ctx, l, q, a, slots) })
	}
	wg.Wait()
}

// listAccount lists every region of one account, each as its own target.
func (f *Fleet) listAccount(ctx context.Context, l *listing, q model.ListQuery, a account, slots chan struct{}) {
	if !acquire(ctx, slots) {
		return
	}
	regions, err := f.regionsOf(ctx, a)
	<-slots
	if err != nil {
		f.addStatus(l, model.TargetStatus{Target: a.target, State: model.TargetFailed, Err: err})
		return
	}
	var wg sync.WaitGroup
	for _, region := range regions {
		wg.Go(func() {
			t := a.target
			t.Region = region
			i := f.addStatus(l, model.TargetStatus{Target: t})
			client, err := a.client, error(nil)
			if region != client.Region() {
				if client, err = a.client.InRegion(ctx, region); err != nil {
					f.setStatus(l, i, func(s *model.TargetStatus) { s.State, s.Err = model.TargetFailed, err })
					return
				}
			}
			f.mu.Lock()
			f.clients[place{t.Account, region}] = client
			f.mu.Unlock()
			f.listTarget(ctx, l, q, i, client, slots)
		})
	}
	wg.Wait()
}

// listTarget pages through one target's secrets, pausing and asking again
// when throttled, and gives up on any other error.
func (f *Fleet) listTarget(ctx context.Context, l *listing, q model.ListQuery, i int, c *awsx.Client, slots chan struct{}) {
	if !acquire(ctx, slots) {
		return
	}
	f.setStatus(l, i, func(s *model.TargetStatus) { s.State = model.TargetLoading })
	token, retries, backoff := "", 0, firstBackoff
	for {
		page, err := c.ListSecretsPage(ctx, q, token)
		var e *model.Error
		if errors.As(err, &e) && e.Kind == model.KindThrottled && retries < maxRetries {
			retries++
			f.setStatus(l, i, func(s *model.TargetStatus) { s.Retries++ })
			<-slots
			if !sleep(ctx, backoff) || !acquire(ctx, slots) {
				return
			}
			backoff = min(2*backoff, maxBackoff)
			continue
		}
		if err != nil {
			<-slots
			f.setStatus(l, i, func(s *model.TargetStatus) { s.State, s.Err = model.TargetFailed, err })
			return
		}
		retries, backoff = 0, firstBackoff
		if !l.sink.Deliver(page.Secrets) {
			return
		}
		f.setStatus(l, i, func(s *model.TargetStatus) { s.Loaded += len(page.Secrets) })
		if token = page.NextToken; token == "" {
			break
		}
	}
	<-slots
	f.setStatus(l, i, func(s *model.TargetStatus) { s.State = model.TargetDone })
}

// addStatus records a new target of listing l and returns its index.
func (f *Fleet) addStatus(l *listing, s model.TargetStatus) int {
	f.mu.Lock()
	if f.cur != l {
		f.mu.Unlock()
		return -1
	}
	f.statuses = append(f.statuses, s)
	if t := s.Target; t.Account != "" && t.AccountName != "" {
		f.names[t.Account] = t.AccountName
	}
	i := len(f.statuses) - 1
	f.mu.Unlock()
	l.sink.Current(nil) // wakes the list, to show the new target
	return i
}

// setStatus changes target i of listing l, unless a newer listing
// replaced it.
func (f *Fleet) setStatus(l *listing, i int, change func(*model.TargetStatus)) {
	f.mu.Lock()
	if f.cur != l || i < 0 {
		f.mu.Unlock()
		return
	}
	change(&f.statuses[i])
	f.mu.Unlock()
	l.sink.Current(nil)
}

// acquire takes a slot, or reports false once ctx ends.
func acquire(ctx context.Context, slots chan struct{}) bool {
	select {
	case slots <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// sleep pauses for d, or reports false once ctx ends.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
