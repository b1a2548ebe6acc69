package assets_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// accountStatuses maps every account of the seed's organisation, the
// management account included, to its status.
func accountStatuses(t *testing.T, seed emulator.Seed) map[string]string {
	t.Helper()
	if seed.Organization == nil {
		t.Fatal("the demo seed has no organisation")
	}
	statuses := map[string]string{seed.AccountID: "ACTIVE"}
	for _, a := range seed.Organization.Accounts {
		statuses[a.ID] = a.Status
		if a.Status == "" {
			statuses[a.ID] = "ACTIVE"
		}
	}
	return statuses
}

func TestDemoOrganizationHasActiveAccountsAndASuspendedOne(t *testing.T) {
	seed := demoSeed(t)
	count := map[string]int{}
	for _, status := range accountStatuses(t, seed) {
		count[status]++
	}
	if count["ACTIVE"] < 3 || count["SUSPENDED"] != 1 {
		t.Errorf("accounts by status %v, want at least 3 ACTIVE and one SUSPENDED", count)
	}
	org := seed.Organization
	if org.Name == "" || org.Email == "" {
		t.Errorf("organisation name %q and email %q, want both", org.Name, org.Email)
	}
	for _, a := range org.Accounts {
		if a.Status == "SUSPENDED" && !strings.Contains(a.Name, "suspended") {
			t.Errorf("suspended account %s is named %q, want a name that says why the fleet skips it", a.ID, a.Name)
		}
	}
	if !slices.Equal(seed.Roles, []string{"KeyholeAudit"}) {
		t.Errorf("roles %v, want the fleet's KeyholeAudit only", seed.Roles)
	}
}

func TestDemoRegionsHoldSecretsInEveryActiveAccount(t *testing.T) {
	seed := demoSeed(t)
	if len(seed.Regions) < 3 || seed.Regions[0] != seed.Region {
		t.Fatalf("regions %v, want at least three, the home region first", seed.Regions)
	}
	perPlace := map[place]int{}
	for _, s := range seed.Secrets {
		perPlace[placeOf(seed, s.Account, s.Region)]++
	}
	home := place{seed.AccountID, seed.Region}
	for account, status := range accountStatuses(t, seed) {
		if status != "ACTIVE" {
			continue
		}
		for _, region := range seed.Regions {
			at := place{account, region}
			if n := perPlace[at]; at != home && (n < 8 || n > 25) {
				t.Errorf("%v holds %d secrets, want 8-25", at, n)
			}
		}
	}
	for at := range perPlace {
		if _, ok := accountStatuses(t, seed)[at.account]; !ok || !slices.Contains(seed.Regions, at.region) {
			t.Errorf("secrets in %v, which is outside the organisation's accounts and regions", at)
		}
	}
}

func TestDemoHomeRegionKeepsTheSingleAccountSet(t *testing.T) {
	seed := demoSeed(t)
	home := homeOf(seed)
	for _, s := range home.Secrets {
		if s.Account != "" || s.Region != "" {
			t.Errorf("%s names its place (%q, %q): the home region's secrets name none, as before the organisation", s.Name, s.Account, s.Region)
		}
	}
	if !slices.EqualFunc(home.Secrets, seed.Secrets[:len(home.Secrets)], func(a, b emulator.SeedSecret) bool { return a.Name == b.Name }) {
		t.Error("the home region's secrets do not come first")
	}
	for _, name := range []string{
		"prod/payments/postgres", "prod/payments/stripe-api-key", "prod/identity/jwt-signing-key",
		"staging/search/legacy-solr-admin", "MyTestSecret", "legacy-db-password",
	} {
		if !slices.ContainsFunc(home.Secrets, func(s emulator.SeedSecret) bool { return s.Name == name }) {
			t.Errorf("%s is missing from the home region", name)
		}
	}
}

func TestDemoSuspendedAccountIsNeverReached(t *testing.T) {
	seed := demoSeed(t)
	statuses := accountStatuses(t, seed)
	for _, e := range seed.Events {
		if at := placeOf(seed, e.Account, e.Region); statuses[at.account] == "SUSPENDED" {
			t.Fatalf("%s at %v in the suspended account %s", e.EventName, e.Time.Resolve(loadTime), at.account)
		}
	}
}

func TestDemoProductionReplicatesToEuWest1(t *testing.T) {
	seed := demoSeed(t)
	home := homeOf(seed)
	var replicated, failed []string
	for _, s := range home.Secrets {
		for _, r := range s.Replicas {
			if r.Region != "eu-west-1" {
				continue
			}
			replicated = append(replicated, s.Name)
			if r.Status == "Failed" {
				failed = append(failed, s.Name)
			}
		}
		if len(s.Replicas) > 0 && (!strings.HasPrefix(s.Name, "prod/") || s.PrimaryRegion != seed.Region) {
			t.Errorf("%s replicates, want only prod secrets with the home region as primary", s.Name)
		}
	}
	if len(replicated) < 3 || len(failed) != 1 {
		t.Errorf("replicated to eu-west-1: %v, failed: %v; want at least three, one failed", replicated, failed)
	}
	eu := place{seed.AccountID, "eu-west-1"}
	for _, s := range seed.Secrets {
		if placeOf(seed, s.Account, s.Region) == eu && slices.Contains(replicated, s.Name) {
			t.Errorf("%s is both a secret of %v and a replica there", s.Name, eu)
		}
	}
}

