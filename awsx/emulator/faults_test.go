package emulator_test

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/smithy-go"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

func TestThrottleFaultAppliesToTheNextCalls(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v")
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: "GetSecretValue", Count: 2})
	get := func() error {
		_, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
		return err
	}
	wantAPIError(t, get(), "ThrottlingException", "Rate exceeded")
	if _, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); err != nil {
		t.Fatalf("other operations are not throttled: %v", err)
	}
	wantAPIError(t, get(), "ThrottlingException", "Rate exceeded")
	if err := get(); err != nil {
		t.Fatalf("third call should pass: %v", err)
	}
	reqs := e.srv.Requests()
	var statuses []int
	for _, r := range reqs {
		if r.Operation == "GetSecretValue" {
			statuses = append(statuses, r.Status)
		}
	}
	if len(statuses) != 3 || statuses[0] != http.StatusBadRequest || statuses[2] != http.StatusOK {
		t.Fatalf("statuses %v", statuses)
	}
	failed := lookupAll(t, e, cttypes.LookupAttributeKeyEventName, "GetSecretValue")
	if len(failed) != 3 || trailRecord(t, failed[1])["errorCode"] != "ThrottlingException" {
		t.Fatalf("throttled calls are not in the trail: %d events", len(failed))
	}
}

func TestThrottledCallSucceedsThroughSDKRetries(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v")
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: "GetSecretValue", Count: 1})
	client := secretsmanager.NewFromConfig(awsConfig(testAccessKey), func(o *secretsmanager.Options) {
		o.BaseEndpoint = aws.String(e.url)
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.MaxBackoff = time.Millisecond })
	})
	if _, err := client.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")}); err != nil {
		t.Fatalf("retry should absorb one throttle: %v", err)
	}
	if n := len(e.srv.Requests()); n != 3 {
		t.Fatalf("want create + 2 attempts, got %d requests", n)
	}
}

func TestAccessDeniedFaultForOneSecret(t *testing.T) {
	e := newEnv(t, emulator.Options{Identities: map[string]string{testAccessKey: "arn:aws:iam::123456789012:user/alice"}})
	arn := e.create(t, "locked", "v")
	e.create(t, "open", "v")
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultError, ErrorCode: "AccessDeniedException", SecretID: arn})
	_, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("locked")})
	wantAPIError(t, err, "AccessDeniedException",
		"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: secretsmanager:GetSecretValue on resource: locked because no identity-based policy allows the secretsmanager:GetSecretValue action")
	if _, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("open")}); err != nil {
		t.Fatalf("other secret: %v", err)
	}
	e.srv.ClearFaults()
	if _, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("locked")}); err != nil {
		t.Fatalf("after ClearFaults: %v", err)
	}
}

func TestErrorFaultCodes(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v")
	for _, c := range []struct {
		code   string
		status int
	}{
		{"DecryptionFailure", 400},
		{"InternalServiceError", 500},
		{"ExpiredTokenException", 400},
		{"UnrecognizedClientException", 400},
	} {
		e.srv.AddFault(emulator.Fault{Kind: emulator.FaultError, ErrorCode: c.code, Operation: "GetSecretValue", Count: 1})
		_, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
		wantAPIError(t, err, c.code, "")
		reqs := e.srv.Requests()
		if got := reqs[len(reqs)-1].Status; got != c.status {
			t.Fatalf("%s answered %d, want %d", c.code, got, c.status)
		}
	}
}

func TestLatencyFaultDelaysTheCall(t *testing.T) {
	e := newEnv(t, emulator.Options{Clock: time.Now})
	e.create(t, "s", "v")
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultLatency, Operation: "DescribeSecret", Latency: 80 * time.Millisecond})
	start := time.Now()
	if _, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed < 80*time.Millisecond {
		t.Fatalf("answered after %v", elapsed)
	}
}

