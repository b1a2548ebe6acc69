package awsx_test

import (
	"context"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
)

// retryCanary is the value of the secret the retry tests read: it must
// never show up in a notice.
const retryCanary = "canary-retry-7c1e-Pa55"

// retryAttempts is how many attempts the retry tests let the SDK make.
const retryAttempts = 3

// noticeLog keeps every RetryNotice a client hands out; the SDK calls it
// from the goroutine of each call.
type noticeLog struct {
	mu      sync.Mutex
	notices []awsx.RetryNotice
}

// add records n.
func (l *noticeLog) add(n awsx.RetryNotice) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.notices = append(l.notices, n)
}

// all returns the notices so far.
func (l *noticeLog) all() []awsx.RetryNotice {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.notices)
}

// retryEnv is an emulator holding one secret, and a client through the real
// SDK that tries each call retryAttempts times and logs its retry notices.
type retryEnv struct {
	emu     *emulator.Server
	client  *awsx.Client
	notices *noticeLog
}

// newRetryEnv starts the emulator and builds the client.
func newRetryEnv(t *testing.T) retryEnv {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	seed := emulator.Seed{
		Identities: map[string]string{"AKIARETRYTEST": "arn:aws:iam::123456789012:user/retry"},
		Secrets: []emulator.SeedSecret{{
			Name:     "app/db",
			Versions: []emulator.SeedVersion{{String: new(`{"password":"` + retryCanary + `"}`), Stages: []string{"AWSCURRENT"}}},
		}},
	}
	if err := emu.Load(seed); err != nil {
		t.Fatalf("load seed: %v", err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(func() {
		srv.Close()
		emu.Close()
	})
	notices := &noticeLog{}
	client, err := awsx.New(context.Background(), awsx.Options{
		Region:           testRegion,
		EndpointURL:      srv.URL,
		Credentials:      credentials.NewStaticCredentialsProvider("AKIARETRYTEST", "retry-secret-key", ""),
		RetryMaxAttempts: retryAttempts,
		OnRetry:          notices.add,
	})
	if err != nil {
		t.Fatalf("build client: %v", err)
	}
	return retryEnv{emu: emu, client: client, notices: notices}
}

// calls counts the requests for op the emulator saw.
func (e retryEnv) calls(op string) int {
	n := 0
	for _, r := range e.emu.Requests() {
		if r.Operation == op {
			n++
		}
	}
	return n
}

// wantNotices fails the test unless the notices are exactly want.
func (e retryEnv) wantNotices(t *testing.T, want ...awsx.RetryNotice) {
	t.Helper()
	if got := e.notices.all(); !slices.Equal(got, want) {
		t.Fatalf("retry notices:\n got %+v\nwant %+v", got, want)
	}
}

func TestOnRetryHearsEveryRetryOfAThrottledCall(t *testing.T) {
	t.Parallel()
	e := newRetryEnv(t)
	e.emu.AddFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: "ListSecrets"})
	_, err := e.client.ListSecretsPage(t.Context(), model.ListQuery{}, "")
	if !model.IsKind(err, model.KindThrottled) {
		t.Fatalf("error %v, want throttled", err)
	}
	if n := e.calls("ListSecrets"); n != retryAttempts {
		t.Fatalf("the SDK tried ListSecrets %d times, want %d", n, retryAttempts)
	}
	e.wantNotices(t,
		awsx.RetryNotice{Operation: "ListSecrets", Attempt: 2, MaxAttempts: 3, Kind: model.KindThrottled},
		awsx.RetryNotice{Operation: "ListSecrets", Attempt: 3, MaxAttempts: 3, Kind: model.KindThrottled},
	)
}

func TestOnRetryHearsRetriesOnEveryService(t *testing.T) {
	t.Parallel()
	calls := []struct {
		op   string
		call func(context.Context, *awsx.Client) error
	}{
		{"GetCallerIdentity", func(ctx context.Context, c *awsx.Client) error {
			_, err := c.CallerIdentity(ctx)
			return err
		}},
		{"LookupEvents", func(ctx context.Context, c *awsx.Client) error {
			_, err := c.LookupEvents(ctx, model.AuditQuery{SecretID: "app/db"}, "")
			return err
		}},
		{"DescribeSecret", func(ctx context.Context, c *awsx.Client) error {
			_, err := c.DescribeSecret(ctx, "app/db")
			return err
		}},
	}
	for _, tc := range calls {
		t.Run(tc.op, func(t *testing.T) {
			t.Parallel()
			e := newRetryEnv(t)
			e.emu.AddFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: tc.op, Count: 1})
			if err := tc.call(t.Context(), e.client); err != nil {
				t.Fatalf("one throttle should be absorbed by a retry: %v", err)
			}
			e.wantNotices(t, awsx.RetryNotice{Operation: tc.op, Attempt: 2, MaxAttempts: 3, Kind: model.KindThrottled})
		})
	}
}

