package assets_test

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// validName is what Secrets Manager accepts in a name; '!' only appears in
// the names of secrets a service owns, such as RDS's rds!db-….
var validName = regexp.MustCompile(`^[A-Za-z0-9/_+=.@!-]{1,512}$`)

func TestDemoSecretsHaveUniqueValidNames(t *testing.T) {
	seed := demoSeed(t)
	if n := len(homeOf(seed).Secrets); n < 55 || n > 65 {
		t.Errorf("%d secrets in the home region, want 55-65", n)
	}
	type named struct {
		at   place
		name string
	}
	seen := map[named]bool{}
	for _, s := range seed.Secrets {
		if !validName.MatchString(s.Name) {
			t.Errorf("invalid secret name %q", s.Name)
		}
		if strings.Contains(s.Name, "!") && s.OwningService == "" {
			t.Errorf("%s: only a service-owned secret may have '!' in its name", s.Name)
		}
		key := named{placeOf(seed, s.Account, s.Region), s.Name}
		if seen[key] {
			t.Errorf("secret %q appears twice in %v", s.Name, key.at)
		}
		seen[key] = true
	}
}

func TestDemoVersionsAreWellFormed(t *testing.T) {
	for _, s := range demoSeed(t).Secrets {
		if len(s.Versions) == 0 {
			t.Errorf("%s: no versions", s.Name)
			continue
		}
		stageCount := map[string]int{}
		ids := map[string]bool{}
		created := s.Created.Resolve(loadTime)
		var previous time.Time
		for _, v := range s.Versions {
			if (v.String == nil) == (v.Binary == nil) {
				t.Errorf("%s/%s: want exactly one of string and binary", s.Name, v.ID)
			}
			if v.ID == "" || ids[v.ID] {
				t.Errorf("%s: missing or repeated version id %q", s.Name, v.ID)
			}
			ids[v.ID] = true
			at := v.Created.Resolve(loadTime)
			if v.Created.IsZero() || at.Before(created) || at.Before(previous) || !at.Before(loadTime) {
				t.Errorf("%s/%s: created %v, want after the secret (%v) and the version before, and in the past", s.Name, v.ID, at, created)
			}
			previous = at
			for _, stage := range v.Stages {
				stageCount[stage]++
			}
		}
		if stageCount["AWSCURRENT"] != 1 {
			t.Errorf("%s: %d versions are AWSCURRENT, want 1", s.Name, stageCount["AWSCURRENT"])
		}
		for _, stage := range []string{"AWSPREVIOUS", "AWSPENDING"} {
			if stageCount[stage] > 1 {
				t.Errorf("%s: %d versions are %s, want at most 1", s.Name, stageCount[stage], stage)
			}
		}
	}
}

// find returns the secrets that match.
func find(secrets []emulator.SeedSecret, match func(emulator.SeedSecret) bool) []emulator.SeedSecret {
	var out []emulator.SeedSecret
	for _, s := range secrets {
		if match(s) {
			out = append(out, s)
		}
	}
	return out
}

func hasStage(v emulator.SeedVersion, stage string) bool { return slices.Contains(v.Stages, stage) }

