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

// stageValue is a stage's value as read, and its fields.
type stageValue struct {
	version model.SecretVersion
	parsed  model.Parsed
}

// wipe overwrites the value's bytes.
func (v stageValue) wipe() {
	v.version.Value.Wipe()
	v.parsed.Wipe()
}

// onField reports whether a acts on the selected field only, so that it
// waits for a field to be chosen when the value is read for it.
func (a action) onField(f copyFormat) bool {
	return a == actReveal || a == actCopy || a == actCopyAs && f == copyRaw
}

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
	p.keepPrints(msg.version)
	p.hold(stageValue{version: msg.version, parsed: msg.version.Value.Parse()})
	after, f := p.after, p.afterFmt
	p.after = actNone
	if after.onField(f) && len(p.parsed.Fields) > 1 {
		k := p.c.Keys
		return common.Send(common.StatusMsg{Text: "value read · pick a field (" + k.Up.Help().Key + " " + k.Down.Help().Key +
			"), then " + k.Reveal.Help().Key + " reveals, " + k.Copy.Help().Key + " copies"})
	}
	if after == actReveal && len(p.parsed.Fields) == 1 {
		p.do(after, f)
		return common.Send(common.StatusMsg{Text: "revealed " + p.fieldLabel(p.parsed.Fields[0]) + ", the only field"})
	}
	return p.do(after, f)
}

// hold makes v the value shown, every field masked, the first selected.
func (p *Page) hold(v stageValue) {
	p.version, p.parsed = &v.version, v.parsed
	p.drawn = make([][]string, len(p.parsed.Fields))
	p.field, p.showValue = 0, true
}

// redraw draws the revealed fields again when the width they were drawn
// for changed.
func (p *Page) redraw() {
	if p.valueWidth() == p.drawnWidth {
		return
	}
	for i := range p.drawn {
		if p.reveal.Shown(i) {
			p.show(i, true)
		}
	}
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
		p.drawnWidth = p.valueWidth()
		p.drawn[i] = p.revealedLines(p.parsed.Fields[i], p.drawnWidth)
		p.follow = p.follow || i == p.field
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

// Forget drops every value read, that of the stage shown and those kept
// for the others, overwriting their bytes, and lays the screen out
// without them.
func (p *Page) Forget() bool {
	held := p.version != nil || len(p.kept) > 0
	p.dropValues()
	p.layout()
	return held
}

// dropValues forgets every value read, overwriting their bytes.
func (p *Page) dropValues() {
	for stage, v := range p.kept {
		v.wipe()
		delete(p.kept, stage)
	}
	p.dropValue()
}

// dropValue forgets the value shown, overwriting its bytes, and stops
// waiting for one: a value read for a stage left behind is not shown.
func (p *Page) dropValue() {
	if p.version != nil {
		p.version.Value.Wipe()
	}
	p.parsed.Wipe()
	p.leaveValue()
}

// leaveValue stops showing the value, masking it, without wiping it, and
// stops waiting for one.
func (p *Page) leaveValue() {
	p.c.Tasks.Drop(kindValue)
	p.reveal.MaskAll()
	p.version, p.parsed, p.drawn, p.valueErr = nil, model.Parsed{}, nil, nil
	p.after, p.field = actNone, 0
}

// switchStage shows stage, keeping the value of the stage left for when
// it is shown again, and showing the one kept for stage, if any.
func (p *Page) switchStage(stage string) {
	if p.version != nil {
		p.kept[p.stage] = stageValue{version: *p.version, parsed: p.parsed}
	}
	p.leaveValue()
	p.stage = stage
	if v, ok := p.kept[stage]; ok {
		delete(p.kept, stage)
		p.hold(v)
	}
}
