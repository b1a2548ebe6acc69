// Package rotation is the screen that follows a secret's rotation: state,
// schedule, labels and history, and with --rw rotates it.
package rotation

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// Page shows the rotation of one secret.
type Page struct {
	c             common.Common
	secret        model.Secret
	width, height int
}

// New makes the rotation screen of a secret.
func New(c common.Common, secret model.Secret) *Page { return &Page{c: c, secret: secret} }

// Init starts loading versions and history.
func (p *Page) Init() tea.Cmd { return nil }

// Update handles a message.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, p.c.Keys.Back) {
		return p, common.Send(common.BackMsg{})
	}
	return p, nil
}

// View draws the screen.
func (p *Page) View() string { return p.c.Styles.Title.Render("Rotation") }

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) { p.width, p.height = w, h }

// ShortHelp lists the main keys.
func (p *Page) ShortHelp() []key.Binding { return []key.Binding{p.c.Keys.Back} }

// Capturing reports whether the page takes every key.
func (p *Page) Capturing() bool { return false }
