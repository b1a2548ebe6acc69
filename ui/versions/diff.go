package versions

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// diffView is a masked diff between two versions: paths and kinds of
// change, computed from keyed fingerprints. It holds no value bytes.
type diffView struct {
	from, to       model.Version
	fromErr, toErr error
	lines          []model.DiffLine
	counts         model.DiffCounts
	// table is the cursor over the diff's lines.
	table widget.Table
	pane  pane
}

// startDiff diffs the marked version against the selected one.
func (p *Page) startDiff() tea.Cmd {
	sel, ok := p.selected()
	k := p.c.Keys
	switch {
	case !ok:
		return nil
	case p.marked == "":
		return common.Send(common.StatusMsg{Text: k.Mark.Help().Key + " marks a version; then select another and press " + k.Diff.Help().Key + " to diff them"})
	case p.marked == sel.ID:
		return common.Send(common.StatusMsg{Text: "select another version than the marked one, then press " + k.Diff.Help().Key})
	}
	p.diff = &diffView{from: p.versionByID(p.marked), to: sel}
	return p.fingerprint(p.side(p.marked), p.side(sel.ID))
}

// closeDiff goes back to the table, and stops waiting for the diff.
func (p *Page) closeDiff() tea.Cmd {
	p.diff = nil
	p.c.Tasks.Drop(kindDiff)
	return nil
}

// diffing reports whether the open diff waits for its fingerprints.
func (p *Page) diffing() bool { return p.c.Tasks.Awaits(kindDiff) }

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
	if d == nil {
		return
	}
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
		d.table.SetRows(len(d.lines))
	}
}
