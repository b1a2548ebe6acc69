package ui_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// The versions of prod/app/db, oldest first: two deprecated, one with a
// label of its own, AWSPREVIOUS and AWSCURRENT.
const (
	dbV1 = "10000000-0000-4000-8000-000000000001"
	dbV2 = "20000000-0000-4000-8000-000000000002"
	dbV3 = "30000000-0000-4000-8000-000000000003"
	dbV4 = "40000000-0000-4000-8000-000000000004"
	dbV5 = "50000000-0000-4000-8000-000000000005"

	dbV3Value = `{"user":"app","password":"v3-pass-cccc","host":"blue.internal"}`
)

// dbValueParts are strings of prod/app/db's values that must never be on
// screen unless revealed.
var dbValueParts = []string{"v1-pass-aaaa", "v2-pass-bbbb", "v3-pass-cccc", "v4-pass-dddd", "v5-pass-eeee", "blue.internal", "db.internal", "yes-legacy", "5432"}

// versionsSeed is the test seed plus a secret with five versions.
func versionsSeed() emulator.Seed {
	seed := uitest.Seed()
	day := 24 * time.Hour
	v := func(s string) *string { return &s }
	seed.Secrets = append(seed.Secrets, emulator.SeedSecret{
		Name:        "prod/app/db",
		Description: "Application database",
		Created:     emulator.Relative(-120 * day),
		Versions: []emulator.SeedVersion{
			{ID: dbV1, String: v(`{"user":"app","password":"v1-pass-aaaa"}`), Created: emulator.Relative(-100 * day)},
			{ID: dbV2, String: v(`{"user":"app","password":"v2-pass-bbbb"}`), Created: emulator.Relative(-80 * day)},
			{ID: dbV3, String: v(dbV3Value), Stages: []string{"BLUE"}, Created: emulator.Relative(-60 * day)},
			{ID: dbV4, String: v(`{"user":"app","password":"v4-pass-dddd","host":"db.internal","legacy":"yes-legacy"}`), Stages: []string{"AWSPREVIOUS"}, Created: emulator.Relative(-30 * day)},
			{ID: dbV5, String: v(`{"user":"app","password":"v5-pass-eeee","host":"db.internal","port":5432}`), Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(-5 * day)},
		},
	})
	return seed
}

// versionsHarness is an app on versionsSeed, with the client the screens
// use, to act behind their back and check afterwards.
type versionsHarness struct {
	harness
	client *awsx.Client
}

