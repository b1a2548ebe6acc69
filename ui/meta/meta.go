// Package meta edits a secret's description and tags.
package meta

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
)

// savedMsg reports how the save went.
type savedMsg struct{ err error }

// Page edits the description (one line) and the tags (KEY=VALUE lines).
type Page struct {
	c             common.Common
	secret        model.Secret
	width, height int

	description textinput.Model
	tags        textarea.Model
	onTags      bool
	err         error
	saving      bool
}

// New opens the editor on the secret's current description and tags.
func New(c common.Common, s model.Secret) *Page {
	d := textinput.New()
	d.Prompt = ""
	d.CharLimit = 2048
	d.SetValue(s.Description)
	t := textarea.New()
	t.ShowLineNumbers = false
	t.CharLimit = 50 * 400
	t.SetValue(model.FormatTags(s.Tags))
	return &Page{c: c, secret: s, description: d, tags: t}
}

// Init focuses the description, or refuses in read-only mode.
func (p *Page) Init() tea.Cmd {
	if !p.c.ReadWrite {
		return tea.Batch(common.ReadOnlyMsg("editing description and tags"), common.Send(common.BackMsg{}))
	}
	return p.description.Focus()
}

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.description.SetWidth(max(w-4, 10))
	p.tags.SetWidth(max(w-4, 10))
	p.tags.SetHeight(max(min(h-10, 12), 3))
}

// Capturing reports that the editor takes every key while open.
func (p *Page) Capturing() bool { return true }

// Actions lists the form's keys.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	return []common.Action{{Key: &k.Save, Short: true}, {Key: &k.NextField, Short: true}, {Key: &k.Back, Short: true}}
}

// Update handles a message.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		p.saving = false
		if msg.err != nil {
			p.err = msg.err
			return p, nil
		}
		return p, tea.Batch(
			common.Send(common.StatusMsg{Text: "description and tags of " + model.Sanitize(p.secret.Name) + " saved"}),
			common.Send(common.ChangedMsg{ARN: p.secret.ARN}),
			common.Send(common.BackMsg{}),
		)
	case savingMsg:
		p.saving = p.saving || msg.arn == p.secret.ARN
	case tea.KeyPressMsg:
		return p, p.key(msg)
	}
	return p, nil
}

func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.c.Keys.Back):
		return common.Send(common.BackMsg{})
	case key.Matches(msg, p.c.Keys.Save):
		return p.save()
	case key.Matches(msg, p.c.Keys.NextField), msg.String() == "shift+tab":
		p.onTags = !p.onTags
		if p.onTags {
			p.description.Blur()
			return p.tags.Focus()
		}
		p.tags.Blur()
		return p.description.Focus()
	}
	var cmd tea.Cmd
	if p.onTags {
		p.tags, cmd = p.tags.Update(msg)
	} else {
		p.description, cmd = p.description.Update(msg)
	}
	p.err = nil
	return cmd
}

// save validates, then asks for confirmation of exactly what will change.
func (p *Page) save() tea.Cmd {
	tags, err := model.ParseTags(p.tags.Value())
	if err != nil {
		p.err = err
		return nil
	}
	desc := p.description.Value()
	set, remove := model.TagChanges(p.secret.Tags, tags)
	descChanged := desc != p.secret.Description
	if !descChanged && len(set) == 0 && len(remove) == 0 {
		p.err = fmt.Errorf("nothing changed")
		return nil
	}
	var what []string
	if descChanged {
		what = append(what, "the description")
	}
	if len(set) > 0 {
		what = append(what, fmt.Sprintf("set %d tag(s)", len(set)))
	}
	if len(remove) > 0 {
		what = append(what, "remove "+model.Sanitize(strings.Join(remove, ", ")))
	}
	var newDesc *string
	if descChanged {
		newDesc = &desc
	}
	save := saveCmd(p.c.Ctx, p.c.Backend, p.secret.ARN, newDesc, set, remove)
	return confirm.Ask(p.c, "Change "+strings.Join(what, ", ")+" on "+model.Sanitize(p.secret.Name)+"?",
		tea.Sequence(common.Send(savingMsg{arn: p.secret.ARN}), save))
}

// savingMsg says the change to secret arn was confirmed and is being saved.
type savingMsg struct{ arn string }

// saveCmd writes the description, then the tags to set, then removes tags,
// stopping at the first failure so the error says which step failed.
func saveCmd(ctx context.Context, b common.Backend, arn string, desc *string, set []model.Tag, remove []string) tea.Cmd {
	return func() tea.Msg {
		if desc != nil {
			if err := b.UpdateSecret(ctx, model.UpdateInput{SecretID: arn, Description: desc}); err != nil {
				return savedMsg{err: fmt.Errorf("update description: %w", err)}
			}
		}
		if len(set) > 0 {
			if err := b.TagSecret(ctx, arn, set); err != nil {
				return savedMsg{err: fmt.Errorf("set tags: %w", err)}
			}
		}
		if len(remove) > 0 {
			if err := b.UntagSecret(ctx, arn, remove); err != nil {
				return savedMsg{err: fmt.Errorf("remove tags: %w", err)}
			}
		}
		return savedMsg{}
	}
}

// View draws the two fields, errors and the confirmation.
func (p *Page) View() string {
	st := p.c.Styles
	lines := []string{
		st.Title.Render("Description and tags · " + model.Sanitize(p.secret.Name)),
		"",
		st.Label.Render("Description"),
		p.description.View(),
		"",
		st.Label.Render("Tags (one KEY=VALUE per line)"),
		p.tags.View(),
	}
	switch {
	case p.saving:
		lines = append(lines, st.Muted.Render("saving…"))
	case p.err != nil:
		lines = append(lines, st.Error.Render(model.Sanitize(p.err.Error())))
	}
	return strings.Join(lines, "\n")
}
