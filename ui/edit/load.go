package edit

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// loadedMsg carries the AWSCURRENT version the edit starts from, or, for
// a rebase, the one it moves onto.
type loadedMsg struct {
	arn     string
	rebase  bool
	version model.SecretVersion
	err     error
}

// savedMsg carries the outcome of one save attempt, named by its token:
// the new version, or the version AWSCURRENT moved to, or an error.
type savedMsg struct {
	token     string
	versionID string
	movedTo   string
	err       error
}

// editorDoneMsg carries what the editor left, for editor run gen.
type editorDoneMsg struct {
	gen        int
	edited     []byte
	terminated bool
	err        error
}

func loadCmd(ctx context.Context, b common.Backend, arn string, rebase bool) tea.Cmd {
	return func() tea.Msg {
		v, err := b.GetSecretValue(ctx, model.ValueRef{SecretID: arn, Stage: model.StageCurrent})
		if err != nil {
			err = fmt.Errorf("read the current value: %w", err)
		}
		return loadedMsg{arn: arn, rebase: rebase, version: v, err: err}
	}
}

// saveCmd checks that AWSCURRENT still points at base, then stores value
// as a new version with token as its ClientRequestToken. AWS has no
// conditional write, so a change between the check and the write is not
// seen; the window is one round trip.
func saveCmd(ctx context.Context, b common.Backend, arn, base string, value model.Value, token string) tea.Cmd {
	return func() tea.Msg {
		d, err := b.DescribeSecret(ctx, arn)
		if err != nil {
			return savedMsg{token: token, err: fmt.Errorf("check that AWSCURRENT did not move: %w", err)}
		}
		if current, _ := d.VersionWithStage(model.StageCurrent); current != base {
			return savedMsg{token: token, movedTo: current}
		}
		id, err := b.PutSecretValue(ctx, model.PutValueInput{SecretID: arn, Value: value, ClientRequestToken: token})
		if err != nil {
			err = fmt.Errorf("save the new version: %w", err)
		}
		return savedMsg{token: token, versionID: id, err: err}
	}
}
