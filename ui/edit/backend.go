package edit

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
)

// The kinds of the screen's tasks.
const (
	loadTask   = "load"
	rebaseTask = "rebase"
	saveTask   = "save"
)

// backend is what the edit screen needs from AWS.
type backend interface {
	forms.PasswordSource
	GetSecretValue(ctx context.Context, ref model.ValueRef) (model.SecretVersion, error)
	DescribeSecret(ctx context.Context, id string) (model.SecretDetail, error)
	PutSecretValue(ctx context.Context, in model.PutValueInput) (versionID string, err error)
	ListSecretVersions(ctx context.Context, id string, includeDeprecated bool) ([]model.Version, error)
}

// loadedMsg carries the AWSCURRENT version the edit starts from, or, for
// a rebase, the one it moves onto.
type loadedMsg struct {
	rebase  bool
	version model.SecretVersion
	err     error
}

// savedMsg carries the outcome of one save attempt, named by its token:
// the new version, or the version AWSCURRENT moved to, or an error. lost
// says the answer to PutSecretValue was lost and a check found the version
// written; current is then the version AWSCURRENT pointed at. unknown says
// the answer was lost and the check failed too.
type savedMsg struct {
	token     string
	versionID string
	value     model.Value
	movedTo   string
	lost      bool
	current   string
	unknown   bool
	err       error
}

// editorDoneMsg carries what the editor left.
type editorDoneMsg struct {
	edited     []byte
	terminated bool
	err        error
}

// load reads the version AWSCURRENT points at, as task kind: the value to
// edit, or the one a rebase moves onto.
func (p *Page) load(kind string) tea.Cmd {
	b, arn := p.b, p.secret.ARN
	return p.c.Tasks.Start(kind, func(ctx context.Context) tea.Msg {
		v, err := b.GetSecretValue(ctx, model.ValueRef{SecretID: arn, Stage: model.StageCurrent})
		if err != nil {
			err = fmt.Errorf("read the current value: %w", err)
		}
		return loadedMsg{rebase: kind == rebaseTask, version: v, err: err}
	})
}

// save checks that AWSCURRENT still points at base, then stores value
// as a new version with token as its ClientRequestToken. AWS has no
// conditional write, so a change between the check and the write is not
// seen; the window is one round trip. When the answer to the write is lost
// on the way back, the write may have landed: the token is the version's
// id, so a look at the version ids (metadata, not an audited read of the
// value) tells.
func save(ctx context.Context, b backend, arn, base string, value model.Value, token string) savedMsg {
	d, err := b.DescribeSecret(ctx, arn)
	if err != nil {
		return savedMsg{token: token, err: fmt.Errorf("check that AWSCURRENT did not move: %w", err)}
	}
	if current, _ := d.VersionWithStage(model.StageCurrent); current != base {
		return savedMsg{token: token, movedTo: current}
	}
	id, err := b.PutSecretValue(ctx, model.PutValueInput{SecretID: arn, Value: value, ClientRequestToken: token})
	switch {
	case err == nil:
		return savedMsg{token: token, versionID: id, value: value}
	case model.IsKind(err, model.KindNetwork):
		return checkLostSave(ctx, b, arn, value, token, err)
	}
	return savedMsg{token: token, err: fmt.Errorf("save the new version: %w", err)}
}

// checkLostSave finds out whether a write whose answer was lost (putErr)
// stored version token, by listing the secret's version ids.
func checkLostSave(ctx context.Context, b backend, arn string, value model.Value, token string, putErr error) savedMsg {
	versions, err := b.ListSecretVersions(ctx, arn, true)
	if err != nil {
		return savedMsg{token: token, unknown: true,
			err: fmt.Errorf("save the new version: %w; then list the versions: %w", putErr, err)}
	}
	current := ""
	found := false
	for _, v := range versions {
		if v.HasStage(model.StageCurrent) {
			current = v.ID
		}
		found = found || v.ID == token
	}
	if !found {
		return savedMsg{token: token,
			err: fmt.Errorf("no answer came and version %s is not among the secret's versions (save the new version: %w)", token, putErr)}
	}
	return savedMsg{token: token, versionID: token, value: value, lost: true, current: current}
}
