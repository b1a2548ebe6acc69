package hygiene

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// The controls table's column widths, in cells.
const (
	idWidth       = 16
	severityWidth = 8
	countWidth    = 5
)

// View draws the controls with their counts, or the secrets failing one.
func (p *Page) View() string {
	var lines []string
	if p.open < 0 {
		lines = p.controlsView()
	} else {
		lines = p.secretsView()
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, p.width, "")
	}
	return strings.Join(lines, "\n")
}

// controlsView is the title, what was checked, and a row per control.
func (p *Page) controlsView() []string {
	st := p.c.Styles
	title := st.Title.Render("Hygiene") + st.Muted.Render(" · "+render.Plural(p.listing.Secrets.Len(), "secret")+" listed")
	header := "  " + render.Fit("CONTROL", idWidth, "") + "  " + render.Fit("SEVERITY", severityWidth, "") + " " +
		fmt.Sprintf("%*s", countWidth, "COUNT") + "  TITLE"
	lines := []string{title, st.Muted.Render(p.checkedLine()), st.Label.Render(header)}
	controls := model.HygieneControls()
	first, end := p.controls.Visible()
	for i := first; i < end; i++ {
		lines = append(lines, p.controlRow(controls[i], i))
	}
	for len(lines) < headLines+p.controls.Height() {
		lines = append(lines, "")
	}
	return append(lines, "", st.Muted.Render(p.controlNote(controls)))
}

// controlRow draws control c, the i-th row.
func (p *Page) controlRow(c model.Control, i int) string {
	st := p.c.Styles
	count := p.c.Ellipsis()
	if p.findings != nil && (!c.NeedsMore() || p.complete) {
		count = strconv.Itoa(p.summary[i].Count)
	}
	titleWidth := max(p.width-idWidth-severityWidth-countWidth-7, 1)
	text := render.Fit(c.ID, idWidth, "") + "  " + severityInk(c.Severity, st).Render(render.Fit(string(c.Severity), severityWidth, "")) +
		" " + fmt.Sprintf("%*s", countWidth, count) + "  " + render.Fit(c.Title, titleWidth, p.c.Ellipsis())
	selected := i == p.controls.Cursor()
	if selected {
		text = st.SelectedRow.Render(text)
	}
	return render.Cursor(selected, p.c.ASCII, st) + " " + text
}

// checkedLine says what the counts rest on: the secrets checked and the
// policies read.
func (p *Page) checkedLine() string {
	var parts []string
	if p.listing.Loading {
		parts = append(parts, "list still loading")
	}
	f := p.fetched
	switch {
	case p.c.Tasks.Awaits(taskFetch):
		parts = append(parts, "reading resource policies…")
	case f != nil:
		read := "policies read for " + render.Plural(len(f.Policies), "secret")
		if f.Skipped > 0 {
			read += fmt.Sprintf(", %d over the limit unread", f.Skipped)
		}
		parts = append(parts, read)
		if f.Failed > 0 {
			parts = append(parts, fmt.Sprintf("%d failed", f.Failed))
		}
	}
	return strings.Join(parts, " · ")
}

// controlNote is the line under the controls: the selected control's best
// practice, and what it rests on when more than the listing.
func (p *Page) controlNote(controls []model.Control) string {
	i, ok := p.controls.Selected()
	if !ok {
		return ""
	}
	c := controls[i]
	note := "best practice: " + c.Practice
	switch {
	case c.NeedsPolicy:
		note += " · counts only secrets whose policy was read"
	case c.NeedsReplicas:
		note += " · replicas of replicated secrets only"
	}
	return note
}

// secretsView is the open control and the secrets failing it.
func (p *Page) secretsView() []string {
	st := p.c.Styles
	c := model.HygieneControls()[p.open]
	lines := []string{
		st.Title.Render(c.ID) + st.Muted.Render(" · "+c.Title),
		severityInk(c.Severity, st).Render(string(c.Severity)) + st.Muted.Render(" · "+c.Practice+" · "+render.Plural(len(p.rows), "secret")),
	}
	nameWidth, whereWidth, reasonWidth := p.columns()
	head := "  " + render.Fit("NAME", nameWidth, "") + "  "
	if whereWidth > 0 {
		head += render.Fit("WHERE", whereWidth, "") + "  "
	}
	lines = append(lines, st.Label.Render(head+"REASON"))
	switch {
	case p.findings == nil || c.NeedsMore() && !p.complete:
		lines = append(lines, st.Muted.Render("  checking…"))
	case len(p.rows) == 0:
		lines = append(lines, st.Muted.Render("  no listed secret fails this control"))
	}
	first, end := p.secrets.Visible()
	for i := first; i < end; i++ {
		lines = append(lines, p.secretRow(p.rows[i], i, nameWidth, whereWidth, reasonWidth))
	}
	for len(lines) < headLines+p.secrets.Height() {
		lines = append(lines, "")
	}
	k := p.c.Keys
	return append(lines, "", st.Muted.Render(k.Open.Help().Key+" opens the secret · "+k.Back.Help().Key+" goes back to the controls"))
}

// columns are the widths of the name, place and reason columns: names
// take what the longest needs, up to two fifths of the width (a third in a
// fleet, whose secrets also say in which account and region they are).
func (p *Page) columns() (name, where, reason int) {
	longest := 4
	for _, r := range p.rows {
		longest = max(longest, ansi.StringWidth(model.Sanitize(r.secret.Name)))
	}
	if p.fleet == nil {
		name = min(longest, max(p.width*2/5, 12))
		return name, 0, max(p.width-name-4, 1)
	}
	name = min(longest, max(p.width/3, 12))
	where = min(30, max(p.width/4, 12))
	return name, where, max(p.width-name-where-6, 1)
}

// where names the account and region of a fleet's secret in width cells:
// the region whole, the account's name cut at its start when it must be.
func (p *Page) where(s *model.Secret, width int) string {
	account := model.AccountFromARN(s.ARN)
	if name := p.fleet.AccountName(account); name != "" {
		account = name
	}
	region := model.Sanitize(model.RegionFromARN(s.ARN))
	room := width - ansi.StringWidth(region) - 1
	return render.Fit(render.FitEnd(model.Sanitize(account), room, p.c.Ellipsis())+" "+region, width, p.c.Ellipsis())
}

// secretRow draws the i-th secret failing the open control.
func (p *Page) secretRow(r row, i, nameWidth, whereWidth, reasonWidth int) string {
	st := p.c.Styles
	dir, leaf := render.FitPath(model.Sanitize(r.secret.Name), nameWidth, p.c.Ellipsis())
	text := dir + leaf + "  "
	if whereWidth > 0 {
		text += p.where(r.secret, whereWidth) + "  "
	}
	text += render.Fit(model.Sanitize(r.reason), reasonWidth, p.c.Ellipsis())
	selected := i == p.secrets.Cursor()
	if selected {
		text = st.SelectedRow.Render(text)
	}
	return render.Cursor(selected, p.c.ASCII, st) + " " + text
}

// severityInk colours a severity: high as an error, medium as a warning.
func severityInk(s model.Severity, st *styles.Styles) lipgloss.Style {
	switch s {
	case model.SeverityHigh:
		return st.Error
	case model.SeverityMedium:
		return st.Warning
	}
	return st.Muted
}
