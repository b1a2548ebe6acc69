package rotation

import (
	"context"
	"fmt"
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
	// followErrors is how many steps may fail before the screen stops
	// following.
	followErrors = 6
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
	versionID string
	started   time.Time
	step      int
	outcome   outcome
	// reason is the failure message from CloudTrail, sanitized.
	reason string
}

// followStepMsg is one follow step's answers.
type followStepMsg struct {
	detail  model.SecretDetail
	err     error
	failure *model.AuditEvent
}

func (f *follow) pause() time.Duration {
	d := firstPause << min(f.step, 5)
	return min(d, maxPause)
}

// followStep waits the follow's pause, then describes the secret and,
// every other step, looks for a RotationFailed event since the rotation
// started. A newer follow replaces it.
func (p *Page) followStep() tea.Cmd {
	aws, arn, f := p.aws, p.secret.ARN, *p.follow
	return p.c.Tasks.Start(kindFollow, func(ctx context.Context) tea.Msg {
		wait := time.NewTimer(f.pause())
		defer wait.Stop()
		select {
		case <-ctx.Done():
			return nil
		case <-wait.C:
		}
		return step(ctx, aws, arn, f)
	})
}

// step is one look at a followed rotation.
func step(ctx context.Context, aws backend, arn string, f follow) followStepMsg {
	d, err := aws.DescribeSecret(ctx, arn)
	msg := followStepMsg{detail: d, err: err}
	if err != nil || f.step%2 == 0 {
		return msg
	}
	page, err := aws.LookupEvents(ctx, model.AuditQuery{SecretID: arn, Start: f.started.Add(-time.Minute)}, "")
	if err != nil {
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

// rotateStarted follows a rotation started now, or reloads after a new
// schedule.
func (p *Page) rotateStarted(msg rotateStartedMsg) tea.Cmd {
	if msg.err != nil {
		return common.Send(common.StatusMsg{Err: fmt.Errorf("rotate %s: %w", model.Sanitize(p.secret.Name), msg.err)})
	}
	if !msg.immediately {
		return tea.Batch(p.reload(), common.Send(common.StatusMsg{Text: "rotation schedule saved"}))
	}
	p.follow = &follow{versionID: msg.versionID, started: msg.started}
	return tea.Batch(
		common.Send(common.StatusMsg{Text: "rotation started: new version " + model.Sanitize(msg.versionID) + " under AWSPENDING"}),
		p.followStep(),
	)
}

// followed judges a follow step, and says how the rotation ended or takes
// the next step.
func (p *Page) followed(msg followStepMsg) tea.Cmd {
	f := p.follow
	if f == nil || f.outcome != following {
		return nil
	}
	if msg.err == nil {
		p.secret = msg.detail.Secret
		f.judge(p.secret, msg.failure, p.c.Now())
	}
	f.step++
	reload := p.c.Keys.Reload.Help().Key
	switch f.outcome {
	case succeeded:
		return tea.Batch(p.reload(), common.Send(common.StatusMsg{Text: "rotation succeeded: AWSCURRENT is now " + model.Sanitize(f.versionID)}))
	case failed:
		return tea.Batch(p.reload(), common.Send(common.StatusMsg{Err: fmt.Errorf("rotation failed: %s", f.reason)}))
	case gaveUp:
		return common.Send(common.StatusMsg{Err: fmt.Errorf("rotation still in progress after %s; %s checks again", followLimit, reload)})
	}
	if msg.err != nil && f.step > followErrors {
		f.outcome = gaveUp
		return common.Send(common.StatusMsg{Err: fmt.Errorf("following the rotation: %w", msg.err)})
	}
	return p.followStep()
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
