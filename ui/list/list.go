// Package list is the screen that lists every secret in the account.
package list

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/filterinput"
	"github.com/keyhole-tui/keyhole/ui/lifecycle"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// Page lists every secret, loaded page by page, filtered and sorted locally.
type Page struct {
	c             common.Common
	width, height int

	idx    index
	cursor int
	offset int

	input filterinput.Input

	toldAccount bool

	gen         int
	loading     bool
	loadErr     error
	failedToken string
	// restarted is set once the listing started over from the first page
	// by itself; it does so once until ctrl+r or R asks for it again.
	restarted bool
	spinner   spinner.Model
}

// New makes the list screen; Init starts loading.
func New(c common.Common) *Page {
	in := filterinput.New("name, description, tag:KEY=VALUE, rot:stuck")
	spin := spinner.MiniDot
	if c.ASCII {
		spin = spinner.Line
	}
	// A random first generation keeps a page of an earlier list (another
	// account, after a switch) from passing for one of this list's.
	return &Page{c: c, input: in, spinner: spinner.New(spinner.WithSpinner(spin)), gen: rand.Int()}
}

// Init starts loading the first page.
func (p *Page) Init() tea.Cmd { return p.reload() }

// SetSize sets the area the screen may draw in.
func (p *Page) SetSize(width, height int) {
	p.width, p.height = width, height
	p.input.SetWidth(max(width-2, 1))
	p.clampCursor()
}

// Count is the number of loaded secrets and whether loading goes on.
func (p *Page) Count() (loaded int, loading bool) { return len(p.idx.secrets), p.loading }

