// Package hygiene is the screen that checks the secrets the list loaded
// against Security Hub's Secrets Manager controls and keyhole's own: a
// count per control, the secrets failing one, and a secret's detail from
// there. It works from the listing's metadata; the only AWS calls it makes
// read the resource policies (and the replicas of replicated secrets) of
// a bounded number of secrets.
package hygiene

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Listing is what the list loaded when the screen opened.
type Listing struct {
	// Secrets are the list's secrets as they were when the screen opened,
	// made one at a time; nil for none.
	Secrets model.SecretList
	// Loading is set when the list was still loading pages.
	Loading bool
}

// Page shows the hygiene findings of the listed secrets.
type Page struct {
	c             common.Common
	b             backend
	width, height int
	rules         model.HygieneRules
	listing       Listing

	// fetched is what the policy reads brought, nil before they end.
	fetched *fetchedMsg
	// findings are each listed secret's, in the listing's order; nil
	// before the first check ends.
	findings [][]model.Finding
	summary  []model.ControlCount
	// complete is set once the findings rest on the policies and
	// replicas read, not on the listing alone.
	complete bool

	// open is the index of the control whose secrets are listed, or -1
	// while the controls are.
	open     int
	rows     []row
	controls widget.Table
	secrets  widget.Table
	// fleet is set when the secrets come from many accounts and regions.
	fleet common.Fleet
}

// row is one secret failing the open control.
type row struct {
	secret *model.Secret
	reason string
}

// New makes the hygiene screen over what the list loaded, with rules'
// thresholds (zero ones take the defaults).
func New(c common.Common, rules model.HygieneRules, l Listing) *Page {
	return newPage(c, c.Backend, rules, l)
}

// newPage makes the screen asking b.
func newPage(c common.Common, b backend, rules model.HygieneRules, l Listing) *Page {
	if l.Secrets == nil {
		l.Secrets = model.SecretSlice(nil)
	}
	p := &Page{c: c, b: b, rules: rules.WithDefaults(), listing: l, open: -1}
	p.fleet, _ = b.(common.Fleet)
	p.controls.SetRows(len(model.HygieneControls()))
	return p
}

// Init checks the secrets on their metadata and starts reading policies.
func (p *Page) Init() tea.Cmd { return tea.Batch(p.check(), p.fetch()) }

// headLines are the title, the summary line and the column titles.
const headLines = 3

// footLines are the lines under the table: a blank one and a note.
const footLines = 2

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	rows := max(h-headLines-footLines, 1)
	p.controls.SetHeight(rows)
	p.secrets.SetHeight(rows)
}

// Capturing reports whether the page takes every key: never.
func (p *Page) Capturing() bool { return false }

// Actions lists the hygiene screen's keys.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	actions := []common.Action{
		{Key: &k.Open, Short: true, Run: p.enter},
		{Key: &k.Reload, Short: true, Run: p.reload},
		{Key: &k.Back, Short: true, Run: p.back},
	}
	return append(actions, common.MoveActions(k)...)
}

// enter lists the secrets failing the selected control, or opens the
// selected secret's detail.
func (p *Page) enter() tea.Cmd {
	if p.open < 0 {
		i, ok := p.controls.Selected()
		if !ok || p.findings == nil {
			return nil
		}
		p.open = i
		p.layoutRows()
		p.secrets.Reset()
		return nil
	}
	i, ok := p.secrets.Selected()
	if !ok {
		return nil
	}
	s := *p.rows[i].secret
	return common.Open(common.ScreenDetail, &s)
}

// back returns to the controls from a control's secrets, or closes the
// screen.
func (p *Page) back() tea.Cmd {
	if p.open < 0 {
		return common.Back()
	}
	p.open, p.rows = -1, nil
	return nil
}

// table is the table the movement keys move in now.
func (p *Page) table() *widget.Table {
	if p.open < 0 {
		return &p.controls
	}
	return &p.secrets
}

// Update handles a message for the hygiene screen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case fetchedMsg:
		p.fetched = &msg
		return p, tea.Batch(p.check(), failedStatusCmd(msg))
	case checkedMsg:
		p.checked(msg)
	case tea.KeyPressMsg:
		p.table().Key(p.c.Keys, msg)
	case tea.MouseWheelMsg:
		p.table().Wheel(msg)
	}
	return p, nil
}

// checked takes the findings of a check, keeping the open control open.
func (p *Page) checked(msg checkedMsg) {
	p.findings, p.complete = msg.findings, msg.complete
	p.summary = model.SummarizeFindings(msg.findings)
	if p.open >= 0 {
		p.layoutRows()
	}
}

// layoutRows lists the secrets failing the open control, in the listing's
// order.
func (p *Page) layoutRows() {
	id := model.HygieneControls()[p.open].ID
	p.rows = p.rows[:0]
	for i, fs := range p.findings {
		for _, f := range fs {
			if f.Control.ID == id {
				s := p.listing.Secrets.At(i)
				p.rows = append(p.rows, row{secret: &s, reason: f.Reason})
			}
		}
	}
	p.secrets.SetRows(len(p.rows))
}
