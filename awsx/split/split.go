// Package split lists one account and region in about half the time of a
// single paginator: two ListSecrets streams at once, one by name from A and
// one from Z, meeting in the middle. ListSecrets has no random access, so a
// listing can't be split further without knowing the names in advance.
package split

import (
	"cmp"
	"context"
	"sync"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/feed"
	"github.com/keyhole-tui/keyhole/model"
)

// tokenPrefix starts the split listing's NextTokens.
const tokenPrefix = "split/"

// Lister is a client whose unfiltered ListSecretsPage lists from both
// ends at once; a filtered one, and every other call, is the client's own.
type Lister struct {
	*awsx.Client
	list ListFunc
	feed *feed.Feed
}

// New wraps c.
func New(c *awsx.Client) *Lister {
	return &Lister{Client: c, list: c.ListSecretsPage, feed: feed.New(tokenPrefix)}
}

// NewWith lists with list alone, for a caller that has no client, such as
// a test counting pages.
func NewWith(list ListFunc) *Lister { return &Lister{list: list, feed: feed.New(tokenPrefix)} }

// Close stops the listing under way.
func (l *Lister) Close() { l.feed.Close() }

// ListSecretsPage returns the secrets either stream listed since the last
// call. An empty token starts the listing over; the last batch has no
// NextToken. A filtered query goes to the client as it is.
func (l *Lister) ListSecretsPage(ctx context.Context, q model.ListQuery, token string) (model.SecretPage, error) {
	if len(q.Filters) > 0 {
		return l.list(ctx, q, token)
	}
	return l.feed.Next(ctx, token, func() {
		l.feed.Start(func(ctx context.Context, sink feed.Sink) {
			BothEnds(ctx, l.list, q, sink)
		})
	})
}

// ListFunc asks for one page of a listing.
type ListFunc func(ctx context.Context, q model.ListQuery, token string) (model.SecretPage, error)

// BothEnds lists by name ascending and descending at once and delivers
// every secret to sink once. The two meet when a page of one holds a
// secret the other already listed: each stream's pages are contiguous in
// one order, so what overlaps is in the other's last two pages, which is
// all either remembers. When one stream fails (AWS refuses the order, the
// network drops), the other goes on alone to the end; only when both fail
// does the listing stop, to go on from where each was when asked again.
func BothEnds(ctx context.Context, list ListFunc, q model.ListQuery, sink feed.Sink) {
	q.SortBy, q.Descending = model.SortByName, false
	down := q
	down.Descending = true
	m := &meeting{ends: [2]*end{{q: q}, {q: down}}, upFirst: make(chan struct{})}
	m.run(ctx, list, sink)
}

// meeting is the state of two streams walking toward each other.
type meeting struct {
	mu   sync.Mutex
	ends [2]*end
	// met is set once the streams met or one reached its end.
	met bool
	// upFirst is closed once the ascending stream's first page is in, or
	// its first call failed: the descending stream holds its first page
	// until then, to check that the endpoint honours the order.
	upFirst     chan struct{}
	upFirstOnce sync.Once
}

// end is one stream: its query, where it is, and what it listed last.
type end struct {
	q      model.ListQuery
	token  string
	recent [2]map[string]bool
	err    error
	// pages counts the pages listed; first is the first one's first ARN.
	pages int
	first string
	// stopped is set on the descending stream when the endpoint ignores
	// the order: the ascending one goes on alone.
	stopped bool
}

// saw reports whether the stream listed arn in its last two pages.
func (e *end) saw(arn string) bool { return e.recent[0][arn] || e.recent[1][arn] }

// remember keeps page's ARNs as the stream's last page.
func (e *end) remember(page []model.Secret) {
	arns := make(map[string]bool, len(page))
	for _, s := range page {
		arns[s.ARN] = true
	}
	e.recent[0], e.recent[1] = e.recent[1], arns
}

// run walks both streams until they meet, one reaches its end, or both
// fail; in the last case it stops the listing with the error and goes on
// when resumed.
func (m *meeting) run(ctx context.Context, list ListFunc, sink feed.Sink) {
	var wg sync.WaitGroup
	for i := range m.ends {
		if m.ends[i].err == nil && !m.ends[i].stopped {
			wg.Go(func() { m.walk(ctx, list, sink, i) })
		}
	}
	wg.Wait()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.met || ctx.Err() != nil {
		return
	}
	err := cmp.Or(m.ends[0].err, m.ends[1].err)
	for _, e := range m.ends {
		e.err = nil
	}
	sink.Stop(err, func() { m.run(ctx, list, sink) })
}

// upIn says the ascending stream's first page is in, or will not come.
func (m *meeting) upIn() { m.upFirstOnce.Do(func() { close(m.upFirst) }) }

// walk pages through stream i until the streams meet or it fails.
func (m *meeting) walk(ctx context.Context, list ListFunc, sink feed.Sink, i int) {
	e, other := m.ends[i], m.ends[1-i]
	if i == 0 {
		defer m.upIn()
	}
	for {
		page, err := list(ctx, e.q, e.token)
		if i == 1 && e.pages == 0 {
			select {
			case <-m.upFirst:
			case <-ctx.Done():
				return
			}
		}
		m.mu.Lock()
		if m.met || e.stopped {
			m.mu.Unlock()
			return
		}
		if err != nil {
			e.err = err
			m.mu.Unlock()
			return
		}
		// A descending first page that starts where the ascending one
		// does means the endpoint ignores the order asked for: the
		// streams would not meet, so this one stops, delivering nothing.
		if i == 1 && e.pages == 0 && other.pages > 0 && len(page.Secrets) > 1 && page.Secrets[0].ARN == other.first {
			e.stopped = true
			m.mu.Unlock()
			return
		}
		fresh := make([]model.Secret, 0, len(page.Secrets))
		for _, s := range page.Secrets {
			if other.saw(s.ARN) {
				m.met = true
				continue
			}
			fresh = append(fresh, s)
		}
		if e.pages == 0 && len(page.Secrets) > 0 {
			e.first = page.Secrets[0].ARN
		}
		e.pages++
		e.remember(page.Secrets)
		e.token = page.NextToken
		if e.token == "" {
			m.met = true
		}
		met := m.met
		m.mu.Unlock()
		if i == 0 {
			m.upIn()
		}
		if !sink.Deliver(fresh) || met {
			return
		}
	}
}
