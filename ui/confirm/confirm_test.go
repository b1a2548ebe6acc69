package confirm

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/keys"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

type doneMsg struct{}

func yes() tea.Msg { return doneMsg{} }

// press sends one key to a dialog.
func press(m common.Modal, k string) (common.Modal, tea.Cmd) {
	return m.Update(tea.KeyPressMsg{Code: []rune(k)[0], Text: k})
}

func testCommon(km keys.KeyMap) common.Common {
	st := styles.New(true, false)
	return common.Common{Keys: &km, Styles: &st, Slot: &common.Slot{}}
}

// ask opens a dialog and returns it.
func ask(c common.Common, prompt string) common.Modal {
	Ask(c, prompt, yes)
	return c.Slot.Modal()
}

func TestAskRunsOnlyOnTheConfirmKey(t *testing.T) {
	c := testCommon(keys.Default())
	m, cmd := press(ask(c, "rotate?"), "y")
	if m != nil || cmd == nil || cmd() != (doneMsg{}) {
		t.Fatal("y must confirm")
	}
	m, cmd = press(ask(c, "rotate?"), "n")
	if m != nil || cmd != nil {
		t.Fatal("any other key must cancel without running")
	}
}

func TestRebindingConfirmConfirmsWithTheNewKeyOnly(t *testing.T) {
	km := keys.Default()
	if err := km.Rebind("confirm", []string{"z"}); err != nil {
		t.Fatal(err)
	}
	c := testCommon(km)
	if m, cmd := press(ask(c, "rotate?"), "z"); m != nil || cmd == nil {
		t.Fatal("z must confirm once confirm is bound to it")
	}
	if m, cmd := press(ask(c, "rotate?"), "y"); m != nil || cmd != nil {
		t.Fatal("y must cancel once confirm is bound to z")
	}
	if v := ask(c, "rotate?").View(80); !strings.Contains(v, "z confirms") {
		t.Errorf("the dialog does not name the confirm key:\n%s", v)
	}
}

func TestTheDialogFitsTheWidth(t *testing.T) {
	c := testCommon(keys.Default())
	long := "Rotate " + strings.Repeat("prod/payments/", 8) + "postgres now? A new version is created under AWSPENDING."
	for _, line := range strings.Split(ask(c, long).View(50), "\n") {
		if w := len([]rune(ansi.Strip(line))); w > 50 {
			t.Errorf("a line is %d cells wide, more than 50: %q", w, line)
		}
	}
}

func TestAskTaskStartsTheTaskOnlyOnceConfirmed(t *testing.T) {
	c := testCommon(keys.Default())
	c.Tasks = common.NewTasks(context.Background(), 1)
	run := func(context.Context) tea.Msg { return doneMsg{} }
	AskTask(c, "save?", "save", run)
	if c.Tasks.Busy() {
		t.Fatal("the task started before the answer")
	}
	if m, cmd := press(c.Slot.Modal(), "n"); m != nil || cmd != nil || c.Tasks.Busy() {
		t.Fatal("cancelling started the task")
	}
	AskTask(c, "save?", "save", run)
	_, cmd := press(c.Slot.Modal(), "y")
	answer, ok := cmd().(common.TaskMsg)
	if !ok || !c.Tasks.Accept(answer) || answer.Msg != (doneMsg{}) {
		t.Fatalf("confirming did not run the screen's task: %+v", answer)
	}
}
