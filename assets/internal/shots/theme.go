package main

import (
	"image/color"

	"github.com/charmbracelet/x/ansi"
)

// theme is the terminal's look: default colours and the 16 ANSI colours.
type theme struct {
	fg, bg color.RGBA
	ansi   [16]color.RGBA
}

// darkTheme is a dark terminal matching keyhole's dark styles.
func darkTheme() theme {
	return theme{
		fg: hex(0xe6edf3),
		bg: hex(0x0d1117),
		ansi: [16]color.RGBA{
			hex(0x484f58), hex(0xff7b72), hex(0x3fb950), hex(0xd29922),
			hex(0x58a6ff), hex(0xbc8cff), hex(0x39c5cf), hex(0xb1bac4),
			hex(0x6e7681), hex(0xffa198), hex(0x56d364), hex(0xe3b341),
			hex(0x79c0ff), hex(0xd2a8ff), hex(0x56d4dd), hex(0xffffff),
		},
	}
}

// hex turns 0xRRGGBB into an opaque colour.
func hex(rgb uint32) color.RGBA {
	return color.RGBA{R: uint8(rgb >> 16), G: uint8(rgb >> 8), B: uint8(rgb), A: 0xff}
}

// resolve turns a cell colour into the colour drawn: nil is the default
// (fallback), the 16 ANSI colours come from the theme, and every other
// colour (256-colour palette, true colour) is what it says.
func (t theme) resolve(c color.Color, fallback color.RGBA) color.RGBA {
	switch c := c.(type) {
	case nil:
		return fallback
	case ansi.BasicColor:
		return t.ansi[c&15]
	case ansi.IndexedColor:
		if c < 16 {
			return t.ansi[c]
		}
	}
	r, g, b, _ := c.RGBA()
	return color.RGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0xff}
}

// mix is a blended with b, weight w of a (0 to 1).
func mix(a, b color.RGBA, w float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x)*w + float64(y)*(1-w) + 0.5) }
	return color.RGBA{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B), A: 0xff}
}
