// Package fleet lists the secrets of many accounts and regions as one: it
// resolves the targets (profiles, an organisation's accounts through a
// role, each account's regions), lists them with bounded concurrency, and
// routes every call about a secret to the client of the account and region
// in its ARN. A Fleet has the methods of one account's client, so every
// screen works on it unchanged.
package fleet

import (
	"context"
	"sync"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/feed"
	"github.com/keyhole-tui/keyhole/model"
)

// DefaultConcurrency is how many targets list at once unless told.
const DefaultConcurrency = 8

// Spec says which accounts and regions a fleet covers.
type Spec struct {
	// Profiles are shared-config profiles to list; empty lists the base
	// client's credentials alone.
	Profiles []string
	// Regions are the regions to list in every account; AllRegions means
	// each account's enabled regions; empty means each profile's region.
	Regions []string
	// OrgRole, when set, adds every ACTIVE account of the base account's
	// organisation, reached by assuming this role in it.
	OrgRole string
	// SessionName names the assumed roles' sessions ("keyhole-USER").
	SessionName string
	// Concurrency bounds the targets listed at once; 0 means
	// DefaultConcurrency.
	Concurrency int
}

// AllRegions in Spec.Regions asks for each account's enabled regions.
const AllRegions = "all"

// Dial opens a client for a shared-config profile.
type Dial func(ctx context.Context, profile string) (*awsx.Client, error)

// Fleet is the secrets of every target as one backend. It is safe for
// concurrent use.
type Fleet struct {
	base *awsx.Client
	spec Spec
	dial Dial

	feed *feed.Feed

	mu sync.Mutex
	// clients routes a secret's ARN to its account and region's client.
	clients map[place]*awsx.Client
	// statuses are the current listing's targets in the order found.
	statuses []model.TargetStatus
	cur      *listing
	// names are the accounts' names by id, as the targets found them: the
	// list asks for one per secret it takes in.
	names map[string]string
}

// place is an account in a region.
type place struct{ account, region string }

// New makes a fleet around base, the client of the credentials and region
// keyhole started with. Nothing is resolved until the first listing.
func New(base *awsx.Client, spec Spec, dial Dial) *Fleet {
	if spec.Concurrency <= 0 {
		spec.Concurrency = DefaultConcurrency
	}
	return &Fleet{base: base, spec: spec, dial: dial, feed: feed.New(tokenPrefix),
		clients: map[place]*awsx.Client{}, names: map[string]string{}}
}

// Statuses returns a copy of every target's status, in the order found.
func (f *Fleet) Statuses() []model.TargetStatus {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]model.TargetStatus, len(f.statuses))
	copy(out, f.statuses)
	return out
}

// AccountName is the name of an account the fleet reached, or "".
func (f *Fleet) AccountName(id string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.names[id]
}

// Close stops the listing under way.
func (f *Fleet) Close() { f.feed.Close() }

// clientFor is the client of the account and region in arn; a name or an
// ARN of a place the fleet has not reached goes to the base client.
func (f *Fleet) clientFor(id string) *awsx.Client {
	account, region := model.AccountFromARN(id), model.RegionFromARN(id)
	f.mu.Lock()
	defer f.mu.Unlock()
	if c := f.clients[place{account, region}]; c != nil {
		return c
	}
	return f.base
}
