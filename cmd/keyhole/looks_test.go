package main

import (
	"image/color"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// sgrPattern matches a Select Graphic Rendition sequence and captures its
// parameters.
var sgrPattern = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// extendedColourArgs is how many parameters follow 38, 48 or 58 for each
// colour kind in the semicolon form: 5;n for an indexed colour, 2;r;g;b
// for a 24-bit one.
var extendedColourArgs = map[string]int{"5": 2, "2": 4}

// basicColourPattern matches the SGR codes of the 16 basic colours.
var basicColourPattern = regexp.MustCompile(`^(3[0-7]|4[0-7]|9[0-7]|10[0-7])$`)

// colourDepth is the richest colour encoding out uses: TrueColor for
// 24-bit colours, ANSI256 for indexed ones, ANSI for the 16 basic ones, and
// ASCII when no SGR sequence sets a colour.
func colourDepth(out string) colorprofile.Profile {
	depth := colorprofile.ASCII
	for _, m := range sgrPattern.FindAllStringSubmatch(out, -1) {
		fields := strings.Split(m[1], ";")
		for i := 0; i < len(fields); i++ {
			sub := strings.Split(fields[i], ":")
			code, kind := sub[0], ""
			switch {
			case len(sub) > 1: // colon form: 38:5:n, 38:2::r:g:b
				kind = sub[1]
			case isExtendedColour(code) && i+1 < len(fields):
				kind = fields[i+1]
				i += extendedColourArgs[kind]
			}
			depth = max(depth, codeDepth(code, kind))
		}
	}
	return depth
}

// isExtendedColour reports whether an SGR code takes a colour after it:
// foreground, background or underline.
func isExtendedColour(code string) bool {
	return code == "38" || code == "48" || code == "58"
}

// codeDepth is the colour encoding one SGR code sets; kind is the
// sub-parameter after an extended colour code.
func codeDepth(code, kind string) colorprofile.Profile {
	switch {
	case isExtendedColour(code) && kind == "2":
		return colorprofile.TrueColor
	case isExtendedColour(code) && kind == "5":
		return colorprofile.ANSI256
	case basicColourPattern.MatchString(code):
		return colorprofile.ANSI
	}
	return colorprofile.ASCII
}

// TestColoursAndSymbolsFollowTheTerminal runs the demo under several
// terminals and checks what reaches them: NO_COLOR means no colour at all,
// each terminal gets colours as rich as it can show and no richer, and a
// non-UTF-8 locale gets ASCII symbols and borders.
func TestColoursAndSymbolsFollowTheTerminal(t *testing.T) {
	tests := []struct {
		name  string
		env   []string
		depth colorprofile.Profile
		ascii bool
	}{
		{"truecolor", []string{"COLORTERM=truecolor"}, colorprofile.TrueColor, false},
		{"256 colours", []string{"TERM=xterm-256color", "COLORTERM="}, colorprofile.ANSI256, false},
		{"16 colours", []string{"TERM=xterm"}, colorprofile.ANSI, false},
		{"NO_COLOR", []string{"NO_COLOR=1", "COLORTERM=truecolor"}, colorprofile.ASCII, false},
		{"bare locale", []string{"LANG=C", "LC_ALL=", "LC_CTYPE="}, colorprofile.ANSI256, true},
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
			if got := colourDepth(raw); got != tt.depth {
				t.Errorf("richest colours sent: %v, want %v", got, tt.depth)
			}
			symbols := strings.ContainsAny(raw, "·…•✗▸╭│▌")
			if symbols == tt.ascii {
				t.Errorf("Unicode symbols drawn: %v with ascii=%v", symbols, tt.ascii)
			}
		})
	}
}

// TestColoursFollowALightBackground runs the demo in a 256-colour
// terminal that answers the background colour query with white: once the
// answer is in, the screen shows the light palette, downsampled to 256
// colours, and none of the dark one.
func TestColoursFollowALightBackground(t *testing.T) {
	light := paletteColours(styles.New(false, false), colorprofile.ANSI256)
	dark := paletteColours(styles.New(true, false), colorprofile.ANSI256)
	lightOnly, darkOnly := without(light, dark), without(dark, light)
	if len(lightOnly) == 0 || len(darkOnly) == 0 {
		t.Fatalf("the palettes cannot be told apart in 256 colours: light %v, dark %v", light, darkOnly)
	}

	tm := startTermOnBackground(t, 100, 30, color.White, "--demo")
	tm.WaitForText("secrets · sorted by name")
	tm.Send("j") // a selected row besides the header and status bars
	var shown map[rgba]bool
	tm.WaitFor("the light palette and none of the dark", func(string) bool {
		shown = screenColours(tm)
		return len(intersect(shown, lightOnly)) > 0 && len(intersect(shown, darkOnly)) == 0
	})
	tm.Send("q")
	if err := tm.Wait(); err != nil {
		t.Fatal(err)
	}
}

// startTermOnBackground is startTerm in a 256-colour terminal whose
// background is set before keyhole starts, so its first query is
// answered with it.
func startTermOnBackground(t testing.TB, width, height int, background color.Color, args ...string) *term {
	t.Helper()
	screen := vt.NewEmulator(width, height)
	screen.SetDefaultBackgroundColor(background)
	cmd := exec.Command(binary, args...)
	cmd.Env = []string{"TERM=xterm-256color", "LANG=C.UTF-8", "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(width), Rows: uint16(height)})
	if err != nil {
		t.Fatalf("start keyhole: %v", err)
	}
	tm := &term{t: t, cmd: cmd, pty: f, vt: screen, done: make(chan struct{})}
	go tm.pump()
	go func() { _, _ = io.Copy(f, tm.vt) }() // the terminal's answers to queries
	t.Cleanup(tm.close)
	return tm
}

// rgba is a colour as comparable values.
type rgba [4]uint32

// rgbaOf is c's components.
func rgbaOf(c color.Color) rgba {
	r, g, b, a := c.RGBA()
	return rgba{r, g, b, a}
}

// paletteColours are the colours of the bars, rows and messages st draws,
// as a terminal with profile receives them.
func paletteColours(st styles.Styles, profile colorprofile.Profile) map[rgba]bool {
	colours := []color.Color{
		st.Header.GetBackground(), st.Header.GetForeground(), st.AppName.GetForeground(),
		st.SelectedRow.GetBackground(), st.Cursor.GetForeground(), st.Title.GetForeground(),
		st.OK.GetForeground(), st.Warning.GetForeground(), st.Error.GetForeground(),
		st.Revealed.GetForeground(), st.StatusBar.GetBackground(),
	}
	set := map[rgba]bool{}
	for _, c := range colours {
		set[rgbaOf(profile.Convert(c))] = true
	}
	return set
}

// screenColours are the foreground and background colours of every cell
// on the emulated screen.
func screenColours(tm *term) map[rgba]bool {
	set := map[rgba]bool{}
	tm.withScreen(func(screen *vt.Emulator) {
		for y := range screen.Height() {
			for x := range screen.Width() {
				cell := screen.CellAt(x, y)
				if cell == nil {
					continue
				}
				for _, c := range []color.Color{cell.Style.Fg, cell.Style.Bg} {
					if c != nil {
						set[rgbaOf(c)] = true
					}
				}
			}
		}
	})
	return set
}

// without is the colours of a that are not in b.
func without(a, b map[rgba]bool) map[rgba]bool {
	out := map[rgba]bool{}
	for c := range a {
		if !b[c] {
			out[c] = true
		}
	}
	return out
}

// intersect is the colours in both a and b.
func intersect(a, b map[rgba]bool) map[rgba]bool {
	return without(a, without(a, b))
}
