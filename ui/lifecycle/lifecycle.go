// Package lifecycle deletes and restores secrets: the dialogs and the
// commands, shared by the list and the detail.
package lifecycle

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Recovery windows Secrets Manager accepts, in days.
const (
	MinWindow     = 7
	MaxWindow     = 30
	DefaultWindow = 30
)

// DeletedMsg reports a DeleteSecret answer.
type DeletedMsg struct {
	ARN      string
	Name     string
	Deletion time.Time
	Err      error
}

// RestoredMsg reports a RestoreSecret answer.
type RestoredMsg struct {
	ARN  string
	Name string
	Err  error
}

// Dialog asks for a secret's name, and how long to keep it recoverable.
// There is no force delete here: a deleted secret can always be restored
// within its window. The root shows it in its modal slot.
type Dialog struct {
	c      common.Common
	secret model.Secret
	days   textinput.Model
	name   textinput.Model
	onName bool
	err    string
}

// AskDelete opens the delete dialog for s, or says s is already
// scheduled for deletion.
func AskDelete(c common.Common, s model.Secret) tea.Cmd {
	if s.PendingDeletion() {
		return common.Send(common.StatusMsg{Text: model.Sanitize(s.Name) + " is already scheduled for deletion"})
	}
	days := textinput.New()
	days.Prompt = "recovery window (days, 7–30): "
	days.CharLimit = 2
	days.SetValue(strconv.Itoa(DefaultWindow))
	name := textinput.New()
	name.Prompt = "type the name to confirm: "
	name.CharLimit = 512
	focus := name.Focus()
	c.Slot.Open(Dialog{c: c, secret: s, days: days, name: name, onName: true})
	return focus
}

// window reads the recovery window in days.
func (d Dialog) window() (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(d.days.Value()))
	if err != nil || n < MinWindow || n > MaxWindow {
		return 0, fmt.Errorf("the recovery window must be %d–%d days", MinWindow, MaxWindow)
	}
	return n, nil
}

// Update takes a key. Typing goes to the name first; the next-field key
// (tab) moves between the name and the recovery window; open (enter)
// returns the DeleteSecret command once both are right; back (esc) closes.
func (d Dialog) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	k := d.c.Keys
	press, isKey := msg.(tea.KeyPressMsg)
	switch {
	case isKey && key.Matches(press, k.Back):
		return nil, nil
	case isKey && key.Matches(press, k.NextField):
		return d.focus(!d.onName)
	case isKey && key.Matches(press, k.Open):
		return d.submit()
	}
	var cmd tea.Cmd
	if d.onName {
		d.name, cmd = d.name.Update(msg)
	} else {
		d.days, cmd = d.days.Update(msg)
	}
	if isKey {
		d.err = ""
	}
	return d, cmd
}

// focus moves the typing to the name, or to the recovery window.
func (d Dialog) focus(onName bool) (common.Modal, tea.Cmd) {
	d.onName = onName
	if onName {
		d.days.Blur()
		return d, d.name.Focus()
	}
	d.name.Blur()
	return d, d.days.Focus()
}

// submit deletes once the window is valid and the typed name matches;
// otherwise it says what is wrong where it is typed.
func (d Dialog) submit() (common.Modal, tea.Cmd) {
	days, err := d.window()
	if err != nil {
		d.err = err.Error()
		return d.focus(false)
	}
	if d.name.Value() != d.secret.Name {
		d.err = "the name does not match"
		return d.focus(true)
	}
	return nil, deleteCmd(d.c.Ctx, d.c.Backend, d.secret, int64(days))
}

