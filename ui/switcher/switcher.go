// Package switcher is the screen that picks another AWS profile and region.
package switcher

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// Page lists profiles and regions side by side; enter connects to the pair.
type Page struct {
	c             common.Common
	width, height int
	profiles      []string
	regions       []string
	cursor        [2]int
	column        int
}

// New opens the switcher on the current profile and region. regions come
// most recently used first.
func New(c common.Common, profiles, regions []string, profile, region string) *Page {
	p := &Page{c: c, profiles: profiles, regions: regions}
	p.cursor[0] = max(index(profiles, profile), 0)
	p.cursor[1] = max(index(regions, region), 0)
	return p
}

func index(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// Init does nothing: the lists are known.
func (p *Page) Init() tea.Cmd { return nil }

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) { p.width, p.height = w, h }

// Capturing reports whether the page takes every key: never.
func (p *Page) Capturing() bool { return false }

// Actions lists the switcher's keys.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	return append([]common.Action{{Key: &k.NextField, Short: true}, {Key: &k.Open, Short: true}, {Key: &k.Back, Short: true}}, common.MoveActions(k)...)
}

// Update moves in the lists and connects on enter.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	k := p.c.Keys
	n := len(p.profiles)
	if p.column == 1 {
		n = len(p.regions)
	}
	switch {
	case key.Matches(m, k.Back):
		return p, common.Send(common.BackMsg{})
	case key.Matches(m, k.NextField), m.String() == "left", m.String() == "right", m.String() == "h", m.String() == "l":
		p.column = 1 - p.column
	case key.Matches(m, k.Up):
		p.cursor[p.column] = max(p.cursor[p.column]-1, 0)
	case key.Matches(m, k.Down):
		p.cursor[p.column] = min(p.cursor[p.column]+1, max(n-1, 0))
	case key.Matches(m, k.Open):
		profile, region := pick(p.profiles, p.cursor[0]), pick(p.regions, p.cursor[1])
		return p, tea.Batch(common.Send(common.BackMsg{}), common.Send(common.SwitchMsg{Profile: profile, Region: region}))
	}
	return p, nil
}

func pick(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return ""
}

// View draws the two lists.
func (p *Page) View() string {
	st := p.c.Styles
	colWidth := max((p.width-4)/2, 12)
	rows := max(p.height-4, 1)
	lines := []string{
		st.Title.Render("Switch profile and region") + st.Muted.Render("   tab switches column · enter connects · esc cancels"),
		"",
		render.Fit(st.Label.Render("PROFILE"), colWidth, "") + "  " + st.Label.Render("REGION (recent first)"),
	}
	for i := range rows {
		left := p.cell(p.profiles, 0, i, colWidth, "no profiles in ~/.aws/config or ~/.aws/credentials")
		right := p.cell(p.regions, 1, i, colWidth, "")
		lines = append(lines, left+"  "+right)
	}
	return strings.Join(lines, "\n")
}

// cell draws row i of one column, scrolled so its cursor shows.
func (p *Page) cell(list []string, column, i, width int, empty string) string {
	st := p.c.Styles
	rows := max(p.height-4, 1)
	offset := max(p.cursor[column]-rows+1, 0)
	j := offset + i
	if len(list) == 0 && i == 0 {
		return render.Fit(st.Muted.Render(empty), width, "")
	}
	if j >= len(list) {
		return strings.Repeat(" ", width)
	}
	text := render.Fit(model.Sanitize(list[j]), width-2, p.c.Ellipsis())
	if j == p.cursor[column] {
		if column == p.column {
			return st.SelectedRow.Render("> " + text)
		}
		return "> " + text
	}
	return "  " + text
}
