package versions

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// diffView is a masked diff between two versions: paths and kinds of
// change, computed from keyed fingerprints. It holds no value bytes.
type diffView struct {
	gen            int
	from, to       model.Version
	loading        bool
	fromErr, toErr error
	lines          []model.DiffLine
	counts         model.DiffCounts
	cursor         int
}

// startDiff diffs the marked version against the selected one.
func (p *Page) startDiff() tea.Cmd {
	sel, ok := p.selected()
	switch {
	case !ok:
		return nil
	case p.marked == "":
		return common.Send(common.StatusMsg{Text: "space marks a version; then select another and press = to diff them"})
	case p.marked == sel.ID:
		return common.Send(common.StatusMsg{Text: "select another version than the marked one, then press ="})
	}
	p.diffGen++
	p.diff = &diffView{gen: p.diffGen, from: p.versionByID(p.marked), to: sel, loading: true}
	return printsCmd(p.c.Ctx, p.c.Backend, p.fpKey, p.diffGen, p.secret.ARN, p.side(p.marked), p.side(sel.ID))
}

// side is what the page knows of a version for a diff: its fingerprints,
// taken from a value already held, or only its id.
func (p *Page) side(id string) side {
	if fp, ok := p.prints[id]; ok {
		return side{versionID: id, prints: fp, known: true}
	}
	if h := p.values[id]; h != nil && h.loaded {
		fp := model.Fingerprints(p.fpKey, h.value)
		p.prints[id] = fp
		return side{versionID: id, prints: fp, known: true}
	}
	return side{versionID: id}
}

func (p *Page) printed(msg printsMsg) {
	d := p.diff
	if d == nil || msg.gen != d.gen {
		return
	}
	d.loading = false
	d.fromErr, d.toErr = msg.fromErr, msg.toErr
	if msg.fromErr == nil {
		p.prints[d.from.ID] = msg.from
	}
	if msg.toErr == nil {
		p.prints[d.to.ID] = msg.to
	}
	if msg.fromErr == nil && msg.toErr == nil {
		d.lines = model.Diff(msg.from, msg.to)
		d.counts = model.CountChanges(d.lines)
	}
}

func (p *Page) diffKey(msg tea.KeyPressMsg) tea.Cmd {
	k, d := p.c.Keys, p.diff
	if step, ok := k.Step(msg, p.height-8, len(d.lines)); ok {
		d.move(step)
		return nil
	}
	if key.Matches(msg, k.Back) {
		p.diff = nil
	}
	return nil
}

// move moves the diff's cursor by step lines, staying on a line.
func (d *diffView) move(step int) {
	d.cursor = max(min(d.cursor+step, len(d.lines)-1), 0)
}
