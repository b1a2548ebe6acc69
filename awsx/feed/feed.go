// Package feed turns secrets listed in the background, by several
// ListSecrets streams at once, into the page-by-page ListSecretsPage the
// list screen asks for: each call hands out what has come since the last,
// waiting for something to come.
package feed

import (
	"context"
	"strconv"
	"strings"
	"sync"

	"github.com/keyhole-tui/keyhole/model"
)

// maxBatch bounds the secrets one Next returns.
const maxBatch = 500

// Feed hands out the secrets of the current listing. It is safe for
// concurrent use.
type Feed struct {
	// prefix starts the feed's tokens; the listing's generation follows.
	prefix string

	mu  sync.Mutex
	gen uint64
	run *run
}

// run is one listing: what it found and has not handed out yet, and
// whether it ended.
type run struct {
	gen    uint64
	cancel context.CancelFunc
	queue  []model.Secret
	done   bool
	// err, when set, stopped the listing; resume, when set, goes on.
	err    error
	resume func()
	// wake is signalled whenever the queue grows or the run changes.
	wake chan struct{}
}

// New makes a feed whose tokens start with prefix, such as "fleet/".
func New(prefix string) *Feed { return &Feed{prefix: prefix} }

// Sink is what a listing's work reports to.
type Sink struct {
	f *Feed
	r *run
}

// Start begins a new listing, ending the one before: work runs on its own
// goroutine and reports to the sink; the listing ends when it returns.
func (f *Feed) Start(work func(ctx context.Context, s Sink)) {
	f.mu.Lock()
	if f.run != nil {
		f.run.cancel()
	}
	f.gen++
	ctx, cancel := context.WithCancel(context.Background())
	r := &run{gen: f.gen, cancel: cancel, wake: make(chan struct{}, 1)}
	f.run = r
	f.mu.Unlock()
	go f.finish(r, func() { work(ctx, Sink{f: f, r: r}) })
}

// finish runs a listing's work and then marks the listing done, unless
// the work stopped it with an error.
func (f *Feed) finish(r *run, work func()) {
	work()
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.err == nil {
		r.done = true
	}
	r.signal()
}

// Close ends the current listing.
func (f *Feed) Close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.run != nil {
		f.run.cancel()
	}
}

// Current reports whether the sink's listing is still the feed's, under
// the feed's lock, running change while it is; it reports false once a
// newer listing started.
func (s Sink) Current(change func()) bool {
	s.f.mu.Lock()
	defer s.f.mu.Unlock()
	if s.f.run != s.r {
		return false
	}
	if change != nil {
		change()
	}
	s.r.signal()
	return true
}

// Deliver queues secrets; false when a newer listing started.
func (s Sink) Deliver(secrets []model.Secret) bool {
	return s.Current(func() { s.r.queue = append(s.r.queue, secrets...) })
}

// Stop stops the listing with err, which Next returns once the queue is
// handed out; a Next with the same token then runs resume, which goes on
// with the listing as the work did: the listing ends when it returns.
// The work returns after calling Stop.
func (s Sink) Stop(err error, resume func()) {
	s.Current(func() { s.r.err, s.r.resume = err, resume })
}

// Next returns what the listing found since the last call, waiting for
// something when nothing has come; a batch may be empty when the listing
// only changed (Sink.Current), so the caller can look again. An empty
// token starts a new listing with start; the last batch has no NextToken.
func (f *Feed) Next(ctx context.Context, token string, start func()) (model.SecretPage, error) {
	r, err := f.runFor(token, start)
	if err != nil {
		return model.SecretPage{}, err
	}
	woken := false
	for {
		f.mu.Lock()
		if len(r.queue) > 0 || r.done || r.err != nil || woken {
			page, err := f.take(r)
			f.mu.Unlock()
			return page, err
		}
		f.mu.Unlock()
		select {
		case <-r.wake:
			woken = true
		case <-ctx.Done():
			return model.SecretPage{}, &model.Error{Kind: model.KindCanceled, Op: "ListSecrets", Err: ctx.Err()}
		}
	}
}

// take hands out up to maxBatch secrets, or the error that stopped the
// listing once none are left. The caller holds f.mu.
func (f *Feed) take(r *run) (model.SecretPage, error) {
	if len(r.queue) == 0 && r.err != nil {
		return model.SecretPage{}, r.err
	}
	n := min(len(r.queue), maxBatch)
	page := model.SecretPage{Secrets: r.queue[:n:n]}
	r.queue = r.queue[n:]
	if !r.done || len(r.queue) > 0 {
		page.NextToken = f.prefix + strconv.FormatUint(r.gen, 10)
	}
	return page, nil
}

// runFor starts a new listing for an empty token, or finds the one a token
// names, going on with it if it had stopped.
func (f *Feed) runFor(token string, start func()) (*run, error) {
	if token == "" {
		start()
		f.mu.Lock()
		defer f.mu.Unlock()
		return f.run, nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	gen, err := strconv.ParseUint(strings.TrimPrefix(token, f.prefix), 10, 64)
	if !strings.HasPrefix(token, f.prefix) || err != nil || f.run == nil || gen != f.run.gen {
		return nil, &model.Error{Kind: model.KindInvalidRequest, Op: "ListSecrets", Code: "InvalidNextTokenException",
			Message: "the listing started over"}
	}
	if r := f.run; r.err != nil && len(r.queue) == 0 && r.resume != nil {
		resume := r.resume
		r.err, r.resume = nil, nil
		go f.finish(r, resume)
	}
	return f.run, nil
}

// signal wakes a waiting Next. The caller holds Feed.mu.
func (r *run) signal() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}
