package emulator

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"
)

// SeedOrganization is an AWS Organizations organisation: the seed's
// AccountID is its management account.
type SeedOrganization struct {
	// ID is the organisation id, "o-" and 10 to 32 lower-case letters or
	// digits; empty makes one up.
	ID string `json:"id,omitempty"`
	// Name and Email describe the management account.
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	// Accounts are the member accounts.
	Accounts []SeedAccount `json:"accounts"`
}

// SeedAccount is one member account.
type SeedAccount struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
	// Status is ACTIVE (the default), SUSPENDED or PENDING_CLOSURE.
	Status string   `json:"status,omitempty"`
	Joined SeedTime `json:"joined,omitempty"`
	// Regions, when set, are the regions enabled in this account.
	Regions []string `json:"regions,omitempty"`
}

// organization is the loaded organisation.
type organization struct {
	id         string
	management string
	// accounts lists every account, the management account first.
	accounts []orgAccount
}

// orgAccount is one account of the organisation.
type orgAccount struct {
	id, name, email, status string
	joinedMethod            string
	joined                  time.Time
	regions                 []string
}

// account finds an account of the organisation by id.
func (o *organization) account(id string) (orgAccount, bool) {
	i := slices.IndexFunc(o.accounts, func(a orgAccount) bool { return a.id == id })
	if i < 0 {
		return orgAccount{}, false
	}
	return o.accounts[i], true
}

// seedOrganization checks and reads a seed's organisation; nil when it has none.
func seedOrganization(seed Seed, management string, now time.Time) (*organization, error) {
	so := seed.Organization
	if so == nil {
		return nil, nil
	}
	id := so.ID
	if id == "" {
		h := fnv.New64a()
		_, _ = h.Write([]byte(management))
		id = fmt.Sprintf("o-%016x", h.Sum64())
	}
	if !validOrgID(id) {
		return nil, fmt.Errorf("load seed: organization id %q is not o- and 10 to 32 lower-case letters or digits", id)
	}
	org := &organization{id: id, management: management}
	org.accounts = append(org.accounts, orgAccount{
		id: management, name: cmp.Or(so.Name, "management"), email: cmp.Or(so.Email, "aws+management@example.com"),
		status: "ACTIVE", joinedMethod: "CREATED", joined: now.Add(-3 * 365 * 24 * time.Hour),
	})
	for i, a := range so.Accounts {
		if !validAccountID(a.ID) {
			return nil, fmt.Errorf("load seed: organization account %d: id %q is not 12 digits", i, a.ID)
		}
		if _, dup := org.account(a.ID); dup {
			return nil, fmt.Errorf("load seed: organization account %s is listed twice", a.ID)
		}
		status := cmp.Or(a.Status, "ACTIVE")
		if status != "ACTIVE" && status != "SUSPENDED" && status != "PENDING_CLOSURE" {
			return nil, fmt.Errorf("load seed: organization account %s: status %q is not ACTIVE, SUSPENDED or PENDING_CLOSURE", a.ID, a.Status)
		}
		joined := a.Joined.Resolve(now)
		if joined.IsZero() {
			joined = now.Add(-365 * 24 * time.Hour)
		}
		org.accounts = append(org.accounts, orgAccount{
			id: a.ID, name: a.Name, email: cmp.Or(a.Email, "aws+"+a.ID+"@example.com"), status: status,
			joinedMethod: "CREATED", joined: joined.UTC(), regions: a.Regions,
		})
	}
	return org, nil
}

func validAccountID(id string) bool {
	if len(id) != 12 {
		return false
	}
	for _, r := range id {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func validOrgID(id string) bool {
	rest, ok := strings.CutPrefix(id, "o-")
	if !ok || len(rest) < 10 || len(rest) > 32 {
		return false
	}
	for _, r := range rest {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
