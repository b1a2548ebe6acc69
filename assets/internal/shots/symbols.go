package main

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// point is a position in a cell, as fractions of its width and height.
type point struct{ x, y float64 }

// stroke is a line from a to b, width pixels wide.
type stroke struct {
	a, b  point
	width float64
}

// symbolShapes draws the symbols keyhole shows that Go Mono lacks: filled
// polygons and strokes, so they look as a terminal's fallback font would
// draw them rather than as missing-glyph boxes.
func symbolShapes(r rune) (polygons [][]point, strokes []stroke, ok bool) {
	switch r {
	case '▸': // the selected field or row
		return [][]point{{{0.15, 0.33}, {0.85, 0.55}, {0.15, 0.77}}}, nil, true
	case '◆': // a version marked for diff
		return [][]point{{{0.5, 0.3}, {0.95, 0.55}, {0.5, 0.8}, {0.05, 0.55}}}, nil, true
	case '✓':
		return nil, []stroke{{point{0.1, 0.55}, point{0.38, 0.75}, 1.6}, {point{0.38, 0.75}, point{0.92, 0.3}, 1.6}}, true
	case '✗': // a secret pending deletion
		return nil, []stroke{{point{0.15, 0.3}, point{0.85, 0.78}, 1.6}, {point{0.85, 0.3}, point{0.15, 0.78}, 1.6}}, true
	}
	return nil, nil, false
}

// drawSymbol draws polygons and strokes in the cell rectangle c.
func drawSymbol(dst draw.Image, c image.Rectangle, polygons [][]point, strokes []stroke, fg color.Color) {
	w, h := float64(c.Dx()), float64(c.Dy())
	at := func(p point) (float32, float32) { return float32(p.x * w), float32(p.y * h) }
	fill := func(pts [][2]float32) {
		z := vector.NewRasterizer(c.Dx(), c.Dy())
		z.MoveTo(pts[0][0], pts[0][1])
		for _, p := range pts[1:] {
			z.LineTo(p[0], p[1])
		}
		z.ClosePath()
		z.Draw(dst, c, image.NewUniform(fg), image.Point{})
	}
	for _, poly := range polygons {
		pts := make([][2]float32, len(poly))
		for i, p := range poly {
			pts[i][0], pts[i][1] = at(p)
		}
		fill(pts)
	}
	for _, s := range strokes {
		ax, ay := at(s.a)
		bx, by := at(s.b)
		dx, dy := float64(bx-ax), float64(by-ay)
		n := math.Hypot(dx, dy)
		nx, ny := float32(-dy/n*s.width/2), float32(dx/n*s.width/2)
		fill([][2]float32{{ax + nx, ay + ny}, {bx + nx, by + ny}, {bx - nx, by - ny}, {ax - nx, ay - ny}})
	}
}
