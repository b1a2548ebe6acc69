package awsx_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/keyhole-tui/keyhole/awsx"
)

// newHandlerClient serves h on a test server and returns a client for it
// that tries each call once.
func newHandlerClient(t *testing.T, h http.Handler) *awsx.Client {
	t.Helper()
	c, err := awsx.New(context.Background(), awsx.Options{
		Region:           testRegion,
		EndpointURL:      newHandlerEndpoint(t, h),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIAKEYHOLETEST", "test-secret-key", ""),
		RetryMaxAttempts: 1,
	})
	if err != nil {
		t.Fatalf("build client: %v", err)
	}
	return c
}

// newHandlerEndpoint serves h on a test server for the rest of the test
// and returns its URL.
func newHandlerEndpoint(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// answerError writes an awsJson1_1 error as AWS does.
func answerError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"__type": code, "message": message})
}

// answerJSON writes an awsJson1_1 answer.
func answerJSON(w http.ResponseWriter, body any) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_ = json.NewEncoder(w).Encode(body)
}
