package model

import "errors"

// RestartError is a failure only starting keyhole again can mend, such as
// a profile that needs an MFA code typed on the terminal the UI now holds:
// trying again from inside cannot help, so screens do not offer it.
type RestartError struct{ Reason string }

// Error is the reason, which says to start keyhole again.
func (e RestartError) Error() string { return e.Reason }

// NeedsRestart reports whether err, or an error it wraps, is a RestartError.
func NeedsRestart(err error) bool {
	var r RestartError
	return errors.As(err, &r)
}
