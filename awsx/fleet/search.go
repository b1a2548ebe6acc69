package fleet

import (
	"context"
	"sync"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

// SearchSecrets asks every account and region reached so far for the
// secrets matching words, as awsx.Client.SearchSecrets does, at most
// limit from each, Concurrency at a time. The first failure is returned
// with what the others found.
func (f *Fleet) SearchSecrets(ctx context.Context, words []string, limit int) ([]model.Secret, error) {
	f.mu.Lock()
	clients := make([]*awsx.Client, 0, len(f.clients))
	for _, c := range f.clients {
		clients = append(clients, c)
	}
	f.mu.Unlock()
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		found []model.Secret
		first error
	)
	slots := make(chan struct{}, f.spec.Concurrency)
	for _, c := range clients {
		wg.Go(func() {
			if !acquire(ctx, slots) {
				return
			}
			defer func() { <-slots }()
			secrets, err := c.SearchSecrets(ctx, words, limit)
			mu.Lock()
			defer mu.Unlock()
			found = append(found, secrets...)
			if err != nil && first == nil {
				first = err
			}
		})
	}
	wg.Wait()
	return found, first
}
