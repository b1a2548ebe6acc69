package versions

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// want is what to do with a version's value once it is read.
type want int

const (
	wantReveal want = 1 << iota
	wantCopy
)

// held is one version's value as far as the page has it.
type held struct {
	loading  bool
	loaded   bool
	value    model.Value
	parsed   model.Parsed
	revealed bool
	err      error
	after    want
}

// Forget drops every value the page holds and overwrites its bytes.
func (p *Page) Forget() bool {
	held := false
	for id, h := range p.values {
		held = held || h.loaded
		h.value.Wipe()
		h.parsed.Wipe()
		delete(p.values, id)
	}
	return held
}

// Waiting reports whether the versions, a value or a diff is on its way.
func (p *Page) Waiting() bool {
	if p.loading || (p.diff != nil && p.diff.loading) {
		return true
	}
	for _, h := range p.values {
		if h.loading {
			return true
		}
	}
	return false
}

// request reveals or copies the selected version, reading its value by
// version id first if the page does not hold it yet.
func (p *Page) request(w want) tea.Cmd {
	v, ok := p.selected()
	if !ok {
		return nil
	}
	h := p.values[v.ID]
	if h == nil {
		h = &held{}
		p.values[v.ID] = h
	}
	if h.loaded {
		return p.do(v.ID, h, w)
	}
	h.after |= w
	if h.loading {
		return nil
	}
	h.loading, h.err = true, nil
	return valueCmd(p.c.Ctx, p.c.Backend, p.secret.ARN, v.ID)
}

func (p *Page) valueLoaded(msg valueMsg) tea.Cmd {
	h := p.values[msg.versionID]
	if h == nil || !h.loading {
		return nil
	}
	h.loading = false
	after := h.after
	h.after = 0
	if msg.err != nil {
		h.err = msg.err
		return nil
	}
	h.loaded, h.value, h.parsed = true, msg.value, msg.value.Parse()
	return p.do(msg.versionID, h, after)
}

// do reveals (or masks again) and copies a held value.
func (p *Page) do(id string, h *held, w want) tea.Cmd {
	if w&wantReveal != 0 {
		h.revealed = !h.revealed
	}
	if w&wantCopy == 0 {
		return nil
	}
	value, what := h.value, "version "+shortID(id)+" of "+model.Sanitize(p.secret.Name)
	return func() tea.Msg { return common.CopyMsg{Value: value, What: what} }
}

// toggleAll masks every revealed value, or reveals every held one when
// none is shown.
func (p *Page) toggleAll() {
	show := !p.anyRevealed()
	for _, h := range p.values {
		h.revealed = show && h.loaded
	}
}

func (p *Page) anyRevealed() bool {
	for _, h := range p.values {
		if h.revealed {
			return true
		}
	}
	return false
}

func (p *Page) maskAll() {
	for _, h := range p.values {
		h.revealed = false
	}
}

// touch restarts the idle timer while anything is revealed.
func (p *Page) touch() tea.Cmd {
	if !p.anyRevealed() || p.c.RevealTimeout <= 0 {
		return nil
	}
	p.idleGen++
	gen := p.idleGen
	return tea.Tick(p.c.RevealTimeout, func(time.Time) tea.Msg { return idleMsg{gen: gen} })
}