func TestOnRetryNamesNetworkAndServerFailures(t *testing.T) {
	t.Parallel()
	faults := []struct {
		name  string
		fault emulator.Fault
		kind  model.ErrorKind
	}{
		{"dropped connection", emulator.Fault{Kind: emulator.FaultDropConnection, Operation: "DescribeSecret", Count: 1}, model.KindNetwork},
		{"server error", emulator.Fault{Kind: emulator.FaultError, ErrorCode: "InternalServiceError", Operation: "DescribeSecret", Count: 1}, model.KindService},
	}
	for _, tc := range faults {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newRetryEnv(t)
			e.emu.AddFault(tc.fault)
			if _, err := e.client.DescribeSecret(t.Context(), "app/db"); err != nil {
				t.Fatalf("one failure should be absorbed by a retry: %v", err)
			}
			e.wantNotices(t, awsx.RetryNotice{Operation: "DescribeSecret", Attempt: 2, MaxAttempts: 3, Kind: tc.kind})
		})
	}
}

func TestOnRetryStaysQuietWhenNothingIsRetried(t *testing.T) {
	t.Parallel()
	e := newRetryEnv(t)
	if _, err := e.client.ListSecretsPage(t.Context(), model.ListQuery{}, ""); err != nil {
		t.Fatalf("list: %v", err)
	}
	if _, err := e.client.GetSecretValue(t.Context(), model.ValueRef{SecretID: "app/db"}); err != nil {
		t.Fatalf("get value: %v", err)
	}
	if _, err := e.client.CallerIdentity(t.Context()); err != nil {
		t.Fatalf("caller identity: %v", err)
	}
	e.emu.AddFault(emulator.Fault{Kind: emulator.FaultError, ErrorCode: "AccessDeniedException", Operation: "GetSecretValue"})
	if _, err := e.client.GetSecretValue(t.Context(), model.ValueRef{SecretID: "app/db"}); !model.IsKind(err, model.KindAccessDenied) {
		t.Fatalf("error %v, want access denied", err)
	}
	if n := e.calls("GetSecretValue"); n != 2 {
		t.Fatalf("GetSecretValue was sent %d times, want 2: access denied is not retried", n)
	}
	e.wantNotices(t)
}

func TestOnRetryHearsARetriedReadThatSucceeds(t *testing.T) {
	t.Parallel()
	e := newRetryEnv(t)
	e.emu.AddFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: "GetSecretValue", Count: 1})
	v, err := e.client.GetSecretValue(t.Context(), model.ValueRef{SecretID: "app/db"})
	if err != nil {
		t.Fatalf("one throttle should be absorbed by a retry: %v", err)
	}
	if !strings.Contains(string(v.Value.Reveal()), retryCanary) {
		t.Fatal("the retried read did not return the secret, so the canary proves nothing")
	}
	e.wantNotices(t, awsx.RetryNotice{Operation: "GetSecretValue", Attempt: 2, MaxAttempts: 3, Kind: model.KindThrottled})
}

func TestRetryNoticeSaysWhatIsHappening(t *testing.T) {
	t.Parallel()
	cases := []struct {
		notice awsx.RetryNotice
		want   string
	}{
		{awsx.RetryNotice{Operation: "ListSecrets", Attempt: 2, MaxAttempts: 3, Kind: model.KindThrottled},
			"AWS is throttling ListSecrets: retrying (attempt 2 of 3)…"},
		{awsx.RetryNotice{Operation: "GetSecretValue", Attempt: 3, MaxAttempts: 3, Kind: model.KindNetwork},
			"GetSecretValue did not reach AWS: retrying (attempt 3 of 3)…"},
		{awsx.RetryNotice{Operation: "DescribeSecret", Attempt: 2, MaxAttempts: 5, Kind: model.KindService},
			"AWS failed DescribeSecret with a server error: retrying (attempt 2 of 5)…"},
		{awsx.RetryNotice{Operation: "LookupEvents", Attempt: 4, Kind: model.KindUnknown},
			"LookupEvents failed: retrying (attempt 4)…"},
	}
	for _, tc := range cases {
		if got := tc.notice.String(); got != tc.want {
			t.Errorf("%+v says %q, want %q", tc.notice, got, tc.want)
		}
	}
}
