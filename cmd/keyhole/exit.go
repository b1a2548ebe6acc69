package main

import (
	"errors"
	"strconv"

	"github.com/keyhole-tui/keyhole/model"
)

// Exit codes of keyhole, for scripts.
const (
	exitOK           = 0
	exitError        = 1
	exitUsage        = 2
	exitNotFound     = 3
	exitAccessDenied = 4
	// exitFindings is keyhole report's answer to a finding of --fail-on's
	// severity or higher.
	exitFindings = 5
)

// codedError is an error that asks for a given exit code.
type codedError struct {
	code int
	err  error
}

// Error is the wrapped error's text.
func (e *codedError) Error() string { return e.err.Error() }

// Unwrap returns the wrapped error.
func (e *codedError) Unwrap() error { return e.err }

// quietExit ends keyhole with a code and nothing more to say: the child
// of exec has ended, or diff has printed its answer.
type quietExit struct{ code int }

// Error says which code, for logs; keyhole does not print it.
func (e quietExit) Error() string { return "exit status " + strconv.Itoa(e.code) }

// usageError marks a mistake in the command line: exit code 2.
func usageError(err error) error { return &codedError{code: exitUsage, err: err} }

// notFoundError marks something the user named that does not exist: exit code 3.
func notFoundError(err error) error { return &codedError{code: exitNotFound, err: err} }

// exitCode is the process exit code for the error a command returned:
// 3 when a secret, version or key was not found, 4 when AWS denied access,
// 2 for a bad command line, 128+N after signal N, 1 for every other failure.
func exitCode(err error) int {
	var (
		coded  *codedError
		signal signalError
		quiet  quietExit
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &quiet):
		return quiet.code
	case errors.As(err, &coded):
		return coded.code
	case errors.As(err, &signal):
		return 128 + int(signal.sig)
	case model.IsKind(err, model.KindNotFound):
		return exitNotFound
	case model.IsKind(err, model.KindAccessDenied):
		return exitAccessDenied
	}
	return exitError
}

// printableError shows an error on a terminal: its text, which may quote
// names and messages from AWS, goes through model.Sanitize.
type printableError struct{ err error }

// printable wraps err so that its text is safe to print; nil stays nil.
func printable(err error) error {
	if err == nil {
		return nil
	}
	return &printableError{err: err}
}

// Error is the wrapped error's text, sanitized.
func (e *printableError) Error() string { return model.Sanitize(e.err.Error()) }

// Unwrap returns the wrapped error.
func (e *printableError) Unwrap() error { return e.err }
