package ui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// publicPolicy lets anyone read the secret; its Sid hides a bidi override.
const publicPolicy = `{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead` + "\u202e" + `evil","Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`

// accountPolicy lets one role of the account read the secret.
const accountPolicy = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/app"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}}`

// policySeed is the test seed plus a secret readable by anyone and one
// readable by a role of the account.
func policySeed() emulator.Seed {
	seed := uitest.Seed()
	v := func(s string) *string { return &s }
	seed.Secrets = append(seed.Secrets,
		emulator.SeedSecret{Name: "prod/app/public", Policy: publicPolicy,
			Versions: []emulator.SeedVersion{{String: v("p"), Stages: []string{"AWSCURRENT"}}}},
		emulator.SeedSecret{Name: "prod/app/private", Policy: accountPolicy,
			Versions: []emulator.SeedVersion{{String: v("q"), Stages: []string{"AWSCURRENT"}}}},
	)
	return seed
}

func startPolicy(t *testing.T, width, height int, secret string) harness {
	t.Helper()
	emu, client := uitest.Backend(t, policySeed())
	cfg := ui.Config{Profile: "test", Region: "us-east-1", Now: uitest.Clock, ReadWrite: true,
		RevealTimeout: time.Hour, ClipboardTimeout: time.Hour, Clipboard: &uitest.Clipboard{}}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d := uitest.NewDriver(t, ui.New(ctx, client, cfg), width, height)
	d.WaitForText("6 of 7 secrets")
	d.WaitForText("account 123456789012")
	h := harness{Driver: d, emu: emu}
	h.openSecret(t, secret)
	h.Press("P")
	h.WaitForText("Resource policy · " + secret)
	return h
}

// policyWrites counts calls that would change a policy.
func policyWrites(h harness) int {
	return countOps(h.emu, "PutResourcePolicy", "DeleteResourcePolicy")
}

func TestPolicyPrettyPrintsAndCallsOutPublicAccess(t *testing.T) {
	h := startPolicy(t, 120, 40, "prod/app/public")
	h.WaitForText("PUBLIC ACCESS")
	s := h.Screen()
	for _, want := range []string{
		`      "Effect": "Allow",`,
		`      "Principal": "*",`,
		`  "Statement": [`,
		"BLOCK_PUBLIC_POLICY: This resource policy will grant public access to the secret.",
		`"Sid": "PublicRead\u202eevil",`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "\u202e") {
		t.Error("a bidi override reached the screen raw")
	}
	if n := countOps(h.emu, "ValidateResourcePolicy"); n != 1 {
		t.Errorf("ValidateResourcePolicy calls = %d", n)
	}
	if n := policyWrites(h); n != 0 {
		t.Errorf("the policy screen changed the policy: %d calls", n)
	}
}

func TestPolicyForOneRolePasses(t *testing.T) {
	h := startPolicy(t, 120, 40, "prod/app/private")
	h.WaitForText("passed: no findings")
	s := h.Screen()
	if strings.Contains(s, "PUBLIC") || !strings.Contains(s, `"AWS": "arn:aws:iam::123456789012:role/app"`) {
		t.Fatalf("unexpected policy screen:\n%s", s)
	}
}

func TestPolicyNoneSaysSoAndValidatesNothing(t *testing.T) {
	h := startPolicy(t, 120, 40, "dev/search/api-key")
	h.WaitForText("no resource policy")
	h.Press("ctrl+r")
	h.WaitForText("no resource policy")
	if n := countOps(h.emu, "ValidateResourcePolicy"); n != 0 {
		t.Fatalf("validated a policy that does not exist: %d calls", n)
	}
	if n := countOps(h.emu, "GetResourcePolicy"); n != 2 {
		t.Fatalf("GetResourcePolicy calls = %d, want 2", n)
	}
}

func TestPolicyValidationFailureIsShownInWords(t *testing.T) {
	emuSecret := "prod/app/private"
	h := startPolicy(t, 120, 40, emuSecret)
	h.WaitForText("passed")
	h.emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ValidateResourcePolicy", ErrorCode: "AccessDeniedException"})
	h.Press("ctrl+r")
	h.WaitForText("could not validate: access denied: secretsmanager:ValidateResourcePolicy")
	if !strings.Contains(h.Screen(), `"Effect": "Allow"`) {
		t.Fatalf("the policy is hidden when validation fails:\n%s", h.Screen())
	}
}

func TestPolicyScrolls(t *testing.T) {
	h := startPolicy(t, 80, 16, "prod/app/public")
	h.WaitForText("PUBLIC ACCESS")
	if strings.Contains(h.Screen(), `"Resource": "*"`) {
		t.Fatalf("the screen is too tall for this test:\n%s", h.Screen())
	}
	h.Press("pgdown")
	h.WaitForText(`"Resource": "*"`)
	if strings.Contains(h.Screen(), "PUBLIC ACCESS") {
		t.Fatalf("page down did not scroll:\n%s", h.Screen())
	}
	h.Press("pgup")
	h.WaitForText("PUBLIC ACCESS")
	h.Press("down")
	if strings.Contains(h.Screen(), "Validation (") || !strings.Contains(h.Screen(), "Resource policy · ") {
		t.Fatalf("down did not scroll one line under a fixed title:\n%s", h.Screen())
	}
}

func TestGoldenPolicy80x24(t *testing.T) {
	h := startPolicy(t, 80, 24, "prod/app/public")
	h.WaitForText("PUBLIC ACCESS")
	golden(t, "policy-80x24", settled(t, h.Driver))
}
