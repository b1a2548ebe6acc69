package ui_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestSwitchProfileAndRegionStartsOverOnTheNewAccount(t *testing.T) {
	_, first := uitest.Backend(t, uitest.Seed())
	other := emulator.Seed{Secrets: []emulator.SeedSecret{{
		Name: "eu/only-here", Created: emulator.Relative(-time.Hour),
		Versions: []emulator.SeedVersion{{String: new(string), Stages: []string{"AWSCURRENT"}}},
	}}}
	_, second := uitest.BackendWith(t, other, emulator.Options{Clock: uitest.Clock, AccountID: "210987654321", Region: "eu-west-1"})
	remembered := make(chan string, 4)
	cfg := ui.Config{
		Profile: "dev", Region: "us-east-1", Now: uitest.Clock, Clipboard: &uitest.Clipboard{},
		Profiles: []string{"default", "dev", "prod"},
		Regions:  []string{"us-east-1", "eu-west-1", "ap-south-1"},
		Connect: func(ctx context.Context, profile, region string) (common.Connection, error) {
			if profile == "default" {
				return common.Connection{}, errors.New("profile default needs an MFA code")
			}
			return common.Connection{Backend: second, Profile: profile, Region: region}, nil
		},
		RememberRegion: func(r string) { remembered <- r },
	}
	d := uitest.NewDriver(t, ui.New(context.Background(), first, cfg), 120, 30)
	d.WaitForText("4 of 5 secrets")
	d.Press("/")
	d.Type("pay")
	d.Press("enter", "enter")
	d.WaitForText("Value · AWSCURRENT")

	d.Press("@")
	d.WaitForText("Switch profile and region")
	d.Press("up", "enter") // default: refused
	d.WaitForText("switch: profile default needs an MFA code")
	d.Press("@")
	d.Press("down", "down", "tab", "down", "enter") // prod, eu-west-1
	d.WaitForText("switched to profile prod in eu-west-1")
	d.WaitForText("eu/only-here")
	d.WaitForText("account 210987654321")
	s := d.Screen()
	if !strings.Contains(s, "profile prod") || !strings.Contains(s, "region eu-west-1") || strings.Contains(s, "prod/payments/postgres") {
		t.Fatalf("the screen still shows the old account:\n%s", s)
	}
	d.WaitUntil("the region remembered", func() bool { return len(remembered) == 1 })
	if r := <-remembered; r != "eu-west-1" {
		t.Fatalf("remembered %q", r)
	}
}

func TestSwitchIsOffWithoutAConnector(t *testing.T) {
	h := start(t, 120, 30)
	h.Press("@")
	h.WaitForText("switching profile or region needs your AWS config")
}

func TestReloadAfterACredentialsErrorReconnects(t *testing.T) {
	emu, client := uitest.Backend(t, uitest.Seed())
	emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "ExpiredTokenException", Count: 1})
	connects := make(chan string, 4)
	cfg := ui.Config{
		Profile: "dev", Region: "us-east-1", Now: uitest.Clock, Clipboard: &uitest.Clipboard{},
		Connect: func(ctx context.Context, profile, region string) (common.Connection, error) {
			connects <- profile + "/" + region
			return common.Connection{Backend: client, Profile: profile, Region: region}, nil
		},
	}
	d := uitest.NewDriver(t, ui.New(context.Background(), client, cfg), 120, 30)
	d.WaitForText("listing stopped after 0 secrets: credentials")
	d.Press("ctrl+r")
	d.WaitForText("4 of 5 secrets")
	if len(connects) != 1 || <-connects != "/us-east-1" {
		t.Fatal("ctrl+r after a credentials error must reopen the credentials keyhole started with, in the same region")
	}
}

func TestGoldenSwitcher80x24(t *testing.T) {
	_, client := uitest.Backend(t, uitest.Seed())
	cfg := ui.Config{
		Profile: "dev", Region: "us-east-1", Now: uitest.Clock, Clipboard: &uitest.Clipboard{},
		Profiles: []string{"default", "dev", "prod", "sso-platform-readonly"},
		Regions:  []string{"us-east-1", "eu-west-1", "ap-south-1"},
		Connect: func(context.Context, string, string) (common.Connection, error) {
			return common.Connection{}, errors.New("not in this test")
		},
	}
	d := uitest.NewDriver(t, ui.New(context.Background(), client, cfg), 80, 24)
	d.WaitForText("4 of 5 secrets")
	d.Press("@")
	d.WaitForText("Switch profile and region")
	if w := widestLine(d.Screen()); w > 80 {
		t.Errorf("%d columns wide on an 80-column screen", w)
	}
	golden(t, "switcher-80x24", settled(t, d))
}
