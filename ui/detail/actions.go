package detail

import (
	"slices"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/lifecycle"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// Actions lists what the detail does with the secret and its value. Every
// one lays the screen out again and restarts the idle timer of revealed
// fields, as every key does.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	actions := []common.Action{
		{Key: &k.Reveal, Short: true, Run: p.ask(actReveal)},
		{Key: &k.RevealAll, Short: true, Run: p.ask(actRevealAll)},
		{Key: &k.Copy, Short: true, Run: p.unlessClipboardOff(p.ask(actCopy))},
		{Key: &k.CopyAs, Short: true, Run: p.unlessClipboardOff(p.openCopyMenu)},
		{Key: &k.Stage, Short: true, Run: p.nextStage},
		{Key: &k.SharedValue, Run: p.sharedValue},
		{Key: &k.Back, Short: true, Run: common.Back},
		{Key: &k.Rotation, Run: p.open(common.ScreenRotation)},
		{Key: &k.Audit, Run: p.open(common.ScreenAudit)},
		{Key: &k.AccountAudit, Run: accountAudit},
		{Key: &k.Versions, Run: p.open(common.ScreenVersions)},
		{Key: &k.Policy, Run: p.open(common.ScreenPolicy)},
		{Key: &k.Edit, Needs: common.NeedsReadWrite, What: "editing a value", Run: p.open(common.ScreenEdit)},
		{Key: &k.EditExternal, Needs: common.NeedsReadWrite, What: "editing a value", Run: p.open(common.ScreenEditInEditor)},
		{Key: &k.Tags, Needs: common.NeedsReadWrite, What: "editing description and tags", Run: p.open(common.ScreenMeta)},
		{Key: &k.New, Needs: common.NeedsReadWrite, What: "creating a secret", Run: newSecret},
	}
	actions = append(actions, lifecycle.Actions(p.c, p.shown)...)
	actions = append(actions, common.Action{Key: &k.Reload, Run: p.reload})
	return common.Then(append(actions, common.MoveActions(k)...), p.afterAction)
}

// Capturing reports false: the detail's dialogs are the root's.
func (p *Page) Capturing() bool { return false }

// afterAction lays the screen out again and restarts the idle timer.
func (p *Page) afterAction() tea.Cmd {
	p.layout()
	return p.reveal.Touch()
}

// accountAudit opens the account's audit trail.
func accountAudit() tea.Cmd { return common.Open(common.ScreenAudit, nil) }

// newSecret opens the new-secret form, as from the list.
func newSecret() tea.Cmd { return common.Open(common.ScreenCreate, nil) }

// unlessClipboardOff makes run refuse, before reading anything, when the
// clipboard is off.
func (p *Page) unlessClipboardOff(run func() tea.Cmd) func() tea.Cmd {
	return func() tea.Cmd {
		if p.c.ClipboardOff {
			return common.Send(common.ClipboardOffStatus())
		}
		return run()
	}
}

// open makes the action that opens screen about this secret.
func (p *Page) open(screen common.Screen) func() tea.Cmd {
	return func() tea.Cmd {
		s := p.secret
		return common.Open(screen, &s)
	}
}

// shown is the secret the screen shows, always there.
func (p *Page) shown() (model.Secret, bool) { return p.secret, true }

// openCopyMenu opens the copy-as menu.
func (p *Page) openCopyMenu() tea.Cmd {
	p.c.Slot.Open(copyMenu{c: p.c, arn: p.secret.ARN})
	return nil
}

// reload describes the secret again.
func (p *Page) reload() tea.Cmd {
	p.describeErr = nil
	return p.describe()
}

// nextStage picks the next stage label, keeping the value read for the
// one left.
func (p *Page) nextStage() tea.Cmd {
	labels := render.Labels(p.secret.VersionStages)
	if len(labels) == 0 {
		return nil
	}
	i := slices.Index(labels, p.stage)
	p.switchStage(labels[(i+1)%len(labels)])
	if p.version != nil {
		return common.Send(common.StatusMsg{Text: "showing " + model.Sanitize(p.stage) + ", read before"})
	}
	return common.Send(common.StatusMsg{Text: "showing " + model.Sanitize(p.stage) + " (" + p.c.Keys.Reveal.Help().Key + " loads it)"})
}
