// Package list is the screen that lists every secret in the account.
package list

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/filterinput"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Page lists every secret, loaded page by page, filtered and sorted locally.
type Page struct {
	c             common.Common
	b             backend
	width, height int

	idx   index
	table widget.Table

	input filterinput.Input

	toldAccount bool

	loadErr     error
	failedToken string
	// restarted is set once the listing started over from the first page
	// by itself; it does so once until ctrl+r or R asks for it again.
	restarted bool
	// reselect is the ARN of the secret selected when a new listing
	// started, to select again when a page brings it.
	reselect string
	// fleet is set when the backend lists many accounts and regions.
	fleet common.Fleet
	// found are the ARNs a search put in the list that the listing has
	// not brought yet; cancelSearch stops the search under way.
	found        map[string]bool
	cancelSearch context.CancelFunc
	// marked are the secrets marked for a masked diff, oldest first.
	marked []model.Secret
}

// New makes the list screen; Init starts loading.
func New(c common.Common) *Page { return newPage(c, c.Backend) }

// newPage makes the list screen asking b.
func newPage(c common.Common, b backend) *Page {
	in := filterinput.New(c.Keys, "name, description, tag:KEY=VALUE, rot:stuck")
	p := &Page{c: c, b: b, input: in}
	if f, ok := b.(common.Fleet); ok {
		in = filterinput.New(c.Keys, "name, acct:NAME, region:eu, tag:KEY=VALUE, rot:stuck")
		p = &Page{c: c, b: b, input: in, fleet: f}
		p.idx.fleetPlaces(p.accountLabel)
	}
	return p
}

// Init starts loading the first page.
func (p *Page) Init() tea.Cmd { return p.reload() }

// SetSize sets the area the screen may draw in.
func (p *Page) SetSize(width, height int) {
	p.width, p.height = width, height
	p.input.SetWidth(max(width-2, 1))
	p.fit()
}

// fit sizes the table to the rows that fit below the filter line, when it
// shows, and the column titles, above the summary.
func (p *Page) fit() {
	below := 2 // the column titles and the summary
	if p.fleet != nil {
		below++ // the targets' progress
	}
	p.table.SetHeight(p.height - p.listTop() - below)
}

// listTop is how many lines the filter line takes above the table.
func (p *Page) listTop() int {
	if p.input.Active() || p.input.Value() != "" {
		return 1
	}
	return 0
}

// Count is the number of loaded secrets and whether loading goes on.
func (p *Page) Count() (loaded int, loading bool) { return len(p.idx.secrets), p.loading() }

// Secrets are the secrets loaded so far, those pending deletion included,
// in the order they came: a snapshot any goroutine may read while the list
// goes on, which makes each secret when asked for it.
func (p *Page) Secrets() model.SecretList { return p.idx.snapshot() }

// Capturing reports whether the filter input has the keys.
func (p *Page) Capturing() bool { return p.input.Active() }

// accountCmd tells the root, once, the account of the listed secrets, read
// from the first ARN; or, when the listing ended without one, that it
// could not.
func (p *Page) accountCmd(ended bool) tea.Cmd {
	if p.toldAccount {
		return nil
	}
	for e := range p.idx.secrets {
		if a := model.AccountFromARN(p.idx.arn(int32(e))); a != "" {
			p.toldAccount = true
			return common.Send(common.AccountMsg{Account: a})
		}
	}
	if ended {
		p.toldAccount = true
		return common.Send(common.AccountMsg{})
	}
	return nil
}

// Reconnect lists again through c, the root's new connection to the same
// profile and region, after a credentials error. The rows on screen stay
// until the new listing's first page replaces them.
func (p *Page) Reconnect(c common.Common) tea.Cmd {
	p.c, p.b = c, c.Backend
	p.toldAccount = false
	return p.reload()
}

// Update handles a message for the list.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case pageLoadedMsg:
		return p, p.pageLoaded(msg)
	case common.ChangedMsg:
		return p, p.refresh(msg.ARN)
	case refreshedMsg:
		p.refreshed(msg)
	case searchedMsg:
		p.searched(msg)
	case tea.KeyPressMsg:
		if p.input.Active() {
			return p, p.filterKey(msg)
		}
		from := p.table.Cursor()
		p.table.Key(p.c.Keys, msg)
		p.offSeparator(from)
	case tea.MouseWheelMsg:
		from := p.table.Cursor()
		p.table.Wheel(msg)
		p.offSeparator(from)
	case tea.MouseClickMsg:
		// Below the column titles come the rows.
		from := p.table.Cursor()
		p.table.Click(msg, p.listTop()+1)
		p.offSeparator(from)
	}
	return p, nil
}

// selected is the secret under the cursor; none on the separator.
func (p *Page) selected() (model.Secret, bool) {
	if i, ok := p.table.Selected(); ok {
		return p.idx.at(i)
	}
	return model.Secret{}, false
}

// arnAt names the secret on row i; "" for the separator.
func (p *Page) arnAt(i int) string {
	if e := p.idx.entryAt(i); e >= 0 {
		return p.idx.arn(e)
	}
	return ""
}

// offSeparator moves the cursor off the separator row, on in the direction
// it came from: down when it came from above (or from nowhere), else up.
func (p *Page) offSeparator(from int) {
	sep := p.idx.separator()
	if sep < 0 || p.table.Cursor() != sep {
		return
	}
	if (from < sep && sep+1 < p.idx.len()) || sep == 0 {
		p.table.Select(sep + 1)
		return
	}
	p.table.Select(sep - 1)
}

// keepSelected runs change, which changes the secrets shown but not their
// entries, and selects the secret selected before again when it still
// shows: the index finds an entry faster than a scan of the ARNs.
func (p *Page) keepSelected(change func()) {
	var selected int32 = -1
	if i, ok := p.table.Selected(); ok {
		selected = p.idx.entryAt(i)
	}
	change()
	p.table.SetRows(p.idx.len())
	if selected >= 0 {
		if i := p.idx.position(selected); i >= 0 {
			p.table.Select(i)
		}
	}
	p.offSeparator(-1)
}

// status is the command that says text in the status bar.
func status(text string) tea.Cmd { return common.Send(common.StatusMsg{Text: text}) }