func TestDroppedConnectionChangesNothing(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultDropConnection, Operation: "CreateSecret", Count: 1})
	_, err := e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")})
	var ae smithy.APIError
	if err == nil || errors.As(err, &ae) {
		t.Fatalf("want a transport error, got %v", err)
	}
	_, err = e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	wantAPIError(t, err, "ResourceNotFoundException", "")
	if r := e.srv.Requests()[0]; !r.Dropped || r.Operation != "CreateSecret" {
		t.Fatalf("request log %+v", r)
	}
}

func TestDroppedResponseRetryMakesOneVersion(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v1")
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultDropResponse, Operation: "PutSecretValue", Count: 1})
	client := secretsmanager.NewFromConfig(awsConfig(testAccessKey), func(o *secretsmanager.Options) {
		o.BaseEndpoint = aws.String(e.url)
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.MaxBackoff = time.Millisecond })
	})
	out, err := client.PutSecretValue(t.Context(), &secretsmanager.PutSecretValueInput{SecretId: aws.String("s"), SecretString: aws.String("v2")})
	if err != nil {
		t.Fatalf("retry should recover the dropped answer: %v", err)
	}
	var puts []emulator.Request
	for _, r := range e.srv.Requests() {
		if r.Operation == "PutSecretValue" {
			puts = append(puts, r)
		}
	}
	if len(puts) != 2 || !puts[0].Dropped || puts[0].Status != http.StatusOK {
		t.Fatalf("want a dropped then a served put, got %+v", puts)
	}
	all, err := e.sm.ListSecretVersionIds(t.Context(), &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s"), IncludeDeprecated: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Versions) != 2 {
		t.Fatalf("the retried put made %d versions in all, want 2", len(all.Versions))
	}
	if currentVersion(t, e, "s") != aws.ToString(out.VersionId) {
		t.Fatal("retried version is not current")
	}
}

func TestLookupEventsAccessDeniedFault(t *testing.T) {
	e := newEnv(t, emulator.Options{Identities: map[string]string{testAccessKey: "arn:aws:iam::123456789012:user/alice"}})
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultError, ErrorCode: "AccessDeniedException", Operation: "LookupEvents"})
	_, err := e.ct.LookupEvents(t.Context(), &cloudtrail.LookupEventsInput{})
	wantAPIError(t, err, "AccessDeniedException",
		"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action")
}

func TestSecretFaultFailsOneEntryOfABatch(t *testing.T) {
	e := newEnv(t, emulator.Options{Identities: map[string]string{testAccessKey: "arn:aws:iam::123456789012:user/alice"}})
	e.create(t, "locked", "v")
	e.create(t, "open", "v")
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultError, ErrorCode: "AccessDeniedException", SecretID: "locked"})
	out, err := e.sm.BatchGetSecretValue(t.Context(), &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"locked", "open"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.SecretValues) != 1 || aws.ToString(out.SecretValues[0].Name) != "open" || len(out.Errors) != 1 {
		t.Fatalf("values %d errors %d", len(out.SecretValues), len(out.Errors))
	}
	want := "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: secretsmanager:GetSecretValue on resource: locked because no identity-based policy allows the secretsmanager:GetSecretValue action"
	if aws.ToString(out.Errors[0].ErrorCode) != "AccessDeniedException" || aws.ToString(out.Errors[0].Message) != want {
		t.Fatalf("error %s: %s", aws.ToString(out.Errors[0].ErrorCode), aws.ToString(out.Errors[0].Message))
	}
}

func TestLaterPagesFaultSparesFirstPages(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	for _, name := range []string{"a", "b", "c"} {
		e.create(t, name, "v")
	}
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "InvalidNextTokenException", Count: 1, LaterPages: true})
	first, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(2)})
	if err != nil || first.NextToken == nil {
		t.Fatalf("the first page: %v, token %v; want it served with a token", err, first.NextToken)
	}
	next := &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(2), NextToken: first.NextToken}
	_, err = e.sm.ListSecrets(t.Context(), next)
	wantAPIError(t, err, "InvalidNextTokenException", "The NextToken value is invalid.")
	if _, err := e.sm.ListSecrets(t.Context(), next); err != nil {
		t.Fatalf("the fault outlived its count: %v", err)
	}
}
