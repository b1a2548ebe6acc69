// Package versions lists a secret's versions, reveals and copies any of
// them on request, diffs two of them without showing values, and with --rw
// makes an older one AWSCURRENT again.
package versions

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// Page lists the versions of one secret. A version's value is read only
// when the user reveals, copies or diffs it, and lives only as long as the
// page.
type Page struct {
	c             common.Common
	width, height int
	secret        model.Secret
	// key fingerprints values for diffs; it is made with the page and
	// never leaves it.
	fpKey model.FingerprintKey

	listGen    int
	loading    bool
	listErr    error
	versions   []model.Version
	deprecated bool
	// current is the version that held AWSCURRENT at the last listing: a
	// promotion is refused when that is no longer so.
	current string

	cursor int
	marked string

	values  map[string]*held
	prints  map[string][]model.FieldPrint
	idleGen int

	diff    *diffView
	diffGen int
}

// New makes the versions screen of a secret.
func New(c common.Common, s model.Secret) *Page {
	return &Page{
		c: c, secret: s, fpKey: model.NewFingerprintKey(),
		values: map[string]*held{}, prints: map[string][]model.FieldPrint{},
	}
}

// Init lists the versions.
func (p *Page) Init() tea.Cmd { return p.reload() }

func (p *Page) reload() tea.Cmd {
	p.listGen++
	p.loading = true
	return listCmd(p.c.Ctx, p.c.Backend, p.listGen, p.secret.ARN, p.deprecated)
}

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) { p.width, p.height = w, h }

// Capturing reports whether a confirmation waits for its answer.
func (p *Page) Capturing() bool { return false }

// Actions lists what the versions view does.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	if p.diff != nil {
		return append([]common.Action{{Key: &k.Back, Short: true}}, common.MoveActions(k)...)
	}
	actions := []common.Action{
		{Key: &k.Reveal, Short: true}, {Key: &k.Copy, Short: true}, {Key: &k.Mark, Short: true},
		{Key: &k.Diff, Short: true}, common.RW(&k.Promote, "making a version AWSCURRENT"),
		{Key: &k.Deprecated, Short: true}, {Key: &k.Back, Short: true}, {Key: &k.Reload},
	}
	actions[4].Short = true
	return append(actions, common.MoveActions(k)...)
}

// Update handles a message for the versions screen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case listedMsg:
		p.listed(msg)
	case valueMsg:
		return p, tea.Batch(p.valueLoaded(msg), p.touch())
	case printsMsg:
		p.printed(msg)
	case promotedMsg:
		return p, p.promoted(msg)
	case idleMsg:
		if msg.gen == p.idleGen {
			p.maskAll()
		}
	case common.RemaskMsg:
		p.maskAll()
	case common.ChangedMsg:
		if msg.ARN == p.secret.ARN {
			return p, p.reload()
		}
	case tea.KeyPressMsg:
		return p, tea.Batch(p.key(msg), p.touch())
	case tea.MouseWheelMsg:
		p.wheel(msg)
	case tea.MouseClickMsg:
		p.click(msg)
	}
	return p, nil
}

func (p *Page) listed(msg listedMsg) {
	if msg.gen != p.listGen {
		return
	}
	p.loading, p.listErr = false, msg.err
	if msg.err != nil {
		return
	}
	selected := ""
	if v, ok := p.selected(); ok {
		selected = v.ID
	}
	p.versions = render.NewestFirst(msg.versions)
	p.current = ""
	for i, v := range p.versions {
		if v.HasStage(model.StageCurrent) {
			p.current = v.ID
		}
		if v.ID == selected {
			p.cursor = i
		}
	}
	p.cursor = max(min(p.cursor, len(p.versions)-1), 0)
}

func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	if d, ok := k.Step(msg, p.height-4, len(p.versions)); ok && p.diff == nil {
		p.move(d)
		return nil
	}
	switch {
	case p.diff != nil:
		return p.diffKey(msg)
	case key.Matches(msg, k.Back):
		return common.Send(common.BackMsg{})
	case key.Matches(msg, k.Reload):
		return p.reload()
	case key.Matches(msg, k.Deprecated):
		p.deprecated = !p.deprecated
		return p.reload()
	case key.Matches(msg, k.Reveal):
		return p.request(wantReveal)
	case key.Matches(msg, k.RevealAll):
		p.toggleAll()
	case key.Matches(msg, k.Copy):
		return p.request(wantCopy)
	case key.Matches(msg, k.Mark):
		return p.mark()
	case key.Matches(msg, k.Diff):
		return p.startDiff()
	case key.Matches(msg, k.Promote):
		return p.promote()
	}
	return nil
}

func (p *Page) move(d int) {
	p.cursor = max(min(p.cursor+d, len(p.versions)-1), 0)
}

// selected is the version under the cursor.
func (p *Page) selected() (model.Version, bool) {
	if p.cursor < 0 || p.cursor >= len(p.versions) {
		return model.Version{}, false
	}
	return p.versions[p.cursor], true
}

// versionByID finds a listed version; an unlisted one (a deprecated version
// hidden since) is known by its id alone.
func (p *Page) versionByID(id string) model.Version {
	for _, v := range p.versions {
		if v.ID == id {
			return v
		}
	}
	return model.Version{ID: id}
}

// mark marks the selected version for a diff, or unmarks it.
func (p *Page) mark() tea.Cmd {
	v, ok := p.selected()
	if !ok {
		return nil
	}
	if p.marked == v.ID {
		p.marked = ""
		return nil
	}
	p.marked = v.ID
	return common.Send(common.StatusMsg{Text: "marked " + shortID(v.ID) + ": select another version and press = to diff"})
}

// shortID is a version id cut to its first group, sanitized.
func shortID(id string) string {
	s := []rune(model.Sanitize(id))
	return string(s[:min(len(s), 8)])
}
