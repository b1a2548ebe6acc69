package list

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// backend is what the list asks of AWS.
type backend interface {
	ListSecretsPage(ctx context.Context, q model.ListQuery, nextToken string) (model.SecretPage, error)
	DescribeSecret(ctx context.Context, id string) (model.SecretDetail, error)
}

// pageSize is how many secrets each ListSecrets call asks for.
const pageSize = 100

// taskPage is the kind of the listing's page request: one at a time, and
// a new listing drops the answer of the last one's.
const taskPage = "page"

// pageLoadedMsg carries one ListSecrets page, the one after token.
type pageLoadedMsg struct {
	token string
	page  model.SecretPage
	err   error
}

// listQuery is what the list asks AWS for: everything, pending deletion
// included, so that showing those is instant.
func listQuery() model.ListQuery {
	return model.ListQuery{IncludePlannedDeletion: true, SortBy: model.SortByName, PageSize: pageSize}
}

// loading reports whether a page is on its way.
func (p *Page) loading() bool { return p.c.Tasks.Awaits(taskPage) }

// loadCmd fetches the page after token.
func (p *Page) loadCmd(token string) tea.Cmd {
	b := p.b
	return p.c.Tasks.Start(taskPage, func(ctx context.Context) tea.Msg {
		page, err := b.ListSecretsPage(ctx, listQuery(), token)
		return pageLoadedMsg{token: token, page: page, err: err}
	})
}

// reload lists again from the first page. The rows listed so far stay on
// screen until that page comes, so a reload that fails keeps them.
func (p *Page) reload() tea.Cmd {
	p.loadErr, p.failedToken, p.restarted = nil, "", false
	return p.loadCmd("")
}

// retry asks again for the page that failed.
func (p *Page) retry() tea.Cmd {
	if p.loadErr == nil {
		return nil
	}
	p.loadErr, p.restarted = nil, false
	return p.loadCmd(p.failedToken)
}

// startOver empties the list for the first page of a new listing, keeping
// the sort, the filter, whether deleted secrets show and, once it is listed
// again, the selected secret.
func (p *Page) startOver() {
	if arn := p.table.SelectedID(p.arnAt); arn != "" {
		p.reselect = arn
	}
	p.idx = index{sort: p.idx.sort, showDeleted: p.idx.showDeleted, q: p.idx.q, placeOf: p.idx.placeOf}
	p.table.SetRows(0)
}

// selectARN puts the cursor on the secret with arn, if it shows, and
// reports whether it does.
func (p *Page) selectARN(arn string) bool {
	e := p.idx.find(arn)
	if e < 0 {
		return false
	}
	i := p.idx.position(e)
	if i < 0 {
		return false
	}
	p.table.Select(i)
	return true
}

// pageLoaded takes in a page, keeping the selected secret selected, and
// asks for the next one.
func (p *Page) pageLoaded(msg pageLoadedMsg) tea.Cmd {
	if msg.err != nil {
		if cmd, ok := p.restartListing(msg); ok {
			return cmd
		}
		p.loadErr, p.failedToken = msg.err, msg.token
		err := fmt.Errorf("listing stopped after %d secrets: %w%s", len(p.idx.secrets), msg.err, retryNote(msg.err))
		if msg.token == "" && len(p.idx.secrets) > 0 {
			err = fmt.Errorf("reload failed, list kept: %w%s", msg.err, retryNote(msg.err))
		}
		return tea.Batch(common.Send(common.StatusMsg{Err: err}), p.accountCmd(true))
	}
	if msg.token == "" {
		p.startOver()
		p.found = nil
	}
	msg.page.Secrets = p.confirm(msg.page.Secrets)
	if p.table.Cursor() == 0 {
		// Pages come from both ends of the alphabet, and a fleet's
		// targets in any order: a cursor on the first row stays there
		// rather than on the first secret to come.
		p.idx.add(msg.page.Secrets, p.c.Now())
		p.table.SetRows(p.idx.len())
		p.offSeparator(-1)
	} else {
		p.keepSelected(func() { p.idx.add(msg.page.Secrets, p.c.Now()) })
	}
	if p.reselect != "" && p.selectARN(p.reselect) {
		p.reselect = ""
	}
	account := p.accountCmd(msg.page.NextToken == "")
	if msg.page.NextToken == "" {
		if len(p.found) > 0 {
			p.dropUnconfirmed()
		}
		return account
	}
	return tea.Batch(account, p.loadCmd(msg.page.NextToken))
}

// restartListing lists again from the first page when AWS refused the
// NextToken of the page that failed: the endpoint restarted or the token
// expired, and no later page can come from it. The pages of the broken
// pass go, so that no secret is listed twice or from two passes. A listing
// starts over by itself once; ctrl+r and R let it do so again.
func (p *Page) restartListing(msg pageLoadedMsg) (tea.Cmd, bool) {
	if msg.token == "" || p.restarted || !model.IsInvalidNextToken(msg.err) {
		return nil, false
	}
	cmd := p.reload()
	p.restarted = true
	return tea.Batch(cmd, status("AWS refused the listing's NextToken: listing again from the first page")), true
}

// refreshedMsg carries a fresh description of one changed secret.
type refreshedMsg struct {
	arn    string
	secret model.Secret
	err    error
}

// refresh describes the secret with arn again after it changed or was
// created.
func (p *Page) refresh(arn string) tea.Cmd {
	if arn == "" {
		return nil
	}
	b := p.b
	return p.c.Tasks.Start("refresh "+arn, func(ctx context.Context) tea.Msg {
		d, err := b.DescribeSecret(ctx, arn)
		return refreshedMsg{arn: arn, secret: d.Secret, err: err}
	})
}

// refreshed puts a changed secret's new description in the list, or drops
// it when it no longer exists. A secret the list did not hold, one just
// created, is selected.
func (p *Page) refreshed(msg refreshedMsg) {
	// Removing renumbers the entries: the selected secret is found again
	// by its ARN.
	selected := p.table.SelectedID(p.arnAt)
	switch {
	case model.IsKind(msg.err, model.KindNotFound):
		p.idx.remove(msg.arn, p.c.Now())
	case msg.err == nil:
		if p.idx.find(msg.secret.ARN) < 0 {
			selected = msg.secret.ARN
		}
		p.idx.upsert(msg.secret, p.c.Now())
	}
	p.table.SetRowsKeeping(p.idx.len(), selected, p.arnAt)
	p.offSeparator(-1)
}
