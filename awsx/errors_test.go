package awsx_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

func TestServiceErrorsAreClassifiedByCode(t *testing.T) {
	cases := []struct {
		status     int
		code       string
		message    string
		kind       model.ErrorKind
		wantAction string
	}{
		{400, "AccessDeniedException",
			"User: arn:aws:iam::123456789012:user/dev is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action",
			model.KindAccessDenied, "secretsmanager:ListSecrets"},
		{400, "AccessDeniedException", "Access to KMS is not allowed", model.KindAccessDenied, "secretsmanager:ListSecrets"},
		{400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.", model.KindNotFound, ""},
		{400, "ThrottlingException", "Rate exceeded", model.KindThrottled, ""},
		{400, "TooManyRequestsException", "Too many requests", model.KindThrottled, ""},
		{400, "ExpiredTokenException", "The security token included in the request is expired", model.KindCredentials, ""},
		{400, "UnrecognizedClientException", "The security token included in the request is invalid.", model.KindCredentials, ""},
		{400, "InvalidSignatureException", "Signature expired", model.KindCredentials, ""},
		{400, "DecryptionFailure", "Secrets Manager can't decrypt the protected secret text using the provided KMS key.", model.KindDecryption, ""},
		{400, "KMSDisabledException", "The key is disabled", model.KindDecryption, ""},
		{400, "InvalidParameterException", "Invalid filter key", model.KindInvalidRequest, ""},
		{400, "InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion.", model.KindInvalidRequest, ""},
		{400, "ValidationException", "1 validation error detected", model.KindInvalidRequest, ""},
		{400, "ValidationError", "1 validation error detected", model.KindInvalidRequest, ""},
		{400, "LimitExceededException", "Too many secrets", model.KindInvalidRequest, ""},
		{400, "MalformedPolicyDocumentException", "Policy is malformed", model.KindInvalidRequest, ""},
		{400, "ResourceExistsException", "The operation failed because the secret already exists.", model.KindConflict, ""},
		{500, "InternalServiceError", "An error occurred on the server side.", model.KindService, ""},
		{503, "SomethingNew", "Unavailable", model.KindService, ""},
		{400, "SomethingNew", "Unheard of", model.KindUnknown, ""},
	}
	for _, tc := range cases {
		t.Run(tc.code+"/"+tc.kind.String(), func(t *testing.T) {
			c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				answerError(w, tc.status, tc.code, tc.message)
			}))
			_, err := c.ListSecretsPage(context.Background(), model.ListQuery{}, "")
			e := wantKind(t, err, tc.kind)
			if e.Code != tc.code || e.Message != tc.message || e.Op != "ListSecrets" {
				t.Errorf("code %q message %q op %q, want %q %q ListSecrets", e.Code, e.Message, e.Op, tc.code, tc.message)
			}
			if e.Action != tc.wantAction {
				t.Errorf("action %q, want %q", e.Action, tc.wantAction)
			}
			if tc.kind == model.KindCredentials && e.Fix != "refresh your credentials (profile default)" {
				t.Errorf("fix %q", e.Fix)
			}
		})
	}
}

func TestAccessDeniedOnLookupEventsNamesCloudTrailAction(t *testing.T) {
	c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		answerError(w, 400, "AccessDeniedException", "Access denied")
	}))
	_, err := c.LookupEvents(context.Background(), model.AuditQuery{}, "")
	if e := wantKind(t, err, model.KindAccessDenied); e.Action != "cloudtrail:LookupEvents" {
		t.Errorf("action %q, want cloudtrail:LookupEvents", e.Action)
	}
	if got := err.Error(); got != "access denied: cloudtrail:LookupEvents" {
		t.Errorf("error text %q", got)
	}
}

func TestUnreachableEndpointIsNetworkError(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	c := newTestClient(t, "http://"+addr)
	_, err = c.DescribeSecret(context.Background(), "anything")
	e := wantKind(t, err, model.KindNetwork)
	if !strings.Contains(e.Message, addr) || !e.Retryable() {
		t.Errorf("network error %q: want the address named and a retryable error", e.Message)
	}
}

func TestServerHangingUpIsNetworkError(t *testing.T) {
	c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	_, err := c.DescribeSecret(context.Background(), "anything")
	wantKind(t, err, model.KindNetwork)
}

func TestCanceledAndExpiredContextsAreCanceled(t *testing.T) {
	release := make(chan struct{})
	c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(func() { close(release) }) // runs before the server closes
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.DescribeSecret(ctx, "anything")
	if e := wantKind(t, err, model.KindCanceled); !errors.Is(e, context.Canceled) {
		t.Errorf("canceled error does not wrap context.Canceled: %v", e)
	}

	ctx, cancel = context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = c.DescribeSecret(ctx, "anything")
	wantKind(t, err, model.KindCanceled)
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("the call outlived its deadline by %v", waited)
	}
}

