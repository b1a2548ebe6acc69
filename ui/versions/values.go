package versions

import (
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
	loaded bool
	value  model.Value
	parsed model.Parsed
	err    error
	after  want
}

// Forget drops every value the page holds and overwrites its bytes.
func (p *Page) Forget() bool {
	held := false
	for id, h := range p.values {
		held = held || h.loaded
		h.value.Wipe()
		h.parsed.Wipe()
		p.c.Tasks.Drop(valueKind(id))
		delete(p.values, id)
	}
	p.reveal.MaskAll()
	p.layout()
	return held
}

// loading reports whether version id's value is on its way.
func (p *Page) loading(id string) bool { return p.c.Tasks.Awaits(valueKind(id)) }

// ask makes the action that does w with the selected version's value.
func (p *Page) ask(w want) func() tea.Cmd {
	return func() tea.Cmd { return p.request(w) }
}

// request reveals or copies the selected version, reading its value by
// version id first if the page does not hold it yet; a copy with the
// clipboard off is refused before reading.
func (p *Page) request(w want) tea.Cmd {
	if w&wantCopy != 0 && p.c.ClipboardOff {
		return common.Send(common.ClipboardOffStatus())
	}
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
	if p.loading(v.ID) {
		return nil
	}
	h.err = nil
	return p.readValue(v.ID)
}

func (p *Page) valueLoaded(msg valueMsg) tea.Cmd {
	h := p.values[msg.versionID]
	if h == nil {
		return nil
	}
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
		p.reveal.Toggle(id)
	}
	if w&wantCopy == 0 {
		return nil
	}
	what := "version " + shortID(id) + " of " + model.Sanitize(p.secret.Name)
	return common.Send(common.CopyMsg{Value: h.value, What: what})
}

// toggleAll masks every revealed value, or reveals every held one when
// none is shown.
func (p *Page) toggleAll() tea.Cmd {
	if p.reveal.MaskAll() {
		return nil
	}
	for id, h := range p.values {
		p.reveal.Set(id, h.loaded)
	}
	return nil
}
