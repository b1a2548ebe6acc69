package main

import (
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"io"
	"time"
)

// writeGIF writes pictures as a looping animation, each shown for its
// hold. After the first, a frame holds only the rectangle that changed,
// with the pixels that did not change transparent, and leaves the rest of
// the previous frame in place; an unchanged picture lengthens the previous
// frame instead. The pictures' palette must leave room for one more
// colour, the transparent one.
func writeGIF(w io.Writer, pics []*image.Paletted, holds []time.Duration) error {
	if len(pics) == 0 {
		return fmt.Errorf("write animation: no frames")
	}
	pal := pics[0].Palette
	if len(pal) >= maxColours {
		return fmt.Errorf("write animation: %d colours leave no room for transparency", len(pal))
	}
	transparent := uint8(len(pal))
	pal = append(pal[:len(pal):len(pal)], color.RGBA{})
	anim := &gif.GIF{Config: image.Config{
		ColorModel: pal,
		Width:      pics[0].Bounds().Dx(),
		Height:     pics[0].Bounds().Dy(),
	}}
	var prev *image.Paletted
	for i, pic := range pics {
		delay := max(1, int(holds[i]/(10*time.Millisecond)))
		if prev == nil {
			anim.Image, anim.Delay = append(anim.Image, pic), append(anim.Delay, delay)
			anim.Disposal = append(anim.Disposal, gif.DisposalNone)
			prev = pic
			continue
		}
		changed := changedRect(prev, pic)
		if changed.Empty() {
			anim.Delay[len(anim.Delay)-1] += delay
			continue
		}
		anim.Image = append(anim.Image, delta(prev, pic, changed, pal, transparent))
		prev = pic
		anim.Delay = append(anim.Delay, delay)
		anim.Disposal = append(anim.Disposal, gif.DisposalNone)
	}
	if err := gif.EncodeAll(w, anim); err != nil {
		return fmt.Errorf("encode animation: %w", err)
	}
	return nil
}

// delta is the part of pic inside changed, with the pixels that equal
// prev's set to the transparent index.
func delta(prev, pic *image.Paletted, changed image.Rectangle, pal color.Palette, transparent uint8) *image.Paletted {
	out := image.NewPaletted(changed, pal)
	for y := changed.Min.Y; y < changed.Max.Y; y++ {
		for x := changed.Min.X; x < changed.Max.X; x++ {
			i := pic.PixOffset(x, y)
			if pic.Pix[i] == prev.Pix[i] {
				out.Pix[out.PixOffset(x, y)] = transparent
			} else {
				out.Pix[out.PixOffset(x, y)] = pic.Pix[i]
			}
		}
	}
	return out
}

// changedRect is the smallest rectangle holding every pixel that differs
// between two pictures of the same bounds.
func changedRect(a, b *image.Paletted) image.Rectangle {
	bounds := a.Bounds()
	minX, minY, maxX, maxY := bounds.Max.X, bounds.Max.Y, bounds.Min.X, bounds.Min.Y
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		rowA := a.Pix[a.PixOffset(bounds.Min.X, y):a.PixOffset(bounds.Max.X, y)]
		rowB := b.Pix[b.PixOffset(bounds.Min.X, y):b.PixOffset(bounds.Max.X, y)]
		for x := range rowA {
			if rowA[x] != rowB[x] {
				minX, maxX = min(minX, bounds.Min.X+x), max(maxX, bounds.Min.X+x+1)
				minY, maxY = min(minY, y), max(maxY, y+1)
			}
		}
	}
	if minX >= maxX {
		return image.Rectangle{}
	}
	return image.Rect(minX, minY, maxX, maxY)
}
