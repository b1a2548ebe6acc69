// Package create is the form that creates a secret: name, description, KMS
// key, tags, and a value given as key/value pairs, plaintext or a file.
// Values are masked while typed and never drawn.
package create

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
)

// Page is the new-secret form.
type Page struct {
	c             common.Common
	width, height int

	form      *form
	err       string
	generator *forms.Generator
	genTarget int
	busy      string

	// pending is the submission waiting for its answer; failed is the last
	// one that failed, whose token a same resubmission reuses.
	pending model.CreateInput
	failed  model.CreateInput
}

// New makes the new-secret form.
func New(c common.Common) *Page { return &Page{c: c, form: newForm(c)} }

// Init focuses the name, or refuses without --rw.
func (p *Page) Init() tea.Cmd {
	if !p.c.ReadWrite {
		return tea.Batch(common.ReadOnlyMsg("creating a secret"), common.Send(common.BackMsg{}))
	}
	return p.form.setFocus(0)
}

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.form.setWidth(w)
}

// Capturing reports that the form takes every key: it is all typing.
func (p *Page) Capturing() bool { return true }

// nextField is tab in a form.
func nextField() key.Binding {
	return key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field"))
}

// Actions lists the form's keys.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	return []common.Action{
		{Key: &k.Save, Short: true}, {Key: &k.Generate, Short: true}, {Key: &k.NextField, Short: true},
		{Key: &k.Back, Short: true},
	}
}

// Update handles a message for the form.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	if !p.c.ReadWrite {
		return p, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return p, p.key(msg)
	case forms.GeneratedMsg:
		return p, p.generated(msg)
	case fileReadMsg:
		return p, p.fileRead(msg)
	case createdMsg:
		return p, p.created(msg)
	case creatingMsg:
		if msg.token == p.pending.ClientRequestToken {
			p.busy = "creating…"
		}
		return p, nil
	case common.RemaskMsg, common.ChangedMsg:
		return p, nil
	}
	return p, p.form.update(msg)
}

func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case p.busy != "":
		return nil
	case p.generator != nil:
		return p.generatorKey(msg)
	case key.Matches(msg, k.Back):
		if p.form.empty() {
			return common.Send(common.BackMsg{})
		}
		return confirm.Ask(p.c, "Leave the form? What you typed is discarded.", common.Send(common.BackMsg{}))
	case key.Matches(msg, k.Save):
		return p.submit()
	case key.Matches(msg, k.Generate):
		return p.openGenerator()
	}
	switch msg.String() {
	case "tab", "down", "enter":
		return p.form.move(1)
	case "shift+tab", "up":
		return p.form.move(-1)
	}
	if p.form.focused().slot == slotKind {
		switch msg.String() {
		case "right", "space", "l":
			p.form.cycleKind(1)
		case "left", "h":
			p.form.cycleKind(-1)
		}
		return nil
	}
	p.err = ""
	return p.form.update(msg)
}

// openGenerator opens the password generator for the focused value field.
func (p *Page) openGenerator() tea.Cmd {
	t := p.form.focused()
	switch t.slot {
	case slotPairValue:
		p.genTarget = t.row
	case slotText:
		p.genTarget = -1
	default:
		p.err = "move to a value field first: ctrl+g fills the focused value with a generated password"
		return nil
	}
	g, cmd := forms.NewGenerator()
	p.generator = &g
	return cmd
}

func (p *Page) generatorKey(msg tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	var generating bool
	p.generator, cmd, generating = forms.StepGenerator(p.c.Ctx, p.c.Backend, p.generator, msg, p.genTarget)
	if generating {
		p.busy = "generating a password…"
	}
	return cmd
}

