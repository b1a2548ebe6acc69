package edit

import (
	"errors"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
)

func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case p.generator != nil:
		return p.generatorKey(msg)
	case p.phase == phaseLoadFailed:
		if key.Matches(msg, k.Back) {
			return common.Send(common.BackMsg{})
		}
		return nil
	case p.phase == phaseConflict:
		return p.conflictKey(msg)
	case p.phase != phaseEditing:
		return nil
	case p.adding != nil:
		return p.addingKey(msg)
	case p.typing:
		return p.typingKey(msg)
	}
	p.err = ""
	switch {
	case key.Matches(msg, k.Back):
		if !p.dirty() {
			return common.Send(common.BackMsg{})
		}
		return confirm.Ask(p.c, "Leave without saving? Your changes are discarded.", common.Send(common.BackMsg{}))
	case key.Matches(msg, k.Save):
		return p.askSave()
	case key.Matches(msg, k.EditExternal):
		return p.reopenEditor()
	case p.external || p.shape == model.ShapeBinary:
		if msg.String() == "enter" {
			return p.reopenEditor()
		}
	case key.Matches(msg, k.Up):
		p.moveCursor(-1)
	case key.Matches(msg, k.Down), msg.String() == "tab":
		p.moveCursor(1)
	case key.Matches(msg, k.Open):
		return p.startTyping()
	case key.Matches(msg, k.Reveal):
		p.setReveal(!p.revealed)
	case key.Matches(msg, k.Generate):
		return p.openGenerator()
	case key.Matches(msg, k.AddKey):
		return p.startAdding()
	case key.Matches(msg, k.DeleteKey):
		p.toggleDelete()
	}
	return nil
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
		p.err = "this key is marked for deletion: d keeps it"
		return nil
	case r.locked != "":
		p.err = r.label() + " " + r.locked
		return nil
	}
	p.typing = true
	r.input.CursorEnd()
	return r.input.Focus()
}

func (p *Page) stopTyping() {
	p.typing = false
	if p.cursor < len(p.rows) {
		p.rows[p.cursor].input.Blur()
	}
}

func (p *Page) typingKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case msg.String() == "esc" || msg.String() == "enter":
		p.stopTyping()
		return nil
	case msg.String() == "tab" || msg.String() == "shift+tab":
		p.stopTyping()
		d := 1
		if msg.String() == "shift+tab" {
			d = -1
		}
		p.moveCursor(d)
		if p.rows[p.cursor].locked == "" && !p.rows[p.cursor].deleted {
			return p.startTyping()
		}
		return nil
	case key.Matches(msg, k.Save):
		p.stopTyping()
		return p.askSave()
	case key.Matches(msg, k.Generate):
		return p.openGenerator()
	}
	var cmd tea.Cmd
	p.rows[p.cursor].input, cmd = p.rows[p.cursor].input.Update(msg)
	return cmd
}

// toggleDelete marks the key under the cursor for deletion, or keeps it
// again; a key added in this edit goes at once.
func (p *Page) toggleDelete() {
	if p.shape != model.ShapeJSON || len(p.rows) == 0 {
		p.err = "only the keys of a JSON object can be deleted"
		return
	}
	r := &p.rows[p.cursor]
	switch {
	case r.path[len(r.path)-1].IsIndex:
		p.err = "array items cannot be deleted here: E edits the whole value"
	case r.added:
		p.rows = append(p.rows[:p.cursor], p.rows[p.cursor+1:]...)
		p.cursor = max(min(p.cursor, len(p.rows)-1), 0)
	default:
		r.deleted = !r.deleted
	}
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

func (p *Page) addingKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		p.adding = nil
		return nil
	case "enter":
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
	p.err = ""
	var cmd tea.Cmd
	*p.adding, cmd = p.adding.Update(msg)
	return cmd
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
		p.err = "move to a field that can be edited: ctrl+g fills it with a generated password"
		return nil
	}
	p.genTarget = p.cursor
	g, cmd := forms.NewGenerator()
	p.generator = &g
	return cmd
}

func (p *Page) generatorKey(msg tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	p.generator, cmd, _ = forms.StepGenerator(p.c.Ctx, p.c.Backend, p.generator, msg, p.genTarget)
	return cmd
}

func (p *Page) conflictKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.c.Keys.Rebase):
		p.phase = phaseRebasing
		return loadCmd(p.c.Ctx, p.c.Backend, p.secret.ARN, true)
	case slices.Contains([]string{"esc", "n", "c"}, msg.String()):
		p.phase, p.movedTo = phaseEditing, ""
		return common.Send(common.StatusMsg{Text: "save canceled: nothing written; your edit is kept"})
	}
	return nil
}
