package ui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/keyhole-tui/keyhole/ui"
)

// openHelp opens the help screen.
func openHelp(h harness) {
	h.Press("?")
	h.WaitForText("any key closes")
}

func TestGoldenHelp80x24(t *testing.T) {
	h := start(t, 80, 24)
	openHelp(h)
	golden(t, "help-80x24", settled(t, h.Driver))
}

func TestGoldenHelpBottom80x24(t *testing.T) {
	h := start(t, 80, 24)
	openHelp(h)
	h.Press("G")
	golden(t, "help-bottom-80x24", settled(t, h.Driver))
}

func TestGoldenHelp160x45(t *testing.T) {
	h := start(t, 160, 45)
	openHelp(h)
	golden(t, "help-160x45", settled(t, h.Driver))
}

func TestHelpScrollsDownToTheLastSectionAt80x24(t *testing.T) {
	h := start(t, 80, 24)
	openHelp(h)
	s := h.Screen()
	if strings.Contains(s, "Dialogs") || !strings.Contains(s, "lines 1-19 of 95 · more below ↓") || strings.Contains(s, "more above") {
		t.Fatalf("help at the top:\n%s", s)
	}
	h.Press("pgdown", "pgdown", "pgdown", "pgdown", "pgdown")
	s = h.Screen()
	for _, want := range []string{"Dialogs", "y        confirm", "Everywhere", "⇧tab    previous field", "↑ more above · lines 77-95 of 95"} {
		if !strings.Contains(s, want) {
			t.Errorf("help scrolled to the end lacks %q", want)
		}
	}
	if strings.Contains(s, "more below") {
		t.Errorf("help at the end says there is more below:\n%s", s)
	}
	h.Press("esc")
	s = h.Screen()
	if strings.Contains(s, "any key closes") || !strings.Contains(s, "4 of 5 secrets") {
		t.Fatalf("esc did not close help:\n%s", s)
	}
}

func TestHelpScrollsByLinePageAndEnd(t *testing.T) {
	h := start(t, 80, 24)
	openHelp(h)
	steps := []struct {
		key, want string
	}{
		{"k", "lines 1-19 of 95"},
		{"j", "lines 2-20 of 95"},
		{"down", "lines 3-21 of 95"},
		{"up", "lines 2-20 of 95"},
		{"pgdown", "lines 21-39 of 95"},
		{"end", "lines 77-95 of 95"},
		{"j", "lines 77-95 of 95"},
		{"pgup", "lines 58-76 of 95"},
		{"g", "lines 1-19 of 95"},
	}
	for _, st := range steps {
		h.Press(st.key)
		if s := h.Screen(); !strings.Contains(s, st.want) {
			t.Fatalf("after %s the help does not show %q:\n%s", st.key, st.want, s)
		}
	}
}

func TestHelpOpensAgainAtTheTop(t *testing.T) {
	h := start(t, 80, 24)
	openHelp(h)
	h.Press("G", "?")
	if strings.Contains(h.Screen(), "any key closes") {
		t.Fatalf("? did not close help:\n%s", h.Screen())
	}
	openHelp(h)
	if s := h.Screen(); !strings.Contains(s, "lines 1-19 of 95") || !strings.Contains(s, "List ") {
		t.Fatalf("help did not open at the top:\n%s", s)
	}
}

func TestHelpThatFitsShowsEverySectionAndAnyKeyCloses(t *testing.T) {
	h := start(t, 160, 55)
	openHelp(h)
	s := h.Screen()
	if !strings.Contains(s, "Dialogs") || strings.Contains(s, "more below") || strings.Contains(s, "scroll") {
		t.Fatalf("help at 160x55:\n%s", s)
	}
	h.Press("j")
	if strings.Contains(h.Screen(), "any key closes") {
		t.Fatalf("j did not close help that fits:\n%s", h.Screen())
	}
}

func TestHelpScrollMarksInASCII(t *testing.T) {
	h := start(t, 80, 24, func(c *ui.Config) { c.ASCII = true })
	openHelp(h)
	h.Press("j")
	s := h.Screen()
	if !strings.Contains(s, "^ more above - lines 2-20 of 101 - more below v") || strings.ContainsAny(s, "↑↓") {
		t.Fatalf("help in ASCII:\n%s", s)
	}
}

func TestQuitKeyQuitsFromHelp(t *testing.T) {
	h := start(t, 80, 24)
	openHelp(h)
	h.Press("q")
	h.WaitForMsg("quit", func(m tea.Msg) bool { _, ok := m.(tea.QuitMsg); return ok })
}
