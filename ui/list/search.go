package list

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/keyhole-tui/keyhole/model"
)

// While the list still loads, a filter that rests for searchDelay also
// asks AWS for its matches (ListSecrets' own word matching), so a secret
// typed at start shows long before the listing reaches it. Those secrets
// join the list at once, marked as found, until the listing brings them
// too and confirms them.
const (
	searchDelay = 250 * time.Millisecond
	// searchLimit bounds the secrets one search brings from each account
	// and region.
	searchLimit = 100
	taskSearch  = "search"
)

// searcher is what searching while loading asks of AWS.
type searcher interface {
	SearchSecrets(ctx context.Context, words []string, limit int) ([]model.Secret, error)
}

// searchedMsg carries what AWS found for the filter's words.
type searchedMsg struct {
	secrets []model.Secret
	err     error
}

// search asks AWS for the filter's plain words after a pause, while the
// list loads; a newer filter cancels the one before.
func (p *Page) search() tea.Cmd {
	if p.cancelSearch != nil {
		p.cancelSearch()
		p.cancelSearch = nil
	}
	s, ok := p.b.(searcher)
	words := p.idx.q.words
	if !ok || !p.loading() || len(words) == 0 {
		p.c.Tasks.Drop(taskSearch)
		return nil
	}
	ctx, cancel := context.WithCancel(p.c.Ctx)
	p.cancelSearch = cancel
	return p.c.Tasks.Start(taskSearch, func(context.Context) tea.Msg {
		select {
		case <-time.After(searchDelay):
		case <-ctx.Done():
			return searchedMsg{err: ctx.Err()}
		}
		found, err := s.SearchSecrets(ctx, words, searchLimit)
		return searchedMsg{secrets: found, err: err}
	})
}

// searched puts what AWS found and the list has not loaded yet in the
// list, marked as found. A failed search says nothing: the listing goes on.
func (p *Page) searched(msg searchedMsg) {
	p.cancelSearch = nil
	if !p.loading() || len(msg.secrets) == 0 {
		return
	}
	fresh := map[string]int{}
	for i, s := range msg.secrets {
		if !p.found[s.ARN] {
			fresh[s.ARN] = i
		}
	}
	for e := range p.idx.secrets {
		delete(fresh, p.idx.arn(int32(e)))
	}
	if len(fresh) == 0 {
		return
	}
	add := make([]model.Secret, 0, len(fresh))
	for _, i := range fresh {
		s := msg.secrets[i]
		add = append(add, s)
		if p.found == nil {
			p.found = map[string]bool{}
		}
		p.found[s.ARN] = true
	}
	p.keepSelected(func() { p.idx.add(add, p.c.Now()) })
}

// confirm drops from a listed page the secrets a search already put in the
// list, which are confirmed now.
func (p *Page) confirm(page []model.Secret) []model.Secret {
	if len(p.found) == 0 {
		return page
	}
	kept := page[:0:0]
	for _, s := range page {
		if p.found[s.ARN] {
			delete(p.found, s.ARN)
			continue
		}
		kept = append(kept, s)
	}
	return kept
}

// dropUnconfirmed removes, once the listing is complete, what a search
// found and the listing never brought: deleted meanwhile.
func (p *Page) dropUnconfirmed() {
	for arn := range p.found {
		p.idx.remove(arn, p.c.Now())
	}
	p.found = nil
	p.table.SetRows(p.idx.len())
}
