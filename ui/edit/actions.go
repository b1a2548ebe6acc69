package edit

import (
	"errors"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
)

// Actions lists the keys for where the edit stands. Every key restarts
// the idle timer of a revealed field.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	var actions []common.Action
	switch {
	case p.c.Tasks.Awaits(saveTask) || p.phase == phaseRebasing || p.phase == phaseEditor:
		return nil
	case p.phase == phaseLoading:
		actions = p.loadingActions()
	case p.phase == phaseLoadFailed:
		actions = []common.Action{{Key: &k.Back, Short: true, Run: goBack}}
	case p.phase == phaseConflict:
		actions = []common.Action{{Key: &k.Rebase, Short: true, Run: p.startRebase}, {Key: &k.Back, Short: true, Run: p.cancelSave}}
	case p.adding != nil:
		actions = []common.Action{{Key: &k.Open, Short: true, Run: p.addKey}, {Key: &k.Back, Short: true, Run: p.cancelAdding}}
	case p.typing:
		actions = p.typingActions()
	default:
		actions = p.editingActions()
	}
	return common.Then(actions, p.reveal.Touch)
}

// loadingActions are the keys of the edit to come, which wait for the
// value, and back, which leaves.
func (p *Page) loadingActions() []common.Action {
	k := p.c.Keys
	actions := append(p.editingActions(), common.Action{Key: &k.Rebase})
	for i := range actions {
		actions[i].Run = nil
		if actions[i].Key == &k.Back {
			actions[i].Run = goBack
		}
	}
	return actions
}

// editingActions are the keys of the fields, or of the value edited in
// $EDITOR.
func (p *Page) editingActions() []common.Action {
	k := p.c.Keys
	save := common.Action{Key: &k.Save, Short: true, Run: p.clearing(p.askSave)}
	leave := common.Action{Key: &k.Back, Short: true, Run: func() tea.Cmd { return forms.Leave(p.c, p.dirty()) }}
	external := common.Action{Key: &k.EditExternal, Run: p.clearing(p.reopenEditor)}
	if p.external || p.shape == model.ShapeBinary {
		external.Short = true
		return []common.Action{save, external, {Key: &k.Open, Run: p.clearing(p.reopenEditor)}, leave}
	}
	page, all := max(p.height-4, 1), len(p.rows)
	return []common.Action{
		{Key: &k.Open, Short: true, Run: p.clearing(p.startTyping)},
		{Key: &k.Reveal, Short: true, Run: p.clearing(func() tea.Cmd { return p.setReveal(!p.reveal.Shown(p.cursor)) })},
		{Key: &k.AddKey, Short: true, Run: p.clearing(p.startAdding)},
		{Key: &k.DeleteKey, Short: true, Run: p.clearing(p.toggleDelete)},
		{Key: &k.Generate, Short: true, Run: p.clearing(p.openGenerator)},
		save, leave, external,
		{Key: &k.NextField, Run: p.mover(1)},
		{Key: &k.Up, Run: p.mover(-1)}, {Key: &k.Down, Run: p.mover(1)},
		{Key: &k.PageUp, Run: p.mover(-page)}, {Key: &k.PageDown, Run: p.mover(page)},
		{Key: &k.Top, Run: p.mover(-all)}, {Key: &k.Bottom, Run: p.mover(all)},
	}
}

// typingActions end typing, move to the next field to type into, save or
// generate; every other key is typed.
func (p *Page) typingActions() []common.Action {
	k := p.c.Keys
	return []common.Action{
		{Key: &k.Open, Short: true, Run: p.stopTyping},
		{Key: &k.Back, Run: p.stopTyping},
		{Key: &k.NextField, Short: true, Run: func() tea.Cmd { return p.typeNext(1) }},
		{Key: &k.PrevField, Run: func() tea.Cmd { return p.typeNext(-1) }},
		{Key: &k.Save, Short: true, Run: func() tea.Cmd { p.stopTyping(); return p.askSave() }},
		{Key: &k.Generate, Short: true, Run: p.openGenerator},
	}
}

// clearing clears the last error before run, as a new key asks for.
func (p *Page) clearing(run func() tea.Cmd) func() tea.Cmd {
	return func() tea.Cmd {
		p.err = ""
		return run()
	}
}

func goBack() tea.Cmd { return common.Send(common.BackMsg{}) }

// mover moves the cursor by d rows.
func (p *Page) mover(d int) func() tea.Cmd {
	return func() tea.Cmd {
		p.err = ""
		p.moveCursor(d)
		return nil
	}
}

