package main

import (
	"cmp"
	"image"
	"image/color"
	"maps"
	"slices"
)

// maxColours is what a GIF frame or a paletted PNG can hold.
const maxColours = 256

// paletteOf picks at most limit colours for pictures: first the colours
// the cells are drawn in (every one of them, so no text changes colour),
// then the most frequent others, the anti-aliased edges of glyphs.
func paletteOf(limit int, cellColours []color.RGBA, imgs ...*image.RGBA) color.Palette {
	count := map[color.RGBA]int{}
	for _, img := range imgs {
		for i := 0; i+3 < len(img.Pix); i += 4 {
			count[color.RGBA{R: img.Pix[i], G: img.Pix[i+1], B: img.Pix[i+2], A: 0xff}]++
		}
	}
	// Most used first; ties in colour order, so the palette is the same
	// on every run.
	byUse := func(a, b color.RGBA) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(packed(a), packed(b)))
	}
	chosen := map[color.RGBA]bool{}
	var pal color.Palette
	add := func(cs []color.RGBA) {
		for _, c := range cs {
			if len(pal) < limit && !chosen[c] {
				chosen[c] = true
				pal = append(pal, c)
			}
		}
	}
	cells := slices.Clone(cellColours)
	slices.SortFunc(cells, byUse)
	add(cells)
	others := slices.SortedFunc(maps.Keys(count), byUse)
	add(others)
	return pal
}

// packed is c as one number, 0xRRGGBB.
func packed(c color.RGBA) uint32 { return uint32(c.R)<<16 | uint32(c.G)<<8 | uint32(c.B) }

// quantizer maps pictures onto one palette, each colour to its nearest.
type quantizer struct {
	palette color.Palette
	index   map[color.RGBA]uint8
}

// newQuantizer maps onto pal.
func newQuantizer(pal color.Palette) *quantizer {
	return &quantizer{palette: pal, index: map[color.RGBA]uint8{}}
}

// paletted is img in q's palette.
func (q *quantizer) paletted(img *image.RGBA) *image.Paletted {
	out := image.NewPaletted(img.Bounds(), q.palette)
	for i, j := 0, 0; i+3 < len(img.Pix); i, j = i+4, j+1 {
		c := color.RGBA{R: img.Pix[i], G: img.Pix[i+1], B: img.Pix[i+2], A: 0xff}
		idx, ok := q.index[c]
		if !ok {
			idx = uint8(q.palette.Index(c))
			q.index[c] = idx
		}
		out.Pix[j] = idx
	}
	return out
}

// cellColours lists the colours r draws g's cells in.
func (r *renderer) cellColours(g *grid) []color.RGBA {
	seen := map[color.RGBA]bool{r.theme.bg: true, r.theme.fg: true}
	for i := range g.cells {
		fg, bg := r.colours(g.cells[i].Style)
		seen[fg], seen[bg] = true, true
	}
	return slices.Collect(maps.Keys(seen))
}
