// Package targets is the screen that lists a fleet's targets: every account
// and region, how far its listing got, and why it failed or was skipped.
package targets

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/render"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// headLines are the title and the column titles.
const headLines = 2

// footLines are a blank line and up to three of the selected target's
// reason, in full.
const footLines = 4

// Column widths, in cells.
const (
	idWidth      = 12
	regionWidth  = 14
	stateWidth   = 8
	secretsWidth = 7
)

// Page lists the fleet's targets, drawn afresh from the fleet each frame,
// so it follows the listing as it goes.
type Page struct {
	c             common.Common
	fleet         common.Fleet
	width, height int
	table         widget.Table
	// rows are the targets as last drawn, in order.
	rows []model.TargetStatus
}

// New makes the targets screen; it shows nothing unless the backend is a
// fleet.
func New(c common.Common) *Page {
	f, _ := c.Backend.(common.Fleet)
	return &Page{c: c, fleet: f}
}

// Init does nothing: the fleet already lists.
func (p *Page) Init() tea.Cmd { return nil }

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.table.SetHeight(max(h-headLines-footLines, 1))
}

// Capturing reports whether the page takes every key: never.
func (p *Page) Capturing() bool { return false }

// Actions lists the screen's keys.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	return append([]common.Action{{Key: &k.Back, Short: true, Run: common.Back}}, common.MoveActions(k)...)
}

// Update moves in the table.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	p.refresh()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		p.table.Key(p.c.Keys, msg)
	case tea.MouseWheelMsg:
		p.table.Wheel(msg)
	}
	return p, nil
}

// refresh reads the targets again: failed ones first, then skipped, those
// still listing or waiting, and the done ones, each by account and region.
func (p *Page) refresh() {
	if p.fleet == nil {
		return
	}
	rank := map[model.TargetState]int{model.TargetFailed: 0, model.TargetSkipped: 1, model.TargetLoading: 2, model.TargetWaiting: 3, model.TargetDone: 4}
	p.rows = p.fleet.Statuses()
	slices.SortStableFunc(p.rows, func(a, b model.TargetStatus) int {
		return cmp.Or(cmp.Compare(rank[a.State], rank[b.State]),
			strings.Compare(a.Target.AccountLabel(), b.Target.AccountLabel()), strings.Compare(a.Target.Region, b.Target.Region))
	})
	p.table.SetRows(len(p.rows))
}

// View draws the title, the column titles and a row per target.
func (p *Page) View() string {
	p.refresh()
	st := p.c.Styles
	if p.fleet == nil {
		return st.Muted.Render("  not a fleet: start keyhole with --fleet to list many accounts and regions")
	}
	account, why := p.columns()
	lines := []string{
		st.Title.Render("Fleet targets") + st.Muted.Render(fmt.Sprintf(" · %d", len(p.rows))),
		st.Label.Render("  " + render.Fit("ACCOUNT", account, "") + " " + render.Fit("ID", idWidth, "") + " " + render.Fit("REGION", regionWidth, "") + " " +
			render.Fit("STATE", stateWidth, "") + " " + render.Fit("SECRETS", secretsWidth, "") + " WHY"),
	}
	first, end := p.table.Visible()
	for i := first; i < end; i++ {
		lines = append(lines, p.row(i, account, why))
	}
	for len(lines) < headLines+p.table.Height() {
		lines = append(lines, "")
	}
	lines = append(lines, p.reason()...)
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, p.width, "")
	}
	return strings.Join(lines, "\n")
}

// columns are the widths of the account name and why columns.
func (p *Page) columns() (account, why int) {
	account = min(24, max(p.width/6, 8))
	return account, max(p.width-2-account-idWidth-regionWidth-stateWidth-secretsWidth-5, 1)
}

// row draws target i.
func (p *Page) row(i, accountWidth, whyWidth int) string {
	st := p.c.Styles
	t := p.rows[i]
	label := t.Target.AccountName
	if label == "" {
		label = t.Target.Via
	}
	why := ""
	if t.Err != nil {
		why = t.Err.Error()
	}
	if t.Retries > 0 {
		why = strings.TrimSpace(fmt.Sprintf("%d throttled pages asked again %s", t.Retries, why))
	}
	text := render.FitEnd(model.Sanitize(label), accountWidth, p.c.Ellipsis()) + " " +
		render.Fit(t.Target.Account, idWidth, "") + " " +
		render.Fit(model.Sanitize(t.Target.Region), regionWidth, p.c.Ellipsis()) + " " +
		render.Fit(stateWord(t.State), stateWidth, "") + " " +
		render.Fit(fmt.Sprintf("%7d", t.Loaded), secretsWidth, "") + " " +
		render.Fit(model.Sanitize(why), whyWidth, p.c.Ellipsis())
	selected := i == p.table.Cursor()
	switch {
	case selected:
		text = st.SelectedRow.Render(text)
	case t.State == model.TargetFailed:
		text = st.Error.Render(text)
	case t.State == model.TargetSkipped:
		text = st.Muted.Render(text)
	}
	return render.Cursor(selected, p.c.ASCII, st) + " " + text
}

// reason is the selected target's reason in full, wrapped, after a blank
// line: the table's column cuts it.
func (p *Page) reason() []string {
	i, ok := p.table.Selected()
	if !ok || p.rows[i].Err == nil {
		return nil
	}
	t := p.rows[i]
	wrapped := widget.WordWrap(model.Sanitize(t.Target.String()+": "+t.Err.Error()), max(p.width-2, 1))
	out := []string{""}
	for _, l := range wrapped[:min(len(wrapped), footLines-1)] {
		out = append(out, p.c.Styles.Muted.Render("  "+l))
	}
	return out
}

// stateWord names a target's state.
func stateWord(s model.TargetState) string {
	return [...]string{"waiting", "listing", "done", "failed", "skipped"}[s]
}