func startVersions(t *testing.T, width, height int, rw bool, tweak ...func(*ui.Config)) versionsHarness {
	t.Helper()
	emu, client := uitest.Backend(t, versionsSeed())
	clip := &uitest.Clipboard{}
	cfg := ui.Config{Profile: "test", Region: "us-east-1", Now: uitest.Clock, ReadWrite: rw,
		RevealTimeout: time.Hour, ClipboardTimeout: time.Hour, Clipboard: clip}
	for _, f := range tweak {
		f(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d := uitest.NewDriver(t, ui.New(ctx, client, cfg), width, height)
	d.WaitForText("5 of 6 secrets")
	d.WaitForText("account 123456789012")
	h := versionsHarness{harness: harness{Driver: d, emu: emu, clip: clip}, client: client}
	h.openSecret(t, "prod/app/db")
	h.Press("h")
	h.WaitForText("VERSION ID")
	return h
}

var space = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}

// order reports whether the parts appear on screen in this order.
func order(screen string, parts ...string) bool {
	at := -1
	for _, p := range parts {
		i := strings.Index(screen, p)
		if i <= at {
			return false
		}
		at = i
	}
	return true
}

func TestVersionsListsNewestFirstAndHidesDeprecated(t *testing.T) {
	h := startVersions(t, 120, 30, false)
	s := h.Screen()
	if !order(s, dbV5, dbV4, dbV3) {
		t.Fatalf("versions are not newest first:\n%s", s)
	}
	for _, want := range [][]string{{dbV5, "AWSCURRENT"}, {dbV4, "AWSPREVIOUS"}, {dbV3, "BLUE"}} {
		if !lineWith(s, want...) {
			t.Errorf("no line with %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, dbV1) || strings.Contains(s, dbV2) || !strings.Contains(s, "3 versions") {
		t.Fatalf("deprecated versions shown before x:\n%s", s)
	}
	h.Press("x")
	h.WaitForText("5 versions")
	s = h.Screen()
	if !order(s, dbV5, dbV4, dbV3, dbV2, dbV1) || !lineWith(s, dbV1, "(deprecated)") {
		t.Fatalf("deprecated versions not listed last:\n%s", s)
	}
	if n := countOps(h.emu, "ListSecretVersionIds"); n != 2 {
		t.Fatalf("ListSecretVersionIds calls = %d, want 2", n)
	}
	h.Press("x")
	h.WaitForText("3 versions")
	if h.reads() != 0 {
		t.Fatalf("listing versions read %d values", h.reads())
	}
	for _, part := range dbValueParts {
		if strings.Contains(h.Screen(), part) {
			t.Fatalf("a value is on screen: %q", part)
		}
	}
}

func TestVersionsRevealAndCopyAnOldVersionReadOnce(t *testing.T) {
	h := startVersions(t, 120, 40, false)
	h.Press("j", "j") // the BLUE version
	h.Press("v")
	h.WaitForText("v3-pass-cccc")
	if h.reads() != 1 {
		t.Fatalf("reads = %d, want 1", h.reads())
	}
	s := h.Screen()
	if !lineWith(s, "password", "v3-pass-cccc") || strings.Contains(s, "v5-pass-eeee") || strings.Contains(s, "v4-pass-dddd") {
		t.Fatalf("revealed the wrong version:\n%s", s)
	}
	h.Press("v")
	h.WaitFor("masked again", func(s string) bool { return !strings.Contains(s, "v3-pass-cccc") })
	h.Press("c")
	h.WaitUntil("copy", func() bool { return len(h.clip.Writes()) == 1 })
	if got := h.clip.Writes()[0]; got != dbV3Value {
		t.Fatalf("clipboard = %q, want the BLUE version's value", got)
	}
	h.WaitForText("version 30000000 of prod/app/db copied")
	if h.reads() != 1 {
		t.Fatalf("copying a value already read read again: reads = %d", h.reads())
	}
	for _, part := range dbValueParts {
		if strings.Contains(h.Screen(), part) {
			t.Fatalf("copy showed the value: %q", part)
		}
	}
}

func TestVersionsCopyReadsOnlyThatVersion(t *testing.T) {
	h := startVersions(t, 120, 40, false)
	h.Press("x")
	h.WaitForText("5 versions")
	h.Press("G", "c") // the oldest, deprecated version
	h.WaitUntil("copy", func() bool { return len(h.clip.Writes()) == 1 })
	if got := h.clip.Writes()[0]; !strings.Contains(got, "v1-pass-aaaa") {
		t.Fatalf("clipboard holds another version: %q", got)
	}
	if h.reads() != 1 {
		t.Fatalf("reads = %d, want 1", h.reads())
	}
	if strings.Contains(h.Screen(), "v1-pass-aaaa") {
		t.Fatal("copy showed the value")
	}
}

func TestVersionsRemaskOnFocusLossAndForgetOnLeaving(t *testing.T) {
	h := startVersions(t, 120, 40, false)
	h.Press("v")
	h.WaitForText("v5-pass-eeee")
	h.Send(tea.BlurMsg{})
	if strings.Contains(h.Screen(), "v5-pass-eeee") {
		t.Fatal("value still shown after focus loss")
	}
	h.Press("esc")
	h.WaitForText("Value · AWSCURRENT")
	h.Press("h")
	h.WaitForText("VERSION ID")
	if strings.Contains(h.Screen(), "reading") || strings.Contains(h.Screen(), "••••") {
		t.Fatalf("the value survived leaving the screen:\n%s", h.Screen())
	}
}

func TestVersionsRemaskAfterIdle(t *testing.T) {
	h := startVersions(t, 120, 40, false, func(c *ui.Config) { c.RevealTimeout = 50 * time.Millisecond })
	h.Press("j", "v")
	h.WaitForText("v4-pass-dddd")
	h.WaitFor("re-mask after idle", func(s string) bool {
		return !strings.Contains(s, "v4-pass-dddd") && lineWith(s, "password", "••••••••")
	})
	if h.reads() != 1 {
		t.Fatalf("reads = %d, want 1", h.reads())
	}
}

func TestVersionsAccessDeniedShowsInTheRow(t *testing.T) {
	h := startVersions(t, 120, 40, false)
	h.emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "GetSecretValue", SecretID: "prod/app/db", ErrorCode: "AccessDeniedException"})
	h.Press("j", "v")
	h.WaitForText("access denied: secretsmanager:GetSecretValue")
	lines := strings.Split(h.Screen(), "\n")
	i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, dbV4) })
	if i < 0 || i+1 >= len(lines) || !strings.Contains(lines[i+1], "access denied: secretsmanager:GetSecretValue") {
		t.Fatalf("the error is not under the version's row:\n%s", h.Screen())
	}
	h.Press("k")
	if !strings.Contains(h.Screen(), "access denied") {
		t.Fatal("moving away lost the error")
	}
}

