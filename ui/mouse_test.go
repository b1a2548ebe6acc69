package ui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui"
)

// mouseOn starts the app as --mouse does.
func mouseOn(c *ui.Config) { c.Mouse = true }

// openAudit opens the audit trail of the payments database and waits for
// all its events.
func openAudit(t *testing.T, h harness) {
	t.Helper()
	h.Press("/")
	h.Type("payments")
	h.Press("enter", "a")
	h.WaitForText("12 of 12 events · 90 days loaded")
}

// wheel turns the wheel one notch over the middle of the screen.
func wheel(h harness, button tea.MouseButton) {
	h.Send(tea.MouseWheelMsg{X: 10, Y: 5, Button: button})
}

// lineOf is the screen line that holds text; text must be on one line.
func lineOf(t *testing.T, screen, text string) int {
	t.Helper()
	at := -1
	for y, l := range strings.Split(screen, "\n") {
		if !strings.Contains(l, text) {
			continue
		}
		if at >= 0 {
			t.Fatalf("%q is on more than one line:\n%s", text, screen)
		}
		at = y
	}
	if at < 0 {
		t.Fatalf("%q is not on screen:\n%s", text, screen)
	}
	return at
}

// clickOn left-clicks the screen line that holds text.
func clickOn(t *testing.T, h harness, text string) {
	t.Helper()
	h.Send(tea.MouseClickMsg{X: 12, Y: lineOf(t, h.Screen(), text), Button: tea.MouseLeft})
}

// selected is the line the cursor bar is on.
func selected(t *testing.T, screen string) string {
	t.Helper()
	return strings.Split(screen, "\n")[lineOf(t, screen, "▌")]
}

// wantSelected fails unless the cursor bar is on the line with text.
func wantSelected(t *testing.T, h harness, text string) {
	t.Helper()
	if s := h.Screen(); !strings.Contains(selected(t, s), text) {
		t.Fatalf("the cursor is not on %q:\n%s", text, s)
	}
}

func TestMouseWheelMovesTheAuditCursorAndScrollsAnEvent(t *testing.T) {
	h := startOn(t, auditSeed(), 80, 24, "4 of 5 secrets", mouseOn)
	openAudit(t, h)
	wantSelected(t, h, "11-28 11:48")
	wheel(h, tea.MouseWheelDown)
	wantSelected(t, h, "11-28 07:00")
	wheel(h, tea.MouseWheelUp)
	wantSelected(t, h, "11-28 11:48")

	h.Press("enter")
	h.WaitForText("lines 1-20 of 45")
	wheel(h, tea.MouseWheelDown)
	h.WaitForText("lines 4-23 of 45")
}

func TestMouseClickSelectsTheClickedAuditRowWhenScrolled(t *testing.T) {
	h := startOn(t, auditSeed(), 80, 12, "4 of 5 secrets", mouseOn)
	openAudit(t, h)
	h.Press("G")
	wantSelected(t, h, "09-09 12:00")
	if strings.Contains(h.Screen(), "11-28 11:48") {
		t.Fatalf("the screen is too tall for this test:\n%s", h.Screen())
	}
	clickOn(t, h, "11-18 12:00")
	wantSelected(t, h, "11-18 12:00")

	for _, outside := range []string{"Audit trail · ", "TIME (UTC)", "12 of 12 events"} {
		clickOn(t, h, outside)
		wantSelected(t, h, "11-18 12:00")
	}
	h.Send(tea.MouseClickMsg{X: 12, Y: lineOf(t, h.Screen(), "11-08 12:00"), Button: tea.MouseRight})
	wantSelected(t, h, "11-18 12:00")
}

func TestMouseClickSelectsTheClickedReader(t *testing.T) {
	h := startOn(t, auditSeed(), 120, 40, "4 of 5 secrets", mouseOn)
	openAudit(t, h)
	h.Press("tab")
	h.WaitForText("[who read it]")
	clickOn(t, h, "user/svc-legacy-export")
	wantSelected(t, h, "user/svc-legacy-export")
	clickOn(t, h, "10.20.3.87")
	wantSelected(t, h, "10.20.3.87")
}

