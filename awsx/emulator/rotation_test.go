package emulator_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

const lambdaPrefix = "arn:aws:lambda:us-east-1:123456789012:function:"

func rotate(t testing.TB, e *env, id, function string) (*secretsmanager.RotateSecretOutput, error) {
	t.Helper()
	return e.sm.RotateSecret(t.Context(), &secretsmanager.RotateSecretInput{
		SecretId:          aws.String(id),
		RotationLambdaARN: aws.String(lambdaPrefix + function),
		RotationRules:     &types.RotationRulesType{AutomaticallyAfterDays: aws.Int64(30)},
	})
}

func eventNames(events []cttypes.Event) []string {
	var names []string
	for _, ev := range events {
		names = append(names, aws.ToString(ev.EventName))
	}
	return names
}

func TestRotatePasswordReplacesOnlyThePassword(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "db", `{"username":"app","password":"old","host":"db.internal"}`)
	old := currentVersion(t, e, "db")
	out, err := rotate(t, e, "db", "keyhole-rotate-password")
	if err != nil {
		t.Fatal(err)
	}
	v := aws.ToString(out.VersionId)
	got, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")})
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]string
	if err := json.Unmarshal([]byte(aws.ToString(got.SecretString)), &fields); err != nil {
		t.Fatal(err)
	}
	if aws.ToString(got.VersionId) != v || fields["username"] != "app" || fields["host"] != "db.internal" || fields["password"] == "old" || len(fields["password"]) < 16 {
		t.Fatalf("rotated value keys %v, version %s want %s", len(fields), aws.ToString(got.VersionId), v)
	}
	d, _ := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("db")})
	if !sameStages(d.VersionIdsToStages[v], []string{"AWSCURRENT"}) || !sameStages(d.VersionIdsToStages[old], []string{"AWSPREVIOUS"}) {
		t.Fatalf("stages %v", d.VersionIdsToStages)
	}
	if !aws.ToBool(d.RotationEnabled) || aws.ToString(d.RotationLambdaARN) != lambdaPrefix+"keyhole-rotate-password" {
		t.Fatalf("rotation config %v %v", d.RotationEnabled, d.RotationLambdaARN)
	}
	if d.LastRotatedDate == nil || !d.LastRotatedDate.Equal(e.clock.Now()) {
		t.Fatalf("LastRotatedDate %v", d.LastRotatedDate)
	}
	if d.NextRotationDate == nil || !d.NextRotationDate.Equal(e.clock.Now().Add(30*24*time.Hour)) {
		t.Fatalf("NextRotationDate %v", d.NextRotationDate)
	}
	if d.RotationRules == nil || aws.ToInt64(d.RotationRules.AutomaticallyAfterDays) != 30 {
		t.Fatalf("RotationRules %+v", d.RotationRules)
	}
	events := lookupAll(t, e, cttypes.LookupAttributeKeyResourceName, "db")
	names := eventNames(events)
	// Newest first: the call, then the service's rotation events.
	succeeded, started, call := index(names, "RotationSucceeded"), index(names, "RotationStarted"), index(names, "RotateSecret")
	if succeeded < 0 || !(succeeded < started && started < call) {
		t.Fatalf("events %v", names)
	}
	if aws.ToString(events[succeeded].Username) != "keyhole-rotate-password" {
		t.Fatalf("rotation event username %s", aws.ToString(events[succeeded].Username))
	}
}

func TestRotationFailureLeavesPendingAndBlocksTheNext(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "db", `{"password":"old"}`)
	current := currentVersion(t, e, "db")
	out, err := rotate(t, e, "db", "keyhole-rotate-fail-setSecret")
	if err != nil {
		t.Fatalf("RotateSecret itself succeeds; the failure shows in the trail: %v", err)
	}
	pending := aws.ToString(out.VersionId)
	d, _ := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("db")})
	if !sameStages(d.VersionIdsToStages[pending], []string{"AWSPENDING"}) || !sameStages(d.VersionIdsToStages[current], []string{"AWSCURRENT"}) {
		t.Fatalf("stages %v", d.VersionIdsToStages)
	}
	if d.LastRotatedDate != nil {
		t.Fatal("failed rotation set LastRotatedDate")
	}
	names := eventNames(lookupAll(t, e, cttypes.LookupAttributeKeyEventName, "RotationFailed"))
	if len(names) != 1 {
		t.Fatalf("RotationFailed events %v", names)
	}
	_, err = rotate(t, e, "db", "keyhole-rotate-password")
	wantAPIError(t, err, "InvalidRequestException", "A previous rotation isn't complete. That rotation will be reattempted.")

	if _, err := e.sm.UpdateSecretVersionStage(t.Context(), &secretsmanager.UpdateSecretVersionStageInput{
		SecretId: aws.String("db"), VersionStage: aws.String("AWSPENDING"), RemoveFromVersionId: aws.String(pending),
	}); err != nil {
		t.Fatal(err)
	}
	if n := len(lookupAll(t, e, cttypes.LookupAttributeKeyEventName, "RotationAbandoned")); n != 1 {
		t.Fatalf("RotationAbandoned events %d", n)
	}
	if _, err := rotate(t, e, "db", "keyhole-rotate-password"); err != nil {
		t.Fatalf("rotation after clearing AWSPENDING: %v", err)
	}
}

