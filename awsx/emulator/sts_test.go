package emulator_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
)

// stsClient is an STS client of the SDK signing with accessKey, without retries.
func (e *env) stsClient(accessKey string) *sts.Client {
	return sts.NewFromConfig(awsConfig(accessKey), func(o *sts.Options) {
		o.BaseEndpoint = aws.String(e.url)
	})
}

func TestGetCallerIdentityNamesThePrincipalOfTheAccessKey(t *testing.T) {
	const account = "210987654321"
	role := "arn:aws:sts::" + account + ":assumed-role/Deployer/ci-run-42"
	e := newEnv(t, emulator.Options{AccountID: account, Identities: map[string]string{"ASIAROLESESSION00001": role}})

	out, err := e.stsClient("ASIAROLESESSION00001").GetCallerIdentity(t.Context(), &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatalf("get caller identity: %v", err)
	}
	if aws.ToString(out.Arn) != role || aws.ToString(out.Account) != account {
		t.Errorf("identity = %s in %s, want %s in %s", aws.ToString(out.Arn), aws.ToString(out.Account), role, account)
	}
	if id := aws.ToString(out.UserId); !strings.HasPrefix(id, "AROA") || !strings.HasSuffix(id, ":ci-run-42") {
		t.Errorf("user id of an assumed role = %q, want AROA…:ci-run-42", id)
	}

	out, err = e.stsClient("AKIAUNMAPPEDKEY00001").GetCallerIdentity(t.Context(), &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatalf("get caller identity of an unmapped key: %v", err)
	}
	if want := "arn:aws:iam::" + account + ":user/keyhole"; aws.ToString(out.Arn) != want {
		t.Errorf("unmapped key is %s, want the default user %s", aws.ToString(out.Arn), want)
	}
	if id := aws.ToString(out.UserId); !strings.HasPrefix(id, "AIDA") || len(id) != 20 {
		t.Errorf("user id of an IAM user = %q, want AIDA and 16 characters", id)
	}

	reqs := e.srv.Requests()
	if len(reqs) != 2 || reqs[0].Operation != "GetCallerIdentity" || reqs[0].AccessKeyID != "ASIAROLESESSION00001" || reqs[0].Status != http.StatusOK {
		t.Errorf("request log %+v, want two GetCallerIdentity calls answered 200", reqs)
	}
}

func TestGetCallerIdentityAnswersTheAWSQueryDocument(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	resp := postForm(t, e.url, "Action=GetCallerIdentity&Version=2011-06-15")
	body := readBody(t, resp)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/xml" {
		t.Fatalf("status %d, content type %q, want 200 text/xml: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	for _, part := range []string{
		`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">`,
		`<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/keyhole</Arn><UserId>AIDA`,
		`<Account>123456789012</Account></GetCallerIdentityResult>`,
		`<ResponseMetadata><RequestId>` + resp.Header.Get("X-Amzn-Requestid") + `</RequestId></ResponseMetadata>`,
	} {
		if !strings.Contains(body, part) {
			t.Errorf("answer lacks %s:\n%s", part, body)
		}
	}
}

func TestQueryCallOfAnUnknownActionIsInvalidAction(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	for form, want := range map[string]string{
		"Action=GetSessionToken&Version=2011-06-15":   "<Code>InvalidAction</Code><Message>Could not find operation GetSessionToken for version 2011-06-15</Message>",
		"Action=GetCallerIdentity&Version=2010-01-01": "<Code>InvalidAction</Code>",
		"Version=2011-06-15":                          "<Code>MissingAction</Code>",
	} {
		resp := postForm(t, e.url, form)
		body := readBody(t, resp)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "<ErrorResponse") ||
			!strings.Contains(body, "<Type>Sender</Type>") || !strings.Contains(body, want) {
			t.Errorf("%s: status %d, body %s; want 400 with %s", form, resp.StatusCode, body, want)
		}
	}
	if len(e.srv.Requests()) != 0 {
		t.Errorf("unknown actions reached the request log: %+v", e.srv.Requests())
	}
}

