package main

import (
	"image"
	"image/color"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// screenOf runs ANSI output through a VT emulator of the given size and
// copies its screen.
func screenOf(t *testing.T, cols, rows int, output string) *grid {
	t.Helper()
	term := vt.NewEmulator(cols, rows)
	defer term.Close()
	if _, err := term.WriteString(output); err != nil {
		t.Fatalf("write to the emulator: %v", err)
	}
	return copyGrid(term)
}

func testRenderer(t *testing.T) *renderer {
	t.Helper()
	fs, err := newFaces(14, lineHeight)
	if err != nil {
		t.Fatal(err)
	}
	return &renderer{theme: darkTheme(), faces: fs}
}

// cellPixel is the colour of the pixel dx, dy from the top left of a cell.
func cellPixel(r *renderer, img *image.RGBA, col, row, dx, dy int) color.RGBA {
	return img.RGBAAt(col*r.faces.cellW+dx, row*r.faces.cellH+dy)
}

// countColour counts the pixels of a cell (span columns wide) that are c.
func countColour(r *renderer, img *image.RGBA, col, row, span int, c color.RGBA) int {
	n := 0
	for y := row * r.faces.cellH; y < (row+1)*r.faces.cellH; y++ {
		for x := col * r.faces.cellW; x < (col+span)*r.faces.cellW; x++ {
			if img.RGBAAt(x, y) == c {
				n++
			}
		}
	}
	return n
}

func TestRenderSizeIsColumnsTimesCellWidthByRowsTimesCellHeight(t *testing.T) {
	r := testRenderer(t)
	img := r.render(screenOf(t, 7, 3, "hi"))
	want := image.Rect(0, 0, 7*r.faces.cellW, 3*r.faces.cellH)
	if img.Bounds() != want {
		t.Fatalf("size %v, want %v", img.Bounds(), want)
	}
	if r.faces.cellW < 6 || r.faces.cellH <= r.faces.cellW {
		t.Fatalf("cell %d×%d does not look like a terminal cell", r.faces.cellW, r.faces.cellH)
	}
}

func TestRenderPaintsEachCellsBackgroundFromItsStyle(t *testing.T) {
	r := testRenderer(t)
	th := r.theme
	g := screenOf(t, 6, 2,
		"\x1b[44mA\x1b[0m"+ // ANSI blue background
			"\x1b[48;5;196mB\x1b[0m"+ // 256-colour red
			"\x1b[48;2;10;20;30mC\x1b[0m"+ // true colour
			"\x1b[7mD\x1b[0m"+ // reverse: the default foreground as background
			"E"+ // default background
			"\x1b[104mF\x1b[0m") // bright blue
	img := r.render(g)
	for _, tc := range []struct {
		col  int
		want color.RGBA
	}{
		{0, th.ansi[4]},
		{1, hex(0xff0000)},
		{2, color.RGBA{R: 10, G: 20, B: 30, A: 0xff}},
		{3, th.fg},
		{4, th.bg},
		{5, th.ansi[12]},
	} {
		// The corners of a cell are background: no glyph reaches them.
		if got := cellPixel(r, img, tc.col, 0, 0, 0); got != tc.want {
			t.Errorf("cell %d: background %v, want %v", tc.col, got, tc.want)
		}
		if got := cellPixel(r, img, tc.col, 0, r.faces.cellW-1, r.faces.cellH-1); got != tc.want {
			t.Errorf("cell %d: bottom right %v, want %v", tc.col, got, tc.want)
		}
	}
	if got := cellPixel(r, img, 0, 1, 0, 0); got != th.bg {
		t.Errorf("an empty row: %v, want the default background %v", got, th.bg)
	}
}

func TestRenderDrawsGlyphsInTheirForegroundAndWeight(t *testing.T) {
	r := testRenderer(t)
	green := color.RGBA{R: 0x3f, G: 0xb9, B: 0x50, A: 0xff}
	img := r.render(screenOf(t, 4, 1, "M\x1b[1mM\x1b[0m\x1b[38;2;63;185;80mM\x1b[0m "))
	regular := countColour(r, img, 0, 0, 1, r.theme.fg)
	bold := countColour(r, img, 1, 0, 1, r.theme.fg)
	if regular == 0 {
		t.Fatal("a default M has no pixel in the default foreground")
	}
	if bold <= regular {
		t.Errorf("a bold M has %d foreground pixels, a regular one %d: want more", bold, regular)
	}
	if n := countColour(r, img, 2, 0, 1, green); n == 0 {
		t.Error("a true-colour M has no pixel in its colour")
	}
	if n := countColour(r, img, 3, 0, 1, r.theme.bg); n != r.faces.cellW*r.faces.cellH {
		t.Errorf("a blank cell has %d background pixels, want all %d", n, r.faces.cellW*r.faces.cellH)
	}
}

func TestRenderJoinsBoxLinesAcrossCells(t *testing.T) {
	r := testRenderer(t)
	img := r.render(screenOf(t, 3, 3, "╭─╮\r\n│ │\r\n╰─╯"))
	midX, midY := r.faces.cellW/2, r.faces.cellH/2
	for _, p := range []struct{ col, row, dx, dy int }{
		{1, 0, 0, midY}, {1, 0, r.faces.cellW - 1, midY}, // ─ reaches both edges
		{0, 1, midX, 0}, {0, 1, midX, r.faces.cellH - 1}, // │ reaches top and bottom
		{0, 0, r.faces.cellW - 1, midY}, {0, 0, midX, r.faces.cellH - 1}, // ╭ goes right and down
	} {
		if got := cellPixel(r, img, p.col, p.row, p.dx, p.dy); got != r.theme.fg {
			t.Errorf("cell %d,%d at %d,%d: %v, want the line colour %v", p.col, p.row, p.dx, p.dy, got, r.theme.fg)
		}
	}
	if got := cellPixel(r, img, 0, 0, 0, 0); got != r.theme.bg {
		t.Errorf("outside the corner's arms: %v, want background", got)
	}
}

func TestRenderFillsTheLeftHalfBlockEdgeToEdge(t *testing.T) {
	r := testRenderer(t)
	img := r.render(screenOf(t, 1, 1, "▌"))
	w, h := r.faces.cellW, r.faces.cellH
	for _, p := range []struct{ dx, dy int }{{0, 0}, {w/2 - 1, 0}, {0, h - 1}, {w/2 - 1, h - 1}} {
		if got := cellPixel(r, img, 0, 0, p.dx, p.dy); got != r.theme.fg {
			t.Errorf("▌ at %d,%d: %v, want %v", p.dx, p.dy, got, r.theme.fg)
		}
	}
	if got := cellPixel(r, img, 0, 0, w-1, h/2); got != r.theme.bg {
		t.Errorf("right of ▌: %v, want background", got)
	}
}

func TestRenderOutlinesCharactersTheFontLacks(t *testing.T) {
	r := testRenderer(t)
	g := screenOf(t, 4, 1, "\x1b[41m本\x1b[0mx")
	if g.at(0, 0).Width != 2 {
		t.Fatalf("the emulator gave 本 width %d, want 2", g.at(0, 0).Width)
	}
	img := r.render(g)
	red := r.theme.ansi[1]
	cellArea := r.faces.cellW * r.faces.cellH
	// The wide cell's background covers both columns, around a box.
	for col := range 2 {
		n := countColour(r, img, col, 0, 1, red)
		if n == cellArea || n < cellArea/2 {
			t.Errorf("column %d: %d of %d pixels red, want a red cell with a box drawn in it", col, n, cellArea)
		}
	}
	if got := cellPixel(r, img, 1, 0, r.faces.cellW-1, 0); got != red {
		t.Errorf("right edge of the wide cell: %v, want its background %v", got, red)
	}
	if countColour(r, img, 2, 0, 1, r.theme.bg) == cellArea {
		t.Error("the x after the wide character was not drawn in the third column")
	}
}

func TestRenderDrawsSymbolsTheFontLacksAsShapes(t *testing.T) {
	r := testRenderer(t)
	img := r.render(screenOf(t, 1, 1, "▸"))
	midY := r.faces.cellH * 55 / 100
	if got := cellPixel(r, img, 0, 0, r.faces.cellW/2, midY); got != r.theme.fg {
		t.Errorf("the middle of ▸: %v, want %v", got, r.theme.fg)
	}
	if got := cellPixel(r, img, 0, 0, r.faces.cellW/2, 1); got != r.theme.bg {
		t.Errorf("above ▸: %v, want background", got)
	}
}

func TestRenderFaintAndReverse(t *testing.T) {
	r := testRenderer(t)
	fg, bg := r.colours(styleOf(t, "\x1b[2;31m"))
	if want := mix(r.theme.ansi[1], r.theme.bg, 0.6); fg != want || bg != r.theme.bg {
		t.Errorf("faint red: %v on %v, want %v on %v", fg, bg, want, r.theme.bg)
	}
	fg, bg = r.colours(styleOf(t, "\x1b[7;32;40m"))
	if fg != r.theme.ansi[0] || bg != r.theme.ansi[2] {
		t.Errorf("reverse green on black: %v on %v, want black on green", fg, bg)
	}
}

func TestThemeResolvesEveryKindOfColour(t *testing.T) {
	th := darkTheme()
	fallback := hex(0x123456)
	for _, tc := range []struct {
		name string
		in   color.Color
		want color.RGBA
	}{
		{"default", nil, fallback},
		{"basic", ansi.BasicColor(3), th.ansi[3]},
		{"indexed low", ansi.IndexedColor(9), th.ansi[9]},
		{"indexed cube", ansi.IndexedColor(21), hex(0x0000ff)},
		{"indexed grey", ansi.IndexedColor(232), hex(0x080808)},
		{"true colour", ansi.TrueColor(0xabcdef), hex(0xabcdef)},
	} {
		if got := th.resolve(tc.in, fallback); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// styleOf is the style an SGR sequence gives the next character.
func styleOf(t *testing.T, sgr string) uv.Style {
	t.Helper()
	return screenOf(t, 1, 1, sgr+"x").at(0, 0).Style
}
