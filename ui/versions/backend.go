package versions

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// backend is what the versions screen asks of AWS.
type backend interface {
	ListSecretVersions(ctx context.Context, id string, includeDeprecated bool) ([]model.Version, error)
	GetSecretValue(ctx context.Context, ref model.ValueRef) (model.SecretVersion, error)
	UpdateVersionStage(ctx context.Context, m model.StageMove) error
}

// The kinds of the screen's tasks: a newer request of a kind replaces the
// one under way. Each version's value is a kind of its own.
const (
	kindList    = "list"
	kindDiff    = "diff"
	kindPromote = "promote"
)

// valueKind is the kind of the task that reads version id's value.
func valueKind(id string) string { return "value " + id }

// listedMsg carries ListSecretVersionIds' answer.
type listedMsg struct {
	versions []model.Version
	err      error
}

// valueMsg carries one version's value, read by id.
type valueMsg struct {
	versionID string
	value     model.Value
	err       error
}

// printsMsg carries the fingerprints of the two sides of a diff. The
// values themselves stay inside the task that read them.
type printsMsg struct {
	from, to       []model.FieldPrint
	fromErr, toErr error
}

// promotedMsg answers a promotion: done, refused because AWSCURRENT moved
// (movedTo holds it now), or failed.
type promotedMsg struct {
	versionID, previous string
	moved               bool
	movedTo             string
	err                 error
}

// list lists the versions, the deprecated ones too when they are shown.
func (p *Page) list() tea.Cmd {
	aws, arn, deprecated := p.aws, p.secret.ARN, p.deprecated
	return p.c.Tasks.Start(kindList, func(ctx context.Context) tea.Msg {
		vs, err := aws.ListSecretVersions(ctx, arn, deprecated)
		return listedMsg{versions: vs, err: err}
	})
}

// readValue reads version id's value.
func (p *Page) readValue(id string) tea.Cmd {
	aws, ref := p.aws, model.ValueRef{SecretID: p.secret.ARN, VersionID: id}
	return p.c.Tasks.Start(valueKind(id), func(ctx context.Context) tea.Msg {
		v, err := aws.GetSecretValue(ctx, ref)
		return valueMsg{versionID: id, value: v.Value, err: err}
	})
}

// side is one version of a diff: its fingerprints when known, otherwise
// the id to read.
type side struct {
	versionID string
	prints    []model.FieldPrint
	known     bool
}

// fingerprint reads the sides whose fingerprints are not known yet, by
// version id, and fingerprints them. No value leaves the task.
func (p *Page) fingerprint(from, to side) tea.Cmd {
	aws, key, arn := p.aws, p.fpKey, p.secret.ARN
	return p.c.Tasks.Start(kindDiff, func(ctx context.Context) tea.Msg {
		fp := func(s side) ([]model.FieldPrint, error) {
			if s.known {
				return s.prints, nil
			}
			v, err := aws.GetSecretValue(ctx, model.ValueRef{SecretID: arn, VersionID: s.versionID})
			if err != nil {
				return nil, err
			}
			return model.Fingerprints(key, v.Value), nil
		}
		var msg printsMsg
		msg.from, msg.fromErr = fp(from)
		msg.to, msg.toErr = fp(to)
		return msg
	})
}

// promoteTask re-reads the versions, refuses when AWSCURRENT left the
// version the screen showed holding it, and otherwise moves AWSCURRENT to
// versionID. AWS gives the version it leaves AWSPREVIOUS.
func promoteTask(aws backend, arn, versionID, expected string) func(ctx context.Context) tea.Msg {
	return func(ctx context.Context) tea.Msg {
		msg := promotedMsg{versionID: versionID, previous: expected}
		vs, err := aws.ListSecretVersions(ctx, arn, false)
		if err != nil {
			msg.err = fmt.Errorf("re-read the versions before promoting: %w", err)
			return msg
		}
		holder := ""
		for _, v := range vs {
			if v.HasStage(model.StageCurrent) {
				holder = v.ID
			}
		}
		if holder != expected {
			msg.moved, msg.movedTo = true, holder
			return msg
		}
		msg.err = aws.UpdateVersionStage(ctx, model.StageMove{
			SecretID: arn, Stage: model.StageCurrent, MoveToVersionID: versionID, RemoveFromVersionID: expected,
		})
		return msg
	}
}

// listed shows a listing, keeping the selected version selected.
func (p *Page) listed(msg listedMsg) {
	p.listErr = msg.err
	if msg.err != nil {
		return
	}
	selected := p.table.SelectedID(p.versionID)
	p.versions = render.NewestFirst(msg.versions)
	p.current = ""
	for _, v := range p.versions {
		if v.HasStage(model.StageCurrent) {
			p.current = v.ID
		}
	}
	p.table.SetRowsKeeping(len(p.versions), selected, p.versionID)
}
