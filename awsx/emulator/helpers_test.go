package emulator_test

import (
	"cmp"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/smithy-go"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// testClock is a clock tests move by hand.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newTestClock() *testClock {
	return &testClock{now: time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// env is an emulator on an httptest server with real SDK clients.
type env struct {
	srv   *emulator.Server
	url   string
	clock *testClock
	sm    *secretsmanager.Client
	ct    *cloudtrail.Client
	// region is the region the clients sign for.
	region string
}

const testAccessKey = "AKIATESTUSER0000001"

// newEnv starts an emulator; opts.Clock defaults to a test clock.
func newEnv(t testing.TB, opts emulator.Options) *env {
	t.Helper()
	clock := newTestClock()
	if opts.Clock == nil {
		opts.Clock = clock.Now
	}
	srv := emulator.New(opts)
	hs := httptest.NewServer(srv)
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
	})
	e := &env{srv: srv, url: hs.URL, clock: clock, region: cmp.Or(opts.Region, "us-east-1")}
	e.sm = e.secretsClient(testAccessKey)
	e.ct = cloudtrail.NewFromConfig(awsConfig(testAccessKey), func(o *cloudtrail.Options) {
		o.BaseEndpoint = aws.String(hs.URL)
		o.Region = e.region
	})
	return e
}

func awsConfig(accessKey string) aws.Config {
	return aws.Config{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider(accessKey, "test-secret-key", ""),
		Retryer:     func() aws.Retryer { return aws.NopRetryer{} },
		HTTPClient:  &http.Client{Transport: plainBodyTransport{http.DefaultTransport.(*http.Transport).Clone()}},
	}
}

// plainBodyTransport hides WriteTo on request bodies. smithy-go closes the
// request body as soon as response headers arrive, and its body's WriteTo
// then returns io.EOF; when a server answers as fast as an in-process one,
// net/http's last read of the body can land after that close, fail, and
// tear the connection down in the middle of a large response.
type plainBodyTransport struct{ base http.RoundTripper }

func (t plainBodyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		r.Body = plainBody{r.Body}
	}
	return t.base.RoundTrip(r)
}

// plainBody is a request body with only Read and Close.
type plainBody struct{ io.ReadCloser }

// secretsClient is a Secrets Manager client signing with accessKey, without retries.
func (e *env) secretsClient(accessKey string) *secretsmanager.Client {
	return secretsmanager.NewFromConfig(awsConfig(accessKey), func(o *secretsmanager.Options) {
		o.BaseEndpoint = aws.String(e.url)
		o.Region = e.region
	})
}

// create makes a secret with a string value and returns its ARN.
func (e *env) create(t testing.TB, name, value string) string {
	t.Helper()
	out, err := e.sm.CreateSecret(context.Background(), &secretsmanager.CreateSecretInput{
		Name: aws.String(name), SecretString: aws.String(value),
	})
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	return aws.ToString(out.ARN)
}

// wantAPIError checks that err is the AWS error code with the message.
// An empty message skips the message check.
func wantAPIError(t testing.TB, err error, code, message string) {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("want %s error, got %v", code, err)
	}
	if ae.ErrorCode() != code {
		t.Fatalf("want error code %s, got %s (%s)", code, ae.ErrorCode(), ae.ErrorMessage())
	}
	if message != "" && ae.ErrorMessage() != message {
		t.Fatalf("want message %q, got %q", message, ae.ErrorMessage())
	}
}
