package ui_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
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

// dialogCase opens one dialog on an 80×24 screen.
type dialogCase struct {
	name string
	open func(t *testing.T) *uitest.Driver
	// elsewhere marks a dialog whose 80×24 golden another test keeps.
	elsewhere bool
}

// dialogCases are every dialog a user meets, each opened on the longest
// name the test seeds have where a name shows.
var dialogCases = []dialogCase{
	{name: "delete", open: func(t *testing.T) *uitest.Driver {
		d := start(t, 80, 24, readWrite)
		d.Press("/")
		d.Type("oauth")
		d.Press("enter", "d", "enter")
		d.Type("staging/identity/oauth-client-of-the-staging-identity-provider")
		d.WaitForText("Delete staging/identity/oauth-client?")
		return d.Driver
	}},
	{name: "restore", open: func(t *testing.T) *uitest.Driver {
		d := start(t, 80, 24, readWrite)
		d.Press("D")
		d.WaitForText("5 of 5")
		d.Press("/")
		d.Type("legacy")
		d.Press("enter", "u")
		d.WaitForText("It stops being scheduled for deletion.")
		return d.Driver
	}},
	{name: "rotate-now", open: func(t *testing.T) *uitest.Driver {
		d, _ := startRotation(t, 80, 24, true)
		d.openRotation(t, "stuck-db")
		d.Press("R")
		d.WaitForText("A new version is created under AWSPENDING.")
		return d.Driver
	}},
	{name: "schedule", open: func(t *testing.T) *uitest.Driver {
		d, _ := startRotation(t, 80, 24, true)
		d.openRotation(t, "stuck-db")
		d.Press("e")
		d.WaitForText("Rotation schedule")
		d.Press("tab", "tab")
		return d.Driver
	}},
	{name: "copy-as", open: func(t *testing.T) *uitest.Driver {
		d := start(t, 80, 24)
		d.openSecret(t, "payments")
		d.Press("C")
		d.WaitForText("Copy as")
		return d.Driver
	}},
	{name: "leave-without-saving", open: func(t *testing.T) *uitest.Driver {
		d, _ := startWrite(t, 80, 24)
		d.openEdit(t, "api-key")
		d.retype("typed")
		d.Press("esc")
		d.WaitForText("Your changes are discarded.")
		return d.Driver
	}},
	{name: "generator", elsewhere: true, open: func(t *testing.T) *uitest.Driver {
		d, _ := startWrite(t, 80, 24)
		d.openCreate("gen/pw", "", "")
		d.Press("tab")
		d.Type("password")
		d.Press("tab", "ctrl+g")
		d.WaitForText("Generate a password")
		return d.Driver
	}},
}

// resize tells the app the terminal is now width×height, for a size the
// test harnesses do not start at.
func resize(d *uitest.Driver, width, height int) {
	d.Send(tea.WindowSizeMsg{Width: width, Height: height})
}

// TestGoldenDialogs80x24 pins down every dialog at 80×24: each fits the
// width and wraps its text inside its box.
func TestGoldenDialogs80x24(t *testing.T) {
	for _, c := range dialogCases {
		if c.elsewhere {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			screen := settled(t, c.open(t))
			if w := widestLine(screen); w > 80 {
				t.Errorf("%d columns wide on an 80-column screen", w)
			}
			golden(t, "dialog-"+c.name+"-80x24", screen)
		})
	}
}

// TestDialogsFit50Columns opens every dialog, then narrows the terminal to
// 50 columns: none runs past the right edge.
func TestDialogsFit50Columns(t *testing.T) {
	for _, c := range dialogCases {
		t.Run(c.name, func(t *testing.T) {
			d := c.open(t)
			resize(d, 50, 24)
			screen := settled(t, d)
			if w := widestLine(screen); w > 50 {
				t.Errorf("%d columns wide on a 50-column screen:\n%s", w, screen)
			}
		})
	}
}

// TestUnknownFilterTermShowsItsValuesAt80Columns types a bad rot: term at
// 80 columns: the summary gives up its counts for the values rot: takes.
func TestUnknownFilterTermShowsItsValuesAt80Columns(t *testing.T) {
	h := start(t, 80, 24)
	h.Press("/")
	h.Type("rot:overdu")
	h.WaitForText("unknown term rot:overdu (rot: off, on, never, overdue, rotating, stuck)")
	if w := widestLine(h.Screen()); w > 80 {
		t.Errorf("%d columns wide on an 80-column screen:\n%s", w, h.Screen())
	}
}
