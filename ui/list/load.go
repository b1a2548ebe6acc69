package list

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// pageSize is how many secrets each ListSecrets call asks for.
const pageSize = 100

// pageLoadedMsg carries one ListSecrets page for load generation gen.
type pageLoadedMsg struct {
	gen   int
	token string
	page  model.SecretPage
	err   error
}

// listQuery is what the list asks AWS for: everything, pending deletion
// included, so that showing those is instant.
func listQuery() model.ListQuery {
	return model.ListQuery{IncludePlannedDeletion: true, SortBy: model.SortByName, PageSize: pageSize}
}

// loadPageCmd fetches the page after token for generation gen.
func loadPageCmd(ctx context.Context, b common.Backend, gen int, token string) tea.Cmd {
	return func() tea.Msg {
		page, err := b.ListSecretsPage(ctx, listQuery(), token)
		return pageLoadedMsg{gen: gen, token: token, page: page, err: err}
	}
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

func refreshCmd(ctx context.Context, b common.Backend, arn string) tea.Cmd {
	return func() tea.Msg {
		d, err := b.DescribeSecret(ctx, arn)
		return refreshedMsg{arn: arn, secret: d.Secret, err: err}
	}
}