// generated puts a password into the field that asked for it, unseen.
func (p *Page) generated(msg forms.GeneratedMsg) tea.Cmd {
	p.busy = ""
	if msg.Err != nil {
		p.err = model.Sanitize(msg.Err.Error())
		return nil
	}
	switch {
	case msg.Target < 0:
		p.form.text.SetValue(string(msg.Value.Reveal()))
	case msg.Target < len(p.form.pairs):
		p.form.pairs[msg.Target].value.SetValue(string(msg.Value.Reveal()))
	default:
		return nil
	}
	p.form.update(nil)
	return common.Send(common.StatusMsg{Text: fmt.Sprintf("generated a %d-character password into the field (not shown)", msg.Value.Len())})
}

// submit checks the form, reads a binary value's file, then asks to confirm.
func (p *Page) submit() tea.Cmd {
	in, ferr := p.form.createInput()
	if ferr != nil {
		p.err = model.Sanitize(ferr.err.Error())
		return p.form.focusSlot(ferr.slot)
	}
	p.err = ""
	if p.form.kind == kindBinary {
		p.busy = "reading the file…"
		return readFileCmd(p.form.file.Value())
	}
	return p.confirm(in)
}

func (p *Page) fileRead(msg fileReadMsg) tea.Cmd {
	p.busy = ""
	if msg.path != p.form.file.Value() || p.form.kind != kindBinary {
		return nil
	}
	if msg.err != nil {
		p.err = model.Sanitize(msg.err.Error())
		return p.form.focusSlot(slotFile)
	}
	in, ferr := p.form.createInput()
	if ferr != nil {
		p.err = model.Sanitize(ferr.err.Error())
		return p.form.focusSlot(ferr.slot)
	}
	in.Value = msg.value
	return p.confirm(in)
}

// confirm asks before creating. The submission gets a new token, or the
// failed one's when nothing changed since.
func (p *Page) confirm(in model.CreateInput) tea.Cmd {
	in.ClientRequestToken = model.NewRequestToken()
	if p.failed.ClientRequestToken != "" && sameInput(in, p.failed) {
		in.ClientRequestToken = p.failed.ClientRequestToken
	}
	p.pending = in
	return confirm.Ask(p.c, p.prompt(in), tea.Sequence(common.Send(creatingMsg{token: in.ClientRequestToken}), createCmd(p.c.Ctx, p.c.Backend, in)))
}

// creatingMsg says the creation with token was confirmed and runs.
type creatingMsg struct{ token string }

func (p *Page) prompt(in model.CreateInput) string {
	what := ""
	switch p.form.kind {
	case kindPairs:
		what = "1 key"
		if n := len(mustLeaves(in.Value)); n != 1 {
			what = fmt.Sprintf("%d keys", n)
		}
	case kindText:
		what = "a plaintext value"
	case kindBinary:
		what = fmt.Sprintf("a binary value of %d bytes", in.Value.Len())
	}
	kms := model.DefaultKMSKey
	if in.KMSKeyID != "" {
		kms = model.Sanitize(in.KMSKeyID)
	}
	room := max(p.width-30, 16)
	return fmt.Sprintf("Create secret %s?\nvalue: %s · KMS key: %s",
		ansi.Truncate(model.Sanitize(in.Name), room, p.c.Ellipsis()), what, ansi.Truncate(kms, room, p.c.Ellipsis()))
}

// mustLeaves lists the leaves of a value the form built as a JSON object.
func mustLeaves(v model.Value) []model.JSONLeaf {
	leaves, _ := model.JSONLeaves(v)
	return leaves
}

func (p *Page) created(msg createdMsg) tea.Cmd {
	if msg.token != p.pending.ClientRequestToken {
		return nil
	}
	p.busy = ""
	if msg.err != nil {
		p.failed = p.pending
		p.err = createFailure(p.pending.Name, msg.err)
		return nil
	}
	text := "created " + model.Sanitize(p.pending.Name)
	if msg.versionID != "" {
		text += " (version " + model.Sanitize(msg.versionID) + ")"
	}
	return tea.Batch(
		common.Send(common.ChangedMsg{}),
		common.Send(common.StatusMsg{Text: text}),
		common.Send(common.BackMsg{}),
	)
}
