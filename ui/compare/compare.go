// Package compare shows the masked diff of two secrets: key paths and what
// changed, from keyed fingerprints, never a value. It is the versions
// screen's diff across secrets, and across targets in a fleet.
package compare

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// backend is what the screen asks of AWS: each secret's value, read by ARN
// so that a fleet reads it in its own account and region.
type backend interface {
	GetSecretValue(ctx context.Context, ref model.ValueRef) (model.SecretVersion, error)
}

// taskRead is the kind of the task that reads and fingerprints both sides.
const taskRead = "compare"

// printsMsg carries both sides' fingerprints, for the diff and for the
// session's shared values. The values stay inside the task.
type printsMsg struct {
	from, to       []model.FieldPrint
	fromErr, toErr error
	// fromShared and toShared are the prints the session's Shares keeps.
	fromShared, toShared []model.FieldPrint
}

// Page is the masked diff of two secrets, from and to.
type Page struct {
	c             common.Common
	b             backend
	width, height int
	from, to      model.Secret
	// key keys this screen's fingerprints; it lives as long as the screen.
	key model.FingerprintKey

	msg    *printsMsg
	lines  []model.DiffLine
	counts model.DiffCounts
	body   widget.ScrollView
}

// New makes the diff of from and to.
func New(c common.Common, from, to model.Secret) *Page { return newPage(c, c.Backend, from, to) }

// newPage makes the screen asking b.
func newPage(c common.Common, b backend, from, to model.Secret) *Page {
	return &Page{c: c, b: b, from: from, to: to, key: model.NewFingerprintKey()}
}

// Init reads both values.
func (p *Page) Init() tea.Cmd { return p.reload() }

// SetSize sets the drawing area: the title, then the body.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.body.SetSize(w, h-1)
	p.layout()
}

// Actions lists the diff's keys.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	actions := []common.Action{{Key: &k.Reload, Short: true, Run: p.reload}, {Key: &k.Back, Short: true, Run: common.Back}}
	return append(actions, common.MoveActions(k)...)
}

// Capturing reports whether the page takes every key: never.
func (p *Page) Capturing() bool { return false }

// Waiting reports whether the values are being read.
func (p *Page) Waiting() bool { return p.c.Tasks.Awaits(taskRead) }

// Update handles a message for the diff.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case printsMsg:
		p.printed(msg)
	case common.ChangedMsg:
		if msg.ARN == p.from.ARN || msg.ARN == p.to.ARN {
			return p, p.reload()
		}
	case tea.KeyPressMsg:
		p.body.Key(p.c.Keys, msg)
	case tea.MouseWheelMsg:
		p.body.Wheel(msg)
	}
	return p, nil
}

// View draws the title, then the diff, scrolled.
func (p *Page) View() string {
	title := p.c.Styles.Title.Render("Diff · " + model.Sanitize(p.from.Name) + " → " + model.Sanitize(p.to.Name))
	return ansi.Truncate(title, p.width, "") + "\n" + p.body.View()
}

// reload reads and fingerprints both values again. Each read is a
// GetSecretValue, asked for by the key that opened the screen.
func (p *Page) reload() tea.Cmd {
	b, key, shares := p.b, p.key, p.c.Shares
	from, to := p.from.ARN, p.to.ARN
	cmd := p.c.Tasks.Start(taskRead, func(ctx context.Context) tea.Msg {
		var msg printsMsg
		read := func(arn string) (diff, shared []model.FieldPrint, err error) {
			v, err := b.GetSecretValue(ctx, model.ValueRef{SecretID: arn})
			if err != nil {
				return nil, nil, err
			}
			defer v.Value.Wipe()
			if shares != nil {
				shared = shares.Prints(v.Value)
			}
			return model.Fingerprints(key, v.Value), shared, nil
		}
		msg.from, msg.fromShared, msg.fromErr = read(from)
		msg.to, msg.toShared, msg.toErr = read(to)
		return msg
	})
	p.layout()
	return cmd
}

// printed takes both sides' fingerprints: the diff, and the session's
// record of which secrets share a value.
func (p *Page) printed(msg printsMsg) {
	p.msg = &msg
	if p.c.Shares != nil && msg.fromErr == nil {
		p.c.Shares.AddPrints(p.from.ARN, p.from.Name, msg.fromShared)
	}
	if p.c.Shares != nil && msg.toErr == nil {
		p.c.Shares.AddPrints(p.to.ARN, p.to.Name, msg.toShared)
	}
	if msg.fromErr == nil && msg.toErr == nil {
		p.lines = model.Diff(msg.from, msg.to)
		p.counts = model.CountChanges(p.lines)
	}
	p.layout()
}

// layout puts the body as it is now in the scroll view.
func (p *Page) layout() { p.body.SetContent(p.bodyLines()) }
