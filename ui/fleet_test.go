package ui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/awsx/fleet"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// startFleet runs the app on a fleet over an organisation of two ACTIVE
// accounts and a SUSPENDED one, each with a secret named after its place
// in us-east-1 and eu-west-1, and waits until every target is listed.
func startFleet(t *testing.T, width, height int) *uitest.Driver {
	t.Helper()
	seed := emulator.Seed{
		AccountID: "123456789012", Roles: []string{"Audit"},
		Identities: map[string]string{"AKIATEST": "arn:aws:iam::123456789012:user/tester"},
		Organization: &emulator.SeedOrganization{Name: "acme-production", Accounts: []emulator.SeedAccount{
			{ID: "210987654321", Name: "acme-staging"},
			{ID: "333333333333", Name: "acme-closed", Status: "SUSPENDED"},
		}},
	}
	for _, account := range []string{"123456789012", "210987654321", "333333333333"} {
		for _, region := range []string{"us-east-1", "eu-west-1"} {
			seed.Secrets = append(seed.Secrets, emulator.SeedSecret{Account: account, Region: region,
				Name: "app/" + account[:3] + "/" + region, Created: emulator.Relative(-time.Hour),
				Versions: []emulator.SeedVersion{{String: new("value-of-" + account[:3] + "-" + region)}}})
		}
	}
	_, client := uitest.Backend(t, seed)
	f := fleet.New(client, fleet.Spec{OrgRole: "Audit", Regions: []string{"us-east-1", "eu-west-1"}, SessionName: "keyhole-test"}, nil)
	t.Cleanup(f.Close)
	cfg := ui.Config{Profile: "test", Region: "us-east-1", Now: uitest.Clock,
		RevealTimeout: time.Hour, ClipboardTimeout: time.Hour, Clipboard: &uitest.Clipboard{}}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d := uitest.NewDriver(t, ui.New(ctx, f, cfg), width, height)
	d.WaitForText("targets: 4 done · 1 skipped")
	d.WaitForText("4 of 4 secrets")
	return d
}

func TestFleetListShowsEachSecretsAccountAndRegion(t *testing.T) {
	d := startFleet(t, 80, 24)
	s := d.Screen()
	uitest.FitsWidth(t, s, 80)
	for _, want := range []string{"ACCOUNT", "REGION", "fleet 2 accounts · 2 regions", "app/210/eu-west-1", "…me-production", "acme-staging", "acme-closed (333333333333): account is suspended"} {
		if !strings.Contains(s, want) {
			t.Errorf("the fleet list lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "app/333") {
		t.Errorf("the suspended account's secrets are listed:\n%s", s)
	}
}

func TestFleetFilterTermsPickAccountsAndRegions(t *testing.T) {
	d := startFleet(t, 100, 30)
	d.Press("/")
	d.Type("acct:staging region:eu")
	d.WaitForText("1 of 4 secrets")
	if s := d.Screen(); !strings.Contains(s, "app/210/eu-west-1") {
		t.Fatalf("acct:staging region:eu does not show staging's eu-west-1 secret:\n%s", s)
	}
	d.Press("ctrl+u")
	d.Type("acct:2109")
	d.WaitForText("2 of 4 secrets")
}

func TestFleetSortsByAccountAndOpensASecretInItsOwnAccount(t *testing.T) {
	d := startFleet(t, 100, 30)
	for range 4 {
		d.Press("s")
		if strings.Contains(d.Screen(), "sorted by account and region") {
			break
		}
	}
	d.WaitForText("sorted by account and region")
	lines := strings.Split(d.Screen(), "\n")
	var order []string
	for _, l := range lines {
		if i := strings.Index(l, "app/"); i >= 0 {
			order = append(order, strings.Fields(l[i:])[0])
		}
	}
	want := []string{"app/123/eu-west-1", "app/123/us-east-1", "app/210/eu-west-1", "app/210/us-east-1"}
	if strings.Join(order, " ") != strings.Join(want, " ") {
		t.Fatalf("sorted by account: %v, want %v", order, want)
	}
	d.Press("/")
	d.Type("app/210/eu")
	d.Press("enter", "enter")
	d.WaitForText("Value · AWSCURRENT")
	d.WaitForText("account acme-staging 210987654321")
	d.WaitForText("region eu-west-1")
	d.Press("v")
	d.WaitForText("value-of-210-eu-west-1")
}

func TestFleetTargetsSayHowEachAccountAndRegionListed(t *testing.T) {
	d := startFleet(t, 80, 24)
	d.Press("T")
	d.WaitForText("Fleet targets · 5")
	s := d.Screen()
	uitest.FitsWidth(t, s, 80)
	lines := strings.Split(s, "\n")
	var first string
	for _, l := range lines {
		if strings.Contains(l, "acme-") {
			first = l
			break
		}
	}
	if !strings.Contains(first, "acme-closed   333333333333") || !strings.Contains(first, "skipped") || !strings.Contains(first, "account is suspend") {
		t.Errorf("the first target row %q: want the skipped, suspended account first", first)
	}
	for _, want := range []string{"acme-staging  210987654321 eu-west-1", "done", "      1"} {
		if !strings.Contains(s, want) {
			t.Errorf("the targets screen lacks %q:\n%s", want, s)
		}
	}
	d.Press("esc")
	d.WaitForText("4 of 4 secrets")
}

func TestTargetsKeyOutsideAFleetSaysHowToListOne(t *testing.T) {
	h := start(t, 80, 24)
	h.Press("T")
	h.WaitForText("start keyhole with --fleet")
}
