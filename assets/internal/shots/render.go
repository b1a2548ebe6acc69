package main

import (
	"image"
	"image/color"
	"image/draw"
	"unicode"

	uv "github.com/charmbracelet/ultraviolet"
	"golang.org/x/image/font"
)

// renderer draws terminal screens as pictures.
type renderer struct {
	theme theme
	faces *faces
}

// size is the picture size of a cols×rows screen.
func (r *renderer) size(cols, rows int) image.Rectangle {
	return image.Rect(0, 0, cols*r.faces.cellW, rows*r.faces.cellH)
}

// render draws g: every cell's background, then its character in its
// foreground colour and weight.
func (r *renderer) render(g *grid) *image.RGBA {
	img := image.NewRGBA(r.size(g.cols, g.rows))
	draw.Draw(img, img.Bounds(), image.NewUniform(r.theme.bg), image.Point{}, draw.Src)
	for y := range g.rows {
		for x := 0; x < g.cols; {
			c := g.at(x, y)
			span := max(c.Width, 1)
			r.drawCell(img, x, y, min(span, g.cols-x), c)
			x += span
		}
	}
	return img
}

// colours are the foreground and background a cell is drawn in.
func (r *renderer) colours(s uv.Style) (fg, bg color.RGBA) {
	fg = r.theme.resolve(s.Fg, r.theme.fg)
	bg = r.theme.resolve(s.Bg, r.theme.bg)
	if s.Attrs&uv.AttrReverse != 0 {
		fg, bg = bg, fg
	}
	if s.Attrs&uv.AttrFaint != 0 {
		fg = mix(fg, bg, 0.6)
	}
	if s.Attrs&uv.AttrConceal != 0 {
		fg = bg
	}
	return fg, bg
}

// drawCell draws cell c, span columns wide, at column x, row y.
func (r *renderer) drawCell(img *image.RGBA, x, y, span int, c *uv.Cell) {
	fs := r.faces
	rect := image.Rect(x*fs.cellW, y*fs.cellH, (x+span)*fs.cellW, (y+1)*fs.cellH)
	fg, bg := r.colours(c.Style)
	draw.Draw(img, rect, image.NewUniform(bg), image.Point{}, draw.Src)
	r.drawText(img, x, y, rect, c, fg)
	if c.Style.Underline != uv.UnderlineStyleNone {
		line := rect
		line.Min.Y = y*fs.cellH + min(fs.baseline+2, fs.cellH-1)
		line.Max.Y = line.Min.Y + 1
		draw.Draw(img, line, image.NewUniform(fg), image.Point{}, draw.Src)
	}
	if c.Style.Attrs&uv.AttrStrikethrough != 0 {
		line := rect
		line.Min.Y = rect.Min.Y + fs.cellH/2
		line.Max.Y = line.Min.Y + 1
		draw.Draw(img, line, image.NewUniform(fg), image.Point{}, draw.Src)
	}
}

// drawText draws the cell's grapheme: block elements as rectangles, box
// lines as lines, the few symbols keyhole uses that Go Mono lacks as
// shapes, and other characters Go Mono lacks (CJK, Arabic, emoji) as an
// outlined box the cell's width, so they read as "a character not drawn"
// rather than as a blank.
func (r *renderer) drawText(img *image.RGBA, x, y int, rect image.Rectangle, c *uv.Cell, fg color.RGBA) {
	var runes []rune
	for _, ch := range c.Content {
		if ch != ' ' && ch != '\u200d' && !unicode.Is(unicode.Variation_Selector, ch) {
			runes = append(runes, ch)
		}
	}
	if len(runes) == 0 {
		return
	}
	if len(runes) == 1 {
		if part, ok := blockPart(runes[0], rect); ok {
			draw.Draw(img, part, image.NewUniform(fg), image.Point{}, draw.Src)
			return
		}
		if a, ok := boxArms(runes[0]); ok {
			drawBox(img, rect, a, fg)
			return
		}
		if polygons, strokes, ok := symbolShapes(runes[0]); ok {
			drawSymbol(img, rect, polygons, strokes, fg)
			return
		}
	}
	for _, ch := range runes {
		if !r.faces.has(ch) {
			drawMissing(img, rect, fg)
			return
		}
	}
	d := font.Drawer{
		Dst:  img,
		Src:  image.NewUniform(fg),
		Face: r.faces.face(c.Style.Attrs&uv.AttrBold != 0, c.Style.Attrs&uv.AttrItalic != 0),
		Dot:  r.faces.dot(x, y),
	}
	d.DrawString(string(runes))
}

// drawMissing outlines a box inside rect in a dimmed fg.
func drawMissing(img *image.RGBA, rect image.Rectangle, fg color.RGBA) {
	box := rect.Inset(max(1, rect.Dy()/6))
	box.Min.X = rect.Min.X + max(1, rect.Dx()/8)
	box.Max.X = rect.Max.X - max(1, rect.Dx()/8)
	col := image.NewUniform(color.RGBA{R: fg.R, G: fg.G, B: fg.B, A: 0x99})
	for _, edge := range []image.Rectangle{
		image.Rect(box.Min.X, box.Min.Y, box.Max.X, box.Min.Y+1),
		image.Rect(box.Min.X, box.Max.Y-1, box.Max.X, box.Max.Y),
		image.Rect(box.Min.X, box.Min.Y, box.Min.X+1, box.Max.Y),
		image.Rect(box.Max.X-1, box.Min.Y, box.Max.X, box.Max.Y),
	} {
		draw.Draw(img, edge, col, image.Point{}, draw.Over)
	}
}
