package main

import (
	"image"
	"image/color"
	"image/draw"
)

// arms are the lines of a box-drawing character from the cell's centre:
// up, down, left, right; 0 none, 1 light, 2 heavy.
type arms [4]int

// boxArms gives the arms of the box-drawing characters keyhole's borders
// use. They are drawn as lines rather than glyphs so that borders join
// across cells whatever the line height.
func boxArms(r rune) (arms, bool) {
	switch r {
	case '─':
		return arms{0, 0, 1, 1}, true
	case '━':
		return arms{0, 0, 2, 2}, true
	case '│':
		return arms{1, 1, 0, 0}, true
	case '┃':
		return arms{2, 2, 0, 0}, true
	case '┌', '╭':
		return arms{0, 1, 0, 1}, true
	case '┐', '╮':
		return arms{0, 1, 1, 0}, true
	case '└', '╰':
		return arms{1, 0, 0, 1}, true
	case '┘', '╯':
		return arms{1, 0, 1, 0}, true
	case '├':
		return arms{1, 1, 0, 1}, true
	case '┤':
		return arms{1, 1, 1, 0}, true
	case '┬':
		return arms{0, 1, 1, 1}, true
	case '┴':
		return arms{1, 0, 1, 1}, true
	case '┼':
		return arms{1, 1, 1, 1}, true
	}
	return arms{}, false
}

// drawBox draws a's lines in the cell rectangle c.
func drawBox(dst draw.Image, c image.Rectangle, a arms, fg color.Color) {
	src := image.NewUniform(fg)
	cx, cy := (c.Min.X+c.Max.X)/2, (c.Min.Y+c.Max.Y)/2
	unit := max(1, c.Dx()/9)
	fill := func(r image.Rectangle) { draw.Draw(dst, r, src, image.Point{}, draw.Src) }
	for i, weight := range a {
		if weight == 0 {
			continue
		}
		w := unit * weight
		lo, hi := -w/2, w-w/2 // a line of width w around the centre
		switch i {
		case 0:
			fill(image.Rect(cx+lo, c.Min.Y, cx+hi, cy+hi))
		case 1:
			fill(image.Rect(cx+lo, cy+lo, cx+hi, c.Max.Y))
		case 2:
			fill(image.Rect(c.Min.X, cy+lo, cx+hi, cy+hi))
		case 3:
			fill(image.Rect(cx+lo, cy+lo, c.Max.X, cy+hi))
		}
	}
}

// blockPart gives the part of cell c that a block element keyhole uses
// fills. Terminals draw these edge to edge themselves rather than from the
// font, and so does the picture.
func blockPart(r rune, c image.Rectangle) (image.Rectangle, bool) {
	if r == '▌' {
		return image.Rect(c.Min.X, c.Min.Y, (c.Min.X+c.Max.X)/2, c.Max.Y), true
	}
	return image.Rectangle{}, false
}
