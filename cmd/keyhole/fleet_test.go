package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// fleetSeed is an organisation: the management account the test's
// credentials belong to, an ACTIVE member and a SUSPENDED one, each with a
// secret in us-east-1 and eu-west-1. The management account's us-east-1
// secret fails every metadata control; the member's is shared with anyone.
func fleetSeed() emulator.Seed {
	seed := emulator.Seed{
		AccountID: "100000000001", Roles: []string{"Audit"},
		Organization: &emulator.SeedOrganization{Name: "acme", Accounts: []emulator.SeedAccount{
			{ID: "200000000002", Name: "staging"},
			{ID: "300000000003", Name: "old", Status: "SUSPENDED"},
		}},
	}
	for _, account := range []string{"100000000001", "200000000002", "300000000003"} {
		for _, region := range []string{"us-east-1", "eu-west-1"} {
			s := emulator.SeedSecret{Account: account, Region: region, Name: "app/" + region, Created: emulator.Relative(-400 * 24 * time.Hour),
				LastAccessed: emulator.Relative(-24 * time.Hour), Tags: []emulator.SeedTag{{Key: "owner", Value: "team"}},
				Rotation: &emulator.SeedRotation{Enabled: true, LambdaARN: "arn:aws:lambda:" + region + ":" + account + ":function:" + emulator.RotatePasswordFunction,
					AutomaticallyAfterDays: 30, LastRotated: emulator.Relative(-24 * time.Hour)},
				Versions: []emulator.SeedVersion{{String: new(`{"password":"x"}`)}}}
			switch {
			case account == "100000000001" && region == "us-east-1":
				s.Tags, s.Rotation, s.LastAccessed = nil, nil, emulator.Relative(-200*24*time.Hour)
			case account == "200000000002" && region == "eu-west-1":
				s.Policy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`
			}
			seed.Secrets = append(seed.Secrets, s)
		}
	}
	return seed
}

func TestLsFleetListsEveryActiveAccountAndRegion(t *testing.T) {
	_, flags := serveScriptSeed(t, fleetSeed())
	r := runKeyhole(t, append(flags, "ls", "--fleet", "--org-role", "Audit", "--regions", "us-east-1,eu-west-1")...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var places []string
	for _, row := range lsLines(t, r.stdout) {
		if len(row) != 7 {
			t.Fatalf("row %q: want ACCOUNT, REGION and the five columns of ls", row)
		}
		places = append(places, row[0]+" "+row[1]+" "+row[2])
	}
	want := []string{
		"100000000001 eu-west-1 app/eu-west-1", "100000000001 us-east-1 app/us-east-1",
		"200000000002 eu-west-1 app/eu-west-1", "200000000002 us-east-1 app/us-east-1",
	}
	if !slices.Equal(places, want) {
		t.Errorf("listed %q, want %q", places, want)
	}
	if !strings.Contains(r.stderr, "skipped old (300000000003)") || !strings.Contains(r.stderr, "suspended") {
		t.Errorf("stderr %q does not say the suspended account was skipped", r.stderr)
	}
}

func TestLsFleetReportsATargetItCannotReachAndListsTheOthers(t *testing.T) {
	_, flags := serveScriptSeed(t, fleetSeed())
	r := runKeyhole(t, append(flags, "ls", "--fleet", "--org-role", "NoSuchRole")...)
	if r.code != exitError {
		t.Fatalf("exit %d, want %d", r.code, exitError)
	}
	if got := len(lsLines(t, r.stdout)); got != 1 {
		t.Errorf("listed %d secrets, want the management account's one in us-east-1:\n%s", got, r.stdout)
	}
	if !strings.Contains(r.stderr, "staging (200000000002)") || !strings.Contains(r.stderr, "sts:AssumeRole") {
		t.Errorf("stderr %q does not say which account's role was refused", r.stderr)
	}
}

func TestFleetFlagsNeedFleet(t *testing.T) {
	r := runKeyhole(t, "ls", "--demo", "--regions", "all")
	if r.code != exitUsage || !strings.Contains(r.stderr, "add --fleet") {
		t.Errorf("exit %d, stderr %q; want a usage error saying to add --fleet", r.code, r.stderr)
	}
}

func TestReportFindsEachControlAcrossTheFleet(t *testing.T) {
	_, flags := serveScriptSeed(t, fleetSeed())
	r := runKeyhole(t, append(flags, "report", "--fleet", "--org-role", "Audit", "--regions", "us-east-1,eu-west-1", "--json")...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc reportJSON
	if err := json.Unmarshal(r.stdout, &doc); err != nil {
		t.Fatalf("report --json: %v\n%s", err, r.stdout)
	}
	if doc.Secrets != 4 {
		t.Errorf("%d secrets checked, want 4", doc.Secrets)
	}
	got := map[string][]string{}
	for _, f := range doc.Findings {
		got[f.Account+" "+f.Region+" "+f.Name] = append(got[f.Account+" "+f.Region+" "+f.Name], f.Control)
	}
	want := map[string][]string{
		"100000000001 us-east-1 app/us-east-1": {"SecretsManager.1", "SecretsManager.3", "SecretsManager.4", "SecretsManager.5"},
		"200000000002 eu-west-1 app/eu-west-1": {"KH.1", "KH.4"},
	}
	for place, controls := range want {
		if !slices.Equal(got[place], controls) {
			t.Errorf("%s: findings %v, want %v", place, got[place], controls)
		}
	}
	if len(got) != len(want) {
		t.Errorf("findings on %d secrets, want %d: %v", len(got), len(want), got)
	}
	counts := map[string]int{}
	for _, c := range doc.Controls {
		counts[c.ID] = c.Count
	}
	if counts["SecretsManager.1"] != 1 || counts["KH.1"] != 1 || counts["SecretsManager.2"] != 0 {
		t.Errorf("counts %v", counts)
	}
}

func TestReportFailsOnSevereFindingsForCI(t *testing.T) {
	_, flags := serveScriptSeed(t, fleetSeed())
	if r := runKeyhole(t, append(flags, "report", "--fail-on", "high")...); r.code != 0 {
		t.Errorf("the home region has no HIGH finding, yet exit %d: %s", r.code, r.stderr)
	}
	r := runKeyhole(t, append(flags, "report", "--fail-on", "medium")...)
	if r.code != exitFindings {
		t.Errorf("exit %d, want %d for MEDIUM findings", r.code, exitFindings)
	}
	rows := lsLines(t, r.stdout)
	if len(rows) != 4 || len(rows[0]) != 6 || rows[0][3] != "SecretsManager.1" {
		t.Errorf("piped findings %q: want 4 tab-separated lines of 6 columns", rows)
	}
	if r := runKeyhole(t, append(flags, "report", "--fail-on", "severe")...); r.code != exitUsage {
		t.Errorf("--fail-on severe: exit %d, want %d", r.code, exitUsage)
	}
}

// TestDemoFleetWalk runs keyhole --demo --fleet at 80×24: the demo
// organisation lists through its role in every enabled region, the
// suspended account is skipped, a member account's secret in another
// region opens with the header naming its place, and the targets and
// hygiene screens answer.
func TestDemoFleetWalk(t *testing.T) {
	tm := startTerm(t, 80, 24, nil, "--demo", "--fleet")
	tm.WaitForText("fleet 3 accounts")
	tm.WaitFor("every target listed", func(s string) bool {
		return strings.Contains(s, "targets: 51 done · 1 skipped") && strings.Contains(s, "147 of 150 secrets")
	})
	tm.Send("/acct:staging region:ap-")
	tm.WaitFor("staging's Tokyo secrets", func(s string) bool {
		return strings.Contains(s, "8 of 150 secrets") && strings.Contains(s, "…kspur-staging ap-northeast-1") && !strings.Contains(s, "us-east-1")
	})
	tm.Send("\r\r")
	// At 80 columns the header's items go without their labels.
	tm.WaitForText("larkspur-staging 234567890123  ap-northeast-1")
	tm.WaitForText("Value · AWSCURRENT")
	tm.Send("\x1b")
	tm.WaitForText("targets:")
	tm.Send("T")
	tm.WaitForText("Fleet targets · 52")
	tm.WaitForText("legacy-analytics (suspended, closing) (456789012345): account is suspended")
	tm.Send("\x1b")
	tm.WaitForText("8 of 150 secrets")
	tm.Send("H")
	tm.WaitForText("Hygiene · 150 secrets listed")
	tm.Send("q")
	if err := tm.Wait(); err != nil {
		t.Fatalf("keyhole exited with %v", err)
	}
}