func TestRotationFailingAtCreateLeavesEmptyPending(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "db", `{"password":"old"}`)
	if _, err := rotate(t, e, "db", "keyhole-rotate-fail-createSecret"); err != nil {
		t.Fatal(err)
	}
	_, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("db"), VersionStage: aws.String("AWSPENDING")})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: AWSPENDING")
}

func TestRotationStepsRunInTheBackgroundWithADelay(t *testing.T) {
	e := newEnv(t, emulator.Options{RotationStepDelay: 30 * time.Millisecond})
	e.create(t, "db", `{"password":"old"}`)
	out, err := rotate(t, e, "db", "keyhole-rotate-password")
	if err != nil {
		t.Fatal(err)
	}
	pending := aws.ToString(out.VersionId)
	d, _ := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("db")})
	if !sameStages(d.VersionIdsToStages[pending], []string{"AWSPENDING"}) {
		t.Fatalf("right after RotateSecret: %v", d.VersionIdsToStages)
	}
	_, err = rotate(t, e, "db", "keyhole-rotate-password")
	wantAPIError(t, err, "InvalidRequestException", "A previous rotation isn't complete. That rotation will be reattempted.")
	deadline := time.Now().Add(5 * time.Second)
	for currentVersion(t, e, "db") != pending {
		if time.Now().After(deadline) {
			t.Fatal("rotation never finished")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestRotateWithoutImmediateRotationOnlySavesConfig(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "db", `{"password":"old"}`)
	before := currentVersion(t, e, "db")
	out, err := e.sm.RotateSecret(t.Context(), &secretsmanager.RotateSecretInput{
		SecretId: aws.String("db"), RotationLambdaARN: aws.String(lambdaPrefix + "keyhole-rotate-password"),
		RotateImmediately: aws.Bool(false),
		RotationRules:     &types.RotationRulesType{ScheduleExpression: aws.String("rate(10 days)"), Duration: aws.String("3h")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if out.VersionId != nil || currentVersion(t, e, "db") != before {
		t.Fatal("RotateImmediately=false rotated")
	}
	d, _ := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("db")})
	if !aws.ToBool(d.RotationEnabled) || aws.ToString(d.RotationRules.ScheduleExpression) != "rate(10 days)" || aws.ToString(d.RotationRules.Duration) != "3h" {
		t.Fatalf("config %+v", d)
	}
	if d.NextRotationDate == nil || !d.NextRotationDate.Equal(e.clock.Now().Add(10*24*time.Hour)) {
		t.Fatalf("NextRotationDate %v", d.NextRotationDate)
	}
	if _, err := e.sm.CancelRotateSecret(t.Context(), &secretsmanager.CancelRotateSecretInput{SecretId: aws.String("db")}); err != nil {
		t.Fatal(err)
	}
	d, _ = e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("db")})
	if aws.ToBool(d.RotationEnabled) || d.NextRotationDate != nil {
		t.Fatalf("after cancel: enabled %v next %v", d.RotationEnabled, d.NextRotationDate)
	}
}

func TestRotateValidatesInput(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "db", `{"password":"old"}`)
	_, err := e.sm.RotateSecret(t.Context(), &secretsmanager.RotateSecretInput{SecretId: aws.String("db")})
	wantAPIError(t, err, "InvalidRequestException", "")
	_, err = e.sm.RotateSecret(t.Context(), &secretsmanager.RotateSecretInput{
		SecretId: aws.String("db"), RotationLambdaARN: aws.String(lambdaPrefix + "f"),
		RotationRules: &types.RotationRulesType{AutomaticallyAfterDays: aws.Int64(1001)},
	})
	wantAPIError(t, err, "ValidationException", "")
	_, err = e.sm.RotateSecret(t.Context(), &secretsmanager.RotateSecretInput{
		SecretId: aws.String("db"), RotationLambdaARN: aws.String(lambdaPrefix + "f"),
		RotationRules: &types.RotationRulesType{AutomaticallyAfterDays: aws.Int64(7), ScheduleExpression: aws.String("rate(7 days)")},
	})
	wantAPIError(t, err, "InvalidParameterException", "")
	_, err = e.sm.CancelRotateSecret(t.Context(), &secretsmanager.CancelRotateSecretInput{SecretId: aws.String("db")})
	wantAPIError(t, err, "InvalidRequestException", "")
}

func index(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func TestCancelRotateSecretStopsARotationInFlight(t *testing.T) {
	e := newEnv(t, emulator.Options{RotationStepDelay: 20 * time.Millisecond})
	e.create(t, "db", `{"password":"old"}`)
	current := currentVersion(t, e, "db")
	out, err := rotate(t, e, "db", "keyhole-rotate-password")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.sm.CancelRotateSecret(t.Context(), &secretsmanager.CancelRotateSecretInput{SecretId: aws.String("db")}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond)
	if currentVersion(t, e, "db") != current {
		t.Fatal("a cancelled rotation still finished")
	}
	d, _ := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("db")})
	if !sameStages(d.VersionIdsToStages[aws.ToString(out.VersionId)], []string{"AWSPENDING"}) || aws.ToBool(d.RotationEnabled) {
		t.Fatalf("after cancel: stages %v enabled %v", d.VersionIdsToStages, aws.ToBool(d.RotationEnabled))
	}
}

func TestCloseStopsBackgroundRotation(t *testing.T) {
	e := newEnv(t, emulator.Options{RotationStepDelay: time.Hour})
	e.create(t, "db", `{"password":"old"}`)
	if _, err := rotate(t, e, "db", "keyhole-rotate-password"); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		e.srv.Close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not stop the rotation")
	}
}
