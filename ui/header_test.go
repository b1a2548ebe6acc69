package ui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// longEndpoint is too long for a 100-column header even without labels.
const longEndpoint = "https://secretsmanager.emulator.internal.example.test:45991/a/long/path/prefix"

// startWithEndpoint starts the app on the test seed with an endpoint
// override and waits for the list and the account, which the header may
// show without its label.
func startWithEndpoint(t *testing.T, width int, endpoint string, ascii bool) *uitest.Driver {
	t.Helper()
	_, client := uitest.Backend(t, uitest.Seed())
	cfg := ui.Config{
		Profile: "test", Region: "us-east-1", Endpoint: endpoint, ASCII: ascii, Now: uitest.Clock,
		RevealTimeout: time.Hour, ClipboardTimeout: time.Hour, Clipboard: &uitest.Clipboard{},
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d := uitest.NewDriver(t, ui.New(ctx, client, cfg), width, 24)
	d.WaitForText("4 of 5 secrets")
	d.WaitForText("123456789012")
	return d
}

// headerLine is the first line of the screen.
func headerLine(screen string) string { return strings.SplitN(screen, "\n", 2)[0] }

func TestHeaderShowsAFittingEndpointWhole(t *testing.T) {
	d := startWithEndpoint(t, 120, "http://127.0.0.1:45991", false)
	if h := headerLine(d.Screen()); !strings.Contains(h, "account 123456789012  endpoint http://127.0.0.1:45991 ") {
		t.Fatalf("header:\n%s", h)
	}
}

func TestHeaderDropsTheEndpointSchemeBeforeCutting(t *testing.T) {
	d := startWithEndpoint(t, 95, "http://127.0.0.1:45991", false)
	h := headerLine(d.Screen())
	if !strings.Contains(h, "profile test") || !strings.Contains(h, "endpoint 127.0.0.1:45991 ") || strings.Contains(h, "http") {
		t.Fatalf("header:\n%s", h)
	}
}

func TestHeaderDropsTheLabelsBeforeCutting(t *testing.T) {
	d := startWithEndpoint(t, 80, "http://127.0.0.1:45991", false)
	h := headerLine(d.Screen())
	if !strings.Contains(h, " keyhole  test  us-east-1  123456789012  127.0.0.1:45991 ") || strings.Contains(h, "…") {
		t.Fatalf("header:\n%s", h)
	}
	if !strings.HasSuffix(strings.TrimRight(h, " "), "RO") {
		t.Fatalf("header lost the RO badge:\n%s", h)
	}
}

func TestHeaderCutsALongEndpointWithAnEllipsisAndKeepsTheBadge(t *testing.T) {
	d := startWithEndpoint(t, 100, longEndpoint, false)
	h := headerLine(d.Screen())
	if !strings.Contains(h, "  secretsmanager.emulator") || !strings.Contains(h, "…  RO") {
		t.Fatalf("header does not show the cut before the badge:\n%s", h)
	}
	if w := ansi.StringWidth(h); w != 100 {
		t.Fatalf("header is %d columns wide, want 100:\n%s", w, h)
	}
	golden(t, "header-long-endpoint-100", h)
}

func TestHeaderCutUsesTheASCIIEllipsis(t *testing.T) {
	d := startWithEndpoint(t, 100, longEndpoint, true)
	h := headerLine(d.Screen())
	if !strings.Contains(h, "~  RO") || strings.Contains(h, "…") {
		t.Fatalf("header:\n%s", h)
	}
}
