// Command shots takes the pictures the README shows: it runs keyhole in
// demo mode in a pseudo-terminal, drives it with scripted key presses,
// reads its screen through a VT emulator and draws the cells as PNG
// stills of each view and an animated GIF of a walk through them.
//
// It is a module of its own, so its dependencies stay out of keyhole's
// go.mod; run it from the repository's root with
//
//	go -C assets/internal/shots run .
//
// which writes to assets/screenshots (-out is relative to this directory).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// options are the command line settings.
type options struct {
	out        string
	binary     string
	cols, rows int
	fontSize   float64
	timeout    time.Duration
}

func main() {
	var o options
	flag.StringVar(&o.out, "out", "../../screenshots", "directory the pictures are written to")
	flag.StringVar(&o.binary, "bin", "", "keyhole binary to run (default: build keyhole from this checkout)")
	flag.IntVar(&o.cols, "cols", 120, "terminal width in columns")
	flag.IntVar(&o.rows, "rows", 32, "terminal height in rows")
	flag.Float64Var(&o.fontSize, "font-size", 14, "font size in pixels")
	flag.DurationVar(&o.timeout, "timeout", 30*time.Second, "how long to wait for any one screen")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "shots:", err)
		os.Exit(1)
	}
}

// animationName is the file the walk is written to.
const animationName = "demo.gif"

// lineHeight is a cell's height as a multiple of the font size.
const lineHeight = 1.3

func run(o options) error {
	tmp, err := os.MkdirTemp("", "keyhole-shots")
	if err != nil {
		return fmt.Errorf("make a work directory: %w", err)
	}
	defer os.RemoveAll(tmp)
	if o.binary == "" {
		if o.binary, err = buildKeyhole(tmp); err != nil {
			return err
		}
	}
	fs, err := newFaces(o.fontSize, lineHeight)
	if err != nil {
		return err
	}
	r := &renderer{theme: darkTheme(), faces: fs}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return fmt.Errorf("make %s: %w", o.out, err)
	}
	cfg := sessionConfig{binary: o.binary, cols: o.cols, rows: o.rows, theme: r.theme}
	for _, sc := range []scene{stillsScene(), versionsScene(), changesScene(), fleetScene(), walkScene()} {
		if cfg.home, err = os.MkdirTemp(tmp, "home"); err != nil {
			return fmt.Errorf("make a home directory: %w", err)
		}
		t, err := play(sc, cfg, o.timeout)
		if err != nil {
			return err
		}
		for _, s := range t.stills {
			if err := writeStill(r, s, o.out); err != nil {
				return err
			}
		}
		if len(t.frames) > 0 {
			if err := writeAnimation(r, t.frames, filepath.Join(o.out, animationName)); err != nil {
				return err
			}
		}
	}
	return nil
}

// buildKeyhole builds the keyhole binary into dir: go.mod lists it as a tool
// and replaces its module with the checkout this one sits in.
func buildKeyhole(dir string) (string, error) {
	bin := filepath.Join(dir, "keyhole")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/keyhole-tui/keyhole/cmd/keyhole")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build keyhole: %w", err)
	}
	return bin, nil
}

// writeStill draws a still as a paletted PNG in dir.
func writeStill(r *renderer, s still, dir string) error {
	img := r.render(s.grid)
	q := newQuantizer(paletteOf(maxColours, r.cellColours(s.grid), img))
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, q.paletted(img)); err != nil {
		return fmt.Errorf("encode %s: %w", s.name, err)
	}
	return writeFile(filepath.Join(dir, s.name), buf.Bytes())
}

// writeAnimation draws frames as an animated GIF at path.
func writeAnimation(r *renderer, frames []frame, path string) error {
	imgs := make([]*image.RGBA, len(frames))
	holds := make([]time.Duration, len(frames))
	var used []color.RGBA
	for i, f := range frames {
		imgs[i], holds[i] = r.render(f.grid), f.hold
		used = append(used, r.cellColours(f.grid)...)
	}
	q := newQuantizer(paletteOf(maxColours-1, used, imgs...))
	pics := make([]*image.Paletted, len(imgs))
	for i, img := range imgs {
		pics[i] = q.paletted(img)
	}
	var buf bytes.Buffer
	if err := writeGIF(&buf, pics, holds); err != nil {
		return err
	}
	return writeFile(path, buf.Bytes())
}

// writeFile writes data to path and says so.
func writeFile(path string, data []byte) error {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Printf("wrote %s (%d KB)\n", path, (len(data)+1023)/1024)
	return nil
}
