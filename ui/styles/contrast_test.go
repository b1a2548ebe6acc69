package styles

import (
	"image/color"
	"math"
	"testing"

	"charm.land/lipgloss/v2"
)

// luminance is a colour's relative luminance as WCAG 2 defines it.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestHintsReachAAContrastOnTheAssumedBackgrounds(t *testing.T) {
	themes := []struct {
		name        string
		isDark      bool
		backgrounds []string
	}{
		// Black, and the common dark themes' greys up to One Dark's.
		{"dark", true, []string{"#000000", "#0d1117", "#1e1e1e", "#282c34"}},
		{"light", false, []string{"#ffffff", "#f6f8fa"}},
	}
	for _, th := range themes {
		h := New(th.isDark, false).Help
		for _, bg := range th.backgrounds {
			for name, fg := range map[string]color.Color{"key": h.ShortKey.GetForeground(), "description": h.ShortDesc.GetForeground(), "form hint": New(th.isDark, false).Hint.GetForeground()} {
				if c := contrast(fg, lipgloss.Color(bg)); c < 4.5 {
					t.Errorf("%s theme: hint %s reaches %.2f:1 on %s, want 4.5:1", th.name, name, c, bg)
				}
			}
		}
	}
}

func TestContrastMatchesWCAGExamples(t *testing.T) {
	if c := contrast(lipgloss.Color("#000000"), lipgloss.Color("#ffffff")); math.Abs(c-21) > 0.01 {
		t.Fatalf("black on white: %.2f, want 21", c)
	}
	if c := contrast(lipgloss.Color("#767676"), lipgloss.Color("#ffffff")); math.Abs(c-4.54) > 0.01 {
		t.Fatalf("#767676 on white: %.2f, want 4.54", c)
	}
}
