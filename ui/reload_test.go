package ui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// checkRowsKept fails unless the list still shows every secret of the test
// seed it listed.
func checkRowsKept(t *testing.T, screen, after string) {
	t.Helper()
	for _, name := range []string{"prod/payments/postgres", "dev/search/api-key", "prod/edge/tls-bundle", "staging/identity/oauth-client"} {
		if !strings.Contains(screen, name) {
			t.Fatalf("%s is gone after %s:\n%s", name, after, screen)
		}
	}
	if !strings.Contains(screen, "4 of 5 secrets") {
		t.Fatalf("the summary lost its count after %s:\n%s", after, screen)
	}
}

func TestFailedReloadKeepsTheListedRows(t *testing.T) {
	emu, client := uitest.Backend(t, uitest.Seed())
	cfg := ui.Config{Profile: "test", Region: "us-east-1", Now: uitest.Clock, Clipboard: &uitest.Clipboard{}}
	d := uitest.NewDriver(t, ui.New(context.Background(), client, cfg), 120, 30)
	d.WaitForText("4 of 5 secrets")

	emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "InternalServiceError", Count: 1})
	d.Press("ctrl+r")
	d.WaitForText("listing failed (R retries)")
	checkRowsKept(t, d.Screen(), "a failed reload")
	d.WaitForText("reload failed, list kept")

	d.Press("R")
	d.WaitFor("the list loaded again", func(s string) bool {
		return strings.Contains(s, "4 of 5 secrets") && !strings.Contains(s, "listing failed")
	})
	checkRowsKept(t, d.Screen(), "the retry")
}
