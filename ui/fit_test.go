package ui_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

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

// refusedError is how a listing fails when nothing answers at the endpoint.
const refusedError = `list secrets: network: Post "http://127.0.0.1:47899/": dial tcp 127.0.0.1:47899: connect: connection refused`

// TestGoldenLongError80x24 pins down a long error at 80 columns: it wraps
// in the status bar, the list giving up rows for it, so its cause shows.
func TestGoldenLongError80x24(t *testing.T) {
	h := start(t, 80, 24)
	h.Send(common.StatusMsg{Err: errors.New(refusedError)})
	h.WaitForText("connection refused")
	screen := settled(t, h.Driver)
	if lines := strings.Split(screen, "\n"); len(lines) != 24 || widestLine(screen) > 80 {
		t.Errorf("%d lines, %d columns wide on an 80×24 screen", len(lines), widestLine(screen))
	}
	golden(t, "long-error-80x24", screen)
}

// TestTheCauseOfAFailedListingShowsAt80Columns lists secrets from an
// endpoint where nothing listens: the status bar says the connection was
// refused, however long the address before it.
func TestTheCauseOfAFailedListingShowsAt80Columns(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	endpoint := "http://" + l.Addr().String()
	l.Close()
	client, err := awsx.New(context.Background(), awsx.Options{
		Region: "us-east-1", EndpointURL: endpoint, RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKIATEST", "secret", ""),
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg := ui.Config{Profile: "test", Region: "us-east-1", Now: uitest.Clock, Clipboard: &uitest.Clipboard{}}
	d := uitest.NewDriver(t, ui.New(t.Context(), client, cfg), 80, 24)
	d.WaitForText("connection refused")
	if w := widestLine(d.Screen()); w > 80 {
		t.Errorf("%d columns wide on an 80-column screen:\n%s", w, d.Screen())
	}
}
