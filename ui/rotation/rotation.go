// Package rotation is the screen that follows a secret's rotation: state,
// schedule, labels and history, and with --rw rotates it.
package rotation

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
	"github.com/keyhole-tui/keyhole/ui/render"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Page shows the rotation of one secret.
type Page struct {
	c      common.Common
	secret model.Secret
	aws    backend
	// view is the screen's content laid out, scrolled.
	view widget.ScrollView
	// width is the screen's, to fit the rotation function's ARN.
	width int

	described   bool
	describeErr error
	versions    []model.Version
	versionsErr error
	history     []model.AuditEvent
	historyErr  error

	follow *follow
}

// New makes the rotation screen of a secret.
func New(c common.Common, secret model.Secret) *Page { return newPage(c, c.Backend, secret) }

// newPage makes the rotation screen asking aws.
func newPage(c common.Common, aws backend, secret model.Secret) *Page {
	p := &Page{c: c, aws: aws, secret: secret}
	p.view.Fold = widget.Cut(c.Ellipsis())
	return p
}

// Init loads the description, the versions and the history.
func (p *Page) Init() tea.Cmd { return p.reload() }

// Actions lists what the rotation view does; each lays it out again.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	actions := []common.Action{
		{Key: &k.RotateNow, Needs: common.NeedsReadWrite, What: "rotate now", Short: true, Run: p.askRotateNow},
		{Key: &k.EditSchedule, Needs: common.NeedsReadWrite, What: "changing the schedule", Short: true, Run: p.editSchedule},
		{Key: &k.CancelRotation, Needs: common.NeedsReadWrite, What: "canceling rotation", Short: true, Run: p.askCancel},
		{Key: &k.Reload, Short: true, Run: p.reload},
		{Key: &k.Back, Short: true, Run: common.Back},
	}
	layout := func() tea.Cmd { p.layout(); return nil }
	return common.Then(append(actions, common.MoveActions(k)...), layout)
}

// Capturing reports false: the schedule form is the root's dialog.
func (p *Page) Capturing() bool { return false }

// Update handles a message for the rotation screen, then lays it out again.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	defer p.layout()
	return p, p.update(msg)
}

func (p *Page) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case describedMsg:
		p.described, p.describeErr = msg.err == nil, msg.err
		if msg.err == nil {
			p.secret = msg.detail.Secret
		}
	case versionsMsg:
		p.versions, p.versionsErr = render.NewestFirst(msg.versions), msg.err
	case historyMsg:
		p.history, p.historyErr = msg.events, msg.err
	case scheduledMsg:
		return p.askSchedule(msg)
	case rotateStartedMsg:
		return p.rotateStarted(msg)
	case canceledMsg:
		return p.canceled(msg)
	case followStepMsg:
		return p.followed(msg)
	case tea.KeyPressMsg:
		p.view.Key(p.c.Keys, msg)
	case tea.MouseWheelMsg:
		p.view.Wheel(msg)
	}
	return nil
}

// askRotateNow asks before rotating the secret now.
func (p *Page) askRotateNow() tea.Cmd {
	in := model.RotateInput{SecretID: p.secret.ARN, Immediately: true}
	return confirm.AskTask(p.c, "Rotate "+model.Sanitize(p.secret.Name)+" now? A new version is created under AWSPENDING.",
		kindRotate, rotateTask(p.aws, in, p.c.Now()))
}

// editSchedule opens the schedule form.
func (p *Page) editSchedule() tea.Cmd { return openScheduleForm(p.c, p.secret) }

// askCancel asks before canceling the rotation.
func (p *Page) askCancel() tea.Cmd {
	return confirm.AskTask(p.c, "Cancel rotation of "+model.Sanitize(p.secret.Name)+"? Automatic rotation is turned off.",
		kindCancel, cancelTask(p.aws, p.secret.ARN))
}

// askSchedule asks before sending a schedule the form validated.
func (p *Page) askSchedule(msg scheduledMsg) tea.Cmd {
	if msg.arn != p.secret.ARN {
		return nil
	}
	in := model.RotateInput{SecretID: p.secret.ARN, LambdaARN: msg.lambdaARN, Rules: &msg.rules}
	return confirm.AskTask(p.c, "Save the rotation schedule of "+model.Sanitize(p.secret.Name)+" and enable rotation?",
		kindRotate, rotateTask(p.aws, in, p.c.Now()))
}

// canceled says how canceling the rotation went.
func (p *Page) canceled(msg canceledMsg) tea.Cmd {
	if msg.err != nil {
		return common.Send(common.StatusMsg{Err: fmt.Errorf("cancel rotation: %w", msg.err)})
	}
	return tea.Batch(p.reload(), common.Send(common.StatusMsg{Text: "rotation canceled and disabled"}))
}

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width = w
	p.view.SetSize(w, h)
	p.layout()
}

// layout puts the content as it is now in the view.
func (p *Page) layout() { p.view.SetContent(p.lines()) }

// View draws state, schedule, versions and history, scrolled.
func (p *Page) View() string { return p.view.View() }
