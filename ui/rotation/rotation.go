// Package rotation is the screen that follows a secret's rotation: state,
// schedule, labels and history, and with --rw rotates it.
package rotation

import (
	"fmt"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
)

// Page shows the rotation of one secret.
type Page struct {
	c             common.Common
	width, height int
	// scroll is the first content line on screen.
	scroll int

	secret      model.Secret
	described   bool
	describeErr error
	versions    []model.Version
	versionsErr error
	history     []model.AuditEvent
	historyErr  error
	loadingHist bool

	form   *scheduleForm
	follow *follow
	gen    int
}

// New makes the rotation screen of a secret.
func New(c common.Common, secret model.Secret) *Page { return &Page{c: c, secret: secret} }

// Init loads the description, the versions and the history.
func (p *Page) Init() tea.Cmd { return p.reload() }

func (p *Page) reload() tea.Cmd {
	ctx, b, arn, now := p.c.Ctx, p.c.Backend, p.secret.ARN, p.c.Now()
	p.loadingHist = true
	return tea.Batch(describeCmd(ctx, b, arn), versionsCmd(ctx, b, arn), historyCmd(ctx, b, arn, now.Add(-historyWindow), time.Time{}))
}

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	if p.form != nil {
		p.form.setWidth(w)
	}
}

// Waiting reports whether the description or the history is on its way.
func (p *Page) Waiting() bool { return (!p.described && p.describeErr == nil) || p.loadingHist }

// scrollBy moves the view d lines, within the content as it is now: a
// resize may have left the offset past the end.
func (p *Page) scrollBy(d int) {
	last := max(len(p.lines())-p.height, 0)
	p.scroll = min(max(min(p.scroll, last)+d, 0), last)
}

// Capturing reports whether a form or a typed answer has the keys.
func (p *Page) Capturing() bool { return p.form != nil }

// Actions lists what the rotation view does.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	actions := []common.Action{
		common.RW(&k.RotateNow, "rotate now"), common.RW(&k.EditSchedule, "changing the schedule"),
		common.RW(&k.CancelRotation, "canceling rotation"), {Key: &k.Reload, Short: true}, {Key: &k.Back, Short: true},
	}
	for i := range 3 {
		actions[i].Short = true
	}
	return append(actions, common.MoveActions(k)...)
}

// Update handles a message for the rotation screen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case describedMsg:
		if msg.arn == p.secret.ARN {
			p.described, p.describeErr = msg.err == nil, msg.err
			if msg.err == nil {
				p.secret = msg.detail.Secret
			}
		}
	case versionsMsg:
		if msg.arn == p.secret.ARN {
			p.versions, p.versionsErr = newestFirst(msg.versions), msg.err
		}
	case historyMsg:
		if msg.arn == p.secret.ARN {
			p.history, p.historyErr, p.loadingHist = msg.events, msg.err, false
		}
	case rotateStartedMsg:
		return p, p.rotateStarted(msg)
	case canceledMsg:
		if msg.err != nil {
			return p, common.Send(common.StatusMsg{Err: fmt.Errorf("cancel rotation: %w", msg.err)})
		}
		return p, tea.Batch(p.reload(), common.Send(common.StatusMsg{Text: "rotation canceled and disabled"}))
	case followTickMsg:
		if p.follow != nil && msg.gen == p.follow.gen && p.follow.outcome == following {
			return p, stepCmd(p.c.Ctx, p.c.Backend, p.secret.ARN, *p.follow)
		}
	case followStepMsg:
		return p, p.followStep(msg)
	case tea.KeyPressMsg:
		return p, p.key(msg)
	case tea.MouseWheelMsg:
		if p.Capturing() {
			return p, nil
		}
		if step, ok := common.WheelStep(msg); ok {
			p.scrollBy(step)
		}
	}
	return p, nil
}

