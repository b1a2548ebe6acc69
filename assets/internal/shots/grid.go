package main

import uv "github.com/charmbracelet/ultraviolet"

// cellSource is a terminal screen that can be read cell by cell, such as
// the VT emulator.
type cellSource interface {
	Width() int
	Height() int
	CellAt(x, y int) *uv.Cell
}

// grid is a still copy of a terminal screen, the input of a picture.
type grid struct {
	cols, rows int
	cells      []uv.Cell // row by row; a zero cell is the blank right half of a wide one
}

// copyGrid copies every cell of src.
func copyGrid(src cellSource) *grid {
	g := &grid{cols: src.Width(), rows: src.Height()}
	g.cells = make([]uv.Cell, g.cols*g.rows)
	for y := range g.rows {
		for x := range g.cols {
			if c := src.CellAt(x, y); c != nil {
				g.cells[y*g.cols+x] = *c
			}
		}
	}
	return g
}

// at is the cell at column x, row y.
func (g *grid) at(x, y int) *uv.Cell { return &g.cells[y*g.cols+x] }
