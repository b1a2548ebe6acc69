package widget

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// tick is how long the tests' idle timers run.
const tick = time.Millisecond

func TestRevealRemasksAfterIdle(t *testing.T) {
	r := NewReveal[int](tick)
	r.Set(2, true)
	idle := r.Touch()
	if idle == nil {
		t.Fatal("no idle timer while a value is shown")
	}
	if !r.Update(idle()) {
		t.Fatal("the idle tick reported nothing masked")
	}
	if r.Any() || r.Shown(2) {
		t.Fatal("a value is still shown after the idle timeout")
	}
}

func TestRevealTouchRestartsTheTimer(t *testing.T) {
	r := NewReveal[string](tick)
	r.Set("v1", true)
	first := r.Touch()
	second := r.Touch()
	if r.Update(first()) || !r.Shown("v1") {
		t.Fatal("a tick from before the last key masked the value")
	}
	if !r.Update(second()) || r.Shown("v1") {
		t.Fatal("the latest tick did not mask the value")
	}
}

func TestRevealRemasksOnRemaskMsg(t *testing.T) {
	r := NewReveal[int](time.Hour)
	r.Set(0, true)
	r.Set(1, true)
	if !r.Update(common.RemaskMsg{}) || r.Any() {
		t.Fatal("RemaskMsg left a value shown")
	}
	if r.Update(common.RemaskMsg{}) {
		t.Fatal("RemaskMsg reported a value masked when none was shown")
	}
}

func TestRevealIgnoresAnotherRevealsTick(t *testing.T) {
	mine, other := NewReveal[int](tick), NewReveal[int](tick)
	mine.Set(0, true)
	other.Set(0, true)
	mine.Touch()
	if mine.Update(other.Touch()()) || !mine.Shown(0) {
		t.Fatal("another screen's idle tick masked this one")
	}
}

func TestRevealStartsNoTimerWhenNothingShowsOrTimeoutIsOff(t *testing.T) {
	r := NewReveal[int](tick)
	if r.Touch() != nil {
		t.Fatal("an idle timer with nothing shown")
	}
	off := NewReveal[int](0)
	off.Set(0, true)
	if off.Touch() != nil {
		t.Fatal("an idle timer with the timeout off")
	}
}

func TestRevealToggleAndMaskAll(t *testing.T) {
	r := NewReveal[int](0)
	if !r.Toggle(3) || !r.Shown(3) {
		t.Fatal("toggle did not show a masked value")
	}
	if r.Toggle(3) || r.Any() {
		t.Fatal("toggle did not mask a shown value")
	}
	r.Set(4, true)
	if !r.MaskAll() || r.Any() {
		t.Fatal("MaskAll left a value shown")
	}
	if r.MaskAll() {
		t.Fatal("MaskAll reported a value when none was shown")
	}
}

func TestMaskedAgainSaysSoOnlyAfterTheIdleTimeout(t *testing.T) {
	says := func(cmd tea.Cmd) string {
		var text string
		var walk func(tea.Cmd)
		walk = func(c tea.Cmd) {
			switch msg := c().(type) {
			case tea.BatchMsg:
				for _, c := range msg {
					walk(c)
				}
			case common.StatusMsg:
				text = msg.Text
			}
		}
		walk(cmd)
		return text
	}
	if got := says(MaskedAgain(IdleMsg{}, 30*time.Second)); got != "values masked again after 30s idle" {
		t.Errorf("after the idle timeout the status says %q", got)
	}
	if got := says(MaskedAgain(IdleMsg{}, 2*time.Minute)); got != "values masked again after 2m idle" {
		t.Errorf("after two idle minutes the status says %q", got)
	}
	if got := says(MaskedAgain(common.RemaskMsg{}, 30*time.Second)); got != "" {
		t.Errorf("a remask the user caused says %q", got)
	}
}
