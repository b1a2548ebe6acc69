package main

import (
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/model"
)

// TestAnMFAProfileOpenedInsideTheUISaysOnlyARestartHelps switches to a
// profile that needs an MFA code: the code cannot be typed under the UI,
// so the failure is one a retry cannot mend, and the UI offers none.
func TestAnMFAProfileOpenedInsideTheUISaysOnlyARestartHelps(t *testing.T) {
	for _, kv := range mfaEnv(t, "http://127.0.0.1:9") {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	conn, err := connector(globalFlags{}, nil)(t.Context(), "operator", "us-east-1")
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Backend.CallerIdentity(t.Context())
	if !model.NeedsRestart(err) || !strings.Contains(err.Error(), "start keyhole with --profile operator") {
		t.Fatalf("got %v, want a failure that says to restart", err)
	}
}
