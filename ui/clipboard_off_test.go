package ui_test

import (
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/clipboard"
)

func TestCopyWithTheClipboardOffReadsNoValueAndStartsNoCountdown(t *testing.T) {
	off, err := clipboard.New(clipboard.ModeOff, clipboard.Env{})
	if err != nil {
		t.Fatal(err)
	}
	h := start(t, 80, 24, func(c *ui.Config) { c.Clipboard = off })
	h.openSecret(t, "payments")
	h.Press("c")
	h.WaitForText("not copied: the clipboard is off")
	h.Press("C")
	h.WaitForText("not copied: the clipboard is off")
	if n := h.reads(); n != 0 {
		t.Fatalf("a copy refused for the clipboard being off read the value %d times", n)
	}
	if s := h.Screen(); strings.Contains(s, "clipboard clears in") || strings.Contains(s, "Copy as") {
		t.Fatalf("a refused copy counts down or offers formats:\n%s", s)
	}
}
