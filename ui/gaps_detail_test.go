package ui_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

const rotateLambda = "arn:aws:lambda:us-east-1:123456789012:function:keyhole-rotate-password"

// oneVersion is a single AWSCURRENT version created at the given offset.
func oneVersion(value string, created time.Duration) []emulator.SeedVersion {
	return []emulator.SeedVersion{{String: &value, Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(created)}}
}

// replicatedSeed is the test seed plus a secret RDS owns, replicated to
// one region in sync and one that failed.
func replicatedSeed() emulator.Seed {
	seed := uitest.Seed()
	seed.Secrets = append(seed.Secrets, emulator.SeedSecret{
		Name:          "rds!db-0a1b2c3d",
		Description:   "Master password of the orders database",
		Created:       emulator.Relative(-50 * 24 * time.Hour),
		OwningService: "rds",
		PrimaryRegion: "us-east-1",
		Replicas: []emulator.SeedReplica{
			{Region: "eu-west-1", Status: "InSync"},
			{Region: "ap-south-1", Status: "Failed", StatusMessage: "access denied to the replica KMS key"},
		},
		Versions: oneVersion(`{"username":"admin","password":"rds-managed"}`, -50*24*time.Hour),
	})
	return seed
}

func TestDetailShowsOwnerPrimaryRegionAndReplicas(t *testing.T) {
	h := startOn(t, replicatedSeed(), 120, 40, "5 of 6 secrets")
	h.openSecret(t, "rds!db-0a1b2c3d")
	s := h.Screen()
	for _, parts := range [][]string{
		{"Owned by", "rds"},
		{"Primary region", "us-east-1"},
		{"Replica", "eu-west-1 InSync"},
		{"Replica", "ap-south-1 Failed: access denied to the replica KMS key"},
	} {
		if !lineWith(s, parts...) {
			t.Errorf("the detail has no line with %q:\n%s", parts, s)
		}
	}
	if n := h.reads(); n != 0 {
		t.Fatalf("showing replication read the value %d times", n)
	}
}

func TestDetailOfAnUnreplicatedSecretHasNoReplicationLines(t *testing.T) {
	h := startOn(t, replicatedSeed(), 120, 40, "5 of 6 secrets")
	h.openSecret(t, "api-key")
	s := h.Screen()
	for _, label := range []string{"Owned by", "Primary region", "Replica "} {
		if strings.Contains(s, label) {
			t.Errorf("the detail of a plain secret shows %q:\n%s", label, s)
		}
	}
}

// sortSeed holds four secrets whose names, creation, change and access
// dates each give a different order.
func sortSeed() emulator.Seed {
	day := 24 * time.Hour
	secret := func(name string, created, changed, accessed time.Duration) emulator.SeedSecret {
		return emulator.SeedSecret{
			Name:         name,
			Created:      emulator.Relative(created),
			LastAccessed: emulator.Relative(accessed),
			Versions:     oneVersion("v", changed),
		}
	}
	return emulator.Seed{
		Identities: uitest.Seed().Identities,
		Secrets: []emulator.SeedSecret{
			secret("sort/alpha", -20*day, -2*day, -6*day),
			secret("sort/bravo", -40*day, -5*day, -1*day),
			secret("sort/charlie", -10*day, -3*day, -9*day),
			secret("sort/delta", -30*day, -1*day, -3*day),
		},
	}
}

// rowOrder lists the names in the order the screen shows them.
func rowOrder(screen string, names []string) []string {
	at := map[string]int{}
	var shown []string
	for _, n := range names {
		if i := strings.Index(screen, n); i >= 0 {
			at[n] = i
			shown = append(shown, n)
		}
	}
	slices.SortFunc(shown, func(a, b string) int { return at[a] - at[b] })
	return shown
}

