package main

import (
	"regexp"
	"strings"
	"testing"
)

// walkSecret is the demo secret whose rotation is overdue and whose
// rotation function works.
const walkSecret = "staging/identity/postgres"

// versionIDPattern is a version id as the rotation screen prints it.
const versionIDPattern = `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`

// TestDemoWalkRotationAndAudit walks what a new user of --demo --rw tries
// after the list: find the overdue secret, rotate it now and watch the
// labels move, then read its audit trail and who read it.
func TestDemoWalkRotationAndAudit(t *testing.T) {
	tm := startTerm(t, 120, 32, nil, "--demo", "--rw")
	tm.WaitForText("secrets · sorted by name")

	tm.Send("/rot:overdue\r")
	tm.WaitForText("1 of 60 secrets")
	if s := tm.Screen(); !regexp.MustCompile(regexp.QuoteMeta(walkSecret) + `.*overdue`).MatchString(s) {
		t.Fatalf("rot:overdue should leave %s, marked overdue; screen:\n%s", walkSecret, s)
	}

	tm.Send("r")
	tm.WaitForText("Rotation · " + walkSecret)
	tm.WaitFor("the versions", func(s string) bool { return labelledVersion(s, "AWSCURRENT") != "" })
	before := tm.Screen()
	if !regexp.MustCompile(`State\s+overdue`).MatchString(before) {
		t.Fatalf("the rotation screen should say the rotation is overdue:\n%s", before)
	}
	oldCurrent := labelledVersion(before, "AWSCURRENT")

	tm.Send("R")
	tm.WaitForText("Rotate " + walkSecret + " now?")
	tm.Send("y")
	tm.WaitForText("has AWSPENDING")
	newVersion := regexp.MustCompile(`Rotating: (` + versionIDPattern + `) has AWSPENDING`).FindStringSubmatch(tm.Screen())
	if newVersion == nil || newVersion[1] == oldCurrent {
		t.Fatalf("while it runs, the new version should show under AWSPENDING; screen:\n%s", tm.Screen())
	}
	tm.WaitForText("Rotation succeeded: AWSCURRENT moved to " + newVersion[1])
	checkLabelsMoved(t, tm, oldCurrent, newVersion[1])

	tm.Send("\x1b")
	tm.WaitForText("1 of 60 secrets")
	tm.Send("a")
	tm.WaitForText("Audit trail · " + walkSecret)
	tm.WaitFor("the 90 days loaded", func(s string) bool {
		return regexp.MustCompile(`\d+ of \d+ events · 90 days loaded`).MatchString(s)
	})
	checkRotationInTrail(t, tm.Screen())

	tm.Send("\t")
	tm.WaitForText("[who read it]")
	tm.Send("t") // the last hour: only the rotation read the value
	tm.WaitForText("NEW: first read in the last hour")
	checkNewReader(t, tm.Screen())

	tm.Send("q")
	if err := tm.Wait(); err != nil {
		t.Fatalf("keyhole exited with %v", err)
	}
}

// labelledVersion is the id of the version the screen lists with label
// first, or "".
func labelledVersion(screen, label string) string {
	m := regexp.MustCompile(`(?m)^\s+(` + versionIDPattern + `)\s+` + label + `\b`).FindStringSubmatch(screen)
	if m == nil {
		return ""
	}
	return m[1]
}

// checkLabelsMoved checks the rotation screen once the rotation is over:
// the new version is AWSCURRENT, the old one AWSPREVIOUS, and the state
// is no longer overdue.
func checkLabelsMoved(t *testing.T, tm *term, oldCurrent, newCurrent string) {
	t.Helper()
	tm.WaitFor("the labels to move", func(s string) bool {
		return labelledVersion(s, "AWSCURRENT") == newCurrent && labelledVersion(s, "AWSPREVIOUS") == oldCurrent
	})
	s := tm.Screen()
	if !regexp.MustCompile(`State\s+on\b`).MatchString(s) || !regexp.MustCompile(`Last rotated\s+just now`).MatchString(s) {
		t.Errorf("after the rotation the state should be on, rotated just now:\n%s", s)
	}
	if strings.Contains(s, "AWSPENDING") {
		t.Errorf("AWSPENDING is still shown after the rotation succeeded:\n%s", s)
	}
}

// checkRotationInTrail checks that the audit trail, newest first, shows
// the user's RotateSecret and, above it, every step the rotation took.
func checkRotationInTrail(t *testing.T, screen string) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	start := -1
	for i, l := range lines {
		if strings.Contains(l, "RotateSecret") && strings.Contains(l, "user/keyhole-demo") {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatalf("the audit trail does not show the RotateSecret just made:\n%s", screen)
	}
	since := strings.Join(lines[:start], "\n")
	// Event names are cut to the column, as "UpdateSecretVe…".
	for _, step := range []string{"RotationStarted", "GetSecretValue", "PutSecretValue", "UpdateSecretVe", "RotationSuccee"} {
		if !strings.Contains(since, step) {
			t.Errorf("the audit trail shows no %s after the RotateSecret:\n%s", step, screen)
		}
	}
}

// checkNewReader checks who read the value in the last hour: only the
// rotation function's role, from the new address Lambda calls from,
// marked NEW.
func checkNewReader(t *testing.T, screen string) {
	t.Helper()
	if !strings.Contains(screen, "keyhole-rotate-password-role") {
		t.Errorf("the rotation function's role is not listed as a reader:\n%s", screen)
	}
	if !regexp.MustCompile(`lambda\.amazonaws\.com\s+NEW\s+1\b`).MatchString(screen) {
		t.Errorf("the rotation's read from lambda.amazonaws.com should be marked NEW with one get:\n%s", screen)
	}
	if strings.Contains(screen, "staging-ecs-task") {
		t.Errorf("a reader from before the last hour is listed:\n%s", screen)
	}
	if !strings.Contains(screen, "1 reader of ") {
		t.Errorf("the count should be one reader:\n%s", screen)
	}
}