func (p *Page) moveCursor(d int) {
	if len(p.rows) == 0 {
		return
	}
	p.setReveal(false)
	p.cursor = max(min(p.cursor+d, len(p.rows)-1), 0)
}

// startTyping focuses the input of the row under the cursor.
func (p *Page) startTyping() tea.Cmd {
	if len(p.rows) == 0 {
		return nil
	}
	r := &p.rows[p.cursor]
	switch {
	case r.deleted:
		p.err = "this key is marked for deletion: " + keyName(p.c.Keys.DeleteKey) + " keeps it"
		return nil
	case r.locked != "":
		p.err = r.label() + " " + r.locked
		return nil
	}
	p.typing = true
	r.input.CursorEnd()
	return r.input.Focus()
}

func (p *Page) stopTyping() tea.Cmd {
	p.typing = false
	if p.cursor < len(p.rows) {
		p.rows[p.cursor].input.Blur()
	}
	return nil
}

// typeNext moves from the field typed into by d rows, and types into that
// one when it can be typed into.
func (p *Page) typeNext(d int) tea.Cmd {
	p.stopTyping()
	p.moveCursor(d)
	if r := p.rows[p.cursor]; r.locked == "" && !r.deleted {
		return p.startTyping()
	}
	return nil
}

// toggleDelete marks the key under the cursor for deletion, or keeps it
// again; a key added in this edit goes at once.
func (p *Page) toggleDelete() tea.Cmd {
	if p.shape != model.ShapeJSON || len(p.rows) == 0 {
		p.err = "only the keys of a JSON object can be deleted"
		return nil
	}
	r := &p.rows[p.cursor]
	switch {
	case r.path[len(r.path)-1].IsIndex:
		p.err = "array items cannot be deleted here: " + keyName(p.c.Keys.EditExternal) + " edits the whole value"
	case r.added:
		p.rows = append(p.rows[:p.cursor], p.rows[p.cursor+1:]...)
		p.cursor = max(min(p.cursor, len(p.rows)-1), 0)
	default:
		r.deleted = !r.deleted
	}
	return nil
}

// startAdding asks for the name of a new top-level key.
func (p *Page) startAdding() tea.Cmd {
	if p.shape != model.ShapeJSON {
		p.err = "only a JSON object has keys to add"
		return nil
	}
	in := forms.NewTextInput("new key", 1024)
	p.adding = &in
	return p.adding.Focus()
}

func (p *Page) cancelAdding() tea.Cmd {
	p.adding = nil
	return nil
}

// addKey adds the key named in the input, and types into its value.
func (p *Page) addKey() tea.Cmd {
	name := p.adding.Value()
	if err := p.checkNewKey(name); err != nil {
		p.err = model.Sanitize(err.Error())
		return nil
	}
	p.adding = nil
	r := newRow(p.c, model.KeyPath(name), model.LeafString, model.Value{})
	r.added = true
	r.input.SetWidth(p.inputWidth())
	p.rows = append(p.rows, r)
	p.setReveal(false)
	p.cursor = len(p.rows) - 1
	return p.startTyping()
}

// checkNewKey refuses an empty name or one a top-level key has.
func (p *Page) checkNewKey(name string) error {
	if name == "" {
		return errors.New("type the new key's name")
	}
	for _, r := range p.rows {
		if len(r.path) > 0 && r.path[0].Key == name && !r.path[0].IsIndex && !(r.deleted && len(r.path) == 1) {
			return errors.New("the key " + model.Sanitize(name) + " exists already")
		}
	}
	return nil
}

// openGenerator opens the password generator for the row under the cursor.
func (p *Page) openGenerator() tea.Cmd {
	if len(p.rows) == 0 || p.external || p.rows[p.cursor].locked != "" || p.rows[p.cursor].deleted {
		p.err = "move to a field that can be edited: " + keyName(p.c.Keys.Generate) + " fills it with a generated password"
		return nil
	}
	return forms.OpenGenerator(p.c, p.b, p.cursor)
}

// startRebase loads the version AWSCURRENT moved to, to rebase onto it.
func (p *Page) startRebase() tea.Cmd {
	p.phase = phaseRebasing
	return p.load(rebaseTask)
}

// cancelSave goes back to editing after a save found AWSCURRENT moved.
func (p *Page) cancelSave() tea.Cmd {
	p.phase, p.movedTo = phaseEditing, ""
	return common.Send(common.StatusMsg{Text: "save canceled: nothing written; your edit is kept"})
}
