package ui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// harness is an app on the test seed with a recording clipboard.
type harness struct {
	*uitest.Driver
	emu  *emulator.Server
	clip *uitest.Clipboard
}

func start(t *testing.T, width, height int, tweak ...func(*ui.Config)) harness {
	t.Helper()
	return startOn(t, uitest.Seed(), width, height, "4 of 5 secrets", tweak...)
}

// startOn runs the app on seed, read-only unless a tweak says otherwise,
// and waits until the list says ready.
func startOn(t *testing.T, seed emulator.Seed, width, height int, ready string, tweak ...func(*ui.Config)) harness {
	t.Helper()
	emu, client := uitest.Backend(t, seed)
	clip := &uitest.Clipboard{}
	cfg := ui.Config{Profile: "test", Region: "us-east-1", Now: uitest.Clock,
		RevealTimeout: time.Hour, ClipboardTimeout: time.Hour, Clipboard: clip}
	for _, f := range tweak {
		f(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d := uitest.NewDriver(t, ui.New(ctx, client, cfg), width, height)
	d.WaitForText(ready)
	d.WaitForText("account 123456789012")
	return harness{Driver: d, emu: emu, clip: clip}
}

// reads counts the GetSecretValue calls the emulator served.
func (h harness) reads() int {
	n := 0
	for _, r := range h.emu.Requests() {
		if r.Operation == "GetSecretValue" || r.Operation == "BatchGetSecretValue" {
			n++
		}
	}
	return n
}

func (h harness) openSecret(t *testing.T, name string) {
	t.Helper()
	h.Press("/")
	h.Type(name)
	h.Press("enter", "enter")
	h.WaitForText("Value · AWSCURRENT")
	h.WaitFor("the description", func(s string) bool { return !strings.Contains(s, "loading metadata") })
}

func TestListShowsEverySecretButThosePendingDeletion(t *testing.T) {
	h := start(t, 120, 30)
	s := h.Screen()
	for _, name := range []string{"prod/payments/postgres", "dev/search/api-key", "prod/edge/tls-bundle", "staging/identity/oauth-client"} {
		if !strings.Contains(s, name) {
			t.Errorf("list lacks %s", name)
		}
	}
	if strings.Contains(s, "legacy-token") {
		t.Error("a secret pending deletion is shown by default")
	}
	h.Press("D")
	h.WaitForText("legacy-token")
	h.WaitForText("5 of 5 secrets")
}

func TestFilterNarrowsByWordTagAndRotation(t *testing.T) {
	tests := []struct {
		query string
		want  []string
		not   []string
	}{
		{"paymnts", []string{"prod/payments/postgres"}, []string{"dev/search/api-key"}},
		{"tag:env=prod", []string{"prod/payments/postgres"}, []string{"staging/identity", "dev/search"}},
		{"tag:team", []string{"prod/payments/postgres", "dev/search/api-key"}, nil},
		{"rot:overdue", []string{"staging/identity/oauth-client"}, []string{"prod/payments/postgres"}},
		{"moteur", []string{"dev/search/api-key"}, []string{"prod/payments"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			h := start(t, 120, 30)
			h.Press("/")
			h.Type(tt.query)
			s := h.Screen()
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("filter %q lost %s:\n%s", tt.query, w, s)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(s, n) {
					t.Errorf("filter %q kept %s", tt.query, n)
				}
			}
			h.Press("esc")
			if !strings.Contains(h.Screen(), "4 of 5 secrets") {
				t.Error("esc does not clear the filter")
			}
		})
	}
}

func TestSortCyclesThroughKeys(t *testing.T) {
	h := start(t, 120, 30)
	for _, want := range []string{"last changed", "last accessed", "created", "name"} {
		h.Press("s")
		h.WaitForText("sorted by " + want)
	}
}

func TestCursorMovesAndOpensTheSelectedSecret(t *testing.T) {
	h := start(t, 120, 30)
	h.Press("G", "k", "enter")
	// By name: dev/search, prod/edge, prod/payments, staging/identity.
	h.WaitForText("Value · AWSCURRENT")
	if !strings.Contains(h.Screen(), "Primary database for payments") {
		t.Fatalf("opened the wrong secret:\n%s", h.Screen())
	}
}

func TestOpeningADetailReadsNoValue(t *testing.T) {
	h := start(t, 120, 40)
	h.openSecret(t, "payments")
	h.WaitForText("every 30 days")
	if n := h.reads(); n != 0 {
		t.Fatalf("opening the detail read the value %d times", n)
	}
	if strings.Contains(h.Screen(), uitest.Canary) || strings.Contains(h.Screen(), "payments_app") {
		t.Fatal("a value is on screen before any reveal")
	}
}

func TestRevealOneFieldThenAllThenMask(t *testing.T) {
	h := start(t, 120, 40)
	h.openSecret(t, "payments")
	h.Press("v")
	h.WaitForText("pick a field")
	h.Press("v")
	h.WaitForText("payments_app")
	if strings.Contains(h.Screen(), uitest.Canary) {
		t.Fatal("revealing the first field revealed the password too")
	}
	if h.reads() != 1 {
		t.Fatalf("reads = %d, want 1", h.reads())
	}
	h.Press("j", "v")
	h.WaitForText(uitest.Canary)
	h.Press("V")
	h.WaitForText("pg.internal")
	h.Press("V")
	h.WaitFor("all masked", func(s string) bool {
		return !strings.Contains(s, uitest.Canary) && !strings.Contains(s, "payments_app")
	})
	if h.reads() != 1 {
		t.Fatalf("masking and revealing again must not read again: reads = %d", h.reads())
	}
}

func TestRevealRemasksAfterIdle(t *testing.T) {
	h := start(t, 120, 40, func(c *ui.Config) { c.RevealTimeout = 50 * time.Millisecond })
	h.openSecret(t, "payments")
	h.Press("V")
	h.WaitForText(uitest.Canary)
	h.WaitFor("re-mask after idle", func(s string) bool { return !strings.Contains(s, uitest.Canary) })
}

func TestRevealRemasksOnFocusLossAndOnLeaving(t *testing.T) {
	h := start(t, 120, 40)
	h.openSecret(t, "payments")
	h.Press("V")
	h.WaitForText(uitest.Canary)
	h.Send(tea.BlurMsg{})
	if strings.Contains(h.Screen(), uitest.Canary) {
		t.Fatal("value still shown after focus loss")
	}
	h.Press("V")
	h.WaitForText(uitest.Canary)
	h.Press("esc")
	h.WaitForText("1 of 5 secrets")
	h.Press("enter")
	h.WaitForText("not loaded")
	if strings.Contains(h.Screen(), uitest.Canary) {
		t.Fatal("value survived leaving the view")
	}
}

func TestRevealRemasksBeforeSuspending(t *testing.T) {
	h := start(t, 120, 40)
	h.openSecret(t, "payments")
	h.Press("V")
	h.WaitForText(uitest.Canary)
	h.Press("ctrl+z")
	h.WaitForMsg("the suspend", func(msg tea.Msg) bool { _, ok := msg.(tea.SuspendMsg); return ok })
	if strings.Contains(h.Screen(), uitest.Canary) {
		t.Fatal("value still shown when the program suspends")
	}
}

func TestCopyFieldPutsItOnTheClipboardWithoutShowingIt(t *testing.T) {
	h := start(t, 120, 40)
	h.openSecret(t, "payments")
	h.Press("c")
	h.WaitForText("pick a field")
	h.Press("c")
	h.WaitUntil("first copy", func() bool { return len(h.clip.Writes()) == 1 })
	h.Press("j", "c")
	h.WaitUntil("second copy", func() bool { return len(h.clip.Writes()) == 2 })
	if got := h.clip.Writes(); got[0] != "payments_app" || got[1] != uitest.Canary {
		t.Fatalf("clipboard writes = %q", got)
	}
	h.WaitForText("password of prod/payments/postgres copied (test clipboard)")
	h.WaitForText("clipboard clears in")
	if s := h.Screen(); strings.Contains(s, uitest.Canary) || strings.Contains(s, "payments_app") {
		t.Fatal("copy showed the value")
	}
}

func TestCopyAsOffersFormats(t *testing.T) {
	tests := []struct {
		pick string
		want string
	}{
		{"2", "{\n  \"username\": \"payments_app\",\n  \"password\": \"" + uitest.Canary + "\",\n  \"host\": \"pg.internal\",\n  \"port\": 5432\n}"},
		{"3", "USERNAME=payments_app\nPASSWORD=" + uitest.Canary + "\nHOST=pg.internal\nPORT=5432\n"},
		{"4", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/payments/postgres-"},
		{"5", "prod/payments/postgres"},
	}
	for _, tt := range tests {
		t.Run(tt.pick, func(t *testing.T) {
			h := start(t, 120, 40)
			h.openSecret(t, "payments")
			h.Press("C")
			h.WaitForText("Copy as")
			h.Press(tt.pick)
			h.WaitUntil("copy", func() bool { return len(h.clip.Writes()) > 0 })
			got := h.clip.Writes()
			if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
				t.Fatalf("clipboard = %q, want prefix %q", got, tt.want)
			}
			if tt.pick >= "4" && h.reads() != 0 {
				t.Fatal("copying the ARN or name read the value")
			}
		})
	}
}

func TestClipboardClearsAfterTimeout(t *testing.T) {
	h := start(t, 120, 40, func(c *ui.Config) {
		c.ClipboardTimeout = time.Second
		c.Now = time.Now
	})
	h.openSecret(t, "api-key")
	h.Press("c")
	h.WaitForText("clipboard cleared")
	if got := h.clip.Writes(); len(got) != 2 || got[1] != "" {
		t.Fatalf("clipboard writes = %q, want the value then a clear", got)
	}
}

func TestAccessDeniedStaysInTheValueArea(t *testing.T) {
	h := start(t, 120, 40)
	h.emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "GetSecretValue", SecretID: "staging/identity/oauth-client", ErrorCode: "AccessDeniedException"})
	h.openSecret(t, "oauth")
	h.Press("v")
	h.WaitForText("access denied: secretsmanager:GetSecretValue")
	h.Press("esc")
	h.WaitForText("1 of 5 secrets")
}

