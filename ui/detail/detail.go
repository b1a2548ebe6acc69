// Package detail is the screen that shows one secret: its metadata, and its
// value masked until the user asks.
package detail

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Page shows one secret. No value is fetched until the user reveals or
// copies; the fetched value lives only as long as the page.
type Page struct {
	c      common.Common
	secret model.Secret
	aws    backend
	// width is the screen's, for the value's labels.
	width, height int

	detail      *model.SecretDetail
	describeErr error

	stage   string
	version *model.SecretVersion
	parsed  model.Parsed
	// kept holds the values read for stages left while the screen is
	// open, so that coming back reads nothing again.
	kept map[string]stageValue
	// reveal is which fields, by index, are on screen.
	reveal widget.Reveal[int]
	// drawn holds each revealed field's rendered lines, drawn once when it
	// is revealed rather than on every frame, so that a revealed value
	// leaves fewer copies of itself in memory.
	drawn [][]string
	// drawnWidth is the width the revealed fields were drawn for.
	drawnWidth int
	field      int
	valueErr   error
	after      action
	afterFmt   copyFormat

	// view is the whole screen laid out; focus to focusEnd are its lines
	// of the selected field (-1 when none), which follow brings into view
	// at the next layout, and valueStart the first of the value area,
	// which showValue brings into view with as much of the value as fits.
	view            widget.ScrollView
	focus, focusEnd int
	follow          bool
	valueStart      int
	showValue       bool
}

// New makes the detail screen of a secret picked in the list.
func New(c common.Common, s model.Secret) *Page { return newPage(c, c.Backend, s) }

// newPage makes the detail screen asking aws.
func newPage(c common.Common, aws backend, s model.Secret) *Page {
	p := &Page{c: c, aws: aws, secret: s, stage: model.StageCurrent, reveal: widget.NewReveal[int](c.RevealTimeout), kept: map[string]stageValue{}}
	p.view.Fold = widget.Cut(c.Ellipsis())
	return p
}

// Init asks for the secret's description.
func (p *Page) Init() tea.Cmd { return p.describe() }

// SetSize sets the area the screen may draw in.
func (p *Page) SetSize(width, height int) {
	p.width, p.height = width, height
	p.view.SetSize(width, height)
	p.redraw()
	p.layout()
}

// Secret is the secret the page shows.
func (p *Page) Secret() model.Secret { return p.secret }

// AnyRevealed reports whether a value is on screen.
func (p *Page) AnyRevealed() bool { return p.reveal.Any() }

// Update handles a message for the detail screen, then lays it out again.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	defer p.layout()
	return p, p.update(msg)
}

func (p *Page) update(msg tea.Msg) tea.Cmd {
	if p.reveal.Update(msg) {
		clear(p.drawn)
		return widget.MaskedAgain(msg, p.c.RevealTimeout)
	}
	switch msg := msg.(type) {
	case describedMsg:
		return p.described(msg)
	case valueLoadedMsg:
		return tea.Batch(p.valueLoaded(msg), p.reveal.Touch())
	case copyPickedMsg:
		return p.copyPicked(msg)
	case common.ChangedMsg:
		if msg.ARN == p.secret.ARN {
			p.dropValues()
			return p.describe()
		}
	case tea.KeyPressMsg:
		p.key(msg)
		return p.reveal.Touch()
	case tea.MouseWheelMsg:
		p.wheel(msg)
	}
	return nil
}

// key moves between fields and scrolls, or only scrolls a screen without
// fields.
func (p *Page) key(msg tea.KeyPressMsg) {
	if len(p.parsed.Fields) == 0 {
		p.view.Key(p.c.Keys, msg)
		return
	}
	if d, ok := p.c.Keys.Step(msg, p.view.Height()/2, p.view.Len()+len(p.parsed.Fields)); ok {
		p.move(d)
	}
}

// wheel moves one field a notch, or scrolls a screen without fields.
func (p *Page) wheel(msg tea.MouseWheelMsg) {
	switch {
	case len(p.parsed.Fields) == 0:
		p.view.Wheel(msg)
	case msg.Button == tea.MouseWheelUp:
		p.move(-1)
	case msg.Button == tea.MouseWheelDown:
		p.move(1)
	}
}

// move goes d lines or fields down (up when negative): through the rest of
// a selected field taller than the screen first, then to the next field,
// and past the first or last field it scrolls the screen, so that the
// metadata above the value stays in reach.
func (p *Page) move(d int) {
	top, bottom := p.view.Offset(), p.view.Offset()+p.view.Height()-1
	last := len(p.parsed.Fields) - 1
	switch {
	case d > 0 && p.focusEnd > bottom:
		p.view.ScrollBy(min(d, p.focusEnd-bottom))
	case d < 0 && p.focus >= 0 && p.focus < top:
		p.view.ScrollBy(max(d, p.focus-top))
	case d > 0 && p.field < last, d < 0 && p.field > 0:
		p.moveField(d)
	default:
		p.view.ScrollBy(d)
	}
}

// describe asks for the secret's description.
func (p *Page) describe() tea.Cmd {
	aws, arn := p.aws, p.secret.ARN
	return p.c.Tasks.Start(kindDescribe, func(ctx context.Context) tea.Msg {
		d, err := aws.DescribeSecret(ctx, arn)
		return describedMsg{detail: d, err: err}
	})
}

func (p *Page) described(msg describedMsg) tea.Cmd {
	if model.IsKind(msg.err, model.KindNotFound) {
		name := model.Sanitize(p.secret.Name)
		return tea.Batch(common.Back(), common.Send(common.StatusMsg{Err: errGone(name)}))
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

// moveField moves the selection d fields and brings it into view.
func (p *Page) moveField(d int) {
	p.field = max(min(p.field+d, len(p.parsed.Fields)-1), 0)
	p.follow = true
}

// layout puts the screen as it is now in the view and, when the selected
// field moved or changed, scrolls as little as shows it.
func (p *Page) layout() {
	lines, focus, focusEnd := p.lines()
	p.focus, p.focusEnd = focus, focusEnd
	height := p.height
	if len(lines) > height && height > 2 {
		// The last line says where the view is, so that what lies below
		// the screen is known to be there.
		height--
	}
	p.view.SetSize(p.width, height)
	p.view.SetContent(lines)
	switch {
	case p.showValue:
		p.view.Reveal(p.valueStart, len(lines)-1)
	case p.follow && focus >= 0:
		p.view.Reveal(focus, focusEnd)
	}
	p.follow, p.showValue = false, false
}

// View draws the metadata, then the value area, and under them where the
// view is when they do not fit.
func (p *Page) View() string {
	if !p.view.Overflows() {
		return p.view.View()
	}
	return p.view.View() + "\n" + p.c.Styles.Muted.Render(p.view.Position(p.c.ASCII))
}
