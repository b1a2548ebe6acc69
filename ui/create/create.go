// Package create is the form that creates a secret: name, description, KMS
// key, tags, and a value given as key/value pairs, plaintext or a file.
// Values are masked while typed and never drawn.
package create

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
)

// The kinds of the form's tasks.
const (
	createTask = "create"
	fileTask   = "file"
)

// backend is what the form needs from AWS.
type backend interface {
	forms.PasswordSource
	CreateSecret(ctx context.Context, in model.CreateInput) (arn, versionID string, err error)
}

// Page is the new-secret form.
type Page struct {
	c             common.Common
	b             backend
	width, height int

	form *form
	err  string

	// pending is the submission waiting for its answer; failed is the last
	// one that failed, whose token a same resubmission reuses.
	pending model.CreateInput
	failed  model.CreateInput
}

// New makes the new-secret form.
func New(c common.Common) *Page { return &Page{c: c, b: c.Backend, form: newForm(c)} }

// Init focuses the name.
func (p *Page) Init() tea.Cmd { return p.form.setFocus(0) }

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.form.setWidth(w)
}

// Capturing reports that the form takes every key: it is all typing.
func (p *Page) Capturing() bool { return true }

// Actions lists the form's keys; every other key is typed into the
// focused field. While an answer is awaited, keys wait.
func (p *Page) Actions() []common.Action {
	if p.busy() != "" {
		return nil
	}
	k := p.c.Keys
	down, up := forms.NonTyping(k.Down), forms.NonTyping(k.Up)
	next := func() tea.Cmd { return p.form.move(1) }
	prev := func() tea.Cmd { return p.form.move(-1) }
	actions := []common.Action{
		{Key: &k.Save, Short: true, Run: p.submit},
		{Key: &k.Generate, Short: true, Run: p.openGenerator},
		{Key: &k.NextField, Short: true, Run: next},
		{Key: &k.PrevField, Run: prev},
		{Key: &k.Open, Run: next},
		{Key: &down, Run: next},
		{Key: &up, Run: prev},
		{Key: &k.Back, Short: true, Run: func() tea.Cmd { return forms.Leave(p.c, !p.form.empty()) }},
		{Key: &k.RevealTyped, Short: p.form.onValue(), Run: p.form.toggleReveal},
	}
	if p.form.focused().slot == slotKind {
		actions = append(actions,
			common.Action{Key: &k.NextChoice, Short: true, Run: func() tea.Cmd { return p.form.cycleKind(1) }},
			common.Action{Key: &k.PrevChoice, Run: func() tea.Cmd { return p.form.cycleKind(-1) }})
	}
	return actions
}

// busy says what the form waits for, or is "".
func (p *Page) busy() string {
	switch t := p.c.Tasks; {
	case t.Awaits(createTask):
		return "creating…"
	case t.Awaits(fileTask):
		return "reading the file…"
	case t.Awaits(forms.GenerateTask):
		return "generating a password…"
	}
	return ""
}

// Update handles a message for the form.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if p.busy() != "" {
			return p, nil
		}
		if cmd, ok := forms.Dispatch(p.Actions(), msg); ok {
			return p, cmd
		}
		p.err = ""
		return p, p.form.update(msg)
	case forms.GeneratedMsg:
		return p, p.generated(msg)
	case fileReadMsg:
		return p, p.fileRead(msg)
	case createdMsg:
		return p, p.created(msg)
	case common.RemaskMsg:
		p.form.revealed = false
		return p, nil
	case common.ChangedMsg:
		return p, nil
	}
	return p, p.form.update(msg)
}

// openGenerator opens the password generator for the focused value field.
func (p *Page) openGenerator() tea.Cmd {
	target := -1
	switch t := p.form.focused(); t.slot {
	case slotPairValue:
		target = t.row
	case slotText:
	default:
		p.err = "move to a value field first: " + p.c.Keys.Generate.Help().Key + " fills the focused value with a generated password"
		return nil
	}
	return forms.OpenGenerator(p.c, p.b, target)
}

// generated puts a password into the field that asked for it, unseen.
func (p *Page) generated(msg forms.GeneratedMsg) tea.Cmd {
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
	// A generated password is never drawn, even into a revealed field.
	p.form.revealed = false
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
		path := p.form.file.Value()
		return p.c.Tasks.Start(fileTask, func(context.Context) tea.Msg { return readFile(path) })
	}
	return p.confirm(in)
}

func (p *Page) fileRead(msg fileReadMsg) tea.Cmd {
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
// failed one's when nothing changed since, so that a first attempt that
// landed after all is not made twice.
func (p *Page) confirm(in model.CreateInput) tea.Cmd {
	in.ClientRequestToken = model.NewRequestToken()
	if p.failed.ClientRequestToken != "" && sameInput(in, p.failed) {
		in.ClientRequestToken = p.failed.ClientRequestToken
	}
	p.pending = in
	b := p.b
	return confirm.AskTask(p.c, p.prompt(in), createTask, func(ctx context.Context) tea.Msg { return create(ctx, b, in) })
}

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
		common.Send(common.ChangedMsg{ARN: msg.arn}),
		common.Send(common.StatusMsg{Text: text}),
		common.Send(common.BackMsg{}),
	)
}
