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
	cursor  int
	offset  int

	tab     tab
	readers readerList

	// event is the JSON of the event opened with enter; nil when closed.
	event *eventView
}

// New makes the audit screen of secret, or of the account when nil.
func New(c common.Common, secret *model.Secret) *Page {
	in := filterinput.New("words, event:GetSecretValue, principal:alice, ip:10.0.")
	p := &Page{c: c, input: in, rng: model.TrailWeek}
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
	p.clampCursor()
	p.readers.clamp(p.readerRows())
	if p.event != nil {
		p.event.layout(width)
		p.event.scroll(0, p.eventRows())
	}
}

// Capturing reports whether the filter input has the keys.
func (p *Page) Capturing() bool { return p.input.Active() }

// Update handles a message for the audit screen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case eventsMsg:
		mine, startedOver := p.load.took(msg)
		if !mine {
			return p, nil
		}
		selected := p.selectedID()
		if msg.err == nil {
			p.hist.Add(msg.events)
		}
		p.refreshKeeping(selected)
		next := p.load.nextCmd(p.c.Backend, p.secret)
		if startedOver {
			said := common.StatusMsg{Text: "CloudTrail forgot the lookup's NextToken: looking up again from the newest event"}
			return p, tea.Batch(common.Send(said), next)
		}
		return p, next
	case tea.KeyPressMsg:
		switch {
		case p.input.Active():
			return p, p.filterKey(msg)
		case p.event != nil:
			return p, p.eventKey(msg)
		}
		return p, p.key(msg)
	case tea.MouseWheelMsg:
		if step, ok := common.WheelStep(msg); ok {
			p.move(step)
		}
	case tea.MouseClickMsg:
		p.click(msg)
	}
	return p, nil
}

// reload forgets what was loaded and starts again from now.
func (p *Page) reload() tea.Cmd {
	p.load.stop()
	now := p.c.Now()
	span := p.rng.Duration()
	if p.secret != nil {
		span = model.TrailRetention
	}
	p.load = newLoader(p.c.Ctx, p.secret, now, now.Add(-span))
	p.hist = model.TrailHistory{}
	p.visible = p.visible[:0]
	p.cursor, p.offset = 0, 0
	p.readers = readerList{}
	p.refresh()
	return p.load.nextCmd(p.c.Backend, p.secret)
}

// windowStart is where the chosen time range begins.
func (p *Page) windowStart() time.Time { return p.load.anchor.Add(-p.rng.Duration()) }

// filter is what the table shows: the time range, kind, errors and words.
func (p *Page) filter() model.TrailFilter {
	return model.TrailFilter{Since: p.windowStart(), Kind: p.kind, ErrorsOnly: p.errorsOnly, Terms: p.terms}
}

// selectedID is the id of the event under the cursor, or "".
func (p *Page) selectedID() string {
	if p.cursor < len(p.visible) {
		return p.hist.Events()[p.visible[p.cursor]].ID
	}
	return ""
}

// refresh works out the shown events again.
func (p *Page) refresh() { p.refreshKeeping(p.selectedID()) }

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
	if selected != "" {
		for i, at := range p.visible {
			if events[at].ID == selected {
				p.cursor = i
				break
			}
		}
	}
	p.clampCursor()
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
	p.readers.clamp(p.readerRows())
}

// Actions lists what the audit trail does: filters, the event detail,
// reloads.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	if p.event != nil {
		return append(common.MoveActions(k), common.Action{Key: &k.Back, Short: true})
	}
	actions := []common.Action{
		{Key: &k.Filter, Short: true}, {Key: &k.TimeRange, Short: true}, {Key: &k.ReadsWrite, Short: true},
		{Key: &k.ErrorsOnly, Short: true}, {Key: &k.WhoRead, Short: true}, {Key: &k.Open, Short: true},
		{Key: &k.Reload, Short: true}, {Key: &k.Retry, Short: p.load.err != nil}, {Key: &k.Back, Short: true},
	}
	return append(actions, common.MoveActions(k)...)
}
