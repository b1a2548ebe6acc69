package demoseed

import (
	"cmp"
	"slices"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// builtSecret is one secret of the account with the moments that bound its
// activity.
type builtSecret struct {
	def     secretDef
	at      place
	seed    emulator.SeedSecret
	created time.Duration
	deleted time.Duration // zero while the secret is not scheduled for deletion
}

// liveAt reports whether the secret existed and was not deleted at at.
func (b *builtSecret) liveAt(at time.Duration) bool {
	return at > b.created && (b.deleted == 0 || at < b.deleted)
}

// versionPlan is when one version was made, and how.
type versionPlan struct {
	at      time.Duration
	rotated bool // made by a rotation rather than by PutSecretValue
}

// buildSecret turns a definition into a seed secret of the place and
// records the CloudTrail events of its creation, new versions, rotations
// and deletion.
func buildSecret(def secretDef, at place, people cast, t *trail) builtSecret {
	d := at.dice("secret:" + def.name)
	b := builtSecret{def: def, at: at, created: -days(def.ageDays) - d.within(12*time.Hour)}
	b.seed = emulator.SeedSecret{
		Name: def.name, Description: def.desc, Tags: tags(def), Created: emulator.Relative(b.created),
		OwningService: def.owningService, PrimaryRegion: def.primaryRegion, Replicas: def.replicas,
		Policy: def.policy,
	}
	if def.cmk {
		b.seed.KMSKeyID = at.kmsKeyARN(def.team)
	}
	plans := planVersions(def, b.created, d)
	for _, p := range plans {
		b.seed.Versions = append(b.seed.Versions, newVersion(def, p.at, d))
	}
	setStages(b.seed.Versions)
	recordChanges(&b, plans, people, t, d)
	if def.rotation != nil {
		b.seed.Rotation = rotate(&b, plans, people, t, d)
	}
	if def.deletedDaysAgo > 0 {
		b.deleted = -days(def.deletedDaysAgo) - d.within(8*time.Hour)
		b.seed.Deleted = emulator.Relative(b.deleted)
		b.seed.RecoveryWindowDays = def.recoveryWindowDays
		t.add(b.deleted, people.get("alice").from(d).event("DeleteSecret", def.name))
	}
	if def.staleDays > 0 {
		b.seed.LastAccessed = emulator.Relative(-days(def.staleDays) - d.within(12*time.Hour))
	}
	return b
}

func newVersion(def secretDef, at time.Duration, d *dice) emulator.SeedVersion {
	v := def.value(d)
	v.ID = d.uuid()
	v.Created = emulator.Relative(at)
	return v
}

// planVersions spreads a secret's versions over its life: the first at
// creation, then one per rotation for a rotated secret, or at random for the
// others.
func planVersions(def secretDef, created time.Duration, d *dice) []versionPlan {
	plans := []versionPlan{{at: created}}
	if r := def.rotation; r != nil && r.lastDaysAgo > 0 {
		return append(plans, rotationTimes(def, created, d)...)
	}
	var manual []versionPlan
	for range max(def.versions, 1) - 1 {
		manual = append(manual, versionPlan{at: created + time.Hour + d.within(-created-days(1))})
	}
	slices.SortFunc(manual, func(a, b versionPlan) int { return cmp.Compare(a.at, b.at) })
	return append(plans, manual...)
}

// rotationTimes are the rotations that made the versions a rotated secret
// keeps, oldest first, going back from the last rotation by the schedule.
func rotationTimes(def secretDef, created time.Duration, d *dice) []versionPlan {
	r := def.rotation
	limit := def.versions - 1
	if def.versions == 0 {
		limit = 4
	}
	var out []versionPlan
	for i := range limit {
		at := -days(r.lastDaysAgo+i*r.every) + r.windowOffset(d)
		if at <= created+time.Hour {
			break
		}
		out = append(out, versionPlan{at: at, rotated: true})
	}
	slices.Reverse(out)
	return out
}

// windowOffset is where in its rotation window a rotation ran.
func (r *rotationDef) windowOffset(d *dice) time.Duration {
	window, err := time.ParseDuration(r.window)
	if err != nil || window <= 0 {
		window = time.Hour
	}
	return d.within(window)
}

// setStages gives the newest version AWSCURRENT and the one before it
// AWSPREVIOUS; older versions keep no stage.
func setStages(versions []emulator.SeedVersion) {
	n := len(versions)
	versions[n-1].Stages = []string{"AWSCURRENT"}
	if n > 1 {
		versions[n-2].Stages = []string{"AWSPREVIOUS"}
	}
}

// recordChanges records the creation and the manual new versions that fall
// in the history window.
func recordChanges(b *builtSecret, plans []versionPlan, people cast, t *trail, d *dice) {
	creator, writer := "terraform", cmp.Or(b.def.writer, "ci-deploy")
	if b.def.team == "" || b.def.env == "dev" {
		creator = writer
	}
	if b.def.owningService != "" {
		creator = "rds"
	}
	t.add(b.created, people.get(creator).from(d).event("CreateSecret", b.def.name))
	for _, p := range plans[1:] {
		if !p.rotated {
			t.add(p.at, people.get(writer).from(d).event("PutSecretValue", b.def.name))
		}
	}
}

// tags are the tags every team puts on its secrets, then the definition's
// own.
func tags(def secretDef) []emulator.SeedTag {
	var out []emulator.SeedTag
	if def.team != "" {
		out = []emulator.SeedTag{{Key: "team", Value: def.team}, {Key: "env", Value: def.env}}
		if !def.noOwner {
			out = append(out, emulator.SeedTag{Key: "owner", Value: def.team + "-oncall@example.com"})
		}
		out = append(out,
			emulator.SeedTag{Key: "cost-center", Value: costCenter(def.team)},
			emulator.SeedTag{Key: "data-classification", Value: cmp.Or(def.class, classification(def.env))})
		if def.env != "dev" {
			out = append(out, emulator.SeedTag{Key: "managed-by", Value: "terraform"})
		}
	}
	return append(out, def.extraTags...)
}

func costCenter(team string) string {
	switch team {
	case "payments":
		return "CC-1042"
	case "identity":
		return "CC-1043"
	case "search", "ml":
		return "CC-2107"
	case "data":
		return "CC-2110"
	case "mobile":
		return "CC-3001"
	}
	return "CC-0900"
}

func classification(env string) string {
	if env == "prod" {
		return "confidential"
	}
	return "internal"
}
