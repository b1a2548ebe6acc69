package list

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/filterinput"
	"github.com/keyhole-tui/keyhole/ui/lifecycle"
)

// Actions lists what the list does with the selected secret and the list.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	create := common.RW(&k.New, "creating a secret")
	create.Run = func() tea.Cmd { return common.Open(common.ScreenCreate, nil) }
	actions := []common.Action{
		{Key: &k.Filter, Short: true, Run: p.openFilter},
		{Key: &k.Open, Short: true, Run: p.open(common.ScreenDetail)},
		{Key: &k.Sort, Short: true, Run: p.nextSort},
		{Key: &k.ToggleDeleted, Short: true, Run: p.toggleDeleted},
		{Key: &k.Rotation, Short: true, Run: p.open(common.ScreenRotation)},
		{Key: &k.Audit, Short: true, Run: p.open(common.ScreenAudit)},
		{Key: &k.AccountAudit, Short: true, Run: func() tea.Cmd { return common.Open(common.ScreenAudit, nil) }},
		{Key: &k.Hygiene, Run: func() tea.Cmd { return common.Open(common.ScreenHygiene, nil) }},
		{Key: &k.Mark, Run: p.toggleMark},
		{Key: &k.Diff, Run: p.diffMarked},
		create,
	}
	actions = append(actions, common.Action{Key: &k.Targets, Run: p.openTargets})
	actions = append(actions, lifecycle.Actions(p.c, p.selected)...)
	actions = append(actions, common.Action{Key: &k.Reload, Run: p.reload}, common.Action{Key: &k.Retry, Run: p.retry},
		common.Action{Key: &k.Back, Run: p.clearFilter})
	return append(actions, common.MoveActions(k)...)
}

// open is the action that opens screen about the selected secret, if there
// is one.
func (p *Page) open(screen common.Screen) func() tea.Cmd {
	return func() tea.Cmd {
		s, ok := p.selected()
		if !ok {
			return nil
		}
		return common.Open(screen, &s)
	}
}

// nextSort sorts by the next key, from the first row.
func (p *Page) nextSort() tea.Cmd {
	next := (p.idx.sort + 1) % sortModes
	if next == sortPlace && p.idx.places == nil {
		next = (next + 1) % sortModes
	}
	p.idx.setSort(next, p.c.Now())
	p.table.Reset()
	p.table.SetRows(p.idx.len())
	p.offSeparator(-1)
	return status("sorted by " + p.idx.sort.String())
}

// toggleDeleted shows or hides the secrets pending deletion.
func (p *Page) toggleDeleted() tea.Cmd {
	p.keepSelected(func() { p.idx.setShowDeleted(!p.idx.showDeleted, p.c.Now()) })
	if p.idx.showDeleted {
		return status("showing secrets pending deletion")
	}
	return status("hiding secrets pending deletion")
}

// openFilter starts typing a filter.
func (p *Page) openFilter() tea.Cmd {
	cmd := p.input.Open()
	p.fit()
	return cmd
}

// clearFilter drops the filter, if there is one, staying on the secret
// selected.
func (p *Page) clearFilter() tea.Cmd {
	if p.input.Value() == "" {
		return nil
	}
	p.input.SetValue("")
	p.keepSelected(func() { p.idx.filter(parseQuery(""), p.c.Now()) })
	p.fit()
	return nil
}

// filterKey handles a key while the filter input has focus: the list
// follows every change; enter keeps the filter, esc clears it, and the
// keys that leave it move the cursor.
func (p *Page) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	result, changed, cmd := p.input.Update(msg)
	if result == filterinput.Left {
		from := p.table.Cursor()
		p.table.Key(p.c.Keys, msg)
		p.offSeparator(from)
	}
	if changed {
		cmd = tea.Batch(cmd, p.applyFilter())
	}
	p.fit()
	return cmd
}

// applyFilter shows what the filter text selects, from the first row, and
// while the list loads asks AWS for it too.
func (p *Page) applyFilter() tea.Cmd {
	p.idx.filter(parseQuery(p.input.Value()), p.c.Now())
	p.table.Reset()
	p.table.SetRows(p.idx.len())
	p.offSeparator(-1)
	p.fit()
	return p.search()
}

// openTargets opens the fleet's targets, or says how to list a fleet.
func (p *Page) openTargets() tea.Cmd {
	if p.fleet == nil {
		return status("one account and region: start keyhole with --fleet to list many and see their targets")
	}
	return common.Open(common.ScreenTargets, nil)
}
