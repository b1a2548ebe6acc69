package rotation

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// Following a rotation: DescribeSecret with a doubling pause, and CloudTrail
// every other step to notice a failure, until AWSPENDING is gone, the
// rotation failed, or followLimit passed.
const (
	firstPause  = 500 * time.Millisecond
	maxPause    = 8 * time.Second
	followLimit = 3 * time.Minute
)

// outcome is where a followed rotation ended.
type outcome int

const (
	following outcome = iota
	succeeded
	failed
	gaveUp
)

// follow tracks one rotation started from this screen.
type follow struct {
	gen       int
	versionID string
	started   time.Time
	step      int
	outcome   outcome
	// reason is the failure message from CloudTrail, sanitized.
	reason string
}

// followTickMsg asks for the next follow step of generation gen.
type followTickMsg struct{ gen int }

// followStepMsg is one follow step's answers.
type followStepMsg struct {
	gen     int
	detail  model.SecretDetail
	err     error
	failure *model.AuditEvent
}

func (f *follow) pause() time.Duration {
	d := firstPause << min(f.step, 5)
	return min(d, maxPause)
}

func (f *follow) tick() tea.Cmd {
	gen := f.gen
	return tea.Tick(f.pause(), func(time.Time) tea.Msg { return followTickMsg{gen: gen} })
}

// stepCmd describes the secret and, every other step, looks for a
// RotationFailed event since the rotation started.
func stepCmd(ctx context.Context, b common.Backend, arn string, f follow) tea.Cmd {
	checkTrail := f.step%2 == 1
	return func() tea.Msg {
		d, err := b.DescribeSecret(ctx, arn)
		msg := followStepMsg{gen: f.gen, detail: d, err: err}
		if err != nil || !checkTrail {
			return msg
		}
		page, terr := b.LookupEvents(ctx, model.AuditQuery{SecretID: arn, Start: f.started.Add(-time.Minute)}, "")
		if terr != nil {
			return msg
		}
		for _, e := range page.Events {
			if e.Name == "RotationFailed" || e.Name == "RotationAbandoned" {
				msg.failure = &e
				break
			}
		}
		return msg
	}
}

// judge decides from the labels whether the rotation is over.
func (f *follow) judge(s model.Secret, failure *model.AuditEvent, now time.Time) {
	stages, _ := s.VersionStages.Of(f.versionID)
	current, pending := false, false
	for _, st := range stages {
		current = current || st == model.StageCurrent
		pending = pending || st == model.StagePending
	}
	_, anyPending := s.VersionWithStage(model.StagePending)
	switch {
	case current && !anyPending:
		f.outcome = succeeded
	case failure != nil:
		f.outcome = failed
		f.reason = model.Sanitize(failure.ErrorMessage)
		if f.reason == "" {
			f.reason = failure.Name
		}
	case !pending && !current:
		f.outcome = failed
		f.reason = "the new version lost AWSPENDING without becoming AWSCURRENT"
	case now.Sub(f.started) > followLimit:
		f.outcome = gaveUp
	}
}
