//go:build !linux && !darwin && !freebsd && !netbsd && !openbsd && !dragonfly

package main

import "os"

// forwardedSignals are the signals exec catches: where signals cannot be
// sent on, an interrupt reaches the child from the console by itself, and
// keyhole waits for it.
func forwardedSignals() []os.Signal { return []os.Signal{os.Interrupt} }

// typedAtTerminal is true: the console sends an interrupt to the child.
func typedAtTerminal(os.Signal) bool { return true }
