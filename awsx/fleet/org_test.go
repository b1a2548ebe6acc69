package fleet_test

import (
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/awsx/fleet"
	"github.com/keyhole-tui/keyhole/model"
)

// An organisation: the management account, two ACTIVE members and a
// SUSPENDED one. Every account enables the opt-in region af-south-1 but
// dev, which enables none.
func TestFleetReachesTheOrganisationThroughItsRole(t *testing.T) {
	emu := emulator.New(emulator.Options{AccountID: "100000000001"})
	seed := emulator.Seed{
		AccountID: "100000000001",
		Regions:   []string{"af-south-1"},
		Roles:     []string{"Audit"},
		Organization: &emulator.SeedOrganization{Name: "acme", Accounts: []emulator.SeedAccount{
			{ID: "200000000002", Name: "staging"},
			{ID: "300000000003", Name: "dev", Regions: []string{"us-east-1"}},
			{ID: "400000000004", Name: "old", Status: "SUSPENDED"},
		}},
	}
	for _, account := range []string{"100000000001", "200000000002", "300000000003", "400000000004"} {
		for _, region := range []string{"us-east-1", "eu-west-1", "af-south-1"} {
			seed.Secrets = append(seed.Secrets, emulator.SeedSecret{Account: account, Region: region, Name: "app/" + region,
				Versions: []emulator.SeedVersion{{String: new("v")}}})
		}
	}
	if err := emu.Load(seed); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(emu)
	defer hs.Close()
	defer emu.Close()
	base, err := awsx.New(t.Context(), awsx.Options{Region: "us-east-1", EndpointURL: hs.URL, RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKIAMANAGEMENT", "secret", "")})
	if err != nil {
		t.Fatal(err)
	}
	f := fleet.New(base, fleet.Spec{OrgRole: "Audit", Regions: []string{fleet.AllRegions}, SessionName: "keyhole-test"}, nil)
	defer f.Close()
	got := map[string]int{}
	for _, s := range listAll(t, f) {
		got[model.AccountFromARN(s.ARN)]++
	}
	// dev has not enabled af-south-1; the suspended account is not reached.
	want := map[string]int{"100000000001": 3, "200000000002": 3, "300000000003": 2}
	for account, n := range want {
		if got[account] != n {
			t.Errorf("account %s: %d secrets listed, want %d (all: %v)", account, got[account], n, got)
		}
	}
	if got["400000000004"] != 0 {
		t.Errorf("the suspended account was listed")
	}
	var skipped []string
	for _, s := range f.Statuses() {
		if s.State == model.TargetSkipped {
			skipped = append(skipped, s.Target.AccountName)
		}
		if s.State == model.TargetFailed {
			t.Errorf("%s failed: %v", s.Target, s.Err)
		}
	}
	if !slices.Equal(skipped, []string{"old"}) {
		t.Errorf("skipped %v, want the suspended account old", skipped)
	}
	if name := f.AccountName("200000000002"); name != "staging" {
		t.Errorf("account name %q, want staging", name)
	}
	// A secret of a member account is read with that account's role.
	for _, s := range listAll(t, f) {
		if model.AccountFromARN(s.ARN) == "200000000002" && model.RegionFromARN(s.ARN) == "eu-west-1" {
			if _, err := f.GetSecretValue(t.Context(), model.ValueRef{SecretID: s.ARN}); err != nil {
				t.Errorf("read %s through the role: %v", s.ARN, err)
			}
		}
	}
}

func TestFleetShowsARoleItCannotAssumeInPlace(t *testing.T) {
	emu := emulator.New(emulator.Options{AccountID: "100000000001"})
	seed := emulator.Seed{
		AccountID: "100000000001", Roles: []string{"Audit"},
		Organization: &emulator.SeedOrganization{Accounts: []emulator.SeedAccount{{ID: "200000000002", Name: "staging"}}},
		Secrets:      []emulator.SeedSecret{{Name: "home", Versions: []emulator.SeedVersion{{String: new("v")}}}},
	}
	if err := emu.Load(seed); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(emu)
	defer hs.Close()
	defer emu.Close()
	base, err := awsx.New(t.Context(), awsx.Options{Region: "us-east-1", EndpointURL: hs.URL, RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKIAMANAGEMENT", "secret", "")})
	if err != nil {
		t.Fatal(err)
	}
	f := fleet.New(base, fleet.Spec{OrgRole: "NotThere", SessionName: "keyhole-test"}, nil)
	defer f.Close()
	if n := len(listAll(t, f)); n != 1 {
		t.Fatalf("listed %d, want the home account's one secret", n)
	}
	var failed []model.TargetStatus
	for _, s := range f.Statuses() {
		if s.State == model.TargetFailed {
			failed = append(failed, s)
		}
	}
	if len(failed) != 1 || failed[0].Target.Account != "200000000002" || !model.IsKind(failed[0].Err, model.KindAccessDenied) {
		t.Errorf("failures %+v, want staging's access denied", failed)
	}
}