func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	if !p.Capturing() {
		if d, ok := k.Step(msg, p.height, len(p.lines())); ok {
			p.scrollBy(d)
			return nil
		}
	}
	switch {
	case p.form != nil:
		return p.formKey(msg)
	case key.Matches(msg, k.Back):
		return common.Send(common.BackMsg{})
	case key.Matches(msg, k.Reload):
		return p.reload()
	case key.Matches(msg, k.RotateNow):
		if !p.c.ReadWrite {
			return common.ReadOnlyMsg("rotate now")
		}
		in := model.RotateInput{SecretID: p.secret.ARN, Immediately: true}
		return confirm.Ask(p.c, "Rotate "+model.Sanitize(p.secret.Name)+" now? A new version is created under AWSPENDING.",
			rotateCmd(p.c.Ctx, p.c.Backend, in, p.c.Now()))
	case key.Matches(msg, k.EditSchedule):
		if !p.c.ReadWrite {
			return common.ReadOnlyMsg("changing the schedule")
		}
		var cmd tea.Cmd
		p.form, cmd = newScheduleForm(p.secret)
		p.form.setWidth(p.width)
		return cmd
	case key.Matches(msg, k.CancelRotation):
		if !p.c.ReadWrite {
			return common.ReadOnlyMsg("canceling rotation")
		}
		return confirm.Ask(p.c, "Cancel rotation of "+model.Sanitize(p.secret.Name)+"? Automatic rotation is turned off.",
			cancelCmd(p.c.Ctx, p.c.Backend, p.secret.ARN))
	}
	return nil
}

func (p *Page) formKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		p.form = nil
		return nil
	case "enter":
		rules, fn, err := p.form.rules()
		if err != nil {
			p.form.err = err
			return nil
		}
		p.form = nil
		in := model.RotateInput{SecretID: p.secret.ARN, LambdaARN: fn, Rules: &rules}
		return confirm.Ask(p.c, "Save the rotation schedule of "+model.Sanitize(p.secret.Name)+" and enable rotation?",
			rotateCmd(p.c.Ctx, p.c.Backend, in, p.c.Now()))
	}
	return p.form.update(msg)
}

func (p *Page) rotateStarted(msg rotateStartedMsg) tea.Cmd {
	if msg.err != nil {
		return common.Send(common.StatusMsg{Err: fmt.Errorf("rotate %s: %w", model.Sanitize(p.secret.Name), msg.err)})
	}
	if !msg.immediately {
		return tea.Batch(p.reload(), common.Send(common.StatusMsg{Text: "rotation schedule saved"}))
	}
	p.gen++
	p.follow = &follow{gen: p.gen, versionID: msg.versionID, started: msg.started}
	return tea.Batch(
		common.Send(common.StatusMsg{Text: "rotation started: new version " + model.Sanitize(msg.versionID) + " under AWSPENDING"}),
		p.follow.tick(),
	)
}

func (p *Page) followStep(msg followStepMsg) tea.Cmd {
	f := p.follow
	if f == nil || msg.gen != f.gen || f.outcome != following {
		return nil
	}
	if msg.err == nil {
		p.secret = msg.detail.Secret
		f.judge(p.secret, msg.failure, p.c.Now())
	}
	f.step++
	switch f.outcome {
	case succeeded:
		return tea.Batch(p.reload(), common.Send(common.StatusMsg{Text: "rotation succeeded: AWSCURRENT is now " + model.Sanitize(f.versionID)}))
	case failed:
		return tea.Batch(p.reload(), common.Send(common.StatusMsg{Err: fmt.Errorf("rotation failed: %s", f.reason)}))
	case gaveUp:
		return common.Send(common.StatusMsg{Err: fmt.Errorf("rotation still in progress after %s; ctrl+r checks again", followLimit)})
	}
	if msg.err != nil && f.step > 6 {
		f.outcome = gaveUp
		return common.Send(common.StatusMsg{Err: fmt.Errorf("following the rotation: %w", msg.err)})
	}
	return f.tick()
}

// newestFirst orders versions by creation, newest first.
func newestFirst(vs []model.Version) []model.Version {
	slices.SortStableFunc(vs, func(a, b model.Version) int { return b.CreatedDate.Compare(a.CreatedDate) })
	return vs
}
