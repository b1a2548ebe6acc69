package rotation

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
)

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
	return common.Then(append(actions, common.MoveActions(k)...), p.afterAction)
}

// afterAction lays the screen out again.
func (p *Page) afterAction() tea.Cmd {
	p.layout()
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
