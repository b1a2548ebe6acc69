package detail

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// action is what to do once a requested value arrives.
type action int

const (
	actNone action = iota
	actReveal
	actRevealAll
	actCopy
	actCopyAs
)

// ask makes the action that runs a on the value.
func (p *Page) ask(a action) func() tea.Cmd {
	return func() tea.Cmd { return p.request(a, copyRaw) }
}

// request runs a on the value, fetching it first if needed.
func (p *Page) request(a action, f copyFormat) tea.Cmd {
	if p.version != nil {
		return p.do(a, f)
	}
	p.after, p.afterFmt = a, f
	if p.loading() {
		return nil
	}
	p.valueErr = nil
	return p.getValue()
}

// loading reports whether the value is on its way.
func (p *Page) loading() bool { return p.c.Tasks.Awaits(kindValue) }

func (p *Page) valueLoaded(msg valueLoadedMsg) tea.Cmd {
	if msg.err != nil {
		p.valueErr = msg.err
		p.after = actNone
		if model.IsKind(msg.err, model.KindNotFound) {
			// The secret may be gone, or only the stage: describing tells
			// which, and leaves the screen if the secret is gone.
			return p.describe()
		}
		return nil
	}
	p.version = &msg.version
	p.parsed = msg.version.Value.Parse()
	p.drawn = make([][]string, len(p.parsed.Fields))
	p.field = min(p.field, max(len(p.parsed.Fields)-1, 0))
	after, f := p.after, p.afterFmt
	p.after = actNone
	return p.do(after, f)
}

// do runs an action on the loaded value.
func (p *Page) do(a action, f copyFormat) tea.Cmd {
	switch a {
	case actReveal:
		if len(p.parsed.Fields) > 0 {
			p.show(p.field, !p.reveal.Shown(p.field))
		}
	case actRevealAll:
		show := !p.reveal.Any() || p.anyMasked()
		for i := range p.parsed.Fields {
			p.show(i, show)
		}
	case actCopy:
		return p.copy(copyRaw)
	case actCopyAs:
		return p.copy(f)
	}
	return nil
}

// anyMasked reports whether a field is masked.
func (p *Page) anyMasked() bool {
	for i := range p.parsed.Fields {
		if !p.reveal.Shown(i) {
			return true
		}
	}
	return false
}

// show reveals field i, drawing it once, or masks it.
func (p *Page) show(i int, on bool) {
	p.reveal.Set(i, on)
	p.drawn[i] = nil
	if on {
		p.drawn[i] = p.revealedLines(p.parsed.Fields[i])
	}
}

// copyPicked copies in the format picked in the copy-as menu, reading the
// value first when the format needs it.
func (p *Page) copyPicked(msg copyPickedMsg) tea.Cmd {
	switch {
	case msg.arn != p.secret.ARN:
		return nil
	case !msg.format.needsValue():
		return p.copy(msg.format)
	}
	return p.request(actCopyAs, msg.format)
}

func (p *Page) copy(f copyFormat) tea.Cmd {
	var value, field model.Value
	what := f.String() + " of " + model.Sanitize(p.secret.Name)
	if p.version != nil {
		value = p.version.Value
		if len(p.parsed.Fields) > 0 {
			fl := p.parsed.Fields[p.field]
			field = fl.Value
			if f == copyRaw && fl.Path != "" {
				what = model.Sanitize(fl.Path) + " of " + model.Sanitize(p.secret.Name)
			} else if f == copyRaw {
				what = "value of " + model.Sanitize(p.secret.Name)
			}
		}
	}
	text, err := copyText(f, p.secret, value, field)
	if err != nil {
		return common.Send(common.StatusMsg{Err: errNotCopied(err)})
	}
	return common.Send(common.CopyMsg{Value: text, What: what})
}

// Forget drops the loaded value and overwrites its bytes, and lays the
// screen out without it.
func (p *Page) Forget() bool {
	held := p.version != nil
	p.dropValue()
	p.layout()
	return held
}

// dropValue forgets the loaded value, overwriting its bytes, and stops
// waiting for one: a value read for a stage left behind is not shown.
func (p *Page) dropValue() {
	if p.version != nil {
		p.version.Value.Wipe()
	}
	p.parsed.Wipe()
	p.c.Tasks.Drop(kindValue)
	p.reveal.MaskAll()
	p.version, p.parsed, p.drawn, p.valueErr = nil, model.Parsed{}, nil, nil
	p.after, p.field = actNone, 0
}
