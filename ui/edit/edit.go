// Package edit edits a secret's value, in place (JSON fields or one text
// field, masked) or in $EDITOR. Every save asks first, checks that
// AWSCURRENT did not move since the value was loaded, and sends its own
// ClientRequestToken, so a retried save stores one version.
package edit

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
)

// phase is where an edit stands.
type phase int

const (
	phaseLoading phase = iota
	phaseLoadFailed
	phaseEditing
	phaseEditor
	phaseSaving
	phaseConflict
	phaseRebasing
)

// idleMsg fires RevealTimeout after the last key, for idle generation gen.
type idleMsg struct{ gen int }

// Page edits one secret's value.
type Page struct {
	c             common.Common
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

	rows     []row
	cursor   int
	typing   bool
	revealed bool
	adding   *textinput.Model

	generator *forms.Generator
	genTarget int
	token     string
	movedTo   string
	// unsure is the token of a save whose answer was lost and whose
	// outcome could not be checked.
	unsure string

	editorGen  int
	edited     *model.Value
	editedText []byte
	// conflicts lists the fields a merge found changed by both writers;
	// wholeConflict says the value could not be merged field by field.
	conflicts     []model.JSONPath
	wholeConflict bool

	idleGen int
}

// New makes the edit screen of a secret: in place, or in $EDITOR when
// external is set.
func New(c common.Common, s model.Secret, external bool) *Page {
	return &Page{c: c, secret: s, external: external}
}

// Init loads the current value, which the user asked for by editing, or
// refuses without --rw.
func (p *Page) Init() tea.Cmd {
	if !p.c.ReadWrite {
		return tea.Batch(common.ReadOnlyMsg("editing a value"), common.Send(common.BackMsg{}))
	}
	return loadCmd(p.c.Ctx, p.c.Backend, p.secret.ARN, false)
}

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
	return p.typing || p.adding != nil || p.generator != nil || p.dirty() ||
		p.phase == phaseConflict || p.edited != nil
}

// Update handles a message for the edit screen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	if !p.c.ReadWrite {
		return p, nil
	}
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.arn == p.secret.ARN {
			return p, p.loaded(msg)
		}
	case saveConfirmedMsg:
		if msg.token == p.token && p.phase == phaseEditing {
			p.phase, p.err = phaseSaving, ""
		}
	case savedMsg:
		if msg.token == p.token && p.phase == phaseSaving {
			return p, p.saved(msg)
		}
	case editorDoneMsg:
		if msg.gen == p.editorGen && p.phase == phaseEditor {
			return p, p.editorDone(msg)
		}
	case forms.GeneratedMsg:
		return p, p.generated(msg)
	case common.RemaskMsg:
		p.setReveal(false)
	case idleMsg:
		if msg.gen == p.idleGen {
			p.setReveal(false)
		}
	case tea.KeyPressMsg:
		cmd := p.key(msg)
		return p, tea.Batch(cmd, p.touch())
	default:
		return p, p.updateInput(msg)
	}
	return p, nil
}

// updateInput hands other messages (cursor blinks, pastes) to the input
// being typed into.
func (p *Page) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case p.adding != nil:
		*p.adding, cmd = p.adding.Update(msg)
	case p.typing:
		p.rows[p.cursor].input, cmd = p.rows[p.cursor].input.Update(msg)
	}
	return cmd
}

