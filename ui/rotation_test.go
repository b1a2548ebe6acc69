package ui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

const failingLambda = "arn:aws:lambda:us-east-1:123456789012:function:keyhole-rotate-fail-setSecret"

// rotationSeed is the test seed plus a stuck rotation and one that will fail.
func rotationSeed() emulator.Seed {
	seed := uitest.Seed()
	day := 24 * time.Hour
	v := func(s string) *string { return &s }
	seed.Secrets = append(seed.Secrets,
		emulator.SeedSecret{
			Name:    "prod/ml/stuck-db",
			Created: emulator.Relative(-100 * day),
			Versions: []emulator.SeedVersion{
				{ID: "aaaaaaaa-0000-4000-8000-000000000001", String: v(`{"password":"a"}`), Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(-40 * day)},
				{ID: "aaaaaaaa-0000-4000-8000-000000000002", String: v(`{"password":"b"}`), Stages: []string{"AWSPENDING"}, Created: emulator.Relative(-2 * day)},
			},
			Rotation: &emulator.SeedRotation{Enabled: true, LambdaARN: failingLambda, AutomaticallyAfterDays: 30,
				LastRotated: emulator.Relative(-40 * day), NextRotation: emulator.Relative(-10 * day)},
		},
		emulator.SeedSecret{
			Name:     "prod/app/failing",
			Created:  emulator.Relative(-100 * day),
			Versions: []emulator.SeedVersion{{String: v(`{"password":"c"}`), Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(-5 * day)}},
			Rotation: &emulator.SeedRotation{Enabled: true, LambdaARN: failingLambda, AutomaticallyAfterDays: 30,
				LastRotated: emulator.Relative(-5 * day), NextRotation: emulator.Relative(25 * day)},
		},
	)
	return seed
}

// startRotation runs the app on rotationSeed with rotation steps spaced out,
// on a clock the test can move.
func startRotation(t *testing.T, width, height int, rw bool) (harness, *uitest.ManualClock) {
	t.Helper()
	clock := &uitest.ManualClock{}
	emu, client := uitest.BackendWith(t, rotationSeed(), emulator.Options{Clock: clock.Now, RotationStepDelay: 50 * time.Millisecond})
	clip := &uitest.Clipboard{}
	cfg := ui.Config{Profile: "test", Region: "us-east-1", Now: clock.Now, ReadWrite: rw,
		RevealTimeout: time.Hour, ClipboardTimeout: time.Hour, Clipboard: clip}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d := uitest.NewDriver(t, ui.New(ctx, client, cfg), width, height)
	d.WaitForText("6 of 7 secrets")
	d.WaitForText("account 123456789012")
	return harness{Driver: d, emu: emu, clip: clip}, clock
}

func (h harness) openRotation(t *testing.T, filter string) {
	t.Helper()
	h.Press("/")
	h.Type(filter)
	h.Press("enter", "r")
	h.WaitForText("Rotation · ")
	h.WaitFor("history and versions", func(s string) bool {
		return !strings.Contains(s, "loading CloudTrail") && strings.Contains(s, "created ")
	})
}

func TestListShowsRotationStates(t *testing.T) {
	h, _ := startRotation(t, 120, 30, false)
	for _, tt := range []struct{ filter, name string }{
		{"rot:stuck", "prod/ml/stuck-db"},
		{"rot:overdue", "staging/identity/oauth-client"},
		{"rot:off", "dev/search/api-key"},
		{"rot:on", "prod/payments/postgres"},
	} {
		h.Press("/")
		h.Type(tt.filter)
		h.WaitForText(tt.name)
		if !strings.Contains(h.Screen(), " 1 of ") && tt.filter != "rot:off" && tt.filter != "rot:on" {
			t.Errorf("%s: want exactly one match:\n%s", tt.filter, h.Screen())
		}
		h.Press("esc")
	}
}

func TestRotationViewShowsScheduleVersionsAndHistory(t *testing.T) {
	h, _ := startRotation(t, 120, 40, false)
	h.openRotation(t, "prod/payments/postgres")
	s := h.Screen()
	for _, want := range []string{"every 30 days", "keyhole-rotate-password", "22222222-2222-4222-8222-222222222222", "AWSCURRENT", "AWSPREVIOUS", "no rotation events"} {
		if !strings.Contains(s, want) {
			t.Errorf("rotation view lacks %q:\n%s", want, s)
		}
	}
}

func TestRotationViewScrollsWhenItDoesNotFit(t *testing.T) {
	h, _ := startRotation(t, 120, 12, false)
	h.openRotation(t, "prod/payments/postgres")
	if strings.Contains(h.Screen(), "History (CloudTrail") {
		t.Fatalf("the history fits at 12 rows; the test needs a screen too short for it:\n%s", h.Screen())
	}
	h.Press("G")
	h.WaitForText("no rotation events")
	if strings.Contains(h.Screen(), "Rotation · ") {
		t.Fatalf("the end and the title are both on screen:\n%s", h.Screen())
	}
	h.Press("g")
	h.WaitForText("Rotation · ")
	h.Press("j")
	h.WaitFor("one line down", func(s string) bool { return !strings.Contains(s, "Rotation · ") })
}