// finding is one hygiene check of the fleet view: it reports whether a
// secret of the account fails it.
type finding struct {
	name  string
	fails func(s emulator.SeedSecret, account string) bool
}

const ninetyDays = 90 * 24 * time.Hour

// ago is how long before loading a seed time is.
func ago(at emulator.SeedTime) time.Duration { return loadTime.Sub(at.Resolve(loadTime)) }

// findings are the Security Hub controls SecretsManager.1-5 and the fleet
// view's own checks.
func findings() []finding {
	return []finding{
		{"rotation not enabled", func(s emulator.SeedSecret, _ string) bool { return s.Rotation == nil || !s.Rotation.Enabled }},
		{"rotation turned off", func(s emulator.SeedSecret, _ string) bool {
			return s.Rotation != nil && !s.Rotation.Enabled && !s.Rotation.LastRotated.IsZero()
		}},
		{"rotation failed", func(s emulator.SeedSecret, _ string) bool {
			return s.Rotation != nil && s.Rotation.Enabled && ago(s.Rotation.NextRotation) > 0
		}},
		{"not rotated in 90 days", func(s emulator.SeedSecret, _ string) bool {
			if s.Rotation == nil || s.Rotation.LastRotated.IsZero() {
				return ago(s.Created) > ninetyDays
			}
			return ago(s.Rotation.LastRotated) > ninetyDays
		}},
		{"last rotated over 90 days ago", func(s emulator.SeedSecret, _ string) bool {
			return s.Rotation != nil && !s.Rotation.LastRotated.IsZero() && ago(s.Rotation.LastRotated) > ninetyDays
		}},
		{"not read in 90 days", func(s emulator.SeedSecret, _ string) bool {
			return !s.LastAccessed.IsZero() && ago(s.LastAccessed) > ninetyDays
		}},
		{"no owner tag", func(s emulator.SeedSecret, _ string) bool {
			return !slices.ContainsFunc(s.Tags, func(tag emulator.SeedTag) bool { return tag.Key == "owner" })
		}},
		{"readable by anyone", func(s emulator.SeedSecret, _ string) bool { return slices.Contains(allowed(s.Policy), "*") }},
		{"readable by another account", func(s emulator.SeedSecret, account string) bool {
			return grantsAnotherAccount(s.Policy, account)
		}},
		{"replica failed", func(s emulator.SeedSecret, _ string) bool {
			return slices.ContainsFunc(s.Replicas, func(r emulator.SeedReplica) bool { return r.Status == "Failed" })
		}},
		{"scheduled for deletion but read in the last 30 days", func(s emulator.SeedSecret, _ string) bool {
			return !s.Deleted.IsZero() && !s.LastAccessed.IsZero() && ago(s.LastAccessed) < 30*24*time.Hour
		}},
		{"AWS managed key, shared with another account", func(s emulator.SeedSecret, account string) bool {
			return s.KMSKeyID == "" && grantsAnotherAccount(s.Policy, account)
		}},
	}
}

// allowed lists the principals the policy's Allow statements name: "*" or
// an ARN.
func allowed(policy string) []string {
	var doc struct {
		Statement []struct {
			Effect    string
			Principal json.RawMessage
		}
	}
	if policy == "" || json.Unmarshal([]byte(policy), &doc) != nil {
		return nil
	}
	var out []string
	for _, st := range doc.Statement {
		if st.Effect != "Allow" {
			continue
		}
		var star string
		var named struct{ AWS any }
		switch {
		case json.Unmarshal(st.Principal, &star) == nil:
			out = append(out, star)
		case json.Unmarshal(st.Principal, &named) == nil:
			switch p := named.AWS.(type) {
			case string:
				out = append(out, p)
			case []any:
				for _, v := range p {
					out = append(out, v.(string))
				}
			}
		}
	}
	return out
}

func grantsAnotherAccount(policy, account string) bool {
	return slices.ContainsFunc(allowed(policy), func(p string) bool {
		return strings.HasPrefix(p, "arn:aws:iam::") && !strings.HasPrefix(p, "arn:aws:iam::"+account+":")
	})
}

func TestDemoOrganizationHasEveryHygieneFindingAndManyCleanSecrets(t *testing.T) {
	seed := demoSeed(t)
	statuses := accountStatuses(t, seed)
	home := place{seed.AccountID, seed.Region}
	count := map[string]int{}
	var clean, elsewhere int
	for _, s := range seed.Secrets {
		at := placeOf(seed, s.Account, s.Region)
		if statuses[at.account] != "ACTIVE" {
			continue
		}
		var failed bool
		for _, f := range findings() {
			if f.fails(s, at.account) {
				count[f.name]++
				failed = true
			}
		}
		if at != home {
			elsewhere++
			if !failed {
				clean++
			}
		}
	}
	for _, f := range findings() {
		if count[f.name] == 0 {
			t.Errorf("no secret of an active account where %s", f.name)
		}
	}
	if clean*10 < elsewhere*4 {
		t.Errorf("%d of %d secrets outside the home region pass every check, want at least 40%%", clean, elsewhere)
	}
}