// accountCmd tells the root, once, the account of the listed secrets, read
// from the first ARN; or, when the listing ended without one, that it
// could not.
func (p *Page) accountCmd(ended bool) tea.Cmd {
	if p.toldAccount {
		return nil
	}
	for _, s := range p.idx.secrets {
		if a := model.AccountFromARN(s.ARN); a != "" {
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

// Capturing reports whether the filter input or a dialog has the keys.
func (p *Page) Capturing() bool { return p.input.Active() }

// lifecycleKey opens the delete or restore dialog for the selected secret.
func (p *Page) lifecycleKey(msg tea.KeyPressMsg) tea.Cmd {
	if p.idx.len() == 0 {
		return nil
	}
	s := *p.idx.at(p.cursor)
	if key.Matches(msg, p.c.Keys.Restore) {
		switch {
		case !p.c.ReadWrite:
			return common.ReadOnlyMsg("restoring a secret")
		case !s.PendingDeletion():
			return status(model.Sanitize(s.Name) + " is not scheduled for deletion")
		}
		return lifecycle.AskRestore(p.c, s)
	}
	switch {
	case !p.c.ReadWrite:
		return common.ReadOnlyMsg("deleting a secret")
	case s.PendingDeletion():
		return status(model.Sanitize(s.Name) + " is already scheduled for deletion")
	}
	return lifecycle.AskDelete(p.c, s)
}

// refreshed puts a changed secret's new description in the list, or drops
// it when it no longer exists.
func (p *Page) refreshed(msg refreshedMsg) {
	switch {
	case model.IsKind(msg.err, model.KindNotFound):
		p.idx.remove(msg.arn, p.c.Now())
	case msg.err == nil:
		p.idx.upsert(msg.secret, p.c.Now())
	}
	p.clampCursor()
}

// Reconnect lists again through c, the root's new connection to the same
// profile and region, after a credentials error. The rows on screen stay
// until the new listing's first page replaces them.
func (p *Page) Reconnect(c common.Common) tea.Cmd {
	p.c = c
	p.toldAccount = false
	return p.reload()
}

// reload lists again from the first page. The rows listed so far stay on
// screen until that page comes, so a reload that fails keeps them.
func (p *Page) reload() tea.Cmd {
	p.gen++
	p.loading, p.loadErr, p.failedToken, p.restarted = true, nil, "", false
	return tea.Batch(loadPageCmd(p.c.Ctx, p.c.Backend, p.gen, ""), p.spinner.Tick)
}

// startOver empties the list for the first page of a new listing, keeping
// the sort, the filter and whether deleted secrets show.
func (p *Page) startOver() {
	p.idx = index{sort: p.idx.sort, showDeleted: p.idx.showDeleted, q: p.idx.q}
	p.cursor, p.offset = 0, 0
}

// Update handles a message for the list.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case pageLoadedMsg:
		return p, p.pageLoaded(msg)
	case common.ChangedMsg:
		if msg.ARN == "" {
			return p, nil
		}
		return p, refreshCmd(p.c.Ctx, p.c.Backend, msg.ARN)
	case refreshedMsg:
		p.refreshed(msg)
	case spinner.TickMsg:
		if !p.loading {
			return p, nil
		}
		var cmd tea.Cmd
		p.spinner, cmd = p.spinner.Update(msg)
		return p, cmd
	case tea.KeyPressMsg:
		if p.input.Active() {
			return p, p.filterKey(msg)
		}
		return p, p.key(msg)
	case tea.MouseWheelMsg:
		if step, ok := common.WheelStep(msg); ok {
			p.move(step)
		}
	case tea.MouseClickMsg:
		// Below the column titles come the rows.
		row := msg.Y - p.listTop() - 1
		if msg.Button == tea.MouseLeft && row >= 0 && row < p.rows() && p.offset+row < p.idx.len() {
			p.cursor = p.offset + row
		}
	}
	return p, nil
}

func (p *Page) pageLoaded(msg pageLoadedMsg) tea.Cmd {
	if msg.gen != p.gen {
		return nil
	}
	if msg.err != nil {
		if cmd, ok := p.restartListing(msg); ok {
			return cmd
		}
		p.loading, p.loadErr, p.failedToken = false, msg.err, msg.token
		err := fmt.Errorf("listing stopped after %d secrets: %w (R retries)", len(p.idx.secrets), msg.err)
		if msg.token == "" && len(p.idx.secrets) > 0 {
			err = fmt.Errorf("reload failed, list kept: %w (R retries)", msg.err)
		}
		return tea.Batch(common.Send(common.StatusMsg{Err: err}), p.accountCmd(true))
	}
	if msg.token == "" {
		p.startOver()
	}
	var selected int32 = -1
	if p.idx.len() > 0 {
		selected = p.idx.entryAt(p.cursor)
	}
	p.idx.add(msg.page.Secrets, p.c.Now())
	account := p.accountCmd(msg.page.NextToken == "")
	if selected >= 0 {
		if i := p.idx.position(selected); i >= 0 {
			p.cursor = i
		}
	}
	p.clampCursor()
	if msg.page.NextToken == "" {
		p.loading = false
		return account
	}
	return tea.Batch(account, loadPageCmd(p.c.Ctx, p.c.Backend, p.gen, msg.page.NextToken))
}

func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	if d, ok := k.Step(msg, p.rows(), p.idx.len()); ok {
		p.move(d)
		return nil
	}
	switch {
	case key.Matches(msg, k.Filter):
		return p.input.Open()
	case key.Matches(msg, k.Back):
		if p.input.Value() != "" {
			p.input.SetValue("")
			p.idx.filter(parseQuery(""), p.c.Now())
			p.clampCursor()
		}
	case key.Matches(msg, k.Open):
		return p.open(common.ScreenDetail)
	case key.Matches(msg, k.Rotation):
		return p.open(common.ScreenRotation)
	case key.Matches(msg, k.Audit):
		return p.open(common.ScreenAudit)
	case key.Matches(msg, k.AccountAudit):
		return common.Open(common.ScreenAudit, nil)
	case key.Matches(msg, k.Delete), key.Matches(msg, k.Restore):
		return p.lifecycleKey(msg)
	case key.Matches(msg, k.New):
		return common.Open(common.ScreenCreate, nil)
	case key.Matches(msg, k.Sort):
		p.idx.setSort((p.idx.sort+1)%sortModes, p.c.Now())
		p.cursor, p.offset = 0, 0
		return status("sorted by " + p.idx.sort.String())
	case key.Matches(msg, k.ToggleDeleted):
		p.idx.setShowDeleted(!p.idx.showDeleted, p.c.Now())
		p.clampCursor()
		if p.idx.showDeleted {
			return status("showing secrets pending deletion")
		}
		return status("hiding secrets pending deletion")
	case key.Matches(msg, k.Reload):
		return p.reload()
	case key.Matches(msg, k.Retry):
		if p.loadErr != nil {
			p.loading, p.loadErr, p.restarted = true, nil, false
			return tea.Batch(loadPageCmd(p.c.Ctx, p.c.Backend, p.gen, p.failedToken), p.spinner.Tick)
		}
	}
	return nil
}

