// Package policy shows a secret's resource policy and what
// ValidateResourcePolicy says of it. It never changes the policy.
package policy

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Page shows one secret's resource policy, read-only.
type Page struct {
	c             common.Common
	b             backend
	width, height int
	secret        model.Secret

	policy     string
	policyErr  error
	validation *model.PolicyValidation
	validErr   error
	// body is everything below the title, scrolled.
	body widget.ScrollView
}

// New makes the resource policy screen of a secret.
func New(c common.Common, s model.Secret) *Page { return newPage(c, c.Backend, s) }

// newPage makes the screen asking b.
func newPage(c common.Common, b backend, s model.Secret) *Page {
	return &Page{c: c, b: b, secret: s}
}

// Init reads the policy.
func (p *Page) Init() tea.Cmd { return p.reload() }

// SetSize sets the drawing area: the title, then the body.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.body.SetSize(w, h-1)
	p.layout()
}

// Actions lists the policy view's keys.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	actions := []common.Action{{Key: &k.Reload, Short: true, Run: p.reload}, {Key: &k.Back, Short: true, Run: common.Back}}
	return append(actions, common.MoveActions(k)...)
}

// Capturing reports whether the page takes every key: never.
func (p *Page) Capturing() bool { return false }

// Update handles a message for the policy screen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case loadedMsg:
		cmd = p.loaded(msg)
	case validatedMsg:
		p.validated(msg)
	case common.ChangedMsg:
		if msg.ARN == p.secret.ARN {
			cmd = p.reload()
		}
	case tea.KeyPressMsg:
		p.body.Key(p.c.Keys, msg)
	case tea.MouseWheelMsg:
		p.body.Wheel(msg)
	}
	return p, cmd
}

// layout puts the body as it is now in the scroll view.
func (p *Page) layout() { p.body.SetContent(p.bodyLines()) }

// View draws the title, then the policy and its validation, scrolled.
func (p *Page) View() string {
	title := p.c.Styles.Title.Render("Resource policy · " + model.Sanitize(p.secret.Name))
	return ansi.Truncate(title, p.width, "") + "\n" + p.body.View()
}
