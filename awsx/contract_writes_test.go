package awsx_test

import (
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

func testUpdateAndTags(t *testing.T, c *awsx.Client, _ backend) {
	name := uniqueName(t, "update")
	mustCreate(t, c, model.CreateInput{Name: name, Description: "before", Value: model.StringValue(fakeValue(t))})
	after := "after"
	if err := c.UpdateSecret(testContext(t), model.UpdateInput{SecretID: name, Description: &after}); err != nil {
		t.Fatalf("update description: %v", err)
	}
	if d := mustDescribe(t, c, name); d.Description != after {
		t.Errorf("description = %q, want %q", d.Description, after)
	}
	if err := c.UpdateSecret(testContext(t), model.UpdateInput{SecretID: name}); err != nil {
		t.Fatalf("update nothing: %v", err)
	}
	if d := mustDescribe(t, c, name); d.Description != after {
		t.Errorf("an update with no fields changed the description to %q", d.Description)
	}

	ctx := testContext(t)
	if err := c.TagSecret(ctx, name, []model.Tag{{Key: "k1", Value: "v1"}, {Key: "k2", Value: "v2"}}); err != nil {
		t.Fatalf("tag: %v", err)
	}
	if err := c.TagSecret(ctx, name, []model.Tag{{Key: "k1", Value: "v1b"}}); err != nil {
		t.Fatalf("retag: %v", err)
	}
	if err := c.UntagSecret(ctx, name, []string{"k2"}); err != nil {
		t.Fatalf("untag: %v", err)
	}
	d := mustDescribe(t, c, name)
	if v, ok := d.Tag("k1"); !ok || v != "v1b" {
		t.Errorf("tag k1 = %q (set %v), want v1b", v, ok)
	}
	if _, ok := d.Tag("k2"); ok {
		t.Errorf("tag k2 is still set after untagging: %v", d.Tags)
	}
}

func testDeleteWithRecoveryAndRestore(t *testing.T, c *awsx.Client, b backend) {
	name := uniqueName(t, "restore")
	value := fakeValue(t)
	mustCreateValue(t, c, name, model.StringValue(value))
	when, err := c.DeleteSecret(testContext(t), model.DeleteInput{SecretID: name, RecoveryWindowDays: 7})
	if err != nil {
		t.Fatalf("delete with a 7-day window: %v", err)
	}
	if want := time.Now().Add(7 * 24 * time.Hour); when.Before(want.Add(-time.Hour)) || when.After(want.Add(time.Hour)) {
		t.Errorf("deletion date %v, want about %v", when, want)
	}
	if d := mustDescribe(t, c, name); !d.PendingDeletion() {
		t.Errorf("describe after delete: no deleted date")
	}

	_, err = c.GetSecretValue(testContext(t), model.ValueRef{SecretID: name})
	if e := wantKind(t, err, model.KindInvalidRequest); e.Code != "InvalidRequestException" {
		t.Errorf("read of a secret pending deletion: code %q, want InvalidRequestException", e.Code)
	}
	_, _, err = c.CreateSecret(testContext(t), model.CreateInput{Name: name, Value: model.StringValue(fakeValue(t))})
	if b.quirks.pendingNameReuseConflicts {
		// moto calls the name taken rather than the secret scheduled for deletion.
		wantKind(t, err, model.KindConflict)
	} else if e := wantKind(t, err, model.KindInvalidRequest); e.Code != "InvalidRequestException" {
		t.Errorf("create with the name of a secret pending deletion: code %q, want InvalidRequestException", e.Code)
	}
	_, err = c.PutSecretValue(testContext(t), model.PutValueInput{SecretID: name, Value: model.StringValue(fakeValue(t))})
	if b.quirks.putsWhilePendingDeletion {
		// moto stores the new version although the secret is scheduled for deletion.
		if err != nil {
			t.Errorf("put while pending deletion: %v; this backend is known to accept it", err)
		}
	} else {
		wantKind(t, err, model.KindInvalidRequest)
	}

	if err := c.RestoreSecret(testContext(t), name); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if d := mustDescribe(t, c, name); d.PendingDeletion() {
		t.Errorf("describe after restore: still pending deletion since %v", d.DeletedDate)
	}
	if got := mustGet(t, c, model.ValueRef{SecretID: name}); !got.Value.Equal(model.StringValue(value)) && !b.quirks.putsWhilePendingDeletion {
		t.Errorf("restored secret lost its value")
	}
}

func testForceDelete(t *testing.T, c *awsx.Client, _ backend) {
	name := uniqueName(t, "force")
	mustCreateValue(t, c, name, model.StringValue(fakeValue(t)))
	if _, err := c.DeleteSecret(testContext(t), model.DeleteInput{SecretID: name, Force: true}); err != nil {
		t.Fatalf("force delete: %v", err)
	}
	// AWS deletes asynchronously: a describe right after may still find it.
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := c.DescribeSecret(testContext(t), name)
		if model.IsKind(err, model.KindNotFound) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("describe after a forced delete: %v, want not found", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	_, err := c.GetSecretValue(testContext(t), model.ValueRef{SecretID: name})
	wantKind(t, err, model.KindNotFound)
}

func testUpdateVersionStage(t *testing.T, c *awsx.Client, _ backend) {
	name := uniqueName(t, "move")
	_, v1 := mustCreate(t, c, model.CreateInput{Name: name, Value: model.StringValue(fakeValue(t))})
	v2 := mustPut(t, c, name, fakeValue(t))

	err := c.UpdateVersionStage(testContext(t), model.StageMove{SecretID: name, Stage: model.StageCurrent, MoveToVersionID: v1})
	if e := wantKind(t, err, model.KindInvalidRequest); e.Code != "InvalidParameterException" {
		t.Errorf("moving AWSCURRENT without naming its holder: code %q, want InvalidParameterException", e.Code)
	}

	err = c.UpdateVersionStage(testContext(t), model.StageMove{
		SecretID: name, Stage: model.StageCurrent, MoveToVersionID: v1, RemoveFromVersionID: v2,
	})
	if err != nil {
		t.Fatalf("move AWSCURRENT back: %v", err)
	}
	wantStages(t, c, name, map[string][]string{v1: {model.StageCurrent}, v2: {model.StagePrevious}})

	if err := c.UpdateVersionStage(testContext(t), model.StageMove{SecretID: name, Stage: "BLUE", MoveToVersionID: v2}); err != nil {
		t.Fatalf("add label BLUE: %v", err)
	}
	wantStages(t, c, name, map[string][]string{v2: {model.StagePrevious, "BLUE"}})
	if err := c.UpdateVersionStage(testContext(t), model.StageMove{SecretID: name, Stage: "BLUE", RemoveFromVersionID: v2}); err != nil {
		t.Fatalf("remove label BLUE: %v", err)
	}
	wantStages(t, c, name, map[string][]string{v2: {model.StagePrevious}})
}

func testRotate(t *testing.T, c *awsx.Client, b backend) {
	name := uniqueName(t, "rotate")
	// Rotation functions, AWS's templates among them, read a JSON secret
	// with the credentials they rotate.
	value := `{"username":"kh","password":"` + fakeValue(t) + `"}`
	_, v1 := mustCreate(t, c, model.CreateInput{Name: name, Value: model.StringValue(value)})
	in := model.RotateInput{
		SecretID:    name,
		LambdaARN:   b.rotationLambdaARN,
		Rules:       &model.RotationRules{AutomaticallyAfterDays: 30},
		Immediately: true,
	}
	if in.LambdaARN == "" && !b.quirks.rotatesWithoutLambda {
		// AWS needs a rotation function to rotate.
		_, err := c.RotateSecret(testContext(t), in)
		wantKind(t, err, model.KindInvalidRequest)
		return
	}
	// moto, given no function, moves AWSCURRENT to a new version by itself.
	v2, err := c.RotateSecret(testContext(t), in)
	if err != nil {
		t.Fatalf("rotate: %v", err)
	}
	if v2 == "" || v2 == v1 {
		t.Fatalf("rotation made version %q, want a new one", v2)
	}
	d := mustDescribe(t, c, name)
	if !d.RotationEnabled || d.RotationRules.AutomaticallyAfterDays != 30 {
		t.Errorf("after rotate: enabled %v, rules %+v; want enabled every 30 days", d.RotationEnabled, d.RotationRules)
	}
	if d.LastRotatedDate.IsZero() || d.NextRotationDate.IsZero() {
		t.Errorf("after rotate: last rotated %v, next rotation %v; want both", d.LastRotatedDate, d.NextRotationDate)
	}
	wantStages(t, c, name, map[string][]string{v2: {model.StageCurrent}, v1: {model.StagePrevious}})
	if in.LambdaARN != "" {
		// moto's function-less rotation leaves the new version without a
		// value; a real function writes a fresh one.
		if rotated := mustGet(t, c, model.ValueRef{SecretID: name}); rotated.Value.Equal(model.StringValue(value)) {
			t.Errorf("the rotation function left AWSCURRENT's value as it was")
		}
	}

	err = c.CancelRotation(testContext(t), name)
	if in.LambdaARN == "" {
		// With no function configured there is nothing to cancel, and
		// CancelRotateSecret says so.
		wantKind(t, err, model.KindInvalidRequest)
		return
	}
	if err != nil {
		t.Fatalf("cancel rotation: %v", err)
	}
	if d := mustDescribe(t, c, name); d.RotationEnabled {
		t.Errorf("rotation still enabled after cancel")
	}
}