func TestBinaryRevealShowsPreview(t *testing.T) {
	h := start(t, 120, 40)
	h.openSecret(t, "tls-bundle")
	h.WaitForText("not loaded")
	h.Press("v")
	h.WaitForText("hex 3082010adeadbeef")
	h.WaitForText("b64 MIIBCt6tvu8=")
}

func TestStageKeyPicksAnotherVersion(t *testing.T) {
	h := start(t, 120, 40)
	h.openSecret(t, "payments")
	h.Press("l")
	h.WaitForText("Value · AWSPREVIOUS")
	h.Press("v")
	h.WaitForText("pick a field")
	h.Press("v")
	h.WaitForText("payments_app")
	h.Press("j", "v")
	h.WaitForText("old-password-0001")
}

func TestListPageFailureOffersRetry(t *testing.T) {
	emu, client := uitest.Backend(t, uitest.Seed())
	emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "InternalServiceError", Count: 1})
	d := uitest.NewDriver(t, ui.New(context.Background(), client, ui.Config{Now: uitest.Clock, Clipboard: &uitest.Clipboard{}}), 120, 30)
	d.WaitForText("R retries")
	d.Press("R")
	d.WaitForText("4 of 5 secrets")
}

func TestHelpListsTheKeys(t *testing.T) {
	h := start(t, 120, 40)
	h.Press("?")
	h.WaitForText("any key closes")
	for _, want := range []string{"filter", "reveal/mask field", "copy as…", "show pending deletion"} {
		if !strings.Contains(h.Screen(), want) {
			t.Errorf("help lacks %q", want)
		}
	}
	h.Press("x")
	h.WaitForText("4 of 5 secrets")
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		h := start(t, 80, 24)
		h.Press(k)
		h.WaitForMsg("quit", func(m tea.Msg) bool { _, ok := m.(tea.QuitMsg); return ok })
	}
}

func TestTypingQInTheFilterDoesNotQuit(t *testing.T) {
	h := start(t, 120, 30)
	h.Press("/")
	h.Type("q")
	h.Drain(50 * time.Millisecond)
	for _, m := range h.Sent {
		if _, ok := m.(tea.QuitMsg); ok {
			t.Fatal("q in the filter quit")
		}
	}
}

func TestHeaderShowsModeAndAccount(t *testing.T) {
	h := start(t, 120, 30, func(c *ui.Config) { c.ReadWrite = true; c.Demo = true })
	s := h.Screen()
	for _, want := range []string{"DEMO", "profile test", "region us-east-1", "RW"} {
		if !strings.Contains(s, want) {
			t.Errorf("header lacks %q", want)
		}
	}
	if v := h.View(); !v.AltScreen || !v.ReportFocus || v.MouseMode != tea.MouseModeNone {
		t.Errorf("view: alt %v focus %v mouse %v", v.AltScreen, v.ReportFocus, v.MouseMode)
	}
}