// View draws the dialog with the date the secret would be gone, fitted
// to width: its text wraps, and a long name scrolls inside its field.
func (d Dialog) View(width int) string {
	st := d.c.Styles
	inner := widget.Inner(st.Dialog, width)
	gone := "-"
	if days, err := d.window(); err == nil {
		gone = d.c.Now().AddDate(0, 0, days).UTC().Format("2006-01-02 15:04 UTC")
	}
	k := d.c.Keys
	plain := lipgloss.NewStyle()
	lines := []string{
		widget.WrapIn(st.Error, "Delete "+model.Sanitize(d.secret.Name)+"?", inner),
		widget.WrapIn(plain, "It can be restored until "+gone+";", inner),
		widget.WrapIn(plain, "after that it is gone for good.", inner),
	}
	if w := d.secret.OwnerWarning("deleting"); w != "" {
		lines = append(lines, widget.WrapIn(st.Warning, w, inner))
	}
	lines = append(lines,
		widget.FitInput(d.name, widget.FieldWidth(d.name.Prompt, inner)).View(),
		widget.FitInput(d.days, widget.FieldWidth(d.days.Prompt, inner)).View(),
	)
	if d.err != "" {
		lines = append(lines, widget.WrapIn(st.Error, d.err, inner))
	}
	hint := k.Open.Help().Key + " deletes · " + k.NextField.Help().Key + " name/recovery window · " + k.Back.Help().Key + " cancels"
	lines = append(lines, widget.WrapIn(st.Muted, hint, inner))
	return widget.Box(st.Dialog, width, d.c.Ellipsis(), lines...)
}

func deleteCmd(ctx context.Context, b common.Backend, s model.Secret, days int64) tea.Cmd {
	return func() tea.Msg {
		when, err := b.DeleteSecret(ctx, model.DeleteInput{SecretID: s.ARN, RecoveryWindowDays: days})
		return DeletedMsg{ARN: s.ARN, Name: s.Name, Deletion: when, Err: err}
	}
}

// AskRestore opens the restore confirmation for s, or says s is not
// scheduled for deletion.
func AskRestore(c common.Common, s model.Secret) tea.Cmd {
	if !s.PendingDeletion() {
		return common.Send(common.StatusMsg{Text: model.Sanitize(s.Name) + " is not scheduled for deletion"})
	}
	ctx, b := c.Ctx, c.Backend
	return confirm.Ask(c, "Restore "+model.Sanitize(s.Name)+"? It stops being scheduled for deletion.", func() tea.Msg {
		err := b.RestoreSecret(ctx, s.ARN)
		return RestoredMsg{ARN: s.ARN, Name: s.Name, Err: err}
	})
}

// Actions are the delete and restore actions of a screen, about the secret
// that secret gives when it gives one (a list may have none selected).
func Actions(c common.Common, secret func() (model.Secret, bool)) []common.Action {
	about := func(ask func(common.Common, model.Secret) tea.Cmd) func() tea.Cmd {
		return func() tea.Cmd {
			if s, ok := secret(); ok {
				return ask(c, s)
			}
			return nil
		}
	}
	k := c.Keys
	return []common.Action{
		{Key: &k.Delete, Needs: common.NeedsReadWrite, What: "deleting a secret", Run: about(AskDelete)},
		{Key: &k.Restore, Needs: common.NeedsReadWrite, What: "restoring a secret", Run: about(AskRestore)},
	}
}

// Outcome turns an answer into what the screens hear: a status line and,
// on success, a ChangedMsg so they reload the secret.
func Outcome(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case DeletedMsg:
		if msg.Err != nil {
			return common.Send(common.StatusMsg{Err: fmt.Errorf("delete %s: %w", model.Sanitize(msg.Name), msg.Err)})
		}
		text := fmt.Sprintf("%s scheduled for deletion on %s (u restores it until then)", model.Sanitize(msg.Name), msg.Deletion.UTC().Format("2006-01-02 15:04 UTC"))
		return tea.Batch(common.Send(common.StatusMsg{Text: text}), common.Send(common.ChangedMsg{ARN: msg.ARN}))
	case RestoredMsg:
		if msg.Err != nil {
			return common.Send(common.StatusMsg{Err: fmt.Errorf("restore %s: %w", model.Sanitize(msg.Name), msg.Err)})
		}
		return tea.Batch(common.Send(common.StatusMsg{Text: model.Sanitize(msg.Name) + " restored"}), common.Send(common.ChangedMsg{ARN: msg.ARN}))
	}
	return nil
}
