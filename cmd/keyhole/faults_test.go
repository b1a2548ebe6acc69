package main

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/smithy-go"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

func TestParseFault(t *testing.T) {
	cases := []struct {
		spec string
		want emulator.Fault
	}{
		{"throttle", emulator.Fault{Kind: emulator.FaultThrottle}},
		{"throttle:ListSecrets:2", emulator.Fault{Kind: emulator.FaultThrottle, Operation: "ListSecrets", Count: 2}},
		{"throttle:list-secrets", emulator.Fault{Kind: emulator.FaultThrottle, Operation: "ListSecrets"}},
		{"throttle:*:3", emulator.Fault{Kind: emulator.FaultThrottle, Count: 3}},
		{"throttle::3", emulator.Fault{Kind: emulator.FaultThrottle, Count: 3}},
		{"throttle:ListSecrets:", emulator.Fault{Kind: emulator.FaultThrottle, Operation: "ListSecrets"}},
		{"latency=200ms:ListSecrets", emulator.Fault{Kind: emulator.FaultLatency, Latency: 200 * time.Millisecond, Operation: "ListSecrets"}},
		{"latency=1.5s", emulator.Fault{Kind: emulator.FaultLatency, Latency: 1500 * time.Millisecond}},
		{"denied:GetSecretValue", emulator.Fault{Kind: emulator.FaultError, ErrorCode: "AccessDeniedException", Operation: "GetSecretValue"}},
		{"expired:get-caller-identity:1", emulator.Fault{Kind: emulator.FaultError, ErrorCode: "ExpiredTokenException", Operation: "GetCallerIdentity", Count: 1}},
		{"internal:LookupEvents", emulator.Fault{Kind: emulator.FaultError, ErrorCode: "InternalServiceError", Operation: "LookupEvents"}},
		{"error=DecryptionFailure:GetSecretValue", emulator.Fault{Kind: emulator.FaultError, ErrorCode: "DecryptionFailure", Operation: "GetSecretValue"}},
		{"drop-connection:PutSecretValue:1", emulator.Fault{Kind: emulator.FaultDropConnection, Operation: "PutSecretValue", Count: 1}},
		{"drop-response", emulator.Fault{Kind: emulator.FaultDropResponse}},
		{"denied:GetSecretValue::prod/db", emulator.Fault{Kind: emulator.FaultError, ErrorCode: "AccessDeniedException", Operation: "GetSecretValue", SecretID: "prod/db"}},
		{"denied:*:1:arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", emulator.Fault{
			Kind: emulator.FaultError, ErrorCode: "AccessDeniedException", Count: 1,
			SecretID: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
		}},
	}
	for _, c := range cases {
		got, err := parseFault(c.spec)
		if err != nil || got != c.want {
			t.Errorf("parseFault(%q) = %+v, %v; want %+v", c.spec, got, err, c.want)
		}
	}
}

func TestParseFaultSaysWhatIsWrong(t *testing.T) {
	cases := []struct {
		spec string
		says []string
	}{
		{"", []string{"no kind", "throttle", "drop-response"}},
		{"slow", []string{`unknown kind of fault "slow"`, "throttle", "latency=DURATION", "denied", "expired", "internal", "error=CODE", "drop-connection", "drop-response"}},
		{"latency", []string{"latency wants a duration", "latency=200ms"}},
		{"latency=soon", []string{"latency wants a duration"}},
		{"latency=-1s", []string{"latency wants a duration above 0"}},
		{"throttle=2", []string{"throttle takes no =VALUE"}},
		{"error=", []string{"error wants an AWS error code"}},
		{"error=Not An Error", []string{"error wants an AWS error code"}},
		{"throttle:ListSecret", []string{`unknown operation "ListSecret"`, "ListSecrets", "PutSecretValue", "LookupEvents"}},
		{"throttle:ListSecrets:two", []string{`count "two"`, "above 0"}},
		{"throttle:ListSecrets:0", []string{`count "0"`}},
		{"throttle:ListSecrets:-2", []string{`count "-2"`}},
		{"denied:GetSecretValue:1:", []string{"secret after the count is empty"}},
	}
	for _, c := range cases {
		_, err := parseFault(c.spec)
		if err == nil {
			t.Errorf("parseFault(%q) took a bad spec", c.spec)
			continue
		}
		for _, s := range c.says {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("parseFault(%q) = %q, want it to say %q", c.spec, err, s)
			}
		}
	}
}

func TestEmulatorRefusesABadFaultAsAUsageError(t *testing.T) {
	for _, spec := range []string{"slow", "throttle:ListSecret", "throttle:ListSecrets:none", "latency"} {
		r := runKeyhole(t, "emulator", "--addr", "127.0.0.1:0", "--fault", "throttle", "--fault", spec)
		if r.code != exitUsage || !strings.Contains(r.stderr, `--fault "`+spec+`"`) {
			t.Errorf("emulator --fault %s: exit %d, stderr %q; want exit %d naming the spec", spec, r.code, r.stderr, exitUsage)
		}
	}
}

// sdkClient is a Secrets Manager client of the real SDK for url that tries
// each call once, so that every call it makes reaches the emulator once.
func sdkClient(url string) *secretsmanager.Client {
	return secretsmanager.New(secretsmanager.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(url),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIAFAULTTEST", "fault-secret-key", ""),
		RetryMaxAttempts: 1,
	})
}

func TestEmulatorFaultThrottlesTheFirstCalls(t *testing.T) {
	url := serveEmulator(t, "--demo", "--fault", "throttle:ListSecrets:2")
	sm := sdkClient(url)
	list := func() error {
		_, err := sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(5)})
		return err
	}
	for i := range 2 {
		var api smithy.APIError
		if err := list(); !errors.As(err, &api) || api.ErrorCode() != "ThrottlingException" {
			t.Fatalf("ListSecrets call %d: %v, want ThrottlingException", i+1, err)
		}
	}
	if _, err := sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("prod/payments/stripe-api-key")}); err != nil {
		t.Fatalf("DescribeSecret was throttled too: %v", err)
	}
	out, err := sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(5)})
	if err != nil || len(out.SecretList) != 5 {
		t.Fatalf("the third ListSecrets call: %v, want 5 secrets", err)
	}
}

func TestEmulatorFaultDropsTheResponseOfAServedCall(t *testing.T) {
	url := serveEmulator(t, "--fault", "drop-response:CreateSecret:1")
	sm := sdkClient(url)
	const name = "dev/dropped/answer"
	create := &secretsmanager.CreateSecretInput{
		Name:         aws.String(name),
		SecretString: aws.String("not-a-real-value"),
	}
	_, err := sm.CreateSecret(t.Context(), create)
	var api smithy.APIError
	if err == nil || errors.As(err, &api) {
		t.Fatalf("CreateSecret answered (%v), want the connection closed without an answer", err)
	}
	if strings.Contains(err.Error(), "not-a-real-value") {
		t.Fatalf("the error quotes the value: %v", err)
	}
	if _, err := sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String(name)}); err != nil {
		t.Fatalf("the CreateSecret whose answer was dropped did not take effect: %v", err)
	}
}
