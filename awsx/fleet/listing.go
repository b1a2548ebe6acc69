package fleet

import (
	"context"
	"strconv"
	"strings"

	"github.com/keyhole-tui/keyhole/model"
)

// maxBatch bounds the secrets one ListSecretsPage of the fleet returns.
const maxBatch = 500

// tokenPrefix starts the fleet's NextTokens; the rest is the listing's
// generation.
const tokenPrefix = "fleet/"

// run is one listing of every target. Its pages queue up as targets answer
// and ListSecretsPage hands them out in the order they came.
type run struct {
	gen    uint64
	cancel context.CancelFunc
	// queue holds the secrets listed and not yet handed out; guarded by
	// Fleet.mu, as is done.
	queue []model.Secret
	// done is set once every target has finished or failed.
	done bool
	// wake is signalled whenever the queue grows or the run ends.
	wake chan struct{}
}

// ListSecretsPage returns the next secrets any target has listed, waiting
// for one to answer; a batch may be empty when only a target's status
// changed, so the caller can show Statuses again. An empty token starts the listing over, resolving
// the targets again; the last batch has no NextToken. A target's failure
// is not an error here: it shows in Statuses.
func (f *Fleet) ListSecretsPage(ctx context.Context, q model.ListQuery, token string) (model.SecretPage, error) {
	r, err := f.runFor(q, token)
	if err != nil {
		return model.SecretPage{}, err
	}
	woken := false
	for {
		f.mu.Lock()
		if len(r.queue) > 0 || r.done || woken {
			n := min(len(r.queue), maxBatch)
			page := model.SecretPage{Secrets: r.queue[:n:n]}
			r.queue = r.queue[n:]
			if !r.done || len(r.queue) > 0 {
				page.NextToken = tokenPrefix + strconv.FormatUint(r.gen, 10)
			}
			f.mu.Unlock()
			return page, nil
		}
		f.mu.Unlock()
		select {
		case <-r.wake:
			// A target's status changed: say so with a batch, empty or not.
			woken = true
		case <-ctx.Done():
			return model.SecretPage{}, &model.Error{Kind: model.KindCanceled, Op: "ListSecrets", Err: ctx.Err()}
		}
	}
}

// runFor starts a new listing for an empty token, or finds the one a token
// names.
func (f *Fleet) runFor(q model.ListQuery, token string) (*run, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if token == "" {
		if f.run != nil {
			f.run.cancel()
		}
		f.gen++
		ctx, cancel := context.WithCancel(context.Background())
		r := &run{gen: f.gen, cancel: cancel, wake: make(chan struct{}, 1)}
		f.run = r
		f.statuses = nil
		go f.list(ctx, r, q)
		return r, nil
	}
	gen, err := strconv.ParseUint(strings.TrimPrefix(token, tokenPrefix), 10, 64)
	if !strings.HasPrefix(token, tokenPrefix) || err != nil || f.run == nil || gen != f.run.gen {
		return nil, &model.Error{Kind: model.KindInvalidRequest, Op: "ListSecrets", Code: "InvalidNextTokenException",
			Message: "the fleet's listing started over"}
	}
	return f.run, nil
}

// deliver queues a page of a target's secrets. The caller holds f.mu.
func (r *run) deliver(secrets []model.Secret) {
	r.queue = append(r.queue, secrets...)
	r.signal()
}

// signal wakes a waiting ListSecretsPage.
func (r *run) signal() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}
