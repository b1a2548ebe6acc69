package detail

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
)

// backend is what the detail screen asks of AWS.
type backend interface {
	DescribeSecret(ctx context.Context, id string) (model.SecretDetail, error)
	GetSecretValue(ctx context.Context, ref model.ValueRef) (model.SecretVersion, error)
}

// The kinds of the screen's tasks: a newer request of a kind replaces the
// one under way.
const (
	kindDescribe = "describe"
	kindValue    = "value"
)

// describedMsg carries DescribeSecret's answer.
type describedMsg struct {
	detail model.SecretDetail
	err    error
}

// valueLoadedMsg carries GetSecretValue's answer.
type valueLoadedMsg struct {
	version model.SecretVersion
	err     error
}

// getValue reads the value under the stage shown.
func (p *Page) getValue() tea.Cmd {
	aws, ref := p.aws, model.ValueRef{SecretID: p.secret.ARN, Stage: p.stage}
	return p.c.Tasks.Start(kindValue, func(ctx context.Context) tea.Msg {
		v, err := aws.GetSecretValue(ctx, ref)
		return valueLoadedMsg{version: v, err: err}
	})
}
