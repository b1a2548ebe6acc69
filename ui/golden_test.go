package ui_test

import (
	"flag"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

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
	golden(t, "list-80x24", h.Screen())
}

func TestGoldenList160x45(t *testing.T) {
	h := start(t, 160, 45)
	h.Press("D")
	h.WaitForText("5 of 5")
	golden(t, "list-160x45", h.Screen())
}

func TestGoldenDetailMasked(t *testing.T) {
	h := start(t, 100, 30)
	h.openSecret(t, "payments")
	h.Press("c")
	h.WaitForText("clipboard clears in")
	golden(t, "detail-masked", h.Screen())
}

func TestGoldenDetailRevealed(t *testing.T) {
	h := start(t, 100, 30)
	h.openSecret(t, "payments")
	h.Press("V")
	h.WaitForText(uitest.Canary)
	golden(t, "detail-revealed", h.Screen())
}
