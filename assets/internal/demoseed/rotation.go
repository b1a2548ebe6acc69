package demoseed

import (
	"cmp"
	"slices"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// rotate sets up a secret's rotation and records its rotations: the ones
// that made its versions, then either the call that turned rotation off or
// a failed rotation if the definition says so, which for a failure after
// createSecret leaves an AWSPENDING version.
func rotate(b *builtSecret, plans []versionPlan, people cast, t *trail, d *dice) *emulator.SeedRotation {
	r := b.def.rotation
	out := &emulator.SeedRotation{Enabled: true, Duration: r.window}
	if r.schedule == "" {
		out.AutomaticallyAfterDays = int64(r.every)
	} else {
		out.ScheduleExpression = r.schedule
	}
	run := rotationRun{secretID: b.def.name, t: t, d: d}
	if r.managed {
		run.rotator = people.get(b.def.owningService)
	} else {
		function := cmp.Or(r.lambda, rotatePassword)
		out.LambdaARN = b.at.lambdaARN(function)
		run.rotator = people.get("lambda:" + function)
	}

	var last time.Duration
	for _, p := range plans {
		if p.rotated {
			run.succeeded(p.at, r.managed)
			last = p.at
		}
	}
	if last == 0 {
		enabled := -days(r.enabledDaysAgo) - d.within(8*time.Hour)
		t.add(enabled, people.get("terraform").from(d).event("RotateSecret", b.def.name))
		out.NextRotation = emulator.Relative(enabled + days(r.every))
		return out
	}
	out.LastRotated = emulator.Relative(last)
	if r.disabledDaysAgo > 0 {
		t.add(-days(r.disabledDaysAgo)-d.within(8*time.Hour), people.get("alice").from(d).event("CancelRotateSecret", b.def.name))
		out.Enabled = false
		return out
	}
	due := last + days(r.every)
	out.NextRotation = emulator.Relative(due)
	if r.failsAt == "" || due >= 0 {
		return out
	}
	message := "Error when executing lambda " + out.LambdaARN + " during " + r.failsAt + " step"
	if r.failsAt == "createSecret" {
		run.failedEarly(due, message)
		return out
	}
	run.failedAfterPending(due, message, true)
	pending := newVersion(b.def, due+4*time.Second, d)
	pending.Stages = []string{"AWSPENDING"}
	b.seed.Versions = append(b.seed.Versions, pending)
	for _, ago := range r.retriesDaysAgo {
		at := -days(ago) + 8*time.Hour + d.within(8*time.Hour)
		t.add(at, people.get("alice").from(d).event("RotateSecret", b.def.name))
		run.failedAfterPending(at+2*time.Second, message, false)
	}
	return out
}

// rotationRun records the CloudTrail events of a secret's rotations: the
// Rotation* events Secrets Manager writes itself on the rotator's behalf,
// and the calls the rotator makes at each step.
type rotationRun struct {
	secretID string
	rotator  principal // the rotation function's role, or the owning service
	t        *trail
	d        *dice
}

// The calls a rotation function makes in its steps: createSecret reads the
// current version and stores a new one as AWSPENDING, setSecret and
// testSecret read it back, finishSecret moves AWSCURRENT to it.
func createSecretCalls() []string {
	return []string{"DescribeSecret", "GetSecretValue", "GetRandomPassword", "PutSecretValue"}
}
func setAndTestCalls() []string {
	return []string{"GetSecretValue", "GetSecretValue", "GetSecretValue"}
}
func finishSecretCalls() []string { return []string{"DescribeSecret", "UpdateSecretVersionStage"} }

func (r rotationRun) succeeded(at time.Duration, managed bool) {
	r.t.add(at, r.serviceEvent("RotationStarted"))
	steps := slices.Concat(createSecretCalls(), setAndTestCalls(), finishSecretCalls())
	if managed {
		steps = []string{"PutSecretValue", "UpdateSecretVersionStage"}
	}
	at = r.calls(at, steps)
	r.t.add(at+time.Second, r.serviceEvent("RotationSucceeded"))
}

// failedEarly is a rotation whose function gave up in createSecret, before
// storing a new version.
func (r rotationRun) failedEarly(at time.Duration, message string) {
	r.t.add(at, r.serviceEvent("RotationStarted"))
	at = r.calls(at, createSecretCalls()[:2])
	r.t.add(at+30*time.Second, r.rotationFailed(message))
}

// failedAfterPending is a rotation that failed once the AWSPENDING version
// existed; only the first attempt stores it, later ones find it.
func (r rotationRun) failedAfterPending(at time.Duration, message string, first bool) {
	r.t.add(at, r.serviceEvent("RotationStarted"))
	steps := slices.Concat(createSecretCalls()[:2], setAndTestCalls()[:1])
	if first {
		steps = slices.Concat(createSecretCalls(), setAndTestCalls()[:1])
	}
	at = r.calls(at, steps)
	r.t.add(at+2*time.Second, r.rotationFailed(message))
}

// serviceEvent is a Rotation* event, which comes from Secrets Manager's
// own address and agent.
func (r rotationRun) serviceEvent(name string) emulator.SeedEvent {
	return call{who: r.rotator, ip: serviceName, agent: serviceName}.event(name, r.secretID)
}

// rotationFailed is the RotationFailed event: CloudTrail gives it a
// message but no error code.
func (r rotationRun) rotationFailed(message string) emulator.SeedEvent {
	e := r.serviceEvent("RotationFailed")
	e.ErrorMessage = message
	return e
}

// calls records the rotator's calls a second or two apart and returns when
// the last one was made.
func (r rotationRun) calls(at time.Duration, names []string) time.Duration {
	c := r.rotator.from(r.d)
	for _, name := range names {
		at += time.Second + r.d.within(2*time.Second)
		secretID := r.secretID
		if name == "GetRandomPassword" {
			secretID = ""
		}
		r.t.add(at, c.event(name, secretID))
	}
	return at
}