func TestThrottlingAfterRetriesIsThrottled(t *testing.T) {
	calls := 0
	c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		answerError(w, 400, "ThrottlingException", "Rate exceeded")
	}))
	_, err := c.GetSecretValue(context.Background(), model.ValueRef{SecretID: "x"})
	if e := wantKind(t, err, model.KindThrottled); !e.Retryable() {
		t.Errorf("throttling is not retryable")
	}
	if calls != 1 {
		t.Errorf("%d attempts with RetryMaxAttempts 1", calls)
	}
}

func TestErrorsWithholdAnEchoedValue(t *testing.T) {
	c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		answerError(w, 400, "ValidationException", "bad request: "+string(body))
	}))
	value := "hunter2-" + randomHex(t, 6)
	_, err := c.PutSecretValue(context.Background(), model.PutValueInput{SecretID: "x", Value: model.StringValue(value)})
	wantKind(t, err, model.KindInvalidRequest)
	if containsText(err, value) {
		t.Fatalf("error quotes the value: %v", err)
	}
	_, _, err = c.CreateSecret(context.Background(), model.CreateInput{Name: "x", Value: model.BinaryValue([]byte(value))})
	wantKind(t, err, model.KindInvalidRequest)
	if containsText(err, value) || containsText(err, "aHVudGVy") { // base64 of "hunter"
		t.Fatalf("error quotes the binary value: %v", err)
	}
}

func TestMissingCredentialsAskToRefresh(t *testing.T) {
	isolateAWSEnv(t)
	c := newAmbientClient(t, awsx.Options{Region: testRegion})
	_, err := c.ListSecretsPage(context.Background(), model.ListQuery{}, "")
	e := wantKind(t, err, model.KindCredentials)
	if e.Fix != "refresh your credentials (profile default)" {
		t.Errorf("fix %q", e.Fix)
	}
	if !strings.HasPrefix(e.Message, "no AWS credentials found") {
		t.Errorf("message %q, want it to say no credentials were found", e.Message)
	}
	if !strings.Contains(err.Error(), e.Fix) {
		t.Errorf("error text %q does not say the fix", err)
	}
}

func TestExpiredSSOLoginAsksForSSOLogin(t *testing.T) {
	isolateAWSEnv(t)
	config := `[profile sso-dev]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = Developer
region = eu-west-1
`
	if err := os.WriteFile(os.Getenv("AWS_CONFIG_FILE"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	c := newAmbientClient(t, awsx.Options{Profile: "sso-dev"})
	if c.Profile() != "sso-dev" || c.Region() != "eu-west-1" {
		t.Errorf("profile %q region %q, want sso-dev in eu-west-1", c.Profile(), c.Region())
	}
	_, err := c.ListSecretsPage(context.Background(), model.ListQuery{}, "")
	e := wantKind(t, err, model.KindCredentials)
	if e.Fix != "run: aws sso login --profile sso-dev" {
		t.Errorf("fix %q", e.Fix)
	}
}

// newAmbientClient builds a client from the environment alone, pointed at
// a server that must never be reached.
func newAmbientClient(t *testing.T, opts awsx.Options) *awsx.Client {
	t.Helper()
	opts.EndpointURL = newHandlerEndpoint(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("a request reached the server without credentials: %s", r.Header.Get("X-Amz-Target"))
		answerJSON(w, map[string]any{})
	}))
	opts.RetryMaxAttempts = 1
	c, err := awsx.New(context.Background(), opts)
	if err != nil {
		t.Fatalf("build client: %v", err)
	}
	return c
}

func TestUnknownProfileIsACredentialsError(t *testing.T) {
	isolateAWSEnv(t)
	_, err := awsx.New(context.Background(), awsx.Options{Profile: "nowhere", Region: testRegion})
	if e := wantKind(t, err, model.KindCredentials); !strings.Contains(e.Fix, "nowhere") {
		t.Errorf("fix %q does not name the profile", e.Fix)
	}
}

func TestHTTPClientTimeoutIsNetworkError(t *testing.T) {
	release := make(chan struct{})
	url := newHandlerEndpoint(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(func() { close(release) }) // runs before the server closes
	c := newStaticClient(t, awsx.Options{EndpointURL: url, HTTPClient: &http.Client{Timeout: 100 * time.Millisecond}})
	_, err := c.DescribeSecret(context.Background(), "anything")
	wantKind(t, err, model.KindNetwork)
}
