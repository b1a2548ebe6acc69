package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rowText is the text of row y of g.
func rowText(g *grid, y int) string {
	var b strings.Builder
	for x := range g.cols {
		b.WriteString(g.at(x, y).Content)
	}
	return b.String()
}

func TestCaptureTakesTheDemoListFromTheRealBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs keyhole")
	}
	bin := filepath.Join(t.TempDir(), "keyhole")
	build := exec.Command("go", "build", "-o", bin, "github.com/keyhole-tui/keyhole/cmd/keyhole")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build keyhole: %v\n%s", err, out)
	}
	r := testRenderer(t)
	sc := scene{name: "list", args: demoArgs(), actions: []action{{wait: listLoaded, shot: "list.png"}}}
	cfg := sessionConfig{binary: bin, cols: 100, rows: 30, home: t.TempDir(), theme: r.theme}
	got, err := play(sc, cfg, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.stills) != 1 || got.stills[0].name != "list.png" || len(got.frames) != 0 {
		t.Fatalf("took %d stills and %d frames, want list.png only", len(got.stills), len(got.frames))
	}
	g := got.stills[0].grid
	if g.cols != 100 || g.rows != 30 {
		t.Fatalf("screen %d×%d, want 100×30", g.cols, g.rows)
	}
	if header := rowText(g, 0); !strings.Contains(header, "DEMO") || !strings.Contains(header, "RO") {
		t.Errorf("header %q, want the DEMO and RO badges", header)
	}
	// keyhole picks its dark styles from the background colour the
	// emulator reports: the cursor bar on the first row has the dark
	// accent colour, and the picture shows it.
	bar := g.at(0, 2)
	if bar.Content != "▌" {
		t.Fatalf("row 2 starts with %q, want the cursor bar: %q", bar.Content, rowText(g, 2))
	}
	if name := g.at(3, 2); name.Content == " " || name.Content == "" {
		t.Fatalf("row 2 has no name after the bar: %q", rowText(g, 2))
	}
	darkAccent := hex(0x58a6ff)
	if fg, _ := r.colours(bar.Style); fg != darkAccent {
		t.Errorf("cursor bar colour %v, want the dark theme's %v", fg, darkAccent)
	}
	img := r.render(g)
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 100*r.faces.cellW || h != 30*r.faces.cellH {
		t.Errorf("picture %d×%d, want %d×%d", w, h, 100*r.faces.cellW, 30*r.faces.cellH)
	}
	if n, cell := countColour(r, img, 0, 2, 1, darkAccent), r.faces.cellW*r.faces.cellH; n < cell/4 {
		t.Errorf("the cursor bar in the picture has %d of %d pixels in %v", n, cell, darkAccent)
	}
}

func TestChildEnvironmentIsAColourTerminalWithNoSessionOrClipboard(t *testing.T) {
	for _, v := range []string{"SSH_TTY", "SSH_CONNECTION", "DISPLAY", "WAYLAND_DISPLAY", "TMUX", "AWS_PROFILE"} {
		t.Setenv(v, "set-by-the-test")
	}
	home := t.TempDir()
	env := strings.Join(childEnv(home), "\n")
	if strings.Contains(env, "set-by-the-test") {
		t.Errorf("the child inherits the caller's variables:\n%s", env)
	}
	for _, want := range []string{"TERM=xterm-256color", "COLORTERM=truecolor", "LANG=C.UTF-8", "HOME=" + home} {
		if !strings.Contains(env, want) {
			t.Errorf("the child's environment lacks %s:\n%s", want, env)
		}
	}
}
