package main

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"slices"
	"testing"
	"time"
)

func TestPaletteKeepsEveryCellColourHoweverRare(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 40))
	for i := range 40 * 40 {
		// 400 different greys, four pixels each: more than a palette holds.
		img.Set(i%40, i/40, color.RGBA{R: uint8(i / 4), G: uint8(i / 8), B: 7, A: 0xff})
	}
	rare := color.RGBA{R: 0xf8, G: 0x51, B: 0x49, A: 0xff}
	img.SetRGBA(0, 0, rare)
	pal := paletteOf(255, []color.RGBA{rare}, img)
	if len(pal) != 255 {
		t.Fatalf("palette of %d colours, want the limit 255", len(pal))
	}
	if !slices.Contains(pal, color.Color(rare)) {
		t.Error("the palette lost a cell colour that covers one pixel")
	}
	q := newQuantizer(pal)
	if got := q.palette[q.paletted(img).ColorIndexAt(0, 0)]; got != color.Color(rare) {
		t.Errorf("the rare pixel maps to %v", got)
	}
}

// solid is a w×h picture of one colour with an optional rectangle of another.
func solid(w, h int, bg color.RGBA, patch image.Rectangle, fg color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	draw.Draw(img, patch, image.NewUniform(fg), image.Point{}, draw.Src)
	return img
}

func TestGIFKeepsOnlyWhatChangedAndMergesStillFrames(t *testing.T) {
	bg, fg := hex(0x0d1117), hex(0xe6edf3)
	first := solid(30, 20, bg, image.Rect(2, 2, 6, 6), fg)
	same := solid(30, 20, bg, image.Rect(2, 2, 6, 6), fg)
	moved := solid(30, 20, bg, image.Rect(10, 8, 14, 12), fg)
	q := newQuantizer(paletteOf(maxColours-1, []color.RGBA{bg, fg}, first, moved))
	pics := []*image.Paletted{q.paletted(first), q.paletted(same), q.paletted(moved)}
	holds := []time.Duration{time.Second, 500 * time.Millisecond, 2 * time.Second}
	var buf bytes.Buffer
	if err := writeGIF(&buf, pics, holds); err != nil {
		t.Fatal(err)
	}
	anim, err := gif.DecodeAll(&buf)
	if err != nil {
		t.Fatalf("decode the animation: %v", err)
	}
	if len(anim.Image) != 2 {
		t.Fatalf("%d frames, want 2 (the unchanged one merged)", len(anim.Image))
	}
	if !slices.Equal(anim.Delay, []int{150, 200}) {
		t.Errorf("delays %v, want [150 200] hundredths", anim.Delay)
	}
	if got, want := anim.Image[1].Bounds(), image.Rect(2, 2, 14, 12); got != want {
		t.Errorf("second frame covers %v, want only the change %v", got, want)
	}
	if _, _, _, a := anim.Image[1].At(7, 7).RGBA(); a != 0 {
		t.Error("a pixel inside the changed rectangle that did not change is not transparent")
	}
	// Played back, the frames give the last picture.
	canvas := image.NewRGBA(image.Rect(0, 0, anim.Config.Width, anim.Config.Height))
	for _, f := range anim.Image {
		draw.Draw(canvas, f.Bounds(), f, f.Bounds().Min, draw.Over)
	}
	for _, p := range []image.Point{{3, 3}, {11, 9}, {0, 0}, {29, 19}} {
		if got, want := canvas.RGBAAt(p.X, p.Y), moved.RGBAAt(p.X, p.Y); got != want {
			t.Errorf("played back at %v: %v, want %v", p, got, want)
		}
	}
}

func TestGIFRefusesAPaletteWithNoRoomForTransparency(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 20, 20))
	for i := range 400 {
		img.Set(i%20, i/20, color.RGBA{R: uint8(i), G: uint8(i / 2), A: 0xff})
	}
	q := newQuantizer(paletteOf(maxColours, nil, img))
	pics := []*image.Paletted{q.paletted(img), q.paletted(img)}
	if err := writeGIF(&bytes.Buffer{}, pics, []time.Duration{time.Second, time.Second}); err == nil {
		t.Error("a full palette was accepted")
	}
}
