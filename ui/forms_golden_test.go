package ui_test

import (
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/ui"
)

// fits fails when a screen is wider than 80 columns.
func fits(t *testing.T, screen string) {
	t.Helper()
	if w := widestLine(screen); w > 80 {
		t.Errorf("%d columns wide on an 80-column screen", w)
	}
}

func TestGoldenCreate80x24(t *testing.T) {
	h, _ := startWrite(t, 80, 24)
	h.openCreate("prod/new/db", "New database", "team=data")
	h.Press("tab")
	h.Type("username")
	h.Press("tab")
	h.Type("app_user")
	noSecretOnScreen(t, h, "app_user")
	fits(t, h.Screen())
	golden(t, "create-80x24", settled(t, h.Driver))
}

func TestGoldenEdit80x24(t *testing.T) {
	h, _ := startWrite(t, 80, 24)
	h.openEdit(t, "payments")
	h.Press("j", "enter")
	fits(t, h.Screen())
	golden(t, "edit-80x24", settled(t, h.Driver))
}

func TestGoldenSchedule80x24(t *testing.T) {
	h, _ := startRotation(t, 80, 24, true)
	h.openRotation(t, "dev/search/api-key")
	h.Press("e")
	h.WaitForText("Rotation schedule")
	h.Type("30")
	h.WaitForText("days")
	fits(t, h.Screen())
	golden(t, "schedule-80x24", settled(t, h.Driver))
}

func TestGoldenDeleteASCII80x24(t *testing.T) {
	h := start(t, 80, 24, readWrite, func(c *ui.Config) { c.ASCII = true })
	h.Press("d")
	h.WaitForText("Delete dev/search/api-key?")
	s := h.Screen()
	if !strings.Contains(s, "(days, 7-30)") || strings.ContainsAny(s, "–·…") {
		t.Fatalf("the delete dialog in ASCII:\n%s", s)
	}
	golden(t, "delete-ascii-80x24", settled(t, h.Driver))
}

func TestHelpNamesTheArrowKeysInWordsInASCII(t *testing.T) {
	h := start(t, 80, 24, func(c *ui.Config) { c.ASCII = true })
	openHelp(h)
	s := h.Screen()
	if !strings.Contains(s, "up/k") || !strings.Contains(s, "down/j") || strings.Contains(s, "v/j") {
		t.Fatalf("help in ASCII names the arrows so v reads as a key:\n%s", s)
	}
	// Names are made ASCII before the columns are laid out, so every page
	// of help keeps its columns and its width.
	for range 5 {
		// The status bar, under help, is not help's to lay out.
		fits(t, s[:strings.LastIndex(s, "\n")])
		if strings.Contains(s, "\ndown/j") && !strings.Contains(s, "\ndown/j  down") {
			t.Fatalf("the key column lost its alignment:\n%s", s)
		}
		h.Press("pgdown")
		s = h.Screen()
	}
}
