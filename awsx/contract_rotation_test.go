package awsx_test

import (
	"testing"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

// Messages RotateSecret refuses with while a previous rotation is unfinished.
const (
	// unfinishedRotationMessage is AWS's wording, which the emulator uses.
	unfinishedRotationMessage = "A previous rotation isn't complete. That rotation will be reattempted."
	// motoUnfinishedRotationMessage is moto's wording.
	motoUnfinishedRotationMessage = "Previous rotation request is still in progress."
)

// testRotateWhileRotationPending checks AWS's rule for starting a rotation:
// AWSPENDING on a version other than AWSCURRENT means the previous rotation
// is unfinished and RotateSecret refuses; AWSPENDING on the AWSCURRENT
// version means it finished, and a new rotation may start. Keyhole must
// classify the refusal the same way whichever backend gives it.
func testRotateWhileRotationPending(t *testing.T, c *awsx.Client, b backend) {
	name := uniqueName(t, "unfinished")
	value := `{"username":"kh","password":"` + fakeValue(t) + `"}`
	mustCreate(t, c, model.CreateInput{Name: name, Value: model.StringValue(value)})
	_, err := c.PutSecretValue(testContext(t), model.PutValueInput{
		SecretID: name, Value: model.StringValue(value), Stages: []string{model.StagePending},
	})
	if err != nil {
		t.Fatalf("put an AWSPENDING version: %v", err)
	}
	before := mustDescribe(t, c, name).VersionStages
	in := model.RotateInput{SecretID: name, LambdaARN: b.rotationLambdaARN, Immediately: true}

	_, err = c.RotateSecret(testContext(t), in)
	if b.quirks.invertsUnfinishedRotationCheck {
		// moto takes AWSPENDING off the unfinished version and rotates.
		if err != nil {
			t.Fatalf("rotate over an unfinished rotation: %v; this backend is known to rotate", err)
		}
	} else {
		wantRotationRefused(t, err, unfinishedRotationMessage)
		if after := mustDescribe(t, c, name).VersionStages; !sameStages(after, before) {
			t.Errorf("a refused rotation changed the stages from %v to %v", before, after)
		}
	}

	movePendingToCurrent(t, c, name)
	v, err := c.RotateSecret(testContext(t), in)
	if b.quirks.invertsUnfinishedRotationCheck {
		// moto takes AWSPENDING on the AWSCURRENT version for a rotation
		// in progress, and refuses in its own words.
		wantRotationRefused(t, err, motoUnfinishedRotationMessage)
		return
	}
	if err != nil {
		t.Fatalf("rotate once AWSPENDING is on the AWSCURRENT version: %v", err)
	}
	wantStages(t, c, name, map[string][]string{v: {model.StageCurrent}})
}

// wantRotationRefused fails unless err is RotateSecret refusing to start,
// classified as keyhole shows it, in the backend's words.
func wantRotationRefused(t *testing.T, err error, message string) {
	t.Helper()
	e := wantKind(t, err, model.KindInvalidRequest)
	if e.Op != "RotateSecret" || e.Code != "InvalidRequestException" || e.Retryable() {
		t.Errorf("refusal: op %q code %q retryable %v; want RotateSecret, InvalidRequestException, not retryable",
			e.Op, e.Code, e.Retryable())
	}
	if e.Message != message {
		t.Errorf("refusal message %q, want %q", e.Message, message)
	}
}

// movePendingToCurrent puts AWSPENDING on the AWSCURRENT version, where a
// finished rotation leaves it.
func movePendingToCurrent(t *testing.T, c *awsx.Client, secretID string) {
	t.Helper()
	d := mustDescribe(t, c, secretID)
	current, ok := d.VersionWithStage(model.StageCurrent)
	if !ok {
		t.Fatalf("no version of %s is AWSCURRENT: %v", secretID, d.VersionStages)
	}
	pending, _ := d.VersionWithStage(model.StagePending)
	err := c.UpdateVersionStage(testContext(t), model.StageMove{
		SecretID: secretID, Stage: model.StagePending, MoveToVersionID: current, RemoveFromVersionID: pending,
	})
	if err != nil {
		t.Fatalf("move AWSPENDING to the AWSCURRENT version: %v", err)
	}
	wantStages(t, c, secretID, map[string][]string{current: {model.StageCurrent, model.StagePending}})
}

// sameStages reports whether two stage maps give every version the same labels.
func sameStages(a, b model.StageMap) bool {
	if len(a) != len(b) {
		return false
	}
	for _, v := range a {
		if stages, ok := b.Of(v.ID); !ok || !sameSet(stages, v.Stages) {
			return false
		}
	}
	return true
}