func TestDemoSecretsCoverWhatTheAppShows(t *testing.T) {
	secrets := homeSeed(t).Secrets
	cases := []struct {
		name  string
		min   int
		match func(emulator.SeedSecret) bool
	}{
		{"binary value of a few KB", 1, func(s emulator.SeedSecret) bool {
			return slices.ContainsFunc(s.Versions, func(v emulator.SeedVersion) bool { return len(v.Binary) >= 2048 })
		}},
		{"stuck rotation: AWSPENDING apart from AWSCURRENT", 1, func(s emulator.SeedSecret) bool {
			return s.Rotation != nil && strings.HasSuffix(s.Rotation.LambdaARN, ":function:keyhole-rotate-fail-setSecret") &&
				slices.ContainsFunc(s.Versions, func(v emulator.SeedVersion) bool {
					return hasStage(v, "AWSPENDING") && !hasStage(v, "AWSCURRENT")
				})
		}},
		{"pending deletion three days ago, 30-day window", 1, func(s emulator.SeedSecret) bool {
			ago := loadTime.Sub(s.Deleted.Resolve(loadTime))
			return !s.Deleted.IsZero() && s.RecoveryWindowDays == 30 && ago >= 72*time.Hour && ago < 96*time.Hour
		}},
		{"12+ versions with current, previous and deprecated", 1, func(s emulator.SeedSecret) bool {
			return len(s.Versions) >= 12 &&
				slices.ContainsFunc(s.Versions, func(v emulator.SeedVersion) bool { return hasStage(v, "AWSPREVIOUS") }) &&
				slices.ContainsFunc(s.Versions, func(v emulator.SeedVersion) bool { return len(v.Stages) == 0 })
		}},
		{"replicated from us-east-1, one replica in sync, one failed", 1, func(s emulator.SeedSecret) bool {
			return s.PrimaryRegion == "us-east-1" &&
				slices.ContainsFunc(s.Replicas, func(r emulator.SeedReplica) bool { return r.Region == "us-west-2" && r.Status == "InSync" }) &&
				slices.ContainsFunc(s.Replicas, func(r emulator.SeedReplica) bool {
					return r.Region == "eu-west-1" && r.Status == "Failed" && r.StatusMessage != ""
				})
		}},
		{"owned by RDS", 1, func(s emulator.SeedSecret) bool {
			return s.OwningService == "rds" && strings.HasPrefix(s.Name, "rds!db-")
		}},
		{"rotating RDS credentials", 3, func(s emulator.SeedSecret) bool {
			return s.Rotation != nil && s.Rotation.LambdaARN == "arn:aws:lambda:us-east-1:123456789012:function:keyhole-rotate-password" &&
				strings.Contains(*s.Versions[0].String, `"engine":`) && strings.Contains(*s.Versions[0].String, `"password":`)
		}},
		{"rotation after a number of days", 1, func(s emulator.SeedSecret) bool {
			return s.Rotation != nil && s.Rotation.AutomaticallyAfterDays > 0
		}},
		{"rotation by rate()", 1, func(s emulator.SeedSecret) bool {
			return s.Rotation != nil && strings.HasPrefix(s.Rotation.ScheduleExpression, "rate(")
		}},
		{"rotation by cron() in a window", 1, func(s emulator.SeedSecret) bool {
			return s.Rotation != nil && s.Rotation.ScheduleExpression == "cron(0 4 ? * SUN *)" && s.Rotation.Duration != ""
		}},
		{"overdue rotation", 2, func(s emulator.SeedSecret) bool {
			return s.Rotation != nil && s.Rotation.Enabled && s.Rotation.NextRotation.Resolve(loadTime).Before(loadTime)
		}},
		{"rotation never run", 1, func(s emulator.SeedSecret) bool {
			return s.Rotation != nil && s.Rotation.Enabled && s.Rotation.LastRotated.IsZero() && !s.Rotation.NextRotation.IsZero()
		}},
		{"customer-managed KMS key", 10, func(s emulator.SeedSecret) bool { return strings.HasPrefix(s.KMSKeyID, "arn:aws:kms:") }},
		{"AWS managed KMS key", 10, func(s emulator.SeedSecret) bool { return s.KMSKeyID == "" }},
		{"no path in the name", 3, func(s emulator.SeedSecret) bool { return !strings.Contains(s.Name, "/") }},
		{"empty description", 3, func(s emulator.SeedSecret) bool { return s.Description == "" }},
		{"never read", 1, func(s emulator.SeedSecret) bool { return s.LastAccessed.IsZero() }},
		{"nested JSON with an array", 2, func(s emulator.SeedSecret) bool {
			var doc map[string]any
			v := s.Versions[len(s.Versions)-1]
			return v.String != nil && json.Unmarshal([]byte(*v.String), &doc) == nil && nestsArrayOfObjects(doc)
		}},
	}
	for _, c := range cases {
		if got := find(secrets, c.match); len(got) < c.min {
			t.Errorf("%s: %d secrets, want at least %d", c.name, len(got), c.min)
		}
	}
}

func nestsArrayOfObjects(doc map[string]any) bool {
	for _, v := range doc {
		if list, ok := v.([]any); ok && len(list) > 0 {
			if _, ok := list[0].(map[string]any); ok {
				return true
			}
		}
	}
	return false
}

func TestDemoSecretsAreMostlyTagged(t *testing.T) {
	secrets := homeSeed(t).Secrets
	tagged := find(secrets, func(s emulator.SeedSecret) bool {
		return slices.ContainsFunc(s.Tags, func(tag emulator.SeedTag) bool { return tag.Key == "team" })
	})
	if len(tagged)*10 < len(secrets)*8 {
		t.Errorf("%d of %d secrets carry a team tag, want at least 80%%", len(tagged), len(secrets))
	}
	untagged := find(secrets, func(s emulator.SeedSecret) bool { return len(s.Tags) == 0 })
	if len(untagged) == 0 {
		t.Error("want a few untagged secrets too")
	}
}

func TestDemoDescriptionsUseSeveralScripts(t *testing.T) {
	scripts := map[string]*unicode.RangeTable{
		"Arabic": unicode.Arabic, "Han": unicode.Han, "Hiragana": unicode.Hiragana, "Katakana": unicode.Katakana,
	}
	var accented int
	for _, s := range homeSeed(t).Secrets {
		for name, table := range scripts {
			if strings.IndexFunc(s.Description, func(r rune) bool { return unicode.Is(table, r) }) >= 0 {
				delete(scripts, name)
			}
		}
		if strings.IndexFunc(s.Description, func(r rune) bool { return unicode.Is(unicode.Latin, r) && r > unicode.MaxASCII }) >= 0 {
			accented++
		}
	}
	for name := range scripts {
		t.Errorf("no description written in %s", name)
	}
	if accented < 5 {
		t.Errorf("%d descriptions with accented Latin letters, want at least 5", accented)
	}
}

func TestDemoPoliciesAreValidAndVaried(t *testing.T) {
	withPolicy := find(demoSeed(t).Secrets, func(s emulator.SeedSecret) bool { return s.Policy != "" })
	var crossAccount, conditional bool
	for _, s := range withPolicy {
		var doc struct {
			Version   string
			Statement []struct {
				Effect    string
				Principal any
				Condition map[string]any
			}
		}
		if err := json.Unmarshal([]byte(s.Policy), &doc); err != nil || doc.Version != "2012-10-17" || len(doc.Statement) == 0 {
			t.Errorf("%s: policy is not a valid policy document (%v)", s.Name, err)
			continue
		}
		for _, st := range doc.Statement {
			principal, _ := json.Marshal(st.Principal)
			crossAccount = crossAccount || (strings.Contains(string(principal), "arn:aws:iam::") &&
				!strings.Contains(string(principal), "::123456789012:"))
			conditional = conditional || len(st.Condition) > 0
		}
	}
	if !crossAccount || !conditional {
		t.Errorf("cross-account policy %v, policy with a condition %v: want both", crossAccount, conditional)
	}
}
