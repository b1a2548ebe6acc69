package ui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

func TestAuditLooksUpAgainWhenCloudTrailRefusesItsNextToken(t *testing.T) {
	t.Parallel()
	seed := auditSeed()
	for i := range 60 {
		seed.Events = append(seed.Events, emulator.SeedEvent{
			Time: emulator.Relative(-time.Duration(i+1) * 25 * time.Hour), EventName: "GetSecretValue",
			PrincipalARN: paymentsAPI, SourceIP: "10.20.1.15", UserAgent: agentGo, SecretID: paymentsDB,
		})
	}
	t.Run("once", func(t *testing.T) {
		t.Parallel()
		h := startAudit(t, 120, 30, seed)
		h.emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "LookupEvents", ErrorCode: "InvalidNextTokenException", Count: 1, LaterPages: true})
		h.openSecretAudit(t, "payments")
		// Two pages by ARN and two by name, and the first page again of
		// the lookup whose token was refused.
		if s := h.Screen(); !strings.Contains(s, "72 of 72 events · 90 days loaded · 6 requests to CloudTrail") ||
			!strings.Contains(s, "looking up again from the newest event") {
			t.Fatalf("after CloudTrail refused a NextToken:\n%s", s)
		}
	})
	t.Run("not forever", func(t *testing.T) {
		t.Parallel()
		h := startAudit(t, 120, 30, seed)
		h.emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "LookupEvents", ErrorCode: "InvalidNextTokenException", LaterPages: true})
		h.Press("/")
		h.Type("payments")
		h.Press("enter", "a")
		h.WaitForText("stopped: invalid request: The NextToken value is invalid.")
		if n := len(h.lookups()); n != 5 {
			t.Fatalf("LookupEvents was called %d times, want 5: a first page each, a refused token, a first page again, a refused token", n)
		}
		h.emu.ClearFaults()
		h.Press("R")
		h.waitLoaded(t)
		if s := h.Screen(); !strings.Contains(s, "72 of 72 events") {
			t.Fatalf("after R:\n%s", s)
		}
	})
}
