package ui_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// retrying is the app on the test seed behind an emulator that injects
// faults. Its client hands each retry notice over on notices and waits for
// the test to take it, as keyhole's program.Send waits for the program.
type retrying struct {
	*uitest.Driver
	notices <-chan awsx.RetryNotice
}

// startRetrying starts the app with the SDK trying each call three times.
// Faults are in place from the first call.
func startRetrying(t *testing.T, faults ...emulator.Fault) retrying {
	t.Helper()
	emu := emulator.New(emulator.Options{Clock: uitest.Clock})
	if err := emu.Load(uitest.Seed()); err != nil {
		t.Fatalf("load seed: %v", err)
	}
	for _, f := range faults {
		emu.AddFault(f)
	}
	srv := httptest.NewServer(emu)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() {
		cancel()
		srv.Close()
		emu.Close()
	})
	notices := make(chan awsx.RetryNotice)
	client, err := awsx.New(context.Background(), awsx.Options{
		Region:           "us-east-1",
		EndpointURL:      srv.URL,
		Credentials:      credentials.NewStaticCredentialsProvider("AKIATEST", "secret", ""),
		RetryMaxAttempts: 3,
		OnRetry: func(n awsx.RetryNotice) {
			select {
			case notices <- n:
			case <-ctx.Done():
			}
		},
	})
	if err != nil {
		t.Fatalf("client: %v", err)
	}
	cfg := ui.Config{
		Profile: "test", Region: "us-east-1", Now: uitest.Clock,
		RevealTimeout: time.Hour, ClipboardTimeout: time.Hour, Clipboard: &uitest.Clipboard{},
	}
	return retrying{Driver: uitest.NewDriver(t, ui.New(ctx, client, cfg), 120, 40), notices: notices}
}

// showNextNotice runs the app until the client hands over a retry notice,
// and sends it to the app as keyhole's program does.
func (r retrying) showNextNotice(t *testing.T) {
	t.Helper()
	r.WaitFor("a retry notice", func(string) bool {
		select {
		case n := <-r.notices:
			r.Send(common.RetryMsg{Text: n.String()})
			return true
		default:
			return false
		}
	})
}

// noMoreNotices fails the test if the client has another notice to hand over.
func (r retrying) noMoreNotices(t *testing.T) {
	t.Helper()
	select {
	case n := <-r.notices:
		t.Fatalf("an unexpected retry notice: %+v", n)
	default:
	}
}

// statusBar is the screen's last line.
func (r retrying) statusBar() string {
	lines := strings.Split(strings.TrimRight(r.Screen(), "\n"), "\n")
	return lines[len(lines)-1]
}

func TestRetryStatusShowsWhileTheSDKRetriesThenGivesWayToTheFailure(t *testing.T) {
	h := startRetrying(t, emulator.Fault{Kind: emulator.FaultThrottle, Operation: "ListSecrets"})
	for _, want := range []string{
		"AWS is throttling ListSecrets: retrying (attempt 2 of 3)…",
		"AWS is throttling ListSecrets: retrying (attempt 3 of 3)…",
	} {
		h.showNextNotice(t)
		if !strings.Contains(h.statusBar(), want) {
			t.Fatalf("status bar %q, want %q", h.statusBar(), want)
		}
		if !strings.Contains(h.Screen(), "loading secrets…") {
			t.Fatalf("the list stopped loading while the SDK still retries:\n%s", h.Screen())
		}
	}
	h.WaitForText("listing stopped after 0 secrets: throttled: Rate exceeded (R retries)")
	if strings.Contains(h.Screen(), "retrying") {
		t.Fatalf("the retry notice outlived the failure:\n%s", h.Screen())
	}
	h.noMoreNotices(t)
}

func TestRetryStatusGoesWithTheNextKeyOnceTheRetrySucceeds(t *testing.T) {
	h := startRetrying(t, emulator.Fault{Kind: emulator.FaultThrottle, Operation: "ListSecrets", Count: 1})
	h.showNextNotice(t)
	h.WaitForText("4 of 5 secrets")
	h.Press("j")
	if strings.Contains(h.Screen(), "retrying") {
		t.Fatalf("the retry notice outlived the next key after the list came in:\n%s", h.Screen())
	}
	h.noMoreNotices(t)
}

func TestRetryNoticeNeverHidesAnError(t *testing.T) {
	h := startRetrying(t)
	h.WaitForText("4 of 5 secrets")
	h.Send(common.StatusMsg{Err: errors.New("write clipboard: no display")})
	h.Send(common.RetryMsg{Text: "AWS is throttling ListSecrets: retrying (attempt 2 of 3)…"})
	if bar := h.statusBar(); !strings.Contains(bar, "write clipboard: no display") || strings.Contains(bar, "retrying") {
		t.Fatalf("status bar %q, want the error and no retry notice", bar)
	}
	h.Press("j")
	h.Send(common.RetryMsg{Text: "AWS is throttling DescribeSecret: retrying (attempt 2 of 3)…"})
	if bar := h.statusBar(); !strings.Contains(bar, "retrying (attempt 2 of 3)") {
		t.Fatalf("status bar %q, want the retry notice once nothing else is said", bar)
	}
}
