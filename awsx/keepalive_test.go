package awsx_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/smithy-go/logging"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// warningLogger records what the SDK logs.
type warningLogger struct {
	mu    sync.Mutex
	lines []string
}

func (l *warningLogger) Logf(class logging.Classification, format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, string(class)+": "+fmt.Sprintf(format, v...))
}

// answerRecorder notes each answer's framing.
type answerRecorder struct {
	mu      sync.Mutex
	chunked int
	answers int
}

// Do sends r with a body offering only Read and Close, as awsx's client
// does, to keep smithy-go's early close of the request body from tearing
// the connection down on the client's side.
func (a *answerRecorder) Do(r *http.Request) (*http.Response, error) {
	if r.Body != nil && r.Body != http.NoBody {
		r.Body = struct{ io.ReadCloser }{r.Body}
	}
	resp, err := http.DefaultClient.Do(r)
	if err == nil {
		a.mu.Lock()
		a.answers++
		if resp.ContentLength < 0 || len(resp.TransferEncoding) > 0 || resp.Close {
			a.chunked++
		}
		a.mu.Unlock()
	}
	return resp, err
}

// TestEmulatorPagingLogsNoWarnings pages through over a thousand secrets
// over real HTTP and checks the SDK has nothing to warn about: every answer
// is whole, framed by Content-Length, and the connection stays open for
// the next call.
func TestEmulatorPagingLogsNoWarnings(t *testing.T) {
	srv := emulator.New(emulator.Options{})
	if err := srv.Load(emulator.Synthetic(1200, 11)); err != nil {
		t.Fatalf("load synthetic secrets: %v", err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
	})
	log := &warningLogger{}
	answers := &answerRecorder{}
	client := secretsmanager.New(secretsmanager.Options{
		Region:       testRegion,
		BaseEndpoint: aws.String(hs.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIAKEYHOLETEST", "test-secret-key", ""),
		Logger:       log,
		HTTPClient:   answers,
	})
	var dialled int
	ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) {
			if !info.Reused {
				dialled++
			}
		},
	})
	seen := 0
	pages := secretsmanager.NewListSecretsPaginator(client, &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(100)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			t.Fatalf("list page after %d secrets: %v", seen, err)
		}
		seen += len(page.SecretList)
	}
	if seen != 1200 {
		t.Errorf("listed %d secrets, want 1200", seen)
	}
	if answers.answers < 12 || answers.chunked > 0 {
		t.Errorf("%d of %d answers had no Content-Length or closed the connection", answers.chunked, answers.answers)
	}
	if dialled != 1 {
		t.Errorf("paging opened %d connections, want 1 kept alive", dialled)
	}
	log.mu.Lock()
	defer log.mu.Unlock()
	for _, line := range log.lines {
		if strings.HasPrefix(line, string(logging.Warn)) {
			t.Errorf("the SDK warned: %s", line)
		}
	}
}
