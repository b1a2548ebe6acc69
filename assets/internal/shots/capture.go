package main

import (
	"fmt"
	"strings"
	"time"
)

// still is a screen kept as a picture file.
type still struct {
	name string
	grid *grid
}

// frame is a screen kept for the animation, shown for hold.
type frame struct {
	grid *grid
	hold time.Duration
}

// take is what a scene produced.
type take struct {
	stills []still
	frames []frame
}

// reaction is how long keyhole gets to start answering a key before the
// output counts as quiet.
const reaction = 100 * time.Millisecond

// play runs sc in a new session and keeps the screens its actions ask for.
// Every wait fails after timeout.
func play(sc scene, cfg sessionConfig, timeout time.Duration) (take, error) {
	cfg.args = sc.args
	s, err := startSession(cfg)
	if err != nil {
		return take{}, err
	}
	defer s.close()
	var out take
	for i, a := range sc.actions {
		if err := s.perform(a, timeout); err != nil {
			return take{}, fmt.Errorf("scene %s, step %d (%q): %w", sc.name, i+1, a.keys, err)
		}
		if a.shot == "" && a.hold == 0 {
			continue
		}
		g := s.snapshot()
		if a.shot != "" {
			out.stills = append(out.stills, still{name: a.shot, grid: g})
		}
		if a.hold > 0 {
			out.frames = append(out.frames, frame{grid: g, hold: a.hold})
		}
	}
	return out, nil
}

// perform types an action's keys and waits until the screen is as the
// action expects and keyhole has stopped drawing.
func (s *session) perform(a action, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	if a.keys != "" {
		if err := s.send(a.keys); err != nil {
			return err
		}
		time.Sleep(reaction)
	}
	if a.wait != "" {
		if err := s.waitUntil(fmt.Sprintf("%q", a.wait), func(screen string) bool {
			return strings.Contains(screen, a.wait)
		}, deadline); err != nil {
			return err
		}
	}
	if a.gone != "" {
		if err := s.waitUntil(fmt.Sprintf("%q to go", a.gone), func(screen string) bool {
			return !strings.Contains(screen, a.gone)
		}, deadline); err != nil {
			return err
		}
	}
	return s.settle(deadline)
}
