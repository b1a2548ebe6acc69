package widget

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestHangingWrapIndentsWhatGoesOnBelow(t *testing.T) {
	got := HangingWrap(`  "arn": "0123456789abcdefghij"`, 16)
	want := []string{`  "arn": "012345`, `    6789abcdefgh`, `    ij"`}
	if !slices.Equal(got, want) {
		t.Errorf("wrapped %q, want %q", got, want)
	}
	if got := HangingWrap("short", 16); !slices.Equal(got, []string{"short"}) {
		t.Errorf("a line that fits became %q", got)
	}
}

func TestHangingWrapKeepsEveryCharacter(t *testing.T) {
	line := `    "arn": "arn:aws:sts::123456789012:assumed-role/payments-api/i-0abc"`
	out := HangingWrap(line, 30)
	joined := ""
	for i, l := range out {
		if ansi.StringWidth(l) > 30 {
			t.Errorf("line %d is %d wide", i, ansi.StringWidth(l))
		}
		if i > 0 && !strings.HasPrefix(l, "      ") {
			t.Errorf("continuation %q is not indented", l)
		}
		joined += strings.TrimLeft(l, " ")
	}
	if want := strings.TrimLeft(line, " "); joined != want {
		t.Fatalf("wrapped text = %q, want %q", joined, want)
	}
}

func TestFoldsKeepStylesAndCountCells(t *testing.T) {
	styled := "\x1b[1m" + "abcdefgh" + "\x1b[0m"
	for name, fold := range map[string]Fold{"cut": Cut(""), "words": WordWrap, "hanging": HangingWrap} {
		for _, l := range fold(styled, 4) {
			if w := ansi.StringWidth(l); w > 4 {
				t.Errorf("%s: %q is %d cells wide", name, l, w)
			}
		}
		if got := ansi.Strip(fold(styled, 4)[0]); got != "abcd" {
			t.Errorf("%s: first line %q, want abcd", name, got)
		}
	}
	if got := WordWrap("one two three", 8); !slices.Equal(got, []string{"one two", "three"}) {
		t.Errorf("word wrap %q", got)
	}
}
