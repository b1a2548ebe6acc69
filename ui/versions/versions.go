// Package versions lists a secret's versions, reveals and copies any of
// them on request, diffs two of them without showing values, and with --rw
// makes an older one AWSCURRENT again.
package versions

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Page lists the versions of one secret. A version's value is read only
// when the user reveals, copies or diffs it, and lives only as long as the
// page.
type Page struct {
	secret        model.Secret
	c             common.Common
	aws           backend
	width, height int
	// key fingerprints values for diffs; it is made with the page and
	// never leaves it.
	fpKey model.FingerprintKey

	listErr    error
	versions   []model.Version
	deprecated bool
	// current is the version that held AWSCURRENT at the last listing: a
	// promotion is refused when that is no longer so.
	current string

	table  widget.Table
	marked string

	values map[string]*held
	prints map[string][]model.FieldPrint
	// reveal is which versions, by id, have their value on screen.
	reveal widget.Reveal[string]

	// pane is the table and the values held, laid out.
	pane pane
	diff *diffView
}

// New makes the versions screen of a secret.
func New(c common.Common, s model.Secret) *Page { return newPage(c, c.Backend, s) }

// newPage makes the versions screen asking aws.
func newPage(c common.Common, aws backend, s model.Secret) *Page {
	return &Page{
		c: c, aws: aws, secret: s, fpKey: model.NewFingerprintKey(),
		values: map[string]*held{}, prints: map[string][]model.FieldPrint{},
		reveal: widget.NewReveal[string](c.RevealTimeout),
	}
}

// Init lists the versions.
func (p *Page) Init() tea.Cmd { return p.list() }

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.layout()
}

// Update handles a message for the versions screen, then lays it out again.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	defer p.layout()
	return p, p.update(msg)
}

func (p *Page) update(msg tea.Msg) tea.Cmd {
	if p.reveal.Update(msg) {
		return widget.MaskedAgain(msg, p.c.RevealTimeout)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		p.key(msg)
		return p.reveal.Touch()
	case tea.MouseWheelMsg:
		p.wheel(msg)
	case tea.MouseClickMsg:
		p.click(msg)
	case listedMsg:
		p.listed(msg)
	case valueMsg:
		return tea.Batch(p.valueLoaded(msg), p.reveal.Touch())
	case printsMsg:
		p.printed(msg)
	case promotedMsg:
		return p.promoted(msg)
	case common.ChangedMsg:
		if msg.ARN == p.secret.ARN {
			return p.list()
		}
	}
	return nil
}

// versionID names row i of the table.
func (p *Page) versionID(i int) string { return p.versions[i].ID }

// selected is the version under the cursor.
func (p *Page) selected() (model.Version, bool) {
	if i, ok := p.table.Selected(); ok {
		return p.versions[i], true
	}
	return model.Version{}, false
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

// shortID is a version id cut to its first group, sanitized.
func shortID(id string) string {
	s := []rune(model.Sanitize(id))
	return string(s[:min(len(s), 8)])
}
