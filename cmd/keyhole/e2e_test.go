package main

import (
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/assets"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// demoValue returns the current string value of a demo secret.
func demoValue(t *testing.T, name string) string {
	t.Helper()
	var seed emulator.Seed
	if err := json.Unmarshal(assets.DemoSeed(), &seed); err != nil {
		t.Fatal(err)
	}
	for _, s := range demoHome(seed).Secrets {
		for _, v := range s.Versions {
			if s.Name == name && v.String != nil && slices.Contains(v.Stages, "AWSCURRENT") {
				return *v.String
			}
		}
	}
	t.Fatalf("demo seed has no string secret %s", name)
	return ""
}

// TestDemoWalkthrough walks list → filter → detail → reveal → re-mask → copy
// → quit in the real binary, as an operator in an SSH session would.
func TestDemoWalkthrough(t *testing.T) {
	const name = "prod/payments/stripe-api-key"
	secret := demoValue(t, name)
	tm := startTerm(t, 100, 30, []string{"SSH_TTY=/dev/pts/7", "SSH_CONNECTION=203.0.113.9 50000 10.0.0.5 22"},
		"--demo", "--reveal-timeout", "1s", "--clipboard-timeout", "0")

	tm.WaitForText("DEMO")
	tm.WaitForText("secrets · sorted by name")
	tm.Send("/prod/payments/stripe")
	tm.WaitFor("the filter applied", func(s string) bool { return !strings.Contains(s, "60 of 60") })
	tm.Send("\r\r") // keep the filter, open the first (exact) match
	tm.WaitForText("not loaded")
	tm.WaitForText("Card processor secret key")
	if strings.Contains(tm.Raw(), secret) {
		t.Fatal("the value reached the terminal before any reveal")
	}

	tm.Send("v")
	tm.WaitForText(secret)
	tm.WaitFor("re-mask after the idle timeout", func(s string) bool {
		return !strings.Contains(s, secret) && strings.Contains(s, "••••••••")
	})

	tm.Send("c")
	tm.WaitForText("copied")
	osc52 := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(secret))
	if !strings.Contains(tm.Raw(), osc52) {
		t.Fatal("in an SSH session the copy must go out as OSC 52")
	}

	tm.Send("q")
	if err := tm.Wait(); err != nil {
		t.Fatalf("keyhole exited with %v", err)
	}
	if tm.altScreen() {
		t.Fatal("keyhole left the terminal in the alternate screen")
	}
	if s := tm.Screen(); strings.Contains(s, secret) || strings.Contains(s, name) {
		t.Fatalf("the main screen after exit shows keyhole's content:\n%s", s)
	}
}
