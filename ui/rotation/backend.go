package rotation

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
)

// backend is what the rotation screen asks of AWS.
type backend interface {
	DescribeSecret(ctx context.Context, id string) (model.SecretDetail, error)
	ListSecretVersions(ctx context.Context, id string, includeDeprecated bool) ([]model.Version, error)
	LookupEvents(ctx context.Context, q model.AuditQuery, nextToken string) (model.AuditPage, error)
	RotateSecret(ctx context.Context, in model.RotateInput) (versionID string, err error)
	CancelRotation(ctx context.Context, id string) error
}

// The kinds of the screen's tasks: a newer request of a kind replaces the
// one under way.
const (
	kindDescribe = "describe"
	kindVersions = "versions"
	kindHistory  = "history"
	kindRotate   = "rotate"
	kindCancel   = "cancel"
	kindFollow   = "follow"
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

// describedMsg carries DescribeSecret's answer.
type describedMsg struct {
	detail model.SecretDetail
	err    error
}

// versionsMsg carries ListSecretVersionIds' answer.
type versionsMsg struct {
	versions []model.Version
	err      error
}

// historyMsg carries the rotation events CloudTrail has of the secret.
type historyMsg struct {
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

// canceledMsg answers CancelRotateSecret.
type canceledMsg struct{ err error }

// reload reads the description, the versions and the history again.
func (p *Page) reload() tea.Cmd {
	aws, arn, now, t := p.aws, p.secret.ARN, p.c.Now(), p.c.Tasks
	return tea.Batch(
		t.Start(kindDescribe, func(ctx context.Context) tea.Msg {
			d, err := aws.DescribeSecret(ctx, arn)
			return describedMsg{detail: d, err: err}
		}),
		t.Start(kindVersions, func(ctx context.Context) tea.Msg {
			v, err := aws.ListSecretVersions(ctx, arn, false)
			return versionsMsg{versions: v, err: err}
		}),
		t.Start(kindHistory, func(ctx context.Context) tea.Msg {
			events, err := history(ctx, aws, arn, now.Add(-historyWindow))
			return historyMsg{events: events, err: err}
		}),
	)
}

// history reads the secret's CloudTrail events since start, newest first,
// and keeps the rotation ones; on an error, those read until then.
func history(ctx context.Context, aws backend, arn string, start time.Time) ([]model.AuditEvent, error) {
	var events []model.AuditEvent
	token := ""
	for range historyPages {
		page, err := aws.LookupEvents(ctx, model.AuditQuery{SecretID: arn, Start: start}, token)
		if err != nil {
			return events, err
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
	return events, nil
}

// rotateTask sends RotateSecret: a rotation now, or a schedule.
func rotateTask(aws backend, in model.RotateInput, now time.Time) func(ctx context.Context) tea.Msg {
	return func(ctx context.Context) tea.Msg {
		id, err := aws.RotateSecret(ctx, in)
		return rotateStartedMsg{immediately: in.Immediately, versionID: id, started: now, err: err}
	}
}

// cancelTask sends CancelRotateSecret.
func cancelTask(aws backend, arn string) func(ctx context.Context) tea.Msg {
	return func(ctx context.Context) tea.Msg { return canceledMsg{err: aws.CancelRotation(ctx, arn)} }
}
