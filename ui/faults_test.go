package ui_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// faulty is the app on the test seed behind an emulator that injects
// faults, with the awsx client the screens use.
type faulty struct {
	*uitest.Driver
	emu    *emulator.Server
	client *awsx.Client
}

// startFaulty starts the app with the SDK trying each call attempts times.
// Faults added by before are in place from the first call.
func startFaulty(t *testing.T, attempts int, before ...emulator.Fault) faulty {
	t.Helper()
	emu := emulator.New(emulator.Options{Clock: uitest.Clock})
	if err := emu.Load(uitest.Seed()); err != nil {
		t.Fatalf("load seed: %v", err)
	}
	for _, f := range before {
		emu.AddFault(f)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(func() {
		srv.Close()
		emu.Close()
	})
	client, err := awsx.New(context.Background(), awsx.Options{
		Region:           "us-east-1",
		EndpointURL:      srv.URL,
		Credentials:      credentials.NewStaticCredentialsProvider("AKIATEST", "secret", ""),
		RetryMaxAttempts: attempts,
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
	return faulty{Driver: uitest.NewDriver(t, ui.New(ctx, client, cfg), 120, 40), emu: emu, client: client}
}

// calls counts the calls of op the emulator saw, dropped ones included.
func (f faulty) calls(op string) int {
	n := 0
	for _, r := range f.emu.Requests() {
		if r.Operation == op {
			n++
		}
	}
	return n
}

// open filters the loaded list to name and opens its detail.
func (f faulty) open(t *testing.T, name string) {
	t.Helper()
	f.Press("/")
	f.Type(name)
	f.Press("enter", "enter")
	f.WaitForText("Value · AWSCURRENT")
	f.WaitFor("the metadata", func(s string) bool { return !strings.Contains(s, "loading metadata") })
}

func TestThrottlingIsRetriedThenSaidAndRetriedOnRequest(t *testing.T) {
	h := startFaulty(t, 3, emulator.Fault{Kind: emulator.FaultThrottle, Operation: "ListSecrets"})
	h.WaitForText("listing stopped after 0 secrets: throttled: Rate exceeded (R retries)")
	if n := h.calls("ListSecrets"); n != 3 {
		t.Fatalf("the SDK tried ListSecrets %d times, want 3 attempts", n)
	}
	h.emu.ClearFaults()
	h.Press("R")
	h.WaitForText("4 of 5 secrets")
	if strings.Contains(h.Screen(), "throttled") {
		t.Fatalf("the throttling message outlived the retry:\n%s", h.Screen())
	}
}

func TestSlowCallsShowProgressAndKeysStillAnswer(t *testing.T) {
	h := startFaulty(t, 1, emulator.Fault{Kind: emulator.FaultLatency, Latency: 2 * time.Second})
	h.WaitForText("loading secrets…")
	start := time.Now()
	h.Press("?")
	if !strings.Contains(h.Screen(), "any key closes") {
		t.Fatalf("help did not open while the list loads:\n%s", h.Screen())
	}
	h.Press("esc")
	if strings.Contains(h.Screen(), "any key closes") {
		t.Fatal("a key did not close help while the list loads")
	}
	if time.Since(start) > time.Second {
		t.Fatalf("keys took %v while a call was in flight", time.Since(start))
	}
	h.WaitForText("4 of 5 secrets")

	h.Press("/")
	h.Type("payments")
	h.Press("enter", "enter")
	h.WaitForText("loading metadata…")
	h.Press("v")
	h.WaitForText("loading value…")
	h.Press("?")
	if !strings.Contains(h.Screen(), "any key closes") {
		t.Fatalf("help did not open while the detail loads:\n%s", h.Screen())
	}
	h.Press("esc")
	h.WaitForText("pick a field")
	h.Press("v")
	h.WaitForText("payments_app")
	h.Press("j")
	if !strings.Contains(h.Screen(), "▸ password") {
		t.Fatalf("j did not move to the next field:\n%s", h.Screen())
	}
}

func TestAccessDeniedNamesTheAction(t *testing.T) {
	t.Run("ListSecrets", func(t *testing.T) {
		h := startFaulty(t, 1, emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "AccessDeniedException"})
		h.WaitForText("access denied: secretsmanager:ListSecrets")
	})
	t.Run("one secret's value", func(t *testing.T) {
		h := startFaulty(t, 1, emulator.Fault{Kind: emulator.FaultError, Operation: "GetSecretValue", SecretID: "prod/payments/postgres", ErrorCode: "AccessDeniedException"})
		h.WaitForText("4 of 5 secrets")
		h.open(t, "prod/payments/postgres")
		h.Press("v")
		h.WaitForText("access denied: secretsmanager:GetSecretValue")
		h.Press("esc")
		h.WaitForText("1 of 5 secrets")
		h.Press("esc")
		h.WaitForText("4 of 5 secrets")
		h.open(t, "dev/search/api-key")
		h.Press("v")
		h.WaitForText("sk_test_demo_4f9a8b7c6d5e")
	})
	t.Run("CloudTrail", func(t *testing.T) {
		h := startFaulty(t, 1, emulator.Fault{Kind: emulator.FaultError, Operation: "LookupEvents", ErrorCode: "AccessDeniedException"})
		h.WaitForText("4 of 5 secrets")
		h.Press("A")
		h.WaitForText("cloudtrail:LookupEvents")
		h.WaitForText("CloudTrail refused")
	})
}

func TestDecryptionFailureIsSaidInWords(t *testing.T) {
	h := startFaulty(t, 1, emulator.Fault{Kind: emulator.FaultError, Operation: "GetSecretValue", ErrorCode: "DecryptionFailure"})
	h.WaitForText("4 of 5 secrets")
	h.open(t, "api-key")
	h.Press("v")
	h.WaitForText("decryption failed")
	h.WaitForText("can't decrypt the protected secret text")
}

func TestExpiredCredentialsSayTheFixAndRecoverWithoutRestart(t *testing.T) {
	h := startFaulty(t, 1)
	h.WaitForText("4 of 5 secrets")
	h.emu.AddFault(emulator.Fault{Kind: emulator.FaultError, ErrorCode: "ExpiredTokenException"})

	h.open(t, "api-key")
	h.WaitForText("describe failed: credentials")
	h.WaitForText("refresh your credentials (profile")
	h.Press("v")
	h.WaitUntil("a read", func() bool { return h.calls("GetSecretValue") == 1 })
	h.WaitFor("the read's answer", func(s string) bool {
		return !strings.Contains(s, "loading value…") && strings.Count(s, "The security token included in the request is expired") == 2
	})

	h.emu.ClearFaults() // the user refreshed their credentials
	h.Press("ctrl+r")
	h.WaitFor("the description again", func(s string) bool {
		return strings.Contains(s, "moteur de recherche") && !strings.Contains(s, "describe failed")
	})
	h.Press("v")
	h.WaitForText("sk_test_demo_4f9a8b7c6d5e")

	h.Press("esc")
	h.WaitForText("1 of 5 secrets")
	h.emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "ExpiredTokenException"})
	h.Press("ctrl+r")
	h.WaitForText("refresh your credentials")
	h.emu.ClearFaults()
	h.Press("R")
	h.WaitFor("the list again, the filter still holding", func(s string) bool {
		return strings.Contains(s, "1 of 5 secrets") && !strings.Contains(s, "listing failed")
	})
}

