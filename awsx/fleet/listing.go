package fleet

import (
	"context"

	"github.com/keyhole-tui/keyhole/awsx/feed"
	"github.com/keyhole-tui/keyhole/model"
)

// tokenPrefix starts the fleet's NextTokens.
const tokenPrefix = "fleet/"

// listing is one pass over every target; its statuses show while it is
// the fleet's current one.
type listing struct {
	sink feed.Sink
}

// ListSecretsPage returns the next secrets any target has listed, waiting
// for one to answer; a batch may be empty when only a target's status
// changed, so the caller can show Statuses again. An empty token starts the
// listing over, resolving the targets again; the last batch has no
// NextToken. A target's failure is not an error here: it shows in Statuses.
func (f *Fleet) ListSecretsPage(ctx context.Context, q model.ListQuery, token string) (model.SecretPage, error) {
	return f.feed.Next(ctx, token, func() {
		l := &listing{}
		f.mu.Lock()
		f.cur, f.statuses = l, nil
		f.mu.Unlock()
		f.feed.Start(func(ctx context.Context, sink feed.Sink) {
			l.sink = sink
			f.list(ctx, l, q)
		})
	})
}
