package main

import (
	"errors"
	"os"

	xterm "github.com/charmbracelet/x/term"
)

// The reasons the interactive app will not start, each with what to do.
var (
	errDumbTerminal = errors.New("TERM=dumb cannot draw keyhole's screen: run it in a terminal with TERM set (such as xterm-256color), or use keyhole ls and keyhole get")
	errOutputNotTTY = errors.New("keyhole's screen needs a terminal, and its output goes to a pipe or a file: run it in a terminal, or use keyhole ls and keyhole get in scripts")
	errNoTTY        = errors.New("keyhole's screen needs a terminal to read keys from, and there is none: run it in a terminal, or use keyhole ls and keyhole get in scripts")
)

// terminal is what decides whether the interactive app can draw.
type terminal struct {
	term      string
	stdinTTY  bool
	stdoutTTY bool
	// openTTY opens and closes the controlling terminal, where keys are
	// read from when stdin is not a terminal.
	openTTY func() error
}

// osTerminal is the process's own terminal.
func osTerminal() terminal {
	return terminal{
		term:      os.Getenv("TERM"),
		stdinTTY:  xterm.IsTerminal(os.Stdin.Fd()),
		stdoutTTY: xterm.IsTerminal(os.Stdout.Fd()),
		openTTY: func() error {
			f, err := os.Open("/dev/tty")
			if err == nil {
				_ = f.Close()
			}
			return err
		},
	}
}

// check refuses, before anything is asked of AWS, to start where the
// screen would come out broken: TERM=dumb, which cannot move the cursor,
// output that is not a terminal, or no terminal to read keys from.
func (t terminal) check() error {
	switch {
	case t.term == "dumb":
		return usageError(errDumbTerminal)
	case !t.stdoutTTY:
		return usageError(errOutputNotTTY)
	case !t.stdinTTY && t.openTTY() != nil:
		return usageError(errNoTTY)
	}
	return nil
}
