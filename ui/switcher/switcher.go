// Package switcher is the screen that picks another AWS profile and region.
package switcher

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/render"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Page lists profiles and regions side by side; enter connects to the pair.
type Page struct {
	c             common.Common
	width, height int
	// lists are the profiles and the regions, each in a table of its own.
	lists [2]column
	// focus is the column the movement keys move in.
	focus int
	// profileRegions are the regions profiles set in the shared config:
	// picking such a profile picks its region.
	profileRegions map[string]string
}

// column is one list to pick from.
type column struct {
	items []string
	table widget.Table
}

// New opens the switcher on the current profile and region. regions come
// most recently used first; profileRegions are the regions the profiles
// set, which picking a profile picks too.
func New(c common.Common, profiles, regions []string, profileRegions map[string]string, profile, region string) *Page {
	p := &Page{c: c, profileRegions: profileRegions}
	for i, list := range [2][]string{profiles, regions} {
		p.lists[i].items = list
		p.lists[i].table.SetRows(len(list))
	}
	p.lists[0].table.Select(slices.Index(profiles, profile))
	p.lists[1].table.Select(slices.Index(regions, region))
	return p
}

// Init does nothing: the lists are known.
func (p *Page) Init() tea.Cmd { return nil }

// headLines are the title, a blank line and the column titles.
const headLines = 3

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	for i := range p.lists {
		p.lists[i].table.SetHeight(h - headLines - 1)
	}
}

// Capturing reports whether the page takes every key: never.
func (p *Page) Capturing() bool { return false }

// Actions lists the switcher's keys.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	actions := []common.Action{
		{Key: &k.NextField, Short: true, Run: p.nextColumn},
		{Key: &k.Open, Short: true, Run: p.connect},
		{Key: &k.Back, Short: true, Run: common.Back},
	}
	return append(actions, common.MoveActions(k)...)
}

// nextColumn moves to the other list.
func (p *Page) nextColumn() tea.Cmd {
	p.focus = 1 - p.focus
	return nil
}

// connect closes the switcher and connects to the selected pair.
func (p *Page) connect() tea.Cmd {
	switched := common.SwitchMsg{Profile: p.lists[0].selected(), Region: p.lists[1].selected()}
	return tea.Batch(common.Back(), common.Send(switched))
}

// selected is the item under the column's cursor, or "".
func (l column) selected() string {
	if i, ok := l.table.Selected(); ok {
		return l.items[i]
	}
	return ""
}

// Update moves in the list that has the focus; a move to another profile
// selects the region that profile sets, when it sets one.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	if m, ok := msg.(tea.KeyPressMsg); ok {
		before := p.lists[0].selected()
		p.lists[p.focus].table.Key(p.c.Keys, m)
		if profile := p.lists[0].selected(); profile != before {
			p.selectRegion(p.profileRegions[profile])
		}
	}
	return p, nil
}

// selectRegion moves the region cursor to region, adding it to the list
// when it is not there; an empty region leaves the cursor where it is.
func (p *Page) selectRegion(region string) {
	if region == "" {
		return
	}
	regions := &p.lists[1]
	i := slices.Index(regions.items, region)
	if i < 0 {
		regions.items = append(regions.items, region)
		regions.table.SetRows(len(regions.items))
		i = len(regions.items) - 1
	}
	regions.table.Select(i)
}

// View draws the two lists.
func (p *Page) View() string {
	st := p.c.Styles
	colWidth := max((p.width-4)/2, 12)
	lines := []string{
		st.Title.Render("Switch profile and region") + st.Muted.Render("   tab switches column · enter connects · esc cancels"),
		"",
		render.Fit(st.Label.Render("PROFILE"), colWidth, "") + "  " + st.Label.Render("REGION (recent first)"),
	}
	for i := range p.lists[0].table.Height() {
		left := p.cell(0, i, colWidth, "no profiles in ~/.aws/config or ~/.aws/credentials")
		right := p.cell(1, i, colWidth, "")
		lines = append(lines, left+"  "+right)
	}
	return strings.Join(lines, "\n")
}

// cell draws the line-th line of one column.
func (p *Page) cell(col, line, width int, empty string) string {
	st := p.c.Styles
	l := p.lists[col]
	j, ok := l.table.RowAt(line)
	switch {
	case len(l.items) == 0 && line == 0:
		return render.Fit(st.Muted.Render(empty), width, "")
	case !ok:
		return strings.Repeat(" ", width)
	}
	text := render.Fit(model.Sanitize(l.items[j]), width-2, p.c.Ellipsis())
	if j != l.table.Cursor() {
		return "  " + text
	}
	if col == p.focus {
		return st.SelectedRow.Render("> " + text)
	}
	return "> " + text
}
