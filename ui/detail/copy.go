package detail

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// copyFormat is one way to put a secret on the clipboard.
type copyFormat int

const (
	copyRaw copyFormat = iota
	copyJSON
	copyEnv
	copyARN
	copyName
	copyFormats
)

func (f copyFormat) String() string {
	switch f {
	case copyJSON:
		return "whole value as JSON"
	case copyEnv:
		return "KEY=value lines"
	case copyARN:
		return "ARN"
	case copyName:
		return "name"
	}
	return "raw (selected field)"
}

// needsValue reports whether the format copies the secret's value.
func (f copyFormat) needsValue() bool { return f <= copyEnv }

// copyPickedMsg is the format picked in the copy-as menu of secret arn.
type copyPickedMsg struct {
	arn    string
	format copyFormat
}

// copyMenu is the copy-as menu, shown by the root: the movement keys
// choose, open picks, back closes, and an item's number picks it.
type copyMenu struct {
	c      common.Common
	arn    string
	cursor copyFormat
}

// Update moves, picks or closes.
func (m copyMenu) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	k := m.c.Keys
	switch {
	case key.Matches(press, k.Back):
		return nil, nil
	case key.Matches(press, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(press, k.Down):
		m.cursor = min(m.cursor+1, copyFormats-1)
	case key.Matches(press, k.Open):
		return nil, common.Send(copyPickedMsg{arn: m.arn, format: m.cursor})
	default:
		if n := press.Text; len(n) == 1 && n[0] >= '1' && n[0] < '1'+byte(copyFormats) {
			return nil, common.Send(copyPickedMsg{arn: m.arn, format: copyFormat(n[0] - '1')})
		}
	}
	return m, nil
}

// View draws the numbered formats with the cursor on one.
func (m copyMenu) View(int) string {
	st := m.c.Styles
	pointer := "▸ "
	if m.c.ASCII {
		pointer = "> "
	}
	k := m.c.Keys
	lines := []string{st.Title.Render("Copy as… (" + k.Open.Help().Key + " picks, " + k.Back.Help().Key + " cancels)")}
	for f := copyRaw; f < copyFormats; f++ {
		line := fmt.Sprintf("  %d  %s", f+1, f)
		if f == m.cursor {
			line = st.SelectedRow.Render(fmt.Sprintf("%s%d  %s", pointer, f+1, f))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// copyText builds what a format puts on the clipboard. field is the selected
// field, used by copyRaw. It fails when the value cannot be written safely in
// that format, such as a key that would become PROMPT_COMMAND; the error
// names keys, never the value.
func copyText(f copyFormat, s model.Secret, v model.Value, field model.Value) (model.Value, error) {
	switch f {
	case copyJSON:
		return v.AsJSON(), nil
	case copyEnv:
		return v.AsEnv(s.Name)
	case copyARN:
		return model.StringValue(s.ARN), nil
	case copyName:
		return model.StringValue(s.Name), nil
	}
	return field, nil
}
