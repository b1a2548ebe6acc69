package fleet_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/awsx/fleet"
	"github.com/keyhole-tui/keyhole/model"
)

// Two accounts, reached through the profiles "alpha" and "beta", each with
// secrets in two regions.
var (
	accounts = map[string]string{"alpha": "111111111111", "beta": "222222222222"}
	regions  = []string{"us-east-1", "eu-west-1"}
)

// world is an emulator holding perTarget secrets in each account and region.
type world struct {
	emu      *emulator.Server
	url      string
	inFlight *inFlight
}

func newWorld(t testing.TB, perTarget int) *world {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	seed := emulator.Seed{Identities: map[string]string{}}
	for profile, account := range accounts {
		seed.Identities[accessKey(profile)] = "arn:aws:iam::" + account + ":user/" + profile
		for _, region := range regions {
			for i := range perTarget {
				seed.Secrets = append(seed.Secrets, emulator.SeedSecret{
					Account: account, Region: region, Name: fmt.Sprintf("%s/%s/app-%03d", profile, region, i),
					Versions: []emulator.SeedVersion{{String: new("v")}},
				})
			}
		}
	}
	if err := emu.Load(seed); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(emu)
	t.Cleanup(func() {
		hs.Close()
		emu.Close()
	})
	return &world{emu: emu, url: hs.URL, inFlight: &inFlight{}}
}

func accessKey(profile string) string { return "AKIA" + profile }

