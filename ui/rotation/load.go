package rotation

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// historyWindow is how far back the rotation history looks: CloudTrail's
// own limit for LookupEvents.
const historyWindow = 90 * 24 * time.Hour

// historyPages bounds the CloudTrail pages read for the history, at 2 a second.
const historyPages = 4

// isRotationEvent reports whether a CloudTrail event tells part of a
// rotation's story.
func isRotationEvent(name string) bool {
	switch name {
	case "RotateSecret", "CancelRotateSecret", "RotationStarted", "RotationSucceeded", "RotationFailed", "RotationAbandoned":
		return true
	}
	return false
}

type describedMsg struct {
	arn    string
	detail model.SecretDetail
	err    error
}

type versionsMsg struct {
	arn      string
	versions []model.Version
	err      error
}

type historyMsg struct {
	arn    string
	events []model.AuditEvent
	err    error
}

// rotateStartedMsg answers RotateSecret: a rotation now, or a new schedule.
type rotateStartedMsg struct {
	immediately bool
	versionID   string
	started     time.Time
	err         error
}

type canceledMsg struct{ err error }

func describeCmd(ctx context.Context, b common.Backend, arn string) tea.Cmd {
	return func() tea.Msg {
		d, err := b.DescribeSecret(ctx, arn)
		return describedMsg{arn: arn, detail: d, err: err}
	}
}

func versionsCmd(ctx context.Context, b common.Backend, arn string) tea.Cmd {
	return func() tea.Msg {
		v, err := b.ListSecretVersions(ctx, arn, false)
		return versionsMsg{arn: arn, versions: v, err: err}
	}
}

// historyCmd reads the secret's CloudTrail events since start, newest first,
// and keeps the rotation ones.
func historyCmd(ctx context.Context, b common.Backend, arn string, start, end time.Time) tea.Cmd {
	return func() tea.Msg {
		var events []model.AuditEvent
		token := ""
		for range historyPages {
			page, err := b.LookupEvents(ctx, model.AuditQuery{SecretID: arn, Start: start, End: end}, token)
			if err != nil {
				return historyMsg{arn: arn, events: events, err: err}
			}
			for _, e := range page.Events {
				if isRotationEvent(e.Name) {
					events = append(events, e)
				}
			}
			if token = page.NextToken; token == "" {
				break
			}
		}
		return historyMsg{arn: arn, events: events}
	}
}

func rotateCmd(ctx context.Context, b common.Backend, in model.RotateInput, now time.Time) tea.Cmd {
	return func() tea.Msg {
		id, err := b.RotateSecret(ctx, in)
		return rotateStartedMsg{immediately: in.Immediately, versionID: id, started: now, err: err}
	}
}

func cancelCmd(ctx context.Context, b common.Backend, arn string) tea.Cmd {
	return func() tea.Msg { return canceledMsg{err: b.CancelRotation(ctx, arn)} }
}
