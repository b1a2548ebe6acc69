package emulator_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// inProcessConfig is an SDK configuration that reaches srv without a network.
func inProcessConfig(srv *emulator.Server) aws.Config {
	return aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider(testAccessKey, "test-secret-key", ""),
		HTTPClient:   &http.Client{Transport: srv.Transport()},
		BaseEndpoint: aws.String("http://emulator.invalid"),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) { o.MaxBackoff = time.Millisecond })
		},
	}
}

func TestInProcessTransportServesTheSDK(t *testing.T) {
	srv := emulator.New(emulator.Options{})
	t.Cleanup(srv.Close)
	cfg := inProcessConfig(srv)
	sm := secretsmanager.NewFromConfig(cfg)
	if _, err := sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v1")}); err != nil {
		t.Fatal(err)
	}
	got, err := sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
	if err != nil || aws.ToString(got.SecretString) != "v1" {
		t.Fatalf("get: %v", err)
	}
	_, err = sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("missing")})
	wantAPIError(t, err, "ResourceNotFoundException", "")
	ct := cloudtrail.NewFromConfig(cfg)
	events, err := ct.LookupEvents(t.Context(), &cloudtrail.LookupEventsInput{})
	if err != nil || len(events.Events) != 3 {
		t.Fatalf("lookup: %v", err)
	}
}

func TestInProcessTransportRetriesDroppedConnections(t *testing.T) {
	srv := emulator.New(emulator.Options{})
	t.Cleanup(srv.Close)
	sm := secretsmanager.NewFromConfig(inProcessConfig(srv))
	if _, err := sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v1")}); err != nil {
		t.Fatal(err)
	}
	srv.AddFault(emulator.Fault{Kind: emulator.FaultDropResponse, Operation: "PutSecretValue", Count: 1})
	srv.AddFault(emulator.Fault{Kind: emulator.FaultDropConnection, Operation: "DescribeSecret", Count: 1})
	if _, err := sm.PutSecretValue(t.Context(), &secretsmanager.PutSecretValueInput{SecretId: aws.String("s"), SecretString: aws.String("v2")}); err != nil {
		t.Fatalf("put through a dropped answer: %v", err)
	}
	if _, err := sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); err != nil {
		t.Fatalf("describe through a dropped connection: %v", err)
	}
	versions, err := sm.ListSecretVersionIds(t.Context(), &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s"), IncludeDeprecated: aws.Bool(true)})
	if err != nil || len(versions.Versions) != 2 {
		t.Fatalf("versions: %v", err)
	}
}
