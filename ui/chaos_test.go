package ui_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"go.uber.org/goleak"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// chaosKeys are the keys the random walk presses: moves, every screen's
// keys, dialogs, the filter, the value editor and the new-secret form, and
// a few letters to type into them. $EDITOR (E) is left out: it would run
// a program.
var chaosKeys = []string{
	"j", "k", "j", "k", "g", "G", "up", "down", "pgup", "pgdown", "home", "end",
	"enter", "enter", "esc", "esc", "esc", "/", "?", "tab", "backspace",
	"s", "D", "r", "a", "A", "h", "P", "t", "w", "x", "l", "space", "=",
	"v", "V", "c", "C", "1", "2", "3", "4", "5",
	"p", "y", "R", "X", "d", "u", "ctrl+r", "ctrl+z", "q",
	"o", "i", "m", "z", "-", "0", "e", "n", "@", "ctrl+g", "ctrl+s",
}

// versionKeys are pressed more often on the versions screen.
var versionKeys = []string{"space", "=", "j", "k"}

// chaosFaults are the faults the walk turns on and off.
var chaosFaults = []emulator.Fault{
	{Kind: emulator.FaultThrottle},
	{Kind: emulator.FaultLatency, Latency: 40 * time.Millisecond},
	{Kind: emulator.FaultDropConnection},
	{Kind: emulator.FaultDropResponse, Operation: "GetSecretValue"},
	{Kind: emulator.FaultError, ErrorCode: "AccessDeniedException", Operation: "ListSecrets"},
	{Kind: emulator.FaultError, ErrorCode: "AccessDeniedException", Operation: "GetSecretValue", SecretID: "dev/search/api-key"},
	{Kind: emulator.FaultError, ErrorCode: "AccessDeniedException", Operation: "LookupEvents"},
	{Kind: emulator.FaultError, ErrorCode: "DecryptionFailure", Operation: "GetSecretValue"},
	{Kind: emulator.FaultError, ErrorCode: "ExpiredTokenException"},
	{Kind: emulator.FaultError, ErrorCode: "InternalServiceError", Operation: "DescribeSecret"},
}

// chaosViews are text that only each screen shows: the walk must reach
// every one of them.
var chaosViews = []string{
	"secrets · sorted by", "Value · AWSCURRENT", "Rotation · ", "Audit trail · ", "Versions · ",
	"Resource policy · ", "Description and tags · ", "any key closes", "Copy as…",
	"New secret", "Edit value · ",
}

// neverRevealed are values of prod/payments/postgres: the walk never asks
// to reveal that secret, so they must never be on screen.
var neverRevealed = []string{uitest.Canary, "old-password-0001", "payments_app"}

// TestRandomKeysWithFaults presses thousands of random keys on every screen
// with --rw on and faults coming and going, and checks after every key
// that a value that was never revealed is not on screen; at the end, no
// goroutine of the app, the SDK or the emulator is left running. A panic
// fails the test with the keys that led to it.
func TestRandomKeysWithFaults(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })

	const presses = 5000
	rng := rand.New(rand.NewPCG(20261128, 1))
	emu, client := uitest.Backend(t, uitest.Seed())
	ctx, cancel := context.WithCancel(context.Background())
	cfg := ui.Config{
		Profile: "test", Region: "us-east-1", Now: uitest.Clock, ReadWrite: true,
		RevealTimeout: 20 * time.Millisecond, ClipboardTimeout: 30 * time.Millisecond, Clipboard: &uitest.Clipboard{},
	}
	d := uitest.NewDriver(t, ui.New(ctx, client, cfg), 120, 40)
	t.Cleanup(d.Close)
	t.Cleanup(cancel)

	var pressed []string
	stack := screens{names: []string{""}}
	seen := map[string]bool{}
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic %v after keys %q", r, lastKeys(pressed, 40))
		}
	}()
	started := time.Now()
	for i := range presses {
		switch n := rng.IntN(100); {
		case n < 2:
			emu.ClearFaults()
		case n < 4:
			f := chaosFaults[rng.IntN(len(chaosFaults))]
			f.Count = rng.IntN(4)
			emu.AddFault(f)
		case n < 5:
			d.Send(tea.WindowSizeMsg{Width: 10 + rng.IntN(190), Height: 4 + rng.IntN(50)})
		}
		k := chaosKeys[rng.IntN(len(chaosKeys))]
		screen := d.Screen()
		switch {
		case strings.Contains(screen, "Versions · ") && rng.IntN(3) == 0:
			k = versionKeys[rng.IntN(len(versionKeys))] // a diff needs two keys in a row
		case inForm(screen) && rng.IntN(4) == 0:
			k = "esc" // typing fills a form: leave it now and then
		case strings.Contains(screen, "discarded.") && rng.IntN(2) == 0:
			k = "y"
		}
		stack.follow(d.Sent)
		if (k == "v" || k == "V") && stack.top() == "prod/payments/postgres" {
			k = "j"
		}
		pressed = append(pressed, k)
		d.Press(k)
		if i%10 == 0 {
			d.Drain(2 * time.Millisecond)
		} else {
			d.Drain(0)
		}
		after := d.Screen()
		for _, v := range neverRevealed {
			if strings.Contains(after, v) {
				t.Fatalf("after %d keys (last %q) a value never revealed is on screen:\n%s", i+1, lastKeys(pressed, 20), after)
			}
		}
		for _, view := range chaosViews {
			if strings.Contains(after, view) {
				seen[view] = true
			}
		}
	}
	for _, view := range chaosViews {
		if !seen[view] {
			t.Errorf("the walk never reached the screen showing %q", view)
		}
	}
	emu.ClearFaults()
	d.Drain(50 * time.Millisecond)
	t.Logf("%d keys in %v, last screen:\n%s", presses, time.Since(started), d.Screen())
}

// screens follows the root's page stack from the messages the app was
// handed, naming the secret each screen is about ("" for none).
type screens struct {
	names []string
	read  int
}

// follow applies the messages sent since the last call.
func (s *screens) follow(sent []tea.Msg) {
	for _, msg := range sent[s.read:] {
		switch msg := msg.(type) {
		case common.OpenMsg:
			name := ""
			if msg.Secret != nil {
				name = msg.Secret.Name
			}
			s.names = append(s.names, name)
		case common.BackMsg:
			if len(s.names) > 1 {
				s.names = s.names[:len(s.names)-1]
			}
		}
	}
	s.read = len(sent)
}

// top names the secret of the screen on top.
func (s *screens) top() string { return s.names[len(s.names)-1] }

// lastKeys is the tail of the keys pressed, for a failure message.
func lastKeys(keys []string, n int) []string { return keys[max(len(keys)-n, 0):] }

// inForm reports whether the screen is the new-secret form or the value
// editor, where most keys are typed into fields.
func inForm(screen string) bool {
	return strings.Contains(screen, "New secret") || strings.Contains(screen, "Edit value · ")
}