func TestRotationViewScrollsUpAtOnceAfterAResize(t *testing.T) {
	h, _ := startRotation(t, 120, 12, false)
	h.openRotation(t, "prod/payments/postgres")
	h.Press("G")
	h.WaitForText("no rotation events")
	h.Send(tea.WindowSizeMsg{Width: 120, Height: 13})
	before := h.Screen()
	h.Press("k")
	if h.Screen() == before {
		t.Fatalf("k did not scroll up after the screen grew:\n%s", before)
	}
}

func TestRotationViewNamesAStuckRotation(t *testing.T) {
	h, _ := startRotation(t, 120, 40, false)
	h.openRotation(t, "stuck-db")
	h.WaitForText("stuck: AWSPENDING left on a version that is not AWSCURRENT")
	if !lineWith(h.Screen(), "aaaaaaaa-0000-4000-8000-000000000002", "AWSPENDING") {
		t.Fatalf("the pending version is not shown:\n%s", h.Screen())
	}
}

func TestRotationKeysNeedReadWrite(t *testing.T) {
	h, _ := startRotation(t, 120, 40, false)
	h.openRotation(t, "prod/payments/postgres")
	for _, k := range []string{"R", "e", "X"} {
		h.Press(k)
		h.WaitForText("needs --rw")
	}
	if n := countOps(h.emu, "RotateSecret", "CancelRotateSecret"); n != 0 {
		t.Fatalf("read-only mode sent %d rotation calls", n)
	}
}

func TestRotateNowFollowsTheLabelsToSuccess(t *testing.T) {
	h, _ := startRotation(t, 120, 40, true)
	h.openRotation(t, "prod/payments/postgres")
	h.Press("R")
	h.WaitForText("Rotate prod/payments/postgres now?")
	h.Press("y")
	h.WaitForText("Rotating: ")
	h.WaitForText("Rotation succeeded: AWSCURRENT moved to")
	if n := countOps(h.emu, "RotateSecret"); n != 1 {
		t.Fatalf("RotateSecret calls = %d", n)
	}
	if n := countOps(h.emu, "DescribeSecret"); n < 2 {
		t.Fatalf("the view did not follow the labels: %d DescribeSecret calls", n)
	}
	h.WaitForText("RotationSucceeded")
	s := h.Screen()
	if !lineWith(s, "22222222-2222-4222-8222-222222222222", "AWSPREVIOUS") {
		t.Fatalf("the old current version should now be AWSPREVIOUS:\n%s", s)
	}
}

func TestFailingRotationIsReportedAndListedAsStuck(t *testing.T) {
	h, clock := startRotation(t, 120, 40, true)
	h.openRotation(t, "prod/app/failing")
	h.Press("R", "y")
	h.WaitForText("Rotation failed")
	h.WaitForText("RotationFailed")
	clock.Advance(2 * time.Hour)
	h.Press("esc")
	h.Press("ctrl+r")
	h.Press("esc") // clear the filter
	h.Press("/")
	h.Type("rot:stuck")
	h.WaitForText("prod/app/failing")
}

func TestScheduleFormValidatesBeforeSending(t *testing.T) {
	h, _ := startRotation(t, 120, 40, true)
	h.openRotation(t, "dev/search/api-key")
	h.Press("e")
	h.WaitForText("Rotation schedule")
	h.Type("rate(2 hours)")
	h.Press("enter")
	h.WaitForText("at most every 4 hours")
	for range len("rate(2 hours)") {
		h.Press("backspace")
	}
	h.Type("rate(10 days)")
	h.Press("tab")
	h.Type("3h")
	h.Press("tab")
	h.Type("arn:aws:lambda:us-east-1:123456789012:function:keyhole-rotate-password")
	h.Press("enter")
	h.WaitForText("Save the rotation schedule")
	if n := countOps(h.emu, "RotateSecret"); n != 0 {
		t.Fatal("the schedule was sent before confirmation")
	}
	h.Press("y")
	h.WaitForText("rotation schedule saved")
	h.WaitForText("rate(10 days), window 3h")
}

func TestCancelRotationTurnsItOff(t *testing.T) {
	h, _ := startRotation(t, 120, 40, true)
	h.openRotation(t, "prod/payments/postgres")
	h.Press("X")
	h.WaitForText("Cancel rotation of prod/payments/postgres?")
	h.Press("n")
	if n := countOps(h.emu, "CancelRotateSecret"); n != 0 {
		t.Fatal("declining still canceled")
	}
	h.Press("X", "y")
	h.WaitForText("rotation canceled and disabled")
	h.WaitFor("state off", func(s string) bool { return strings.Contains(s, "State           off") })
}

func TestGoldenRotation80x24(t *testing.T) {
	h, _ := startRotation(t, 80, 24, false)
	h.openRotation(t, "stuck-db")
	golden(t, "rotation-80x24", settled(t, h.Driver))
}

func TestGoldenRotation160x45(t *testing.T) {
	h, _ := startRotation(t, 160, 45, false)
	h.openRotation(t, "prod/payments/postgres")
	golden(t, "rotation-160x45", settled(t, h.Driver))
}

// countOps counts the calls the emulator served for the given operations.
func countOps(emu *emulator.Server, ops ...string) int {
	n := 0
	for _, r := range emu.Requests() {
		for _, op := range ops {
			if r.Operation == op {
				n++
			}
		}
	}
	return n
}

// lineWith reports whether one line of the screen holds every part.
func lineWith(screen string, parts ...string) bool {
	for _, line := range strings.Split(screen, "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}
