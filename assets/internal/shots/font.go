package main

import (
	"fmt"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/gomonobolditalic"
	"golang.org/x/image/font/gofont/gomonoitalic"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// faces are the Go Mono faces at one size, with the cell they fill.
type faces struct {
	regular, bold, italic, boldItalic font.Face
	cellW, cellH                      int
	baseline                          int // from the top of a cell
}

// newFaces loads Go Mono at size pixels; a cell is one advance wide and
// lineHeight times the size tall.
func newFaces(size, lineHeight float64) (*faces, error) {
	load := func(name string, ttf []byte) (font.Face, error) {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			return nil, fmt.Errorf("open %s at %gpx: %w", name, size, err)
		}
		return face, nil
	}
	var fs faces
	var err error
	if fs.regular, err = load("Go Mono", gomono.TTF); err != nil {
		return nil, err
	}
	if fs.bold, err = load("Go Mono Bold", gomonobold.TTF); err != nil {
		return nil, err
	}
	if fs.italic, err = load("Go Mono Italic", gomonoitalic.TTF); err != nil {
		return nil, err
	}
	if fs.boldItalic, err = load("Go Mono Bold Italic", gomonobolditalic.TTF); err != nil {
		return nil, err
	}
	adv, _ := fs.regular.GlyphAdvance('M')
	m := fs.regular.Metrics()
	fs.cellW = adv.Ceil()
	fs.cellH = int(size*lineHeight + 0.5)
	glyphH := (m.Ascent + m.Descent).Ceil()
	fs.baseline = (fs.cellH-glyphH)/2 + m.Ascent.Ceil()
	return &fs, nil
}

// face picks the face for a style.
func (fs *faces) face(bold, italic bool) font.Face {
	switch {
	case bold && italic:
		return fs.boldItalic
	case bold:
		return fs.bold
	case italic:
		return fs.italic
	}
	return fs.regular
}

// has says whether Go Mono draws r.
func (fs *faces) has(r rune) bool {
	_, ok := fs.regular.GlyphAdvance(r)
	return ok
}

// dot is where a glyph starts in the cell at column x, row y.
func (fs *faces) dot(x, y int) fixed.Point26_6 {
	return fixed.P(x*fs.cellW, y*fs.cellH+fs.baseline)
}
