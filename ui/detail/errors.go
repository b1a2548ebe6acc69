package detail

import "errors"

// errGone says a secret vanished while it was open.
func errGone(name string) error {
	return errors.New(name + " no longer exists: it was deleted while open")
}
