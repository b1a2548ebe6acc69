package render

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// fitByWidth is Fit done by measuring cells only, the reference for its
// ASCII shortcut.
func fitByWidth(s string, width int, tail string) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s)
	if w > width {
		s = ansi.Truncate(s, width, tail)
		w = ansi.StringWidth(s)
	}
	if w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// TestFitASCIIShortcutMatchesCellWidths checks Fit on printable ASCII
// against cutting and padding by measured cell widths, for the tails the
// list uses and widths around the text's length.
func TestFitASCIIShortcutMatchesCellWidths(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5_000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(0x20 + rng.IntN(0x7f-0x20))
		}
		s := string(b)
		for _, tail := range []string{"…", "~", "", "..."} {
			for _, width := range []int{0, 1, 2, 3, len(s) - 1, len(s), len(s) + 1, len(s) + 7} {
				if got, want := Fit(s, width, tail), fitByWidth(s, width, tail); got != want {
					t.Fatalf("Fit(%q, %d, %q) = %q, want %q", s, width, tail, got, want)
				}
			}
		}
	}
}

// BenchmarkFit measures fitting a typical list cell: a path-like ASCII name
// that is cut, and a short one that is padded.
func BenchmarkFit(b *testing.B) {
	long, short := "staging/payments/svc-123/webhook-secret-000123-with-a-long-tail", "svc-123"
	for b.Loop() {
		_ = Fit(long, 40, "…")
		_ = Fit(short, 20, "…")
	}
}
