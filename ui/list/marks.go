package list

import (
	"slices"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// maxMarked is how many secrets stay marked: the two sides of a diff.
const maxMarked = 2

// toggleMark marks the selected secret for a masked diff, or unmarks it.
// A third mark drops the oldest.
func (p *Page) toggleMark() tea.Cmd {
	s, ok := p.selected()
	if !ok {
		return nil
	}
	diff := p.c.Keys.Diff.Help().Key
	if i := p.markedAt(s.ARN); i >= 0 {
		p.marked = slices.Delete(p.marked, i, i+1)
		return status("unmarked " + model.Sanitize(s.Name))
	}
	p.marked = append(p.marked, s)
	if len(p.marked) > maxMarked {
		p.marked = p.marked[1:]
	}
	if len(p.marked) == maxMarked {
		return status("marked two secrets: " + diff + " shows their masked diff")
	}
	return status("marked " + model.Sanitize(s.Name) + ": mark or select another and press " + diff + " for a masked diff")
}

// diffMarked opens the masked diff of the two marked secrets, or of the
// marked one and the selected one.
func (p *Page) diffMarked() tea.Cmd {
	k := p.c.Keys
	from, to, ok := p.diffSides()
	if !ok {
		return status(k.Mark.Help().Key + " marks a secret; mark or select another and press " + k.Diff.Help().Key + " for a masked diff")
	}
	return common.Send(common.OpenMsg{Screen: common.ScreenCompare, Secret: &from, With: &to})
}

// diffSides are the secrets a diff compares: the two marked, oldest first,
// or the marked one and the selected one.
func (p *Page) diffSides() (from, to model.Secret, ok bool) {
	switch len(p.marked) {
	case maxMarked:
		return p.marked[0], p.marked[1], true
	case 1:
		s, selected := p.selected()
		if selected && s.ARN != p.marked[0].ARN {
			return p.marked[0], s, true
		}
	}
	return model.Secret{}, model.Secret{}, false
}

// markedAt is where the secret with arn is among the marked; -1 if not.
func (p *Page) markedAt(arn string) int {
	return slices.IndexFunc(p.marked, func(s model.Secret) bool { return s.ARN == arn })
}