func TestSortCyclingOrdersTheRowsAsTheLabelSays(t *testing.T) {
	h := startOn(t, sortSeed(), 120, 30, "4 of 4 secrets")
	names := []string{"sort/alpha", "sort/bravo", "sort/charlie", "sort/delta"}
	if got := rowOrder(h.Screen(), names); !slices.Equal(got, names) {
		t.Fatalf("by name: rows %q", got)
	}
	for _, step := range []struct {
		label string
		want  []string
	}{
		{"last changed", []string{"sort/delta", "sort/alpha", "sort/charlie", "sort/bravo"}},
		{"last accessed", []string{"sort/bravo", "sort/delta", "sort/alpha", "sort/charlie"}},
		{"created", []string{"sort/charlie", "sort/alpha", "sort/delta", "sort/bravo"}},
		{"name", names},
	} {
		h.Press("s")
		h.WaitForText("sorted by " + step.label)
		if got := rowOrder(h.Screen(), names); !slices.Equal(got, step.want) {
			t.Errorf("sorted by %s: rows %q, want %q\n%s", step.label, got, step.want, h.Screen())
		}
	}
}

// rotationStatesSeed is the test seed plus a rotation turned on that never
// ran and one whose AWSPENDING version is minutes old.
func rotationStatesSeed() emulator.Seed {
	seed := uitest.Seed()
	day := 24 * time.Hour
	current, pending := `{"password":"current"}`, `{"password":"pending"}`
	seed.Secrets = append(seed.Secrets,
		emulator.SeedSecret{
			Name:     "prod/ml/fresh-rotation",
			Created:  emulator.Relative(-2 * day),
			Versions: oneVersion(current, -2*day),
			Rotation: &emulator.SeedRotation{Enabled: true, LambdaARN: rotateLambda, AutomaticallyAfterDays: 30,
				NextRotation: emulator.Relative(28 * day)},
		},
		emulator.SeedSecret{
			Name:    "prod/ml/rotating-now",
			Created: emulator.Relative(-100 * day),
			Versions: []emulator.SeedVersion{
				{ID: "bbbbbbbb-0000-4000-8000-000000000001", String: &current, Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(-30 * day)},
				{ID: "bbbbbbbb-0000-4000-8000-000000000002", String: &pending, Stages: []string{"AWSPENDING"}, Created: emulator.Relative(-10 * time.Minute)},
			},
			Rotation: &emulator.SeedRotation{Enabled: true, LambdaARN: rotateLambda, AutomaticallyAfterDays: 30,
				LastRotated: emulator.Relative(-30 * day), NextRotation: emulator.Relative(1 * time.Hour)},
		},
	)
	return seed
}

func TestListShowsNeverRotatedAndRotatingStates(t *testing.T) {
	h := startOn(t, rotationStatesSeed(), 120, 30, "6 of 7 secrets")
	for _, tt := range []struct{ filter, name, column string }{
		{"rot:never", "prod/ml/fresh-rotation", "never"},
		{"rot:rotating", "prod/ml/rotating-now", "rotating"},
	} {
		h.Press("/")
		h.Type(tt.filter)
		h.WaitForText(tt.name)
		s := h.Screen()
		if !strings.Contains(s, " 1 of ") {
			t.Errorf("%s: want exactly one match:\n%s", tt.filter, s)
		}
		if !lineWith(s, tt.name, tt.column) {
			t.Errorf("%s: the row does not say %q:\n%s", tt.filter, tt.column, s)
		}
		h.Press("esc")
		h.WaitForText("6 of 7 secrets")
	}
}

func TestUnknownFilterTermIsSaidUntilItIsFixed(t *testing.T) {
	h := start(t, 160, 30)
	h.Press("/")
	h.Type("rot:overdu")
	h.WaitForText("unknown filter term rot:overdu")
	h.Type("e")
	h.WaitForText("1 of 5 secrets")
	if strings.Contains(h.Screen(), "unknown filter term") {
		t.Fatalf("the message outlived the bad term:\n%s", h.Screen())
	}
	h.Press("enter")
	h.Drain(20 * time.Millisecond)
	if strings.Contains(h.Screen(), "unknown filter term") {
		t.Fatalf("a late message brought the bad term back:\n%s", h.Screen())
	}
}