// client is a keyhole client of profile's account in us-east-1.
func (w *world) client(t testing.TB, profile string) *awsx.Client {
	t.Helper()
	c, err := awsx.New(t.Context(), awsx.Options{
		Region: "us-east-1", EndpointURL: w.url, RetryMaxAttempts: 1,
		HTTPClient:  &http.Client{Transport: w.inFlight.wrap(http.DefaultTransport)},
		Credentials: credentials.NewStaticCredentialsProvider(accessKey(profile), "secret", ""),
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// dial opens the test's profiles; any other is refused.
func (w *world) dial(t testing.TB) fleet.Dial {
	return func(ctx context.Context, profile string) (*awsx.Client, error) {
		if _, ok := accounts[profile]; !ok {
			return nil, errors.New("profile " + profile + " needs an SSO login")
		}
		return w.client(t, profile), nil
	}
}

// listAll pages through the fleet like the list screen does, seven
// secrets to a target's page so that every target takes several.
func listAll(t testing.TB, f *fleet.Fleet) []model.Secret { return listPaged(t, f, 7) }

// listPaged pages through the fleet asking each target for size secrets a page.
func listPaged(t testing.TB, f *fleet.Fleet, size int32) []model.Secret {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	var all []model.Secret
	token := ""
	for {
		page, err := f.ListSecretsPage(ctx, model.ListQuery{PageSize: size}, token)
		if err != nil {
			t.Fatalf("list: %v", err)
		}
		all = append(all, page.Secrets...)
		if token = page.NextToken; token == "" {
			return all
		}
	}
}

func TestFleetListsEveryAccountAndRegion(t *testing.T) {
	w := newWorld(t, 15)
	f := fleet.New(w.client(t, "alpha"), fleet.Spec{Profiles: []string{"alpha", "beta", "gamma"}, Regions: regions}, w.dial(t))
	defer f.Close()
	all := listAll(t, f)
	if len(all) != 2*2*15 {
		t.Fatalf("listed %d secrets, want 60", len(all))
	}
	seen := map[string]int{}
	for _, s := range all {
		seen[model.AccountFromARN(s.ARN)+" "+model.RegionFromARN(s.ARN)]++
	}
	for _, account := range accounts {
		for _, region := range regions {
			if seen[account+" "+region] != 15 {
				t.Errorf("%s %s: %d secrets, want 15", account, region, seen[account+" "+region])
			}
		}
	}
	var done, failed int
	for _, s := range f.Statuses() {
		switch s.State {
		case model.TargetDone:
			done++
			if s.Loaded != 15 {
				t.Errorf("%s loaded %d, want 15", s.Target, s.Loaded)
			}
		case model.TargetFailed:
			failed++
			if s.Target.Via != "gamma" || s.Err == nil {
				t.Errorf("failed target %+v", s)
			}
		}
	}
	if done != 4 || failed != 1 {
		t.Errorf("statuses: %d done, %d failed; want 4 and 1 (gamma): %+v", done, failed, f.Statuses())
	}
}

func TestFleetRoutesEachSecretToItsOwnAccountAndRegion(t *testing.T) {
	w := newWorld(t, 2)
	f := fleet.New(w.client(t, "alpha"), fleet.Spec{Profiles: []string{"alpha", "beta"}, Regions: regions}, w.dial(t))
	defer f.Close()
	for _, s := range listAll(t, f) {
		d, err := f.DescribeSecret(t.Context(), s.ARN)
		if err != nil {
			t.Fatalf("describe %s: %v", s.ARN, err)
		}
		if d.ARN != s.ARN {
			t.Errorf("described %s, asked for %s", d.ARN, s.ARN)
		}
		v, err := f.GetSecretValue(t.Context(), model.ValueRef{SecretID: s.ARN})
		if err != nil || string(v.Value.Reveal()) != "v" {
			t.Errorf("read %s: %v", s.ARN, err)
		}
	}
}

func TestFleetKeepsWithinItsConcurrency(t *testing.T) {
	w := newWorld(t, 30)
	w.emu.SetLatency(5 * time.Millisecond)
	f := fleet.New(w.client(t, "alpha"), fleet.Spec{Profiles: []string{"alpha", "beta"}, Regions: regions, Concurrency: 2}, w.dial(t))
	defer f.Close()
	if n := len(listAll(t, f)); n != 120 {
		t.Fatalf("listed %d, want 120", n)
	}
	if peak := w.inFlight.peak.Load(); peak > 2 || peak < 1 {
		t.Errorf("at most %d requests in flight, want 1 or 2", peak)
	}
}

func TestFleetBacksOffAThrottledTargetAndFinishesIt(t *testing.T) {
	w := newWorld(t, 10)
	w.emu.AddFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: "ListSecrets", Count: 2})
	f := fleet.New(w.client(t, "alpha"), fleet.Spec{Profiles: []string{"alpha", "beta"}, Regions: regions}, w.dial(t))
	defer f.Close()
	if n := len(listAll(t, f)); n != 40 {
		t.Fatalf("listed %d, want 40", n)
	}
	retries := 0
	for _, s := range f.Statuses() {
		if s.State != model.TargetDone {
			t.Errorf("%s: state %d, err %v", s.Target, s.State, s.Err)
		}
		retries += s.Retries
	}
	if retries != 2 {
		t.Errorf("%d retries after throttling, want 2", retries)
	}
}

func TestFleetStartsOverOnAnEmptyToken(t *testing.T) {
	w := newWorld(t, 3)
	f := fleet.New(w.client(t, "alpha"), fleet.Spec{Profiles: []string{"alpha"}, Regions: regions}, w.dial(t))
	defer f.Close()
	page, err := f.ListSecretsPage(t.Context(), model.ListQuery{}, "")
	if err != nil {
		t.Fatal(err)
	}
	if page.NextToken == "" {
		t.Skip("the whole fleet answered in one batch")
	}
	if n := len(listAll(t, f)); n != 6 {
		t.Fatalf("second listing has %d secrets, want 6", n)
	}
	_, err = f.ListSecretsPage(t.Context(), model.ListQuery{}, page.NextToken)
	if !model.IsInvalidNextToken(err) {
		t.Errorf("the first listing's token after a new listing: %v, want an invalid NextToken", err)
	}
}

// inFlight counts the requests under way and the most seen at once.
type inFlight struct {
	now, peak atomic.Int64
	mu        sync.Mutex
}

func (c *inFlight) wrap(base http.RoundTripper) http.RoundTripper {
	return roundTripper(func(r *http.Request) (*http.Response, error) {
		n := c.now.Add(1)
		defer c.now.Add(-1)
		c.mu.Lock()
		if n > c.peak.Load() {
			c.peak.Store(n)
		}
		c.mu.Unlock()
		return base.RoundTrip(r)
	})
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestFleetWritesWhereTheSecretLives(t *testing.T) {
	w := newWorld(t, 1)
	f := fleet.New(w.client(t, "alpha"), fleet.Spec{Profiles: []string{"alpha", "beta"}, Regions: regions}, w.dial(t))
	defer f.Close()
	var arn string
	for _, s := range listAll(t, f) {
		if model.AccountFromARN(s.ARN) == accounts["beta"] && model.RegionFromARN(s.ARN) == "eu-west-1" {
			arn = s.ARN
		}
	}
	if arn == "" {
		t.Fatal("beta's eu-west-1 secret was not listed")
	}
	if err := f.TagSecret(t.Context(), arn, []model.Tag{{Key: "owner", Value: "fleet"}}); err != nil {
		t.Fatalf("tag through the fleet: %v", err)
	}
	beta, err := w.client(t, "beta").InRegion(t.Context(), "eu-west-1")
	if err != nil {
		t.Fatal(err)
	}
	d, err := beta.DescribeSecret(t.Context(), arn)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := d.Tag("owner"); !ok || v != "fleet" {
		t.Errorf("beta's eu-west-1 secret has tags %v, want owner=fleet", d.Tags)
	}
}
