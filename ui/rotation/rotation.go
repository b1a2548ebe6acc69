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
	c             common.Common
	aws           backend
	width, height int
	// view is the screen's content laid out, scrolled.
	view widget.ScrollView

	secret      model.Secret
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

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.view.SetSize(w, h)
	p.layout()
}

// Capturing reports false: the schedule form is the root's dialog.
func (p *Page) Capturing() bool { return false }

// Update handles a message for the rotation screen, then lays it out again.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	cmd := p.update(msg)
	p.layout()
	return p, cmd
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

// layout puts the content as it is now in the view.
func (p *Page) layout() { p.view.SetContent(p.lines()) }

// View draws state, schedule, versions and history, scrolled.
func (p *Page) View() string { return p.view.View() }
