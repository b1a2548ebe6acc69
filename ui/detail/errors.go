package detail

import (
	"errors"
	"fmt"
)

// errGone says a secret vanished while it was open.
func errGone(name string) error {
	return errors.New(name + " no longer exists: it was deleted while open")
}

// errNotCopied says why nothing was put on the clipboard, the reason first
// so that it fits the status bar.
func errNotCopied(err error) error {
	return fmt.Errorf("not copied: %w", err)
}
