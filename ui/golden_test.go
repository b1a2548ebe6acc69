package ui_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/bubbles/v2/spinner"

	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// settled waits until no spinner turns in the status bar, so a golden
// shows what a screen loaded rather than that it still waits, and returns
// the screen.
func settled(t *testing.T, d *uitest.Driver) string {
	t.Helper()
	spinning := strings.Join(spinner.MiniDot.Frames, "")
	d.WaitFor("the screen to settle", func(s string) bool {
		lines := strings.Split(s, "\n")
		return !strings.ContainsAny(lines[len(lines)-1], spinning)
	})
	return d.Screen()
}

// golden compares a screen with testdata/NAME.golden, rewriting it with -update.
func golden(t *testing.T, name, screen string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	// Trailing spaces carry no meaning and make diffs noisy.
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	got := strings.Join(lines, "\n") + "\n"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update)", err)
	}
	if got != string(want) {
		t.Fatalf("%s differs from the golden file (go test ./ui -update rewrites it)\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestGoldenList80x24(t *testing.T) {
	h := start(t, 80, 24)
	golden(t, "list-80x24", settled(t, h.Driver))
}

func TestGoldenList160x45(t *testing.T) {
	h := start(t, 160, 45)
	h.Press("D")
	h.WaitForText("5 of 5")
	golden(t, "list-160x45", settled(t, h.Driver))
}

func TestGoldenDetailMasked(t *testing.T) {
	h := start(t, 100, 30)
	h.openSecret(t, "payments")
	h.Press("c")
	h.WaitForText("pick a field")
	h.Press("c")
	h.WaitForText("clipboard clears in")
	golden(t, "detail-masked", settled(t, h.Driver))
}

func TestGoldenDetailRevealed(t *testing.T) {
	h := start(t, 100, 30)
	h.openSecret(t, "payments")
	h.Press("V")
	h.WaitForText(uitest.Canary)
	golden(t, "detail-revealed", settled(t, h.Driver))
}
