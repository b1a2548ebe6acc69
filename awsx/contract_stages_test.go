package awsx_test

import (
	"testing"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

// testPutAfterRotationMove checks the stages PutSecretValue leaves: the
// first value of a secret created without one becomes AWSCURRENT, and once
// AWSCURRENT has been moved onto the AWSPENDING version, as a rotation's
// last step does, a plain put moves AWSCURRENT to the new version and
// AWSPREVIOUS to the version that held it, which keeps no other label.
func testPutAfterRotationMove(t *testing.T, c *awsx.Client, b backend) {
	name := uniqueName(t, "putmove")
	mustCreate(t, c, model.CreateInput{Name: name})
	first := mustPut(t, c, name, fakeValue(t))
	wantStages(t, c, name, map[string][]string{first: {model.StageCurrent}})

	pending, err := c.PutSecretValue(testContext(t), model.PutValueInput{
		SecretID: name, Value: model.StringValue(fakeValue(t)), Stages: []string{model.StagePending},
	})
	if err != nil {
		t.Fatalf("put an AWSPENDING version: %v", err)
	}
	err = c.UpdateVersionStage(testContext(t), model.StageMove{
		SecretID: name, Stage: model.StageCurrent, MoveToVersionID: pending, RemoveFromVersionID: first,
	})
	if err != nil {
		t.Fatalf("move AWSCURRENT to the AWSPENDING version: %v", err)
	}
	wantStages(t, c, name, map[string][]string{
		first:   {model.StagePrevious},
		pending: {model.StageCurrent, model.StagePending},
	})

	next := mustPut(t, c, name, fakeValue(t))
	if b.quirks.keepsCurrentWithPending {
		// moto moves AWSCURRENT only off a version holding nothing else.
		wantStages(t, c, name, map[string][]string{
			first:   {model.StagePrevious},
			pending: {model.StageCurrent, model.StagePending},
			next:    {model.StageCurrent},
		})
		return
	}
	wantStages(t, c, name, map[string][]string{
		first:   nil,
		pending: {model.StagePrevious},
		next:    {model.StageCurrent},
	})
}
