package model

import (
	"errors"
	"fmt"
	"testing"
)

func TestNeedsRestartSeesAWrappedRestartError(t *testing.T) {
	wrapped := &Error{Kind: KindCredentials, Err: fmt.Errorf("refresh: %w", RestartError{Reason: "type the MFA code"})}
	if !NeedsRestart(wrapped) || NeedsRestart(errors.New("timeout")) || NeedsRestart(nil) {
		t.Fatal("NeedsRestart misreads an error")
	}
}
