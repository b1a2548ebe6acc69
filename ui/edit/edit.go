// Package edit edits a secret's value, in place (JSON fields or one text
// field, masked) or in $EDITOR. Every save asks first, checks that
// AWSCURRENT did not move since the value was loaded, and sends its own
// ClientRequestToken, so a retried save stores one version.
package edit

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// phase is where an edit stands.
type phase int

const (
	phaseLoading phase = iota
	phaseLoadFailed
	phaseEditing
	phaseEditor
	phaseConflict
	phaseRebasing
)

// Page edits one secret's value.
type Page struct {
	c             common.Common
	b             backend
	width, height int

	secret   model.Secret
	external bool
	phase    phase
	loadErr  error
	err      string

	// base is the version the edit started from: saving checks that
	// AWSCURRENT still points at it. build is the value the changes apply to.
	base  model.SecretVersion
	build model.Value
	shape model.Shape

	rows   []row
	cursor int
	typing bool
	// reveal holds the row shown in clear, the one under the cursor at most.
	reveal widget.Reveal[int]
	adding *textinput.Model

	movedTo string
	// unsure is the token of a save whose answer was lost and whose
	// outcome could not be checked.
	unsure string

	edited     *model.Value
	editedText []byte
	// conflicts lists the fields a merge found changed by both writers;
	// wholeConflict says the value could not be merged field by field.
	conflicts     []model.JSONPath
	wholeConflict bool
}

// New makes the edit screen of a secret: in place, or in $EDITOR when
// external is set.
func New(c common.Common, s model.Secret, external bool) *Page {
	return &Page{c: c, b: c.Backend, secret: s, external: external, reveal: widget.NewReveal[int](c.RevealTimeout)}
}

// Init loads the current value, which the user asked for by editing.
func (p *Page) Init() tea.Cmd { return p.load(loadTask) }

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	for i := range p.rows {
		p.rows[i].input.SetWidth(p.inputWidth())
	}
}

func (p *Page) inputWidth() int { return max(p.width-p.labelWidth()-20, 10) }

// Capturing reports whether the page takes every key: while typing,
// answering, or holding changes that q must not throw away.
func (p *Page) Capturing() bool {
	return p.typing || p.adding != nil || p.dirty() || p.phase == phaseConflict || p.edited != nil
}

// Update handles a message for the edit screen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	if p.reveal.Update(msg) {
		p.showRevealed()
		return p, nil
	}
	switch msg := msg.(type) {
	case loadedMsg:
		return p, p.loaded(msg)
	case savedMsg:
		return p, p.saved(msg)
	case editorDoneMsg:
		if p.phase == phaseEditor {
			return p, p.editorDone(msg)
		}
	case forms.GeneratedMsg:
		return p, p.generated(msg)
	case tea.KeyPressMsg:
		if cmd, ok := forms.Dispatch(p.Actions(), msg); ok {
			return p, cmd
		}
		return p, tea.Batch(p.typeInto(msg), p.reveal.Touch())
	default:
		return p, p.typeInto(msg)
	}
	return p, nil
}

// typeInto hands keys and other messages (cursor blinks, pastes) to the
// input being typed into, if any.
func (p *Page) typeInto(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case p.adding != nil:
		if _, ok := msg.(tea.KeyPressMsg); ok {
			p.err = ""
		}
		*p.adding, cmd = p.adding.Update(msg)
	case p.typing:
		p.rows[p.cursor].input, cmd = p.rows[p.cursor].input.Update(msg)
	}
	return cmd
}

func (p *Page) loaded(msg loadedMsg) tea.Cmd {
	if msg.rebase {
		if msg.err != nil {
			p.phase, p.err = phaseConflict, model.Sanitize(msg.err.Error())
			return nil
		}
		return p.rebase(msg.version)
	}
	if msg.err != nil {
		p.phase, p.loadErr = phaseLoadFailed, msg.err
		return nil
	}
	p.base, p.build = msg.version, msg.version.Value
	if p.external {
		return p.startEditor(editorText(p.build))
	}
	p.rows, p.shape = rowsOf(p.c, p.build)
	p.SetSize(p.width, p.height)
	p.phase = phaseEditing
	return nil
}

