package versions

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// listedMsg carries ListSecretVersionIds' answer for listing generation gen.
type listedMsg struct {
	gen      int
	versions []model.Version
	err      error
}

// valueMsg carries one version's value, read by id.
type valueMsg struct {
	versionID string
	value     model.Value
	err       error
}

// printsMsg carries the fingerprints of the two sides of diff gen. The
// values themselves stay inside the command that read them.
type printsMsg struct {
	gen            int
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

// idleMsg fires RevealTimeout after the last key, for idle generation gen.
type idleMsg struct{ gen int }

func listCmd(ctx context.Context, b common.Backend, gen int, arn string, deprecated bool) tea.Cmd {
	return func() tea.Msg {
		vs, err := b.ListSecretVersions(ctx, arn, deprecated)
		return listedMsg{gen: gen, versions: vs, err: err}
	}
}

func valueCmd(ctx context.Context, b common.Backend, arn, versionID string) tea.Cmd {
	return func() tea.Msg {
		v, err := b.GetSecretValue(ctx, model.ValueRef{SecretID: arn, VersionID: versionID})
		return valueMsg{versionID: versionID, value: v.Value, err: err}
	}
}

// side is one version of a diff: its fingerprints when known, otherwise
// the id to read.
type side struct {
	versionID string
	prints    []model.FieldPrint
	known     bool
}

// printsCmd reads the sides whose fingerprints are not known yet, by
// version id, and fingerprints them. No value leaves the command.
func printsCmd(ctx context.Context, b common.Backend, key model.FingerprintKey, gen int, arn string, from, to side) tea.Cmd {
	return func() tea.Msg {
		fp := func(s side) ([]model.FieldPrint, error) {
			if s.known {
				return s.prints, nil
			}
			v, err := b.GetSecretValue(ctx, model.ValueRef{SecretID: arn, VersionID: s.versionID})
			if err != nil {
				return nil, err
			}
			return model.Fingerprints(key, v.Value), nil
		}
		msg := printsMsg{gen: gen}
		msg.from, msg.fromErr = fp(from)
		msg.to, msg.toErr = fp(to)
		return msg
	}
}

// promoteCmd re-reads the versions, refuses when AWSCURRENT left the
// version the screen showed holding it, and otherwise moves AWSCURRENT to
// versionID. AWS gives the version it leaves AWSPREVIOUS.
func promoteCmd(ctx context.Context, b common.Backend, arn, versionID, expected string) tea.Cmd {
	return func() tea.Msg {
		msg := promotedMsg{versionID: versionID, previous: expected}
		vs, err := b.ListSecretVersions(ctx, arn, false)
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
		msg.err = b.UpdateVersionStage(ctx, model.StageMove{
			SecretID: arn, Stage: model.StageCurrent, MoveToVersionID: versionID, RemoveFromVersionID: expected,
		})
		return msg
	}
}
