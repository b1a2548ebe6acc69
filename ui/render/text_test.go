package render

import (
	"slices"
	"strconv"
	"testing"
)

func TestWindowKeepsTheFocusInViewAndFillsTheHeight(t *testing.T) {
	lines := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "line " + strconv.Itoa(i)
		}
		return out
	}
	tests := []struct {
		name                         string
		n, focus, height, scroll, to int
		want                         []string
	}{
		{"short: padded", 2, -1, 4, 0, 20, []string{"line 0", "line 1", "", ""}},
		{"focus below: scrolled to it", 10, 6, 3, 0, 20, []string{"line 4", "line 5", "line 6"}},
		{"focus above: scrolled back", 10, 1, 3, 5, 20, []string{"line 1", "line 2", "line 3"}},
		{"focus inside: kept", 10, 4, 3, 3, 20, []string{"line 3", "line 4", "line 5"}},
		{"scroll past the end: clamped", 10, -1, 3, 50, 20, []string{"line 7", "line 8", "line 9"}},
		{"narrow: cut with the tail", 2, 0, 2, 0, 4, []string{"lin~", "lin~"}},
	}
	for _, tt := range tests {
		if got := Window(lines(tt.n), tt.focus, tt.height, tt.scroll, tt.to, "~"); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestKeepEndCutsFromTheStart(t *testing.T) {
	arn := "arn:aws:lambda:us-east-1:123456789012:function:rotate-db"
	for _, tt := range []struct {
		width int
		want  string
	}{
		{80, arn},
		{len(arn), arn},
		{20, "…:function:rotate-db"},
		{10, "…rotate-db"},
		{1, "…"},
		{0, ""},
		{-5, ""},
	} {
		if got := KeepEnd(arn, tt.width, "…"); got != tt.want {
			t.Errorf("width %d: %q, want %q", tt.width, got, tt.want)
		}
	}
}
