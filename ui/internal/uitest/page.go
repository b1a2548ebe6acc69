package uitest

import (
	"context"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/keys"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// Common is what the root hands a screen, for a screen's unit tests: the
// default keys, dark styles, the fixed clock, tasks of page 1 and a modal
// slot; no backend, which the test gives the screen itself.
func Common() common.Common {
	km, st := keys.Default(), styles.New(true, false)
	ctx := context.Background()
	return common.Common{Ctx: ctx, Tasks: common.NewTasks(ctx, 1), Slot: &common.Slot{}, Styles: &st, Keys: &km, Now: Clock}
}

// Act runs the action of actions bound to b, as the root does on its key,
// and returns its command.
func Act(t testing.TB, actions []common.Action, b *key.Binding) tea.Cmd {
	t.Helper()
	for _, a := range actions {
		if a.Key == b {
			if a.Run == nil {
				t.Fatalf("the action on %q has no Run", b.Help().Key)
			}
			return a.Run()
		}
	}
	t.Fatalf("no action on %q", b.Help().Key)
	return nil
}

// Answer runs a task's command and returns its answer as the root would
// hand it to the screen; ok is false when the root would drop it, as for
// a request of a kind started again or dropped since.
func Answer(t testing.TB, tasks *common.Tasks, cmd tea.Cmd) (msg tea.Msg, ok bool) {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command where a task was expected")
	}
	answer, isTask := cmd().(common.TaskMsg)
	if !isTask {
		t.Fatalf("the command is no task: %T", answer)
	}
	return answer.Msg, tasks.Accept(answer)
}

// Deliver runs a task's command and hands its answer to p as the root
// would, failing when the root would drop it; it returns p's command.
func Deliver(t testing.TB, p common.Page, tasks *common.Tasks, cmd tea.Cmd) tea.Cmd {
	t.Helper()
	msg, ok := Answer(t, tasks, cmd)
	if !ok {
		t.Fatal("the answer would be dropped")
	}
	_, next := p.Update(msg)
	return next
}

// FitsWidth fails when a line of screen is wider than width cells.
func FitsWidth(t testing.TB, screen string, width int) {
	t.Helper()
	for _, l := range strings.Split(screen, "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Fatalf("a line is %d cells wide, more than %d: %q", w, width, l)
		}
	}
}
