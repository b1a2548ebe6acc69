package versions

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// Actions lists what the versions view does: the table's keys, or the open
// diff's. Every one lays the screen out again and restarts the idle timer
// of revealed values, as every key does.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	actions := []common.Action{{Key: &k.Back, Short: true, Run: p.closeDiff}}
	if p.diff == nil {
		actions = []common.Action{
			{Key: &k.Reveal, Short: true, Run: p.ask(wantReveal)},
			{Key: &k.RevealAll, Run: p.toggleAll},
			{Key: &k.Copy, Short: true, Run: p.ask(wantCopy)},
			{Key: &k.Mark, Short: true, Run: p.mark},
			{Key: &k.Diff, Short: true, Run: p.startDiff},
			{Key: &k.Promote, Needs: common.NeedsReadWrite, What: "making a version AWSCURRENT", Short: true, Run: p.promote},
			{Key: &k.Deprecated, Short: true, Run: p.toggleDeprecated},
			{Key: &k.Back, Short: true, Run: common.Back},
			{Key: &k.Reload, Run: p.list},
		}
	}
	return common.Then(append(actions, common.MoveActions(k)...), p.afterAction)
}

// Capturing reports false: the versions screen's dialogs are the root's.
func (p *Page) Capturing() bool { return false }

// afterAction lays the screen out again and restarts the idle timer.
func (p *Page) afterAction() tea.Cmd {
	p.layout()
	return p.reveal.Touch()
}

// toggleDeprecated shows the deprecated versions, or hides them.
func (p *Page) toggleDeprecated() tea.Cmd {
	p.deprecated = !p.deprecated
	return p.list()
}

// mark marks the selected version for a diff, or unmarks it.
func (p *Page) mark() tea.Cmd {
	v, ok := p.selected()
	if !ok {
		return nil
	}
	if p.marked == v.ID {
		p.marked = ""
		return nil
	}
	p.marked = v.ID
	return common.Send(common.StatusMsg{Text: "marked " + shortID(v.ID) + ": select another version and press " + p.c.Keys.Diff.Help().Key + " to diff"})
}

// key moves the cursor of the table or of the open diff.
func (p *Page) key(msg tea.KeyPressMsg) {
	if p.diff != nil {
		p.diff.table.Key(p.c.Keys, msg)
		return
	}
	// A value taller than the screen scrolls line by line before the
	// cursor moves on to the next version.
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Down) && p.pane.scrollFocus(1):
	case key.Matches(msg, k.Up) && p.pane.scrollFocus(-1):
	default:
		p.table.Key(k, msg)
	}
}

// wheel moves the cursor of the table or of the open diff, as the up and
// down keys do.
func (p *Page) wheel(msg tea.MouseWheelMsg) {
	if p.diff != nil {
		p.diff.table.Wheel(msg)
		return
	}
	p.table.Wheel(msg)
}

// click selects the version, or the diff line, drawn under a left click;
// a click on a version's value lines selects that version.
func (p *Page) click(msg tea.MouseClickMsg) {
	if msg.Button != tea.MouseLeft {
		return
	}
	if p.diff != nil {
		if row, ok := p.diff.pane.rowAt(msg.Y); ok {
			p.diff.table.Select(row)
		}
		return
	}
	if row, ok := p.pane.rowAt(msg.Y); ok {
		p.table.Select(row)
	}
}
