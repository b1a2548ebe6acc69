package ui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// sharedPolicy lets another account read the secret.
const sharedPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`

// hygieneSeed is the policy seed plus a secret shared with another
// account under the AWS managed key, a replicated secret whose replica
// failed, and the secret pending deletion read five days ago.
func hygieneSeed() emulator.Seed {
	seed := policySeed()
	day := 24 * time.Hour
	v := func(s string) *string { return &s }
	for i := range seed.Secrets {
		if seed.Secrets[i].Name == "legacy-token" {
			seed.Secrets[i].LastAccessed = emulator.Relative(-5 * day)
		}
	}
	seed.Secrets = append(seed.Secrets,
		emulator.SeedSecret{Name: "prod/app/shared", Policy: sharedPolicy, Tags: []emulator.SeedTag{{Key: "owner", Value: "app"}},
			Versions: []emulator.SeedVersion{{String: v("s"), Stages: []string{"AWSCURRENT"}}}},
		emulator.SeedSecret{Name: "prod/app/replicated", PrimaryRegion: "us-east-1", KMSKeyID: "alias/app",
			Replicas: []emulator.SeedReplica{{Region: "eu-west-1", Status: "InSync"}, {Region: "ap-south-1", Status: "Failed", StatusMessage: "Access denied to KMS key \x1b[31malias/app"}},
			Versions: []emulator.SeedVersion{{String: v("r"), Stages: []string{"AWSCURRENT"}}}},
	)
	return seed
}

// startHygiene opens the hygiene screen over the hygiene seed and waits
// for the policies to be read.
func startHygiene(t *testing.T, width, height int, tweak ...func(*ui.Config)) harness {
	t.Helper()
	h := startOn(t, hygieneSeed(), width, height, "8 of 9 secrets", tweak...)
	h.Press("H")
	h.WaitForText("policies read for 8 secrets")
	return h
}

// hygieneSettled waits until every count is in, the policies' too.
func hygieneSettled(t *testing.T, h harness) string {
	t.Helper()
	h.WaitFor("every count", func(s string) bool { return !strings.Contains(s, "…  ") })
	return settled(t, h.Driver)
}

// countLine is the counts row of control id, as drawn.
func countLine(id, severity, count string) []string {
	return []string{" " + id + " ", " " + severity + " ", " " + count + "  "}
}

func TestHygieneCountsEachControlWithoutReadingValues(t *testing.T) {
	h := startHygiene(t, 100, 30)
	s := hygieneSettled(t, h)
	for _, want := range [][]string{
		countLine("SecretsManager.1", "MEDIUM", "6"),
		countLine("SecretsManager.2", "MEDIUM", "1"),
		countLine("SecretsManager.3", "MEDIUM", "1"),
		countLine("SecretsManager.4", "MEDIUM", "0"),
		countLine("SecretsManager.5", "LOW", "7"),
		countLine("KH.1", "HIGH", "2"),
		countLine("KH.2", "MEDIUM", "1"),
		countLine("KH.3", "HIGH", "1"),
		countLine("KH.4", "MEDIUM", "2"),
	} {
		if !lineWith(s, want...) {
			t.Errorf("no row with %q:\n%s", want, s)
		}
	}
	if h.reads() != 0 {
		t.Errorf("the hygiene screen read %d values", h.reads())
	}
	// Secrets pending deletion are checked on their metadata alone; only
	// the replicated secret is described.
	if n := countOps(h.emu, "GetResourcePolicy"); n != 8 {
		t.Errorf("GetResourcePolicy calls = %d, want one per secret in use", n)
	}
	if n := countOps(h.emu, "DescribeSecret"); n != 1 {
		t.Errorf("DescribeSecret calls = %d, want one for the replicated secret", n)
	}
}

func TestHygieneListsAControlsSecretsAndOpensOne(t *testing.T) {
	h := startHygiene(t, 100, 30)
	hygieneSettled(t, h)
	h.Press("G", "up", "up", "up", "enter")
	h.WaitForText("least privilege · 2 secrets")
	s := h.Screen()
	for _, want := range [][]string{
		{"prod/app/public", "policy grants everyone"},
		{"prod/app/shared", "policy grants account 999988887777"},
	} {
		if !lineWith(s, want...) {
			t.Errorf("no row with %q:\n%s", want, s)
		}
	}
	h.Press("down", "enter")
	h.WaitForText("Value · AWSCURRENT")
	if !strings.Contains(h.Screen(), "prod/app/shared") {
		t.Fatalf("enter did not open the selected secret:\n%s", h.Screen())
	}
	h.Press("esc")
	h.WaitForText("least privilege · 2 secrets")
	h.Press("esc")
	h.WaitForText("best practice: least privilege")
	h.Press("esc")
	h.WaitForText("8 of 9 secrets")
}

func TestHygieneSanitizesWhatAWSSays(t *testing.T) {
	h := startHygiene(t, 120, 30)
	hygieneSettled(t, h)
	h.Press("G", "up", "up", "enter")
	h.WaitForText("replica failed in ap-south-1: Access denied to KMS key \\x1b[31malias/app")
	if strings.Contains(h.View().Content, "\x1b[31malias") {
		t.Fatal("an escape sequence from AWS reached the terminal raw")
	}
}

func TestHygieneTakesTheConfiguredRules(t *testing.T) {
	h := startHygiene(t, 100, 30, func(c *ui.Config) { c.Hygiene = model.HygieneRules{RequiredTags: []string{}, RotationDays: 20} })
	s := hygieneSettled(t, h)
	for _, want := range [][]string{
		countLine("SecretsManager.4", "MEDIUM", "2"),
		countLine("SecretsManager.5", "LOW", "0"),
	} {
		if !lineWith(s, want...) {
			t.Errorf("no row with %q:\n%s", want, s)
		}
	}
}

func TestGoldenHygiene80x24(t *testing.T) {
	h := startHygiene(t, 80, 24)
	screen := hygieneSettled(t, h)
	uitest.FitsWidth(t, screen, 80)
	golden(t, "hygiene-80x24", screen)
}

func TestGoldenHygieneControl80x24(t *testing.T) {
	h := startHygiene(t, 80, 24)
	hygieneSettled(t, h)
	h.Press("G", "up", "up", "up", "enter")
	h.WaitForText("2 secrets")
	screen := settled(t, h.Driver)
	uitest.FitsWidth(t, screen, 80)
	golden(t, "hygiene-control-80x24", screen)
}
