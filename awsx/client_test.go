package awsx_test

import (
	"context"
	"net/http"
	"os"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

func TestMissingRegionIsAnError(t *testing.T) {
	isolateAWSEnv(t)
	_, err := awsx.New(context.Background(), awsx.Options{})
	e := wantKind(t, err, model.KindInvalidRequest)
	if e.Code != "MissingRegion" || e.Fix == "" {
		t.Errorf("code %q fix %q, want MissingRegion and a fix", e.Code, e.Fix)
	}
}

func TestRegionAndProfileComeFromTheEnvironment(t *testing.T) {
	isolateAWSEnv(t)
	config := "[profile staging]\nregion = ap-southeast-2\n"
	if err := os.WriteFile(os.Getenv("AWS_CONFIG_FILE"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_PROFILE", "staging")
	c, err := awsx.New(context.Background(), awsx.Options{})
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	if c.Profile() != "staging" || c.Region() != "ap-southeast-2" || c.Endpoint() != "" {
		t.Errorf("profile %q region %q endpoint %q, want staging, ap-southeast-2 and none", c.Profile(), c.Region(), c.Endpoint())
	}

	c, err = awsx.New(context.Background(), awsx.Options{Region: "eu-central-1"})
	if err != nil {
		t.Fatalf("new with a region: %v", err)
	}
	if c.Region() != "eu-central-1" {
		t.Errorf("region %q, want the one asked for", c.Region())
	}
}

func TestDefaultProfileIsNamed(t *testing.T) {
	isolateAWSEnv(t)
	c, err := awsx.New(context.Background(), awsx.Options{Region: testRegion})
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	if c.Profile() != "default" {
		t.Errorf("profile %q, want default", c.Profile())
	}
}

func TestEndpointEnvironmentVariablesStillApply(t *testing.T) {
	for _, name := range []string{"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SECRETS_MANAGER"} {
		t.Run(name, func(t *testing.T) {
			isolateAWSEnv(t)
			var hits atomic.Int32
			url := newHandlerEndpoint(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				hits.Add(1)
				answerJSON(w, map[string]any{"SecretList": []any{}})
			}))
			t.Setenv(name, url)
			c := newStaticClient(t, awsx.Options{})
			if c.Endpoint() != url {
				t.Errorf("endpoint %q, want %q from %s", c.Endpoint(), url, name)
			}
			if _, err := c.ListSecretsPage(context.Background(), model.ListQuery{}, ""); err != nil {
				t.Fatalf("list: %v", err)
			}
			if hits.Load() != 1 {
				t.Errorf("the server named by %s got %d requests, want 1", name, hits.Load())
			}
		})
	}
}

func TestEndpointOptionWinsOverEnvironment(t *testing.T) {
	isolateAWSEnv(t)
	t.Setenv("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:1")
	var hits atomic.Int32
	url := newHandlerEndpoint(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		answerJSON(w, map[string]any{"SecretList": []any{}})
	}))
	c := newStaticClient(t, awsx.Options{EndpointURL: url})
	if c.Endpoint() != url {
		t.Errorf("endpoint %q, want the option's %q", c.Endpoint(), url)
	}
	if _, err := c.ListSecretsPage(context.Background(), model.ListQuery{}, ""); err != nil {
		t.Fatalf("list: %v", err)
	}
	if hits.Load() != 1 {
		t.Errorf("the option's server got %d requests, want 1", hits.Load())
	}
}

// newStaticClient builds a client in the test region with static test credentials.
func newStaticClient(t *testing.T, opts awsx.Options) *awsx.Client {
	t.Helper()
	opts.Region = testRegion
	opts.Credentials = credentials.NewStaticCredentialsProvider("AKIAKEYHOLETEST", "test-secret-key", "")
	opts.RetryMaxAttempts = 1
	c, err := awsx.New(context.Background(), opts)
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	return c
}
