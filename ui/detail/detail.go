// Package detail is the screen that shows one secret: its metadata, and its
// value masked until the user asks.
package detail

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/render"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Page shows one secret. No value is fetched until the user reveals or
// copies; the fetched value lives only as long as the page.
type Page struct {
	c             common.Common
	aws           backend
	width, height int

	secret      model.Secret
	detail      *model.SecretDetail
	describeErr error

	stage   string
	version *model.SecretVersion
	parsed  model.Parsed
	// reveal is which fields, by index, are on screen.
	reveal widget.Reveal[int]
	// drawn holds each revealed field's rendered lines, drawn once when it
	// is revealed rather than on every frame, so that a revealed value
	// leaves fewer copies of itself in memory.
	drawn    [][]string
	field    int
	valueErr error
	after    action
	afterFmt copyFormat

	scroll int
}

// New makes the detail screen of a secret picked in the list.
func New(c common.Common, s model.Secret) *Page { return newPage(c, c.Backend, s) }

// newPage makes the detail screen asking aws.
func newPage(c common.Common, aws backend, s model.Secret) *Page {
	return &Page{c: c, aws: aws, secret: s, stage: model.StageCurrent, reveal: widget.NewReveal[int](c.RevealTimeout)}
}

// Init asks for the secret's description.
func (p *Page) Init() tea.Cmd { return p.describe() }

// SetSize sets the area the screen may draw in.
func (p *Page) SetSize(width, height int) { p.width, p.height = width, height }

// Secret is the secret the page shows.
func (p *Page) Secret() model.Secret { return p.secret }

// Capturing reports false: the detail's dialogs are the root's.
func (p *Page) Capturing() bool { return false }

// AnyRevealed reports whether a value is on screen.
func (p *Page) AnyRevealed() bool { return p.reveal.Any() }

// Update handles a message for the detail screen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	if p.reveal.Update(msg) {
		clear(p.drawn)
		return p, common.ScrubCmd
	}
	switch msg := msg.(type) {
	case describedMsg:
		return p, p.described(msg)
	case valueLoadedMsg:
		cmd := p.valueLoaded(msg)
		return p, tea.Batch(cmd, p.reveal.Touch())
	case copyPickedMsg:
		return p, p.copyPicked(msg)
	case common.ChangedMsg:
		if msg.ARN == p.secret.ARN {
			p.dropValue()
			return p, p.describe()
		}
	case tea.KeyPressMsg:
		p.key(msg)
		return p, p.reveal.Touch()
	case tea.MouseWheelMsg:
		p.wheel(msg)
	}
	return p, nil
}

// key moves between fields, or scrolls a value without fields.
func (p *Page) key(msg tea.KeyPressMsg) {
	if d, ok := p.c.Keys.Step(msg, 1, len(p.parsed.Fields)); ok {
		p.moveField(d)
	}
}

// wheel moves one field a notch.
func (p *Page) wheel(msg tea.MouseWheelMsg) {
	switch msg.Button {
	case tea.MouseWheelUp:
		p.moveField(-1)
	case tea.MouseWheelDown:
		p.moveField(1)
	}
}

func (p *Page) described(msg describedMsg) tea.Cmd {
	if model.IsKind(msg.err, model.KindNotFound) {
		name := model.Sanitize(p.secret.Name)
		return tea.Batch(common.Send(common.BackMsg{}), common.Send(common.StatusMsg{Err: errGone(name)}))
	}
	if msg.err != nil {
		p.describeErr = msg.err
		return nil
	}
	p.describeErr = nil
	p.detail = &msg.detail
	p.secret = msg.detail.Secret
	return nil
}

func (p *Page) moveField(d int) {
	if n := len(p.parsed.Fields); n > 0 {
		p.field = max(min(p.field+d, n-1), 0)
		return
	}
	p.scroll = max(p.scroll+d, 0)
}

// View draws the metadata, then the value area, scrolled so the selected
// field is visible.
func (p *Page) View() string {
	lines, focus := p.lines()
	height := max(p.height, 1)
	return strings.Join(render.Window(lines, focus, height, p.scroll, p.width, p.c.Ellipsis()), "\n")
}