func TestNetworkDownOffersRetryAndRecovers(t *testing.T) {
	h := startFaulty(t, 1, emulator.Fault{Kind: emulator.FaultDropConnection})
	failed := func(s string) bool {
		// Both the list's own line and the status line: the status arrives
		// a moment later, and a retry must not start before it.
		return strings.Contains(s, "could not list secrets: network") && strings.Contains(s, "listing stopped after 0 secrets")
	}
	h.WaitFor("the listing to fail", failed)
	h.Press("R")
	h.WaitFor("the retry to fail too", failed)
	h.emu.ClearFaults() // the network is back
	h.Press("R")
	h.WaitForText("4 of 5 secrets")

	h.open(t, "api-key")
	h.emu.AddFault(emulator.Fault{Kind: emulator.FaultDropResponse, Operation: "GetSecretValue"})
	h.Press("v")
	h.WaitForText("network")
	h.emu.ClearFaults()
	h.Press("v")
	h.WaitForText("sk_test_demo_4f9a8b7c6d5e")
}

func TestAClosedPortIsANetworkError(t *testing.T) {
	srv := httptest.NewServer(nil)
	url := srv.URL
	srv.Close()
	client, err := awsx.New(context.Background(), awsx.Options{
		Region: "us-east-1", EndpointURL: url, RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKIATEST", "secret", ""),
	})
	if err != nil {
		t.Fatalf("client: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d := uitest.NewDriver(t, ui.New(ctx, client, ui.Config{Region: "us-east-1", Now: uitest.Clock, Clipboard: &uitest.Clipboard{}}), 120, 30)
	d.WaitForText("could not list secrets: network")
	d.WaitForText("R retries")
}

func TestASecretDeletedWhileOpenGoesBackToTheList(t *testing.T) {
	for _, trigger := range []string{"v", "ctrl+r"} {
		t.Run(trigger, func(t *testing.T) {
			h := startFaulty(t, 1)
			h.WaitForText("4 of 5 secrets")
			h.open(t, "api-key")
			if _, err := h.client.DeleteSecret(context.Background(), model.DeleteInput{SecretID: "dev/search/api-key", Force: true}); err != nil {
				t.Fatalf("delete behind the screen's back: %v", err)
			}
			h.Press(trigger)
			h.WaitForText("dev/search/api-key no longer exists")
			h.WaitFor("the list", func(s string) bool { return strings.Contains(s, "secrets · sorted by name") })
		})
	}
}

// TestSpinnerTurnsWhileAScreenWaitsAndStopsAfter opens a secret whose
// description is slow: the status bar turns a spinner while the detail
// waits, and once it has loaded the spinner is gone and its ticks stop, so
// an idle screen sends the terminal nothing.
func TestSpinnerTurnsWhileAScreenWaitsAndStopsAfter(t *testing.T) {
	h := startFaulty(t, 1, emulator.Fault{Kind: emulator.FaultLatency, Latency: 400 * time.Millisecond, Operation: "DescribeSecret"})
	h.WaitForText("4 of 5 secrets")
	statusLine := func() string {
		lines := strings.Split(h.Screen(), "\n")
		return lines[len(lines)-1]
	}
	turning := func() bool { return strings.ContainsAny(statusLine(), strings.Join(spinner.MiniDot.Frames, "")) }
	if turning() {
		t.Fatalf("a spinner turns over the loaded list: %q", statusLine())
	}
	h.Press("/")
	h.Type("payments")
	h.Press("enter", "enter")
	h.WaitForText("loading metadata…")
	if !turning() {
		t.Fatalf("no spinner while the detail waits: %q", statusLine())
	}
	h.WaitFor("the description", func(s string) bool { return !strings.Contains(s, "loading metadata") })
	h.Drain(200 * time.Millisecond)
	if turning() {
		t.Fatalf("the spinner turns after loading: %q", statusLine())
	}
	h.Drain(300 * time.Millisecond) // a tick already on its way lands here
	sent := len(h.Sent)
	h.Drain(300 * time.Millisecond)
	for _, msg := range h.Sent[sent:] {
		if _, ok := msg.(spinner.TickMsg); ok {
			t.Fatal("the spinner still ticks on a loaded screen")
		}
	}
}