// rebase moves the edit onto the version AWSCURRENT now points at and
// keeps the user's changes.
func (p *Page) rebase(v model.SecretVersion) tea.Cmd {
	old := p.base
	p.base, p.phase, p.movedTo, p.err = v, phaseEditing, "", ""
	text := "rebased onto version " + model.Sanitize(v.VersionID) + " (was " + model.Sanitize(old.VersionID) + "): "
	_, newShape := rowsOf(p.c, v.Value)
	switch {
	case p.edited != nil:
		text += p.mergeEdited(old.Value, v.Value)
	case p.external:
		text += keyName(p.c.Keys.EditExternal) + " opens the editor on it"
	case newShape != p.shape:
		text += "the current value has another form now; saving replaces it with yours"
	case p.shape == model.ShapeJSON:
		rows, overlaps := rebaseRows(p.c, v.Value, p.rows)
		n := len(changes(p.rows))
		p.rows, p.build = rows, v.Value
		p.cursor = min(p.cursor, max(len(p.rows)-1, 0))
		p.SetSize(p.width, p.height)
		text += fmt.Sprintf("your %d changes are kept", n)
		if overlaps > 0 {
			text += fmt.Sprintf(", %d of them over fields the other writer changed too", overlaps)
		}
	default:
		p.rows[0].orig, p.build = v.Value, v.Value
		text += "your text is kept"
	}
	return common.Send(common.StatusMsg{Text: text})
}

// mergeEdited merges the value edited in $EDITOR, made from base, with
// theirs, leaf by leaf, and says what came of it. Where both changed a
// field, the merge keeps the user's value but nothing can be saved until
// the user has seen the merged text in the editor again.
func (p *Page) mergeEdited(base, theirs model.Value) string {
	m := model.MergeEdits(base, theirs, *p.edited)
	if !m.Conflicted() {
		p.edited, p.editedText = &m.Value, nil
		return "your changes are merged in"
	}
	p.edited, p.editedText = nil, editorText(m.Value)
	p.conflicts, p.wholeConflict = m.Conflicts, m.WholeConflict
	return "you both changed " + p.conflictNames() + ": " + keyName(p.c.Keys.EditExternal) + " settles it"
}

// conflicted reports whether a merge left fields both writers changed,
// which the user has not looked at again yet.
func (p *Page) conflicted() bool { return p.wholeConflict || len(p.conflicts) > 0 }

// conflictNames names what both writers changed: field paths only, never
// values, at most five of them.
func (p *Page) conflictNames() string {
	const most = 5
	var names []string
	for i, c := range p.conflicts {
		if i == most {
			names = append(names, fmt.Sprintf("%d more", len(p.conflicts)-most))
			break
		}
		names = append(names, model.Sanitize(c.String()))
	}
	switch {
	case len(names) == 0:
		return "the value"
	case p.wholeConflict:
		return "the value (" + strings.Join(names, ", ") + ")"
	}
	return strings.Join(names, ", ")
}

// dirty reports whether the edit holds changes not saved.
func (p *Page) dirty() bool {
	if p.edited != nil || p.conflicted() {
		return true
	}
	for _, r := range p.rows {
		if r.changed() {
			return true
		}
	}
	return false
}

// newValue builds the value to save and reports whether it differs from
// the base version.
func (p *Page) newValue() (model.Value, bool, error) {
	switch {
	case p.edited != nil:
		return *p.edited, !p.edited.Equal(p.base.Value), nil
	case len(p.rows) == 0:
		return p.build, false, nil
	}
	switch p.shape {
	case model.ShapeJSON:
		ch := changes(p.rows)
		v, err := model.ApplyJSONChanges(p.build, ch)
		if err != nil {
			return model.Value{}, false, fmt.Errorf("build the new value: %w", err)
		}
		return v, len(ch) > 0 || !p.build.Equal(p.base.Value), nil
	case model.ShapeText:
		v := model.StringValue(p.rows[0].text())
		return v, !v.Equal(p.base.Value), nil
	}
	return model.Value{}, false, nil
}

// generated puts a password into the row that asked for it, unseen.
func (p *Page) generated(msg forms.GeneratedMsg) tea.Cmd {
	if msg.Err != nil {
		p.err = model.Sanitize(msg.Err.Error())
		return nil
	}
	if msg.Target < 0 || msg.Target >= len(p.rows) || p.rows[msg.Target].locked != "" {
		return nil
	}
	p.rows[msg.Target].input.SetValue(string(msg.Value.Reveal()))
	return common.Send(common.StatusMsg{Text: fmt.Sprintf("generated a %d-character password into %s (not shown)", msg.Value.Len(), p.rows[msg.Target].label())})
}

// setReveal shows or masks the row under the cursor; every other row is
// masked.
func (p *Page) setReveal(on bool) tea.Cmd {
	p.reveal.MaskAll()
	if on && p.cursor < len(p.rows) {
		p.reveal.Set(p.cursor, true)
	}
	p.showRevealed()
	return p.reveal.Touch()
}

// showRevealed draws the revealed row's input in clear, every other masked.
func (p *Page) showRevealed() {
	for i := range p.rows {
		p.rows[i].input.EchoMode = textinput.EchoPassword
		if p.reveal.Shown(i) {
			p.rows[i].input.EchoMode = textinput.EchoNormal
		}
	}
}
