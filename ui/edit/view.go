package edit

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// View draws the fields, with the conflict at the bottom.
func (p *Page) View() string {
	lines, focus := p.lines()
	var tail []string
	if p.phase == phaseConflict {
		tail = strings.Split(p.conflictView(), "\n")
	}
	return forms.Page(p.c, lines, focus, tail, p.width, p.height)
}

func (p *Page) lines() ([]string, int) {
	st, k := p.c.Styles, p.c.Keys
	mode := "Edit value"
	if p.external {
		mode = "Edit value in $EDITOR"
	}
	lines := []string{st.Title.Render(mode + " · " + model.Sanitize(p.secret.Name))}
	switch p.phase {
	case phaseLoading:
		return append(lines, st.Muted.Render("loading the current value (GetSecretValue, recorded in CloudTrail)…")), -1
	case phaseLoadFailed:
		return append(lines, st.Error.Render(model.Sanitize(p.loadErr.Error())), st.Muted.Render(keyName(k.Back)+" goes back")), -1
	}
	lines = append(lines, st.Muted.Render("base version "+model.Sanitize(p.base.VersionID)+" (AWSCURRENT when loaded) · "+p.describe()), "")
	focus := -1
	switch {
	case p.external || p.edited != nil:
		lines = append(lines, p.externalLines()...)
	case p.shape == model.ShapeBinary:
		lines = append(lines, st.Warning.Render("a binary value cannot be edited in place: "+keyName(k.EditExternal)+" edits it as base64 in $EDITOR"))
	default:
		width := p.labelWidth()
		for i, r := range p.rows {
			if i == p.cursor {
				focus = len(lines)
			}
			lines = append(lines, p.rowLine(i, r, width))
		}
	}
	if p.adding != nil {
		hints := forms.Hints(forms.Hint{Key: k.Open, Does: "adds"}, forms.Hint{Key: k.Back, Does: "cancels"})
		lines = append(lines, "", st.Label.Render("new key  ")+p.adding.View()+st.Muted.Render("  "+hints))
		focus = len(lines) - 1
	}
	lines = append(lines, "")
	switch {
	case p.err != "":
		lines = append(lines, st.Error.Render(model.Sanitize(p.err)))
	case p.c.Tasks.Awaits(saveTask):
		lines = append(lines, st.Muted.Render("checking AWSCURRENT and saving…"))
	case p.phase == phaseRebasing:
		lines = append(lines, st.Muted.Render("loading the new current version…"))
	}
	return lines, focus
}

// describe says what form the value has.
func (p *Page) describe() string {
	switch {
	case p.base.Value.IsBinary():
		return "binary, " + render.Size(p.base.Value.Len())
	case p.shape == model.ShapeJSON:
		return fmt.Sprintf("JSON object, %d fields", len(p.rows))
	}
	return "text"
}

func (p *Page) externalLines() []string {
	st, k := p.c.Styles, p.c.Keys
	switch {
	case p.phase == phaseEditor:
		return []string{st.Muted.Render("editing in $EDITOR…")}
	case p.conflicted():
		return []string{
			st.Warning.Render("you and the other writer both changed " + p.conflictNames()),
			st.Muted.Render("nothing saved · " + keyName(k.EditExternal) + " opens your text, with the other writer's changes to other fields merged in · " +
				keyName(k.Back) + " discards it"),
		}
	case p.edited != nil:
		return []string{st.OK.Render("your edited value is kept (not shown)"), st.Muted.Render(forms.Hints(
			forms.Hint{Key: k.Save, Does: "saves it"}, forms.Hint{Key: k.EditExternal, Does: "opens the editor again"}, forms.Hint{Key: k.Back, Does: "discards it"}))}
	}
	return []string{st.Muted.Render(keyName(k.EditExternal) + " or " + forms.Hints(forms.Hint{Key: k.Open, Does: "opens the editor again"}, forms.Hint{Key: k.Back, Does: "leaves"}))}
}

func (p *Page) labelWidth() int {
	w := 4
	for _, r := range p.rows {
		w = max(w, ansi.StringWidth(r.label()))
	}
	return min(w, max(p.width/3, 8))
}

// rowLine draws one field: masked with the fixed-width mask, also while
// typed into, or revealed on request.
func (p *Page) rowLine(i int, r row, width int) string {
	st := p.c.Styles
	cursor := forms.Pointer(p.c, i == p.cursor)
	label := st.Label.Render(render.Fit(r.label(), width, p.c.Ellipsis()))
	var value string
	switch {
	case i == p.cursor && p.typing:
		value = forms.MaskedView(p.c, r.input)
	case p.reveal.Shown(i):
		value = st.Revealed.Render(model.Sanitize(r.text()))
	case r.text() == "" && (r.added || r.changed()):
		value = st.Muted.Render("(empty)")
	default:
		value = st.Mask.Render(p.c.Mask())
	}
	var note string
	switch {
	case r.deleted:
		note = st.Error.Render("deleted · " + keyName(p.c.Keys.DeleteKey) + " keeps it")
		value = st.Deleted.Render(p.c.Mask())
	case r.added:
		note = st.OK.Render("new")
	case r.changed():
		note = st.Warning.Render("changed")
	case r.locked != "" && i == p.cursor:
		note = st.Muted.Render(r.locked)
	}
	return cursor + label + "  " + value + "  " + note
}

func (p *Page) conflictView() string {
	st := p.c.Styles
	text := st.Warning.Render("AWSCURRENT moved from "+model.Sanitize(p.base.VersionID)+" to "+model.Sanitize(p.movedTo)+
		" since you started editing; your edit is kept") + "\n" +
		st.Muted.Render("nothing was written · "+forms.Hints(forms.Hint{Key: p.c.Keys.Rebase, Does: "rebases onto the new version, keeping your changes"},
			forms.Hint{Key: p.c.Keys.Back, Does: "goes back to editing"}))
	if p.unsure != "" && p.movedTo == p.unsure {
		text += "\n" + st.Muted.Render("version "+model.Sanitize(p.movedTo)+" is your earlier save, whose answer was lost: it was saved")
	}
	return st.Dialog.Width(max(p.width, 20)).Render(text)
}

// keyName is how the keymap names b's keys, for the texts that say what
// to press.
func keyName(b key.Binding) string { return b.Help().Key }