// open opens screen about the selected secret, if there is one.
func (p *Page) open(screen common.Screen) tea.Cmd {
	if p.idx.len() == 0 {
		return nil
	}
	s := *p.idx.at(p.cursor)
	return common.Open(screen, &s)
}

func (p *Page) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	result, changed, cmd := p.input.Update(msg)
	if result == filterinput.Left {
		return p.key(msg)
	}
	if !changed {
		return cmd
	}
	q := parseQuery(p.input.Value())
	p.idx.filter(q, p.c.Now())
	p.cursor, p.offset = 0, 0
	p.clampCursor()
	return cmd
}

func status(text string) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: text} }
}

func (p *Page) move(delta int) {
	p.cursor += delta
	p.clampCursor()
}

func (p *Page) clampCursor() {
	n := p.idx.len()
	p.cursor = max(min(p.cursor, n-1), 0)
	rows := p.rows()
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+rows {
		p.offset = p.cursor - rows + 1
	}
	p.offset = max(min(p.offset, n-rows), 0)
}

// listTop is how many lines the filter line takes above the table.
func (p *Page) listTop() int {
	if p.input.Active() || p.input.Value() != "" {
		return 1
	}
	return 0
}

// rows is how many secrets fit on screen.
func (p *Page) rows() int { return max(p.height-p.listTop()-2, 1) }

// View draws the list: filter line, column titles, visible rows, summary.
func (p *Page) View() string {
	var b strings.Builder
	st := p.c.Styles
	if p.listTop() > 0 {
		b.WriteString(p.input.View())
		b.WriteByte('\n')
	}
	cols := render.ListColumns(p.width, p.c.Columns)
	b.WriteString(render.ListHeader(cols, st))
	b.WriteByte('\n')
	rows := p.rows()
	end := min(p.offset+rows, p.idx.len())
	opts := render.RowOptions{Now: p.c.Now(), ASCII: p.c.ASCII}
	for i := p.offset; i < end; i++ {
		opts.Selected = i == p.cursor
		b.WriteString(render.SecretRow(*p.idx.at(i), cols, st, opts))
		b.WriteByte('\n')
	}
	if p.idx.len() == 0 {
		b.WriteString(st.Muted.Render(p.emptyText()))
		b.WriteByte('\n')
		end++
	}
	for i := end - p.offset; i < rows; i++ {
		b.WriteByte('\n')
	}
	b.WriteString(p.summary())
	return b.String()
}

func (p *Page) emptyText() string {
	switch {
	case p.loading:
		return "  loading secrets…"
	case p.loadErr != nil:
		return "  could not list secrets: " + model.Sanitize(p.loadErr.Error()) + " (R retries)"
	case p.input.Value() != "":
		return "  no secret matches the filter"
	}
	return "  no secrets in this account and region"
}

func (p *Page) summary() string {
	st := p.c.Styles
	total := len(p.idx.secrets)
	text := fmt.Sprintf(" %d of %d secrets · sorted by %s", p.idx.len(), total, p.idx.sort)
	if p.idx.showDeleted {
		text += " · pending deletion shown"
	}
	switch {
	case p.loading:
		text += " · " + p.spinner.View() + " loading"
	case p.loadErr != nil:
		return st.Error.Render(text + " · listing failed (R retries)")
	}
	// Said here, with the filter that holds it, so it goes as soon as the
	// term is fixed.
	if bad := p.idx.q.bad; bad != "" {
		return st.Muted.Render(text) + st.Warning.Render(" · unknown filter term "+model.Sanitize(bad)+" (rot: takes off, on, never, overdue, rotating, stuck)")
	}
	return st.Muted.Render(text)
}

// Actions lists what the list does with the selected secret and the list.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	actions := []common.Action{
		{Key: &k.Filter, Short: true}, {Key: &k.Open, Short: true}, {Key: &k.Sort, Short: true},
		{Key: &k.ToggleDeleted, Short: true}, {Key: &k.Rotation, Short: true}, {Key: &k.Audit, Short: true},
		{Key: &k.AccountAudit, Short: true},
		common.RW(&k.New, "creating a secret"), common.RW(&k.Delete, "deleting a secret"),
		common.RW(&k.Restore, "restoring a secret"),
		{Key: &k.Reload}, {Key: &k.Retry}, {Key: &k.Back},
	}
	return append(actions, common.MoveActions(k)...)
}