func (p *Page) loaded(msg loadedMsg) tea.Cmd {
	if msg.rebase {
		if p.phase != phaseRebasing {
			return nil
		}
		if msg.err != nil {
			p.phase, p.err = phaseConflict, model.Sanitize(msg.err.Error())
			return nil
		}
		return p.rebase(msg.version)
	}
	if p.phase != phaseLoading {
		return nil
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
		text += "E opens the editor on it"
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
	return "you both changed " + p.conflictNames() + ": E settles it"
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

// askSave asks before saving; the attempt gets a new token.
func (p *Page) askSave() tea.Cmd {
	switch {
	case p.conflicted():
		p.err = "you and the other writer both changed " + p.conflictNames() + ": E opens your text to settle them before saving"
		return nil
	case p.edited == nil && len(p.rows) == 0:
		p.err = "nothing to save yet: E opens the editor"
		return nil
	}
	v, changed, err := p.newValue()
	switch {
	case err != nil:
		p.err = model.Sanitize(err.Error())
		return nil
	case !changed:
		p.edited, p.editedText = nil, nil
		if p.external {
			return tea.Batch(common.Send(common.StatusMsg{Text: "no changes: nothing written"}), common.Send(common.BackMsg{}))
		}
		return common.Send(common.StatusMsg{Text: "no changes: nothing to save"})
	}
	p.token = model.NewRequestToken()
	prompt := fmt.Sprintf("Save a new version of %s?\nIt becomes AWSCURRENT; %s becomes AWSPREVIOUS.",
		model.Sanitize(p.secret.Name), model.Sanitize(p.base.VersionID))
	if p.base.Value.Parse().Shape == model.ShapeJSON && v.Parse().Shape != model.ShapeJSON {
		prompt += "\nNote: the new value is not a JSON object any more."
	}
	save := saveCmd(p.c.Ctx, p.c.Backend, p.secret.ARN, p.base.VersionID, v, p.token)
	return confirm.Ask(p.c, prompt, tea.Sequence(common.Send(saveConfirmedMsg{token: p.token}), save))
}

// saveConfirmedMsg says the save with token was confirmed and starts.
type saveConfirmedMsg struct{ token string }

func (p *Page) saved(msg savedMsg) tea.Cmd {
	p.phase = phaseEditing
	switch {
	case msg.unknown:
		p.unsure = msg.token
		p.err = "not known whether it was saved: the answer was lost and the check failed; if h on the secret lists version " +
			model.Sanitize(msg.token) + ", it was (" + model.Sanitize(msg.err.Error()) + ")"
		return nil
	case msg.err != nil:
		p.err = "nothing saved: " + model.Sanitize(msg.err.Error())
		return nil
	case msg.movedTo != "":
		p.phase, p.movedTo = phaseConflict, msg.movedTo
		return nil
	}
	id := model.Sanitize(msg.versionID)
	text := "saved as version " + id
	switch {
	case msg.lost && msg.current == msg.versionID:
		text = "saved (the answer was lost; version " + id + " is AWSCURRENT)"
	case msg.lost:
		text = "saved (the answer was lost; version " + id + " was written, but AWSCURRENT is now " + model.Sanitize(msg.current) + ")"
	}
	p.base = model.SecretVersion{ARN: p.base.ARN, Name: p.base.Name, VersionID: msg.versionID, Value: msg.value}
	p.build, p.edited, p.editedText, p.unsure = msg.value, nil, nil, ""
	p.rows, p.shape = rowsOf(p.c, msg.value)
	p.cursor = min(p.cursor, max(len(p.rows)-1, 0))
	p.SetSize(p.width, p.height)
	return tea.Batch(
		common.Send(common.ChangedMsg{ARN: p.secret.ARN}),
		common.Send(common.StatusMsg{Text: text}),
		common.Send(common.BackMsg{}),
	)
}

// startEditor hands the terminal to $EDITOR on text.
func (p *Page) startEditor(text []byte) tea.Cmd {
	p.editorGen++
	p.phase, p.err = phaseEditor, ""
	return editorCmd(p.editorGen, editorFileName(p.base.Value), text)
}

func (p *Page) editorDone(msg editorDoneMsg) tea.Cmd {
	p.phase = phaseEditing
	if msg.terminated {
		return tea.Quit
	}
	if msg.err != nil {
		p.err = "nothing saved: " + model.Sanitize(msg.err.Error())
		return nil
	}
	v, err := editedValue(p.base.Value, msg.edited)
	if err != nil {
		p.editedText = msg.edited
		p.err = "nothing saved: " + model.Sanitize(err.Error())
		return nil
	}
	p.edited, p.editedText = &v, msg.edited
	p.conflicts, p.wholeConflict = nil, false
	return p.askSave()
}

// reopenEditor opens the editor again on the user's last text, or on the
// value being edited.
func (p *Page) reopenEditor() tea.Cmd {
	if p.editedText != nil {
		return p.startEditor(p.editedText)
	}
	v, _, err := p.newValue()
	if err != nil || (p.shape == model.ShapeBinary && !p.external) {
		v = p.build
	}
	if p.edited == nil && len(p.rows) == 0 {
		v = p.build
	}
	p.external = true
	return p.startEditor(editorText(v))
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

// setReveal shows or masks the row under the cursor.
func (p *Page) setReveal(on bool) {
	p.revealed = on && p.cursor < len(p.rows)
	for i := range p.rows {
		p.rows[i].input.EchoMode = textinput.EchoPassword
	}
	if p.revealed {
		p.rows[p.cursor].input.EchoMode = textinput.EchoNormal
	}
}

// touch restarts the idle timer while a field is revealed.
func (p *Page) touch() tea.Cmd {
	if !p.revealed || p.c.RevealTimeout <= 0 {
		return nil
	}
	p.idleGen++
	gen := p.idleGen
	return tea.Tick(p.c.RevealTimeout, func(time.Time) tea.Msg { return idleMsg{gen: gen} })
}

// Actions lists the keys for where the edit stands.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	switch {
	case p.phase == phaseConflict:
		return []common.Action{{Key: &k.Rebase, Short: true}, {Key: &k.Back, Short: true}}
	case p.external || p.shape == model.ShapeBinary:
		return []common.Action{{Key: &k.Save, Short: true}, {Key: &k.EditExternal, Short: true}, {Key: &k.Back, Short: true}}
	}
	actions := []common.Action{
		{Key: &k.Open, Short: true}, {Key: &k.Reveal, Short: true}, {Key: &k.AddKey, Short: true},
		{Key: &k.DeleteKey, Short: true}, {Key: &k.Generate, Short: true}, {Key: &k.Save, Short: true},
		{Key: &k.Back, Short: true}, {Key: &k.NextField}, {Key: &k.Rebase},
	}
	return append(actions, common.MoveActions(k)...)
}

// local is a key binding of this screen alone.
func local(keyName, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keyName), key.WithHelp(keyName, desc))
}
