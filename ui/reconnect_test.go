package ui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestReconnectThatFailsAgainKeepsTheListedRows(t *testing.T) {
	emu, client := uitest.Backend(t, uitest.Seed())
	connects := make(chan string, 4)
	cfg := ui.Config{
		Profile: "env", Region: "us-east-1", Now: uitest.Clock, Clipboard: &uitest.Clipboard{},
		Connect: func(ctx context.Context, profile, region string) (common.Connection, error) {
			connects <- profile + "/" + region
			return common.Connection{Backend: client, Profile: "env", Region: region}, nil
		},
	}
	d := uitest.NewDriver(t, ui.New(context.Background(), client, cfg), 120, 30)
	d.WaitForText("4 of 5 secrets")

	emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "ExpiredTokenException", Count: 2})
	d.Press("ctrl+r") // a plain reload: the credentials expired meanwhile
	d.WaitForText("listing failed (R retries)")
	d.WaitForText("reload failed, list kept: credentials")
	checkRowsKept(t, d.Screen(), "a reload with expired credentials")

	d.Press("enter")
	d.WaitForText("Value · AWSCURRENT")
	d.Press("ctrl+r") // reconnects, from the detail screen, and fails again
	d.WaitUntil("a reconnect", func() bool { return len(connects) == 1 })
	d.WaitFor("the reconnected list's answer", func(s string) bool {
		return strings.Contains(s, "reload failed, list kept: credentials") && !strings.Contains(s, "Value · AWSCURRENT")
	})
	checkRowsKept(t, d.Screen(), "a reconnect whose reload failed")

	d.Press("ctrl+r")
	d.WaitUntil("a second reconnect", func() bool { return len(connects) == 2 })
	d.WaitFor("the list loaded again", func(s string) bool {
		return strings.Contains(s, "4 of 5 secrets") && !strings.Contains(s, "listing failed")
	})
	checkRowsKept(t, d.Screen(), "a reconnect that worked")
	for range 2 {
		if c := <-connects; c != "/us-east-1" {
			t.Fatalf("reconnect asked for %q, want the credentials keyhole started with (no profile) in us-east-1", c)
		}
	}
	if s := d.Screen(); !strings.Contains(s, "profile env") {
		t.Fatalf("the header lost where the credentials come from:\n%s", s)
	}
}

func TestReconnectAfterASwitchReopensTheChosenProfile(t *testing.T) {
	emu, client := uitest.Backend(t, uitest.Seed())
	connects := make(chan string, 4)
	cfg := ui.Config{
		Profile: "env", Region: "us-east-1", Now: uitest.Clock, Clipboard: &uitest.Clipboard{},
		Profiles: []string{"default", "dev", "prod"},
		Regions:  []string{"us-east-1", "eu-west-1"},
		Connect: func(ctx context.Context, profile, region string) (common.Connection, error) {
			connects <- profile + "/" + region
			return common.Connection{Backend: client, Profile: profile, Region: region}, nil
		},
	}
	d := uitest.NewDriver(t, ui.New(context.Background(), client, cfg), 120, 30)
	d.WaitForText("4 of 5 secrets")
	d.Press("@")
	d.WaitForText("Switch profile and region")
	d.Press("down", "down", "enter") // prod, us-east-1
	d.WaitForText("switched to profile prod in us-east-1")
	d.WaitForText("4 of 5 secrets")

	emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "ExpiredTokenException", Count: 1})
	d.Press("ctrl+r")
	d.WaitForText("reload failed, list kept: credentials")
	d.Press("ctrl+r")
	d.WaitUntil("a reconnect", func() bool { return len(connects) == 2 })
	d.WaitForText("reconnected to profile prod in us-east-1")
	for _, want := range []string{"prod/us-east-1", "prod/us-east-1"} {
		if c := <-connects; c != want {
			t.Fatalf("connected to %q, want %q", c, want)
		}
	}
}
