package ui_test

import "testing"

// TestGoldenAuditAccount80x24 pins down the account-wide audit trail at
// 80 columns, which names each event's secret, cut in the middle.
func TestGoldenAuditAccount80x24(t *testing.T) {
	h := startAudit(t, 80, 24, auditSeed())
	h.Press("A")
	h.WaitForText("whole account")
	h.waitLoaded(t)
	screen := settled(t, h.Driver)
	if w := widestLine(screen); w > 80 {
		t.Errorf("%d columns wide on an 80-column screen", w)
	}
	golden(t, "audit-account-80x24", screen)
}
