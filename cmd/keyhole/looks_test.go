package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// hasColour reports whether any SGR sequence in out sets a colour.
func hasColour(out string) bool {
	for _, m := range regexp.MustCompile(`\x1b\[([0-9;:]*)m`).FindAllStringSubmatch(out, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			if n >= 30 && n <= 49 && n != 39 && n != 49 || n >= 90 && n <= 107 {
				return true
			}
		}
	}
	return false
}

// TestColoursAndSymbolsFollowTheTerminal runs the demo under several
// terminals and checks what reaches them: NO_COLOR means no colour at all,
// 256-colour terminals get no truecolor, and a non-UTF-8 locale gets ASCII
// symbols and borders.
func TestColoursAndSymbolsFollowTheTerminal(t *testing.T) {
	tests := []struct {
		name      string
		env       []string
		truecolor bool
		colour    bool
		ascii     bool
	}{
		{"truecolor", []string{"COLORTERM=truecolor"}, true, true, false},
		{"256 colours", []string{"TERM=xterm-256color", "COLORTERM="}, false, true, false},
		{"NO_COLOR", []string{"NO_COLOR=1", "COLORTERM=truecolor"}, false, false, false},
		{"bare locale", []string{"LANG=C", "LC_ALL=", "LC_CTYPE="}, false, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tm := startTerm(t, 100, 30, tt.env, "--demo")
			tm.WaitForText("secrets")
			tm.Send("?")
			tm.WaitForText("any key closes")
			tm.Send("q")
			if err := tm.Wait(); err != nil {
				t.Fatal(err)
			}
			raw := tm.Raw()
			if got := strings.Contains(raw, "38;2;"); got != tt.truecolor {
				t.Errorf("truecolor sequences: %v, want %v", got, tt.truecolor)
			}
			if got := hasColour(raw); got != tt.colour {
				t.Errorf("colour sequences: %v, want %v", got, tt.colour)
			}
			symbols := strings.ContainsAny(raw, "·…•✗▸╭│▌")
			if symbols == tt.ascii {
				t.Errorf("Unicode symbols drawn: %v with ascii=%v", symbols, tt.ascii)
			}
		})
	}
}