func TestVersionsMaskedDiff(t *testing.T) {
	h := startVersions(t, 120, 40, false)
	h.Press("j") // AWSPREVIOUS
	h.Send(space)
	h.WaitForText("marked 40000000")
	h.Press("k", "=")
	h.WaitForText("1 changed, 1 added, 1 removed, 2 unchanged")
	s := h.Screen()
	for _, want := range [][]string{{"~", "changed", "password"}, {"+", "added", "port"}, {"-", "removed", "legacy"}, {"unchanged", "host"}, {"unchanged", "user"}} {
		if !lineWith(s, want...) {
			t.Errorf("the diff lacks %q:\n%s", want, s)
		}
	}
	if !lineWith(s, "from", dbV4, "AWSPREVIOUS") || !lineWith(s, "to", dbV5, "AWSCURRENT") {
		t.Errorf("the diff does not name its sides:\n%s", s)
	}
	for _, part := range dbValueParts {
		if strings.Contains(s, part) {
			t.Fatalf("the diff shows a value: %q\n%s", part, s)
		}
	}
	if h.reads() != 2 {
		t.Fatalf("reads = %d, want one per side", h.reads())
	}
	h.Press("esc")
	h.WaitForText("VERSION ID")
	h.Press("=")
	h.WaitForText("1 changed, 1 added, 1 removed, 2 unchanged")
	if h.reads() != 2 {
		t.Fatalf("diffing the same versions again read again: reads = %d", h.reads())
	}
}

func TestVersionsDiffOfAValueAlreadyRevealedReadsOnlyTheOther(t *testing.T) {
	h := startVersions(t, 120, 40, false)
	h.Press("x")
	h.WaitForText("5 versions")
	h.Press("v")
	h.WaitForText("v5-pass-eeee")
	h.Press("v")
	h.Send(space)
	h.Press("G", "=")
	h.WaitForText("1 changed, 0 added, 2 removed, 1 unchanged")
	if h.reads() != 2 {
		t.Fatalf("reads = %d, want 2", h.reads())
	}
}

