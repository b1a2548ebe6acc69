// Package meta edits a secret's description and tags.
package meta

import (
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
)

// Page edits the description (one line) and the tags (KEY=VALUE lines).
type Page struct {
	c             common.Common
	b             backend
	secret        model.Secret
	width, height int

	description textinput.Model
	tags        textarea.Model
	onTags      bool
	err         error
}

// New opens the editor on the secret's current description and tags.
func New(c common.Common, s model.Secret) *Page {
	d := forms.NewTextInput("", 2048)
	d.SetValue(s.Description)
	t := textarea.New()
	t.ShowLineNumbers = false
	t.CharLimit = 50 * 400
	t.SetValue(model.FormatTags(s.Tags))
	return &Page{c: c, b: c.Backend, secret: s, description: d, tags: t}
}

// Init focuses the description.
func (p *Page) Init() tea.Cmd { return p.description.Focus() }

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.description.SetWidth(max(w-4, 10))
	p.tags.SetWidth(max(w-4, 10))
	p.tags.SetHeight(max(min(h-10, 12), 3))
}

// Capturing reports that the editor takes every key while open.
func (p *Page) Capturing() bool { return true }

// Actions lists the form's keys; every other key is typed into the
// focused field. While the change is saved, keys wait.
func (p *Page) Actions() []common.Action {
	if p.c.Tasks.Awaits(saveTask) {
		return nil
	}
	k := p.c.Keys
	return []common.Action{
		{Key: &k.Save, Short: true, Run: p.save},
		{Key: &k.NextField, Short: true, Run: p.switchField},
		{Key: &k.PrevField, Run: p.switchField},
		{Key: &k.Back, Short: true, Run: func() tea.Cmd { return forms.Leave(p.c, p.changed()) }},
	}
}

// Update handles a message.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		return p, p.saved(msg)
	case tea.KeyPressMsg:
		if p.c.Tasks.Awaits(saveTask) {
			return p, nil
		}
		if cmd, ok := forms.Dispatch(p.Actions(), msg); ok {
			return p, cmd
		}
		return p, p.typeInto(msg)
	}
	return p, nil
}

// typeInto hands a key to the focused field.
func (p *Page) typeInto(msg tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	if p.onTags {
		p.tags, cmd = p.tags.Update(msg)
	} else {
		p.description, cmd = p.description.Update(msg)
	}
	p.err = nil
	return cmd
}

// switchField moves the focus to the other field.
func (p *Page) switchField() tea.Cmd {
	p.onTags = !p.onTags
	if p.onTags {
		p.description.Blur()
		return p.tags.Focus()
	}
	p.tags.Blur()
	return p.description.Focus()
}

// changed reports whether either field differs from the secret's.
func (p *Page) changed() bool {
	return p.description.Value() != p.secret.Description || p.tags.Value() != model.FormatTags(p.secret.Tags)
}

// saved says how the save went, and goes back after one that worked.
func (p *Page) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		p.err = msg.err
		return nil
	}
	return tea.Batch(
		common.Send(common.StatusMsg{Text: "description and tags of " + model.Sanitize(p.secret.Name) + " saved"}),
		common.Send(common.ChangedMsg{ARN: p.secret.ARN}),
		common.Send(common.BackMsg{}),
	)
}
