package awsx_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

// TestCallsWorkWithoutCABundle pins down that a client built with neither
// an HTTP client of the caller's nor AWS_CA_BUNDLE (the common case: the
// SDK then leaves its HTTP client unset) still makes calls.
func TestCallsWorkWithoutCABundle(t *testing.T) {
	t.Setenv("AWS_CA_BUNDLE", "")
	c, err := awsx.New(context.Background(), awsx.Options{
		Region:      testRegion,
		EndpointURL: startEmulator(t),
		Credentials: credentials.NewStaticCredentialsProvider("AKIAKEYHOLETEST", "test-secret-key", ""),
	})
	if err != nil {
		t.Fatalf("build client: %v", err)
	}
	if _, err := c.ListSecretsPage(t.Context(), model.ListQuery{}, ""); err != nil {
		t.Fatalf("list secrets: %v", err)
	}
	if _, err := c.CallerIdentity(t.Context()); err != nil {
		t.Fatalf("caller identity: %v", err)
	}
}
