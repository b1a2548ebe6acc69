package main

import "golang.org/x/sys/unix"

// keyboardSignals reports whether the terminal on fd turns ctrl+c and
// ctrl+\ into signals, as it does in line mode (an $EDITOR may leave it
// so) and never while keyhole has it in raw mode.
func keyboardSignals(fd int) bool {
	t, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	return err == nil && t.Lflag&unix.ISIG != 0
}
