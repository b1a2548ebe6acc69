package detail

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// describedMsg carries DescribeSecret's answer for the secret arn.
type describedMsg struct {
	arn    string
	detail model.SecretDetail
	err    error
}

// valueLoadedMsg carries one GetSecretValue answer for request gen.
type valueLoadedMsg struct {
	gen     int
	version model.SecretVersion
	err     error
}

// idleMsg fires RevealTimeout after the last key, for idle generation gen.
type idleMsg struct{ gen int }

func describeCmd(ctx context.Context, b common.Backend, arn string) tea.Cmd {
	return func() tea.Msg {
		d, err := b.DescribeSecret(ctx, arn)
		return describedMsg{arn: arn, detail: d, err: err}
	}
}

func getValueCmd(ctx context.Context, b common.Backend, gen int, ref model.ValueRef) tea.Cmd {
	return func() tea.Msg {
		v, err := b.GetSecretValue(ctx, ref)
		return valueLoadedMsg{gen: gen, version: v, err: err}
	}
}
