package awsx_test

import (
	"testing"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

// Messages RotateSecret refuses with when it has no function to invoke.
const (
	cannotInvokeMessage = "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com."
	noFunctionMessage   = "No Lambda rotation function ARN is associated with this secret."
)

// testRotateWithMissingFunction checks that RotateSecret naming a function
// that does not exist is refused as AccessDeniedException, and one with no
// function at all as InvalidRequestException, leaving the secret as it was.
func testRotateWithMissingFunction(t *testing.T, c *awsx.Client, b backend) {
	name := uniqueName(t, "nofunc")
	_, first := mustCreate(t, c, model.CreateInput{Name: name, Value: model.StringValue(`{"password":"` + fakeValue(t) + `"}`)})
	missing := "arn:aws:lambda:" + testRegion + ":123456789012:function:kh-no-such-function-" + randomHex(t, 4)

	_, err := c.RotateSecret(testContext(t), model.RotateInput{SecretID: name, LambdaARN: missing, Immediately: true})
	if b.quirks.missingFunctionNotFound {
		// moto looks the function up in its own Lambda, reports it missing
		// and keeps the AWSPENDING version it made.
		e := wantKind(t, err, model.KindNotFound)
		if e.Code != "ResourceNotFoundException" {
			t.Errorf("missing function: code %q, want ResourceNotFoundException on this backend", e.Code)
		}
	} else {
		e := wantKind(t, err, model.KindAccessDenied)
		if e.Code != "AccessDeniedException" || e.Message != cannotInvokeMessage {
			t.Errorf("missing function: code %q message %q, want AccessDeniedException %q", e.Code, e.Message, cannotInvokeMessage)
		}
		wantUnrotated(t, c, name, first)
	}

	other := uniqueName(t, "nofunc")
	_, second := mustCreate(t, c, model.CreateInput{Name: other, Value: model.StringValue(fakeValue(t))})
	_, err = c.RotateSecret(testContext(t), model.RotateInput{SecretID: other, Immediately: true})
	if b.quirks.rotatesWithoutLambda {
		if err != nil {
			t.Fatalf("rotate without a function: %v; this backend is known to rotate", err)
		}
	} else {
		e := wantKind(t, err, model.KindInvalidRequest)
		if e.Code != "InvalidRequestException" || e.Message != noFunctionMessage {
			t.Errorf("no function: code %q message %q, want InvalidRequestException %q", e.Code, e.Message, noFunctionMessage)
		}
		wantUnrotated(t, c, other, second)
	}
}

// wantUnrotated fails unless the secret's only version is AWSCURRENT and
// rotation is off.
func wantUnrotated(t *testing.T, c *awsx.Client, secretID, versionID string) {
	t.Helper()
	d := mustDescribe(t, c, secretID)
	if len(d.VersionStages) != 1 {
		t.Errorf("a refused rotation left versions %v, want only %s", d.VersionStages, versionID)
	}
	wantStages(t, c, secretID, map[string][]string{versionID: {model.StageCurrent}})
	if d.RotationEnabled {
		t.Errorf("a refused rotation turned rotation on")
	}
}