func TestMouseWheelMovesTheVersionsCursor(t *testing.T) {
	h := startVersions(t, 120, 30, false, mouseOn)
	h.Press("x")
	h.WaitForText("5 versions")
	wantSelected(t, h.harness, dbV5)
	wheel(h.harness, tea.MouseWheelDown)
	wantSelected(t, h.harness, dbV2)
	wheel(h.harness, tea.MouseWheelUp)
	wantSelected(t, h.harness, dbV5)
}

func TestMouseClickSelectsTheClickedVersionWhenScrolled(t *testing.T) {
	h := startVersions(t, 120, 30, false, mouseOn)
	h.Send(tea.WindowSizeMsg{Width: 120, Height: 12})
	h.Press("x")
	h.WaitForText("5 versions")
	h.Press("v")
	h.WaitForText("v5-pass-eeee")
	h.Press("G")
	wantSelected(t, h.harness, dbV1)
	if strings.Contains(h.Screen(), dbV5) {
		t.Fatalf("the screen is too tall for this test:\n%s", h.Screen())
	}
	clickOn(t, h.harness, dbV3)
	wantSelected(t, h.harness, dbV3)

	clickOn(t, h.harness, "v5-pass-eeee")
	wantSelected(t, h.harness, dbV5)
	clickOn(t, h.harness, "VERSION ID")
	wantSelected(t, h.harness, dbV5)
}

func TestMouseMovesTheDiffCursor(t *testing.T) {
	h := startVersions(t, 120, 30, false, mouseOn)
	h.Press("j")
	h.Send(space)
	h.Press("k", "=")
	h.WaitForText("1 changed, 1 added, 1 removed, 2 unchanged")
	wantSelected(t, h.harness, "unchanged host")
	wheel(h.harness, tea.MouseWheelDown)
	wantSelected(t, h.harness, "added     port")
	clickOn(t, h.harness, "removed   legacy")
	wantSelected(t, h.harness, "removed   legacy")
}

func TestMouseWheelScrollsThePolicy(t *testing.T) {
	h := startOn(t, policySeed(), 80, 16, "6 of 7 secrets", mouseOn)
	h.openSecret(t, "prod/app/public")
	h.Press("P")
	h.WaitForText("PUBLIC ACCESS")
	wheel(h, tea.MouseWheelDown)
	if s := h.Screen(); strings.Contains(s, "Validation (") || !strings.Contains(s, "Resource policy · ") {
		t.Fatalf("the wheel did not scroll under a fixed title:\n%s", s)
	}
	wheel(h, tea.MouseWheelUp)
	h.WaitForText("Validation (")
}

func TestMouseOffLeavesEveryScreenAlone(t *testing.T) {
	h := startOn(t, auditSeed(), 80, 24, "4 of 5 secrets")
	still := func(what string) {
		t.Helper()
		before := h.Screen()
		wheel(h, tea.MouseWheelDown)
		h.Send(tea.MouseClickMsg{X: 12, Y: 8, Button: tea.MouseLeft})
		if after := h.Screen(); after != before {
			t.Fatalf("the mouse changed the %s without --mouse:\n%s", what, after)
		}
	}
	still("list")
	openAudit(t, h)
	still("audit trail")
}

func TestMouseOnATopScreenLeavesTheScreensBelowAlone(t *testing.T) {
	h := start(t, 120, 30, mouseOn)
	wantSelected(t, h, "dev/search/api-key")
	h.Press("A")
	h.WaitForText("Audit trail · ")
	wheel(h, tea.MouseWheelDown)
	h.Send(tea.MouseClickMsg{X: 12, Y: 6, Button: tea.MouseLeft})
	h.Press("esc")
	h.WaitForText("4 of 5 secrets")
	wantSelected(t, h, "dev/search/api-key")
}

func TestMouseClickSelectsAListRowWithTheLeftButtonOnly(t *testing.T) {
	h := start(t, 120, 30, mouseOn)
	wantSelected(t, h, "dev/search/api-key")
	h.Send(tea.MouseClickMsg{X: 12, Y: lineOf(t, h.Screen(), "prod/edge/tls-bundle"), Button: tea.MouseRight})
	wantSelected(t, h, "dev/search/api-key")
	h.Send(tea.MouseClickMsg{X: 12, Y: lineOf(t, h.Screen(), "4 of 5 secrets"), Button: tea.MouseLeft})
	wantSelected(t, h, "dev/search/api-key")
	clickOn(t, h, "prod/edge/tls-bundle")
	wantSelected(t, h, "prod/edge/tls-bundle")
}
