// Package audit is the screen that shows who read or changed secrets, from
// CloudTrail: the events of one secret, or of the whole account, and a
// who-read-it summary.
package audit

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/filterinput"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// tab is what the screen shows: the events table or the who-read-it summary.
type tab int

const (
	tabEvents tab = iota
	tabReaders
)

// Page shows CloudTrail events for one secret, or for the whole account
// when secret is nil. For a secret it loads the whole 90 days CloudTrail
// keeps, so that who-read-it can tell new readers; for the account it
// loads the chosen range and more when the range is widened.
type Page struct {
	c             common.Common
	b             backend
	secret        *model.Secret
	width, height int

	rng        model.TrailRange
	kind       model.TrailKind
	errorsOnly bool
	input      filterinput.Input
	terms      []model.TrailTerm

	load    loader
	hist    model.TrailHistory
	visible []int32
	events  widget.Table

	tab     tab
	readers readerList

	// event is the JSON of the event opened with enter; nil when closed.
	event *eventView
}

// New makes the audit screen of secret, or of the account when nil.
func New(c common.Common, secret *model.Secret) *Page { return newPage(c, c.Backend, secret) }

// newPage makes the audit screen asking b.
func newPage(c common.Common, b backend, secret *model.Secret) *Page {
	in := filterinput.New(c.Keys, "words, event:GetSecretValue, principal:alice, ip:10.0.")
	p := &Page{c: c, b: b, input: in, rng: model.TrailWeek}
	if secret != nil {
		s := *secret
		p.secret = &s
		p.rng = model.Trail90Days
	}
	return p
}

// Init starts loading events.
func (p *Page) Init() tea.Cmd { return p.reload() }

// SetSize sets the area the screen may draw in.
func (p *Page) SetSize(width, height int) {
	p.width, p.height = width, height
	p.input.SetWidth(max(width-2, 1))
	p.events.SetHeight(p.rows())
	p.readers.table.SetHeight(p.readerRows())
	if p.event != nil {
		p.event.view.SetSize(width, p.eventRows())
	}
}

// Capturing reports whether the filter input has the keys.
func (p *Page) Capturing() bool { return p.input.Active() }

// Update handles a message for the audit screen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case eventsMsg:
		return p, p.took(msg)
	case tea.KeyPressMsg:
		if p.input.Active() {
			return p, p.filterKey(msg)
		}
		p.moveKey(msg)
	case tea.MouseWheelMsg:
		p.wheel(msg)
	case tea.MouseClickMsg:
		p.click(msg)
	}
	return p, nil
}

// took adds a page of events, keeping the selected one, and asks for the
// next page.
func (p *Page) took(msg eventsMsg) tea.Cmd {
	startedOver := p.load.took(msg)
	selected := p.events.SelectedID(p.eventID)
	if msg.err == nil {
		p.hist.Add(msg.events)
	}
	p.refreshKeeping(selected)
	next := p.load.nextCmd()
	if startedOver {
		said := common.StatusMsg{Text: "CloudTrail forgot the lookup's NextToken: looking up again from the newest event"}
		return tea.Batch(common.Send(said), next)
	}
	return next
}

// reload forgets what was loaded and starts again from now.
func (p *Page) reload() tea.Cmd {
	p.load.stop()
	now := p.c.Now()
	span := p.rng.Duration()
	if p.secret != nil {
		span = model.TrailRetention
	}
	p.load = newLoader(p.c, p.b, p.secret, now, now.Add(-span))
	p.hist = model.TrailHistory{}
	p.visible = p.visible[:0]
	p.events.SetRows(0)
	p.readers = readerList{}
	p.readers.table.SetHeight(p.readerRows())
	p.refresh()
	return p.load.nextCmd()
}

// windowStart is where the chosen time range begins.
func (p *Page) windowStart() time.Time { return p.load.anchor.Add(-p.rng.Duration()) }

// filter is what the table shows: the time range, kind, errors and words.
func (p *Page) filter() model.TrailFilter {
	return model.TrailFilter{Since: p.windowStart(), Kind: p.kind, ErrorsOnly: p.errorsOnly, Terms: p.terms}
}

// eventID names the i-th event shown.
func (p *Page) eventID(i int) string { return p.hist.Events()[p.visible[i]].ID }

// refresh works out the shown events again.
func (p *Page) refresh() { p.refreshKeeping(p.events.SelectedID(p.eventID)) }

// refreshKeeping works out the shown events again, keeping the event with
// id selected, and the who-read-it summary when it is on screen.
func (p *Page) refreshKeeping(selected string) {
	events := p.hist.Events()
	f := p.filter()
	p.visible = p.visible[:0]
	for i := range events {
		if f.Match(&events[i]) {
			p.visible = append(p.visible, int32(i))
		}
	}
	p.events.SetRowsKeeping(len(p.visible), selected, p.eventID)
	if p.tab == tabReaders {
		p.summarize()
	}
}

// summarize groups the reads in the time range for the who-read-it tab.
func (p *Page) summarize() {
	f := p.filter()
	f.Kind = model.TrailAll
	w := model.ReadWindow{Start: p.windowStart(), Loaded: p.load.loadedSince()}
	p.readers.set(model.WhoRead(p.hist.Events(), w, f.Match), w)
}
