package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// listedSecrets is how many secrets the NextToken tests list: three pages.
const listedSecrets = 250

// restartable is an endpoint whose emulator can be restarted behind the
// same URL: the new one holds the same secrets but, like a restarted
// server, none of the NextTokens the old one handed out.
type restartable struct {
	seed emulator.Seed
	emu  atomic.Pointer[emulator.Server]
}

// ServeHTTP hands the call to the emulator running now.
func (r *restartable) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	r.emu.Load().ServeHTTP(w, req)
}

// restart replaces the emulator with a fresh one loaded from the seed.
func (r *restartable) restart(t *testing.T) *emulator.Server {
	t.Helper()
	emu := emulator.New(emulator.Options{Clock: uitest.Clock})
	t.Cleanup(emu.Close)
	if err := emu.Load(r.seed); err != nil {
		t.Fatalf("load seed: %v", err)
	}
	r.emu.Store(emu)
	return emu
}

// startRestartable starts the app on an endpoint that can be restarted,
// through the real SDK trying each call once.
func startRestartable(t *testing.T) (*uitest.Driver, *restartable) {
	t.Helper()
	r := &restartable{seed: emulator.Synthetic(listedSecrets, 1)}
	r.restart(t)
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	client, err := awsx.New(context.Background(), awsx.Options{
		Region:           "us-east-1",
		EndpointURL:      srv.URL,
		Credentials:      credentials.NewStaticCredentialsProvider("AKIATEST", "secret", ""),
		RetryMaxAttempts: 1,
	})
	if err != nil {
		t.Fatalf("client: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	cfg := ui.Config{
		Profile: "test", Region: "us-east-1", Now: uitest.Clock,
		RevealTimeout: time.Hour, ClipboardTimeout: time.Hour, Clipboard: &uitest.Clipboard{},
	}
	d := uitest.NewDriver(t, ui.New(ctx, client, cfg), 120, 40)
	t.Cleanup(d.Close)
	return d, r
}

// listCalls counts the ListSecrets calls emu served.
func listCalls(emu *emulator.Server) int {
	n := 0
	for _, r := range emu.Requests() {
		if r.Operation == "ListSecrets" {
			n++
		}
	}
	return n
}

// completeList reports whether the summary counts every secret of the seed
// listed once: a page of the broken pass left in would count twice.
func completeList(screen string) bool {
	return strings.Contains(screen, fmt.Sprintf(" of %d secrets · sorted by name", listedSecrets)) && !strings.Contains(screen, "loading")
}

func TestRetryAfterTheEndpointRestartedListsAgainFromTheFirstPage(t *testing.T) {
	t.Parallel()
	d, endpoint := startRestartable(t)
	endpoint.emu.Load().AddFault(emulator.Fault{Kind: emulator.FaultDropConnection, Operation: "ListSecrets", LaterPages: true})
	d.WaitForText("listing stopped after 100 secrets")

	restarted := endpoint.restart(t)
	d.Press("R")
	d.WaitFor("every secret listed", completeList)
	// The status bar said so; a later message may have replaced it since.
	said := false
	for _, msg := range d.Sent {
		if st, ok := msg.(common.StatusMsg); ok && strings.Contains(st.Text, "listing again from the first page") {
			said = true
		}
	}
	if !said {
		t.Fatalf("the status bar never said the listing started over:\n%s", d.Screen())
	}
	// The refused token, then the three pages. The emulator logs a call
	// once its answer is written, which the client may have read first.
	d.WaitUntil("the last page logged", func() bool { return listCalls(restarted) >= 4 })
	if n := listCalls(restarted); n != 4 {
		t.Fatalf("the restarted endpoint saw %d ListSecrets calls, want 4", n)
	}
}

func TestListStartsOverOnlyOnceWhenEveryNextTokenIsRefused(t *testing.T) {
	t.Parallel()
	d, endpoint := startRestartable(t)
	emu := endpoint.emu.Load()
	emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "InvalidNextTokenException", LaterPages: true})
	d.WaitForText("listing stopped after 100 secrets: invalid request: The NextToken value is invalid.")
	// The first pass, then one more from the first page: no loop.
	if n := listCalls(emu); n != 4 {
		t.Fatalf("ListSecrets was called %d times, want 4 (two passes of two pages)", n)
	}
	emu.ClearFaults()
	d.Press("R")
	d.WaitFor("every secret listed", completeList)
}
