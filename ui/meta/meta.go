// Package meta edits a secret's description and tags.
package meta

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// Page is the screen.
type Page struct {
	c             common.Common
	secret        model.Secret
	width, height int
}

// New makes the screen.
func New(c common.Common, s model.Secret) *Page { return &Page{c: c, secret: s} }

// Init starts loading.
func (p *Page) Init() tea.Cmd { return nil }

// Update handles a message.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, p.c.Keys.Back) {
		return p, common.Send(common.BackMsg{})
	}
	return p, nil
}

// View draws the screen.
func (p *Page) View() string { return p.c.Styles.Title.Render(model.Sanitize(p.secret.Name)) }

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) { p.width, p.height = w, h }

// ShortHelp lists the main keys.
func (p *Page) ShortHelp() []key.Binding { return []key.Binding{p.c.Keys.Back} }

// Capturing reports whether the page takes every key.
func (p *Page) Capturing() bool { return false }
