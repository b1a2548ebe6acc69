// Package audit is the screen that shows who read or changed secrets, from
// CloudTrail.
package audit

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// Page shows CloudTrail events for one secret, or for the whole account
// when secret is nil.
type Page struct {
	c             common.Common
	secret        *model.Secret
	width, height int
}

// New makes the audit screen of secret, or of the account when nil.
func New(c common.Common, secret *model.Secret) *Page { return &Page{c: c, secret: secret} }

// Init starts loading events.
func (p *Page) Init() tea.Cmd { return nil }

// Update handles a message.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, p.c.Keys.Back) {
		return p, common.Send(common.BackMsg{})
	}
	return p, nil
}

// View draws the screen.
func (p *Page) View() string { return p.c.Styles.Title.Render("Audit trail") }

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) { p.width, p.height = w, h }

// ShortHelp lists the main keys.
func (p *Page) ShortHelp() []key.Binding { return []key.Binding{p.c.Keys.Back} }

// Capturing reports whether the page takes every key.
func (p *Page) Capturing() bool { return false }
