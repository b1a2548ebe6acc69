package versions

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
)

// promote asks to make the selected version AWSCURRENT: a roll back.
func (p *Page) promote() tea.Cmd {
	v, ok := p.selected()
	switch {
	case !ok:
		return nil
	case v.HasStage(model.StageCurrent):
		return common.Send(common.StatusMsg{Text: "version " + shortID(v.ID) + " is AWSCURRENT already"})
	case p.current == "":
		return common.Send(common.StatusMsg{Err: fmt.Errorf("no version of %s holds AWSCURRENT: nothing to move it from", model.Sanitize(p.secret.Name))})
	}
	prompt := "Make version " + model.Sanitize(v.ID) + " AWSCURRENT?\n" +
		"Whoever reads AWSCURRENT gets this version from now on.\n" +
		shortID(p.current) + " (AWSCURRENT now) becomes AWSPREVIOUS."
	if prev := p.previousHolder(); prev != "" && prev != v.ID && prev != p.current {
		prompt += "\n" + shortID(prev) + " loses AWSPREVIOUS."
	}
	return confirm.AskTask(p.c, prompt, kindPromote, promoteTask(p.aws, p.secret.ARN, v.ID, p.current))
}

// previousHolder is the listed version that carries AWSPREVIOUS, if any.
func (p *Page) previousHolder() string {
	for _, v := range p.versions {
		if v.HasStage(model.StagePrevious) {
			return v.ID
		}
	}
	return ""
}

func (p *Page) promoted(msg promotedMsg) tea.Cmd {
	id := shortID(msg.versionID)
	switch {
	case msg.moved:
		now := "no version"
		if msg.movedTo != "" {
			now = shortID(msg.movedTo)
		}
		err := fmt.Errorf("not promoted: AWSCURRENT moved from %s to %s since this screen loaded; nothing was changed, the versions are reloaded: check them and try again",
			shortID(msg.previous), now)
		return tea.Batch(p.list(), common.Send(common.StatusMsg{Err: err}))
	case msg.err != nil:
		err := fmt.Errorf("make version %s AWSCURRENT: %w", id, msg.err)
		return tea.Batch(p.list(), common.Send(common.StatusMsg{Err: err}))
	}
	return tea.Batch(
		common.Send(common.StatusMsg{Text: "version " + id + " is now AWSCURRENT; " + shortID(msg.previous) + " is AWSPREVIOUS"}),
		common.Send(common.ChangedMsg{ARN: p.secret.ARN}),
	)
}