func TestPromoteMakesTheSelectedVersionCurrent(t *testing.T) {
	tests := []struct {
		name, version string
		moves         int
		wantStages    map[string][]string
	}{
		{"AWSPREVIOUS", dbV4, 1, map[string][]string{dbV4: {"AWSCURRENT"}, dbV5: {"AWSPREVIOUS"}, dbV3: {"BLUE"}}},
		{"custom label", dbV3, 2, map[string][]string{dbV3: {"AWSCURRENT", "BLUE"}, dbV5: {"AWSPREVIOUS"}, dbV4: nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := startVersions(t, 120, 40, true)
			for range tt.moves {
				h.Press("j")
			}
			h.Press("p")
			h.WaitForText("Make version " + tt.version + " AWSCURRENT?")
			h.Press("n")
			if n := countOps(h.emu, "UpdateSecretVersionStage"); n != 0 {
				t.Fatal("declining still promoted")
			}
			h.Press("p", "y")
			h.WaitForText("is now AWSCURRENT; 50000000 is AWSPREVIOUS")
			if n := countOps(h.emu, "UpdateSecretVersionStage"); n != 1 {
				t.Fatalf("UpdateSecretVersionStage calls = %d", n)
			}
			versions, err := h.client.ListSecretVersions(context.Background(), "prod/app/db", true)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range versions {
				want, ok := tt.wantStages[v.ID]
				if !ok {
					continue
				}
				got := slices.Clone(v.Stages)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("version %s has %v, want %v", v.ID, got, want)
				}
			}
			h.WaitFor("the reloaded labels", func(s string) bool {
				return lineWith(s, tt.version, "AWSCURRENT") && lineWith(s, dbV5, "AWSPREVIOUS")
			})
			if h.reads() != 0 {
				t.Fatalf("promoting read %d values", h.reads())
			}
		})
	}
}

func TestPromoteRefusedWhenCurrentMovedMeanwhile(t *testing.T) {
	h := startVersions(t, 120, 40, true)
	const newer = "60000000-0000-4000-8000-000000000006"
	_, err := h.client.PutSecretValue(context.Background(), model.PutValueInput{
		SecretID: "prod/app/db", Value: model.StringValue(`{"user":"app","password":"v6"}`), ClientRequestToken: newer,
	})
	if err != nil {
		t.Fatal(err)
	}
	h.Press("j", "p", "y")
	h.WaitForText("not promoted: AWSCURRENT moved from 50000000 to 60000000 since this screen loaded")
	if n := countOps(h.emu, "UpdateSecretVersionStage"); n != 0 {
		t.Fatalf("promoted anyway: %d UpdateSecretVersionStage calls", n)
	}
	h.WaitFor("the reloaded versions", func(s string) bool { return lineWith(s, newer, "AWSCURRENT") })
	if !lineWith(h.Screen(), dbV5, "AWSPREVIOUS") {
		t.Fatalf("the screen does not show where the labels are now:\n%s", h.Screen())
	}
}

func TestPromoteNeedsReadWrite(t *testing.T) {
	h := startVersions(t, 120, 40, false)
	h.Press("j", "p")
	h.WaitForText("needs --rw")
	if strings.Contains(h.Screen(), "Make version") {
		t.Fatal("read-only mode asked to promote")
	}
	if n := countOps(h.emu, "UpdateSecretVersionStage"); n != 0 {
		t.Fatalf("read-only mode sent %d stage moves", n)
	}
}

func TestGoldenVersions80x24(t *testing.T) {
	h := startVersions(t, 80, 24, false)
	h.Press("x")
	h.WaitForText("5 versions")
	h.Press("j")
	h.Send(space)
	h.Press("c")
	h.WaitForText("copied")
	golden(t, "versions-80x24", settled(t, h.Driver))
}

func TestGoldenVersions160x45(t *testing.T) {
	h := startVersions(t, 160, 45, true)
	h.Press("x")
	h.WaitForText("5 versions")
	h.Press("j", "j", "p")
	h.WaitForText("Make version")
	golden(t, "versions-160x45", settled(t, h.Driver))
}

func TestGoldenDiff80x24(t *testing.T) {
	h := startVersions(t, 80, 24, false)
	h.Press("j")
	h.Send(space)
	h.Press("k", "=")
	h.WaitForText("1 changed")
	h.Press("j")
	golden(t, "diff-80x24", settled(t, h.Driver))
}
