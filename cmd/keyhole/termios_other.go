//go:build !linux && !darwin && !freebsd && !netbsd && !openbsd && !dragonfly

package main

// keyboardSignals reports false where terminal modes cannot be read: every
// interrupt then counts as one from outside.
func keyboardSignals(int) bool { return false }
