package split_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/awsx/split"
	"github.com/keyhole-tui/keyhole/model"
)

// account serves n secrets, created in an order unlike their names', and
// returns a client of it.
func account(t testing.TB, n int) (*emulator.Server, *awsx.Client) {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	var seed emulator.Seed
	for i := range n {
		seed.Secrets = append(seed.Secrets, emulator.SeedSecret{
			Name: fmt.Sprintf("app-%05d", (i*7919)%n), Created: emulator.Relative(-time.Duration(n-i) * time.Minute),
			Versions: []emulator.SeedVersion{{String: new("v")}},
		})
	}
	if err := emu.Load(seed); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(emu)
	t.Cleanup(func() {
		hs.Close()
		emu.Close()
	})
	c, err := awsx.New(context.Background(), awsx.Options{Region: "us-east-1", EndpointURL: hs.URL, RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKIATEST", "secret", "")})
	if err != nil {
		t.Fatal(err)
	}
	return emu, c
}

// listAll pages through l as the list screen does.
func listAll(t testing.TB, l *split.Lister, size int32) []model.Secret {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return listWithin(ctx, t, l, size)
}

// listWithin is listAll bounded by ctx.
func listWithin(ctx context.Context, t testing.TB, l *split.Lister, size int32) []model.Secret {
	t.Helper()
	var all []model.Secret
	token := ""
	for {
		page, err := l.ListSecretsPage(ctx, model.ListQuery{PageSize: size, IncludePlannedDeletion: true}, token)
		if err != nil {
			t.Fatalf("list: %v", err)
		}
		all = append(all, page.Secrets...)
		if token = page.NextToken; token == "" {
			return all
		}
	}
}

// once checks that secrets are the n of the account, each once.
func once(t *testing.T, secrets []model.Secret, n int) {
	t.Helper()
	seen := map[string]int{}
	for _, s := range secrets {
		seen[s.Name]++
	}
	for name, k := range seen {
		if k != 1 {
			t.Errorf("%s listed %d times", name, k)
		}
	}
	if len(seen) != n {
		t.Errorf("listed %d distinct secrets, want %d", len(seen), n)
	}
}

func TestBothEndsListEverySecretOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 9, 10, 11, 19, 20, 21, 95, 250} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			_, c := account(t, n)
			l := split.New(c)
			defer l.Close()
			once(t, listAll(t, l, 10), n)
		})
	}
}

// counting is a client's ListSecretsPage that counts the pages of each order.
type counting struct {
	list      split.ListFunc
	mu        sync.Mutex
	up, down  int
	failDown  bool
	failAfter int
}

func (c *counting) ListSecretsPage(ctx context.Context, q model.ListQuery, token string) (model.SecretPage, error) {
	c.mu.Lock()
	if q.Descending {
		c.down++
		if c.failDown && c.down > c.failAfter {
			c.mu.Unlock()
			return model.SecretPage{}, &model.Error{Kind: model.KindInvalidRequest, Code: "ValidationException", Op: "ListSecrets"}
		}
	} else {
		c.up++
	}
	c.mu.Unlock()
	return c.list(ctx, q, token)
}

// drain runs BothEnds over list through a feed, as Lister does.
func drain(t *testing.T, c *counting, size int32) []model.Secret {
	t.Helper()
	l := split.NewWith(func(ctx context.Context, q model.ListQuery, token string) (model.SecretPage, error) {
		return c.ListSecretsPage(ctx, q, token)
	})
	defer l.Close()
	var all []model.Secret
	token := ""
	for {
		page, err := l.ListSecretsPage(t.Context(), model.ListQuery{PageSize: size}, token)
		if err != nil {
			t.Fatalf("list: %v", err)
		}
		all = append(all, page.Secrets...)
		if token = page.NextToken; token == "" {
			return all
		}
	}
}

func TestBothEndsMeetInTheMiddle(t *testing.T) {
	emu, c := account(t, 1000)
	emu.SetLatency(5 * time.Millisecond)
	cnt := &counting{list: c.ListSecretsPage}
	once(t, drain(t, cnt, 10), 1000)
	// 100 pages in all: together the streams ask each page once, and each
	// may ask one more as they meet. How they share the pages depends on
	// the scheduler; both must have walked a good part.
	if cnt.up+cnt.down > 102 || min(cnt.up, cnt.down) < 25 {
		t.Errorf("%d pages ascending and %d descending, want about 50 each and 102 at most", cnt.up, cnt.down)
	}
}

func TestARefusedOrderLeavesTheOtherStreamToFinish(t *testing.T) {
	for _, after := range []int{0, 3} {
		t.Run(fmt.Sprint("refused after ", after, " pages"), func(t *testing.T) {
			_, c := account(t, 200)
			cnt := &counting{list: c.ListSecretsPage, failDown: true, failAfter: after}
			once(t, drain(t, cnt, 10), 200)
		})
	}
}

func TestAnEndpointIgnoringTheOrderIsListedByOneStream(t *testing.T) {
	_, c := account(t, 95)
	// The descending stream gets the ascending order, as from an endpoint
	// that ignores SortOrder.
	cnt := &counting{list: func(ctx context.Context, q model.ListQuery, token string) (model.SecretPage, error) {
		q.Descending = false
		return c.ListSecretsPage(ctx, q, token)
	}}
	once(t, drain(t, cnt, 10), 95)
}

func TestBothStreamsFailingStopsAndGoesOnWhenAskedAgain(t *testing.T) {
	emu, c := account(t, 100)
	l := split.New(c)
	defer l.Close()
	emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "InternalServiceError", Count: 2})
	var all []model.Secret
	token := ""
	failures := 0
	for range 50 {
		page, err := l.ListSecretsPage(t.Context(), model.ListQuery{PageSize: 10}, token)
		if err != nil {
			var e *model.Error
			if !errors.As(err, &e) || e.Kind != model.KindService {
				t.Fatalf("list: %v", err)
			}
			failures++
			continue // asked again with the same token, as R does
		}
		all = append(all, page.Secrets...)
		if token = page.NextToken; token == "" {
			break
		}
	}
	if failures != 1 {
		t.Errorf("%d failed calls, want 1 (both streams' first pages)", failures)
	}
	once(t, all, 100)
}
