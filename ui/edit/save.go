package edit

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
)

// askSave asks before saving; the attempt gets a new token.
func (p *Page) askSave() tea.Cmd {
	ext := keyName(p.c.Keys.EditExternal)
	switch {
	case p.conflicted():
		p.err = "you and the other writer both changed " + p.conflictNames() + ": " + ext + " opens your text to settle them before saving"
		return nil
	case p.edited == nil && len(p.rows) == 0:
		p.err = "nothing to save yet: " + ext + " opens the editor"
		return nil
	}
	v, changed, err := p.newValue()
	switch {
	case err != nil:
		p.err = model.Sanitize(err.Error())
		return nil
	case !changed:
		p.edited, p.editedText = nil, nil
		if p.external {
			return tea.Batch(common.Send(common.StatusMsg{Text: "no changes: nothing written"}), common.Send(common.BackMsg{}))
		}
		return common.Send(common.StatusMsg{Text: "no changes: nothing to save"})
	}
	token := model.NewRequestToken()
	prompt := fmt.Sprintf("Save a new version of %s?\nIt becomes AWSCURRENT; %s becomes AWSPREVIOUS.",
		model.Sanitize(p.secret.Name), model.Sanitize(p.base.VersionID))
	if p.base.Value.Parse().Shape == model.ShapeJSON && v.Parse().Shape != model.ShapeJSON {
		prompt += "\nNote: the new value is not a JSON object any more."
	}
	if w := p.secret.OwnerWarning("changing"); w != "" {
		prompt += "\n" + w
	}
	b, arn, base := p.b, p.secret.ARN, p.base.VersionID
	return confirm.AskTask(p.c, prompt, saveTask, func(ctx context.Context) tea.Msg {
		return save(ctx, b, arn, base, v, token)
	})
}

// saved says how a save went: on success the edit starts again from the
// saved version and the screen closes.
func (p *Page) saved(msg savedMsg) tea.Cmd {
	switch {
	case msg.unknown:
		p.unsure = msg.token
		p.err = "not known whether it was saved: the answer was lost and the check failed; if " + keyName(p.c.Keys.Versions) +
			" on the secret lists version " + model.Sanitize(msg.token) + ", it was (" + model.Sanitize(msg.err.Error()) + ")"
		return nil
	case msg.err != nil:
		p.err = "nothing saved: " + model.Sanitize(msg.err.Error())
		return nil
	case msg.movedTo != "":
		p.phase, p.movedTo = phaseConflict, msg.movedTo
		return nil
	}
	id := model.Sanitize(msg.versionID)
	text := "saved as version " + id
	switch {
	case msg.lost && msg.current == msg.versionID:
		text = "saved (the answer was lost; version " + id + " is AWSCURRENT)"
	case msg.lost:
		text = "saved (the answer was lost; version " + id + " was written, but AWSCURRENT is now " + model.Sanitize(msg.current) + ")"
	}
	p.base = model.SecretVersion{ARN: p.base.ARN, Name: p.base.Name, VersionID: msg.versionID, Value: msg.value}
	p.build, p.edited, p.editedText, p.unsure = msg.value, nil, nil, ""
	p.rows, p.shape = rowsOf(p.c, msg.value)
	p.cursor = min(p.cursor, max(len(p.rows)-1, 0))
	p.SetSize(p.width, p.height)
	return tea.Batch(
		common.Send(common.ChangedMsg{ARN: p.secret.ARN}),
		common.Send(common.StatusMsg{Text: text}),
		common.Send(common.BackMsg{}),
	)
}