func TestGetCallerIdentityFaultsAnswerAsSTS(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	client := e.stsClient(testAccessKey)
	call := func() error {
		_, err := client.GetCallerIdentity(t.Context(), &sts.GetCallerIdentityInput{})
		return err
	}
	cases := []struct {
		fault   emulator.Fault
		code    string
		message string
		status  int
	}{
		{emulator.Fault{Kind: emulator.FaultError, ErrorCode: "ExpiredTokenException"}, "ExpiredToken", "The security token included in the request is expired", http.StatusForbidden},
		{emulator.Fault{Kind: emulator.FaultError, ErrorCode: "UnrecognizedClientException"}, "InvalidClientTokenId", "The security token included in the request is invalid.", http.StatusForbidden},
		{emulator.Fault{Kind: emulator.FaultThrottle}, "Throttling", "Rate exceeded", http.StatusBadRequest},
		{emulator.Fault{Kind: emulator.FaultError, ErrorCode: "InternalServiceError"}, "InternalFailure", "", http.StatusInternalServerError},
	}
	for _, tc := range cases {
		tc.fault.Operation, tc.fault.Count = "GetCallerIdentity", 1
		e.srv.AddFault(tc.fault)
		err := call()
		wantAPIError(t, err, tc.code, tc.message)
		var resp *smithyhttp.ResponseError
		if !errors.As(err, &resp) || resp.HTTPStatusCode() != tc.status {
			t.Errorf("%s: answered %v, want HTTP %d", tc.code, err, tc.status)
		}
	}
	if err := call(); err != nil {
		t.Fatalf("once the faults are used up: %v", err)
	}

	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultError, ErrorCode: "AccessDeniedException", SecretID: "some-secret"})
	if err := call(); err != nil {
		t.Errorf("a fault aimed at a secret reached GetCallerIdentity: %v", err)
	}
	e.srv.ClearFaults()
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultDropConnection, Operation: "GetCallerIdentity", Count: 1})
	if err := call(); err == nil {
		t.Errorf("a dropped connection answered GetCallerIdentity")
	}
	if reqs := e.srv.Requests(); !reqs[len(reqs)-1].Dropped {
		t.Errorf("last request %+v, want it logged as dropped", reqs[len(reqs)-1])
	}
}

func TestClientCallerIdentityThroughTheEmulator(t *testing.T) {
	user := "arn:aws:iam::123456789012:user/alice"
	e := newEnv(t, emulator.Options{Identities: map[string]string{testAccessKey: user}})
	// Keep the developer's AWS settings out of the client.
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "credentials"))
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_ENDPOINT_URL_STS", "")
	clients := map[string]awsx.Options{
		"over HTTP": {EndpointURL: e.url},
		// Demo mode serves the emulator in process.
		"in process": {EndpointURL: "http://emulator.invalid", HTTPClient: &http.Client{Transport: e.srv.Transport()}},
	}
	for name, opts := range clients {
		t.Run(name, func(t *testing.T) {
			opts.Region = "us-east-1"
			opts.Credentials = credentials.NewStaticCredentialsProvider(testAccessKey, "test-secret-key", "")
			opts.RetryMaxAttempts = 1
			c, err := awsx.New(context.Background(), opts)
			if err != nil {
				t.Fatalf("build client: %v", err)
			}
			id, err := c.CallerIdentity(t.Context())
			if err != nil {
				t.Fatalf("caller identity: %v", err)
			}
			if id.ARN != user || id.Account != "123456789012" || !strings.HasPrefix(id.UserID, "AIDA") {
				t.Errorf("identity %+v, want alice in 123456789012 with an AIDA user id", id)
			}

			e.srv.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "GetCallerIdentity", ErrorCode: "ExpiredTokenException", Count: 1})
			_, err = c.CallerIdentity(t.Context())
			var me *model.Error
			if !errors.As(err, &me) || me.Kind != model.KindCredentials || me.Code != "ExpiredToken" || me.Op != "GetCallerIdentity" {
				t.Fatalf("expired token: %v, want a credentials error with code ExpiredToken from GetCallerIdentity", err)
			}
		})
	}
}

// postForm sends an unsigned awsQuery body to the emulator.
func postForm(t *testing.T, url, form string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, url, strings.NewReader(form))
	if err != nil {
		t.Fatalf("build request: %v", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("post %s: %v", form, err)
	}
	return resp
}

// readBody reads and closes an answer's body.
func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read answer: %v", err)
	}
	return string(b)
}
