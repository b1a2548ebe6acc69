package assets_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

func TestDemoHistorySpansNinetyDaysOfVariedCallers(t *testing.T) {
	seed := homeSeed(t)
	events := seed.Events
	if n := len(events); n < 2000 || n > 4000 {
		t.Errorf("%d events, want 2,000-4,000", n)
	}
	principals, ips := map[string]bool{}, map[string]bool{}
	var oldest, newest time.Time
	for i, e := range events {
		at := e.Time.Resolve(loadTime)
		if e.Time.IsZero() || !at.Before(loadTime) {
			t.Fatalf("event %d (%s) at %v, want a time in the past", i, e.EventName, at)
		}
		if i > 0 && at.Before(newest) {
			t.Fatalf("event %d (%s) is older than the one before it", i, e.EventName)
		}
		if i == 0 {
			oldest = at
		}
		newest = at
		principals[e.PrincipalARN] = true
		ips[e.SourceIP] = true
	}
	if span := newest.Sub(oldest); span < 85*24*time.Hour || oldest.Before(loadTime.Add(-90*24*time.Hour)) {
		t.Errorf("events from %v to %v, want about the last 90 days", oldest, newest)
	}
	if len(principals) < 4 || len(ips) < 4 {
		t.Errorf("%d principals and %d source addresses, want at least 4 of each", len(principals), len(ips))
	}
	for _, want := range []string{"203.0.113.", "198.51.100.", "10.", "secretsmanager.amazonaws.com"} {
		if !containsPrefix(ips, want) {
			t.Errorf("no source address %s…", want)
		}
	}
}

func containsPrefix(set map[string]bool, prefix string) bool {
	for k := range set {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

func TestDemoHistoryHasTheEventsTheAppShows(t *testing.T) {
	seed := homeSeed(t)
	count := map[string]int{}
	for _, e := range seed.Events {
		count[e.EventName]++
		if e.ErrorCode != "" {
			count[e.ErrorCode]++
		}
	}
	for _, name := range []string{
		"GetSecretValue", "DescribeSecret", "ListSecrets", "PutSecretValue", "UpdateSecret", "RotateSecret",
		"RotationStarted", "RotationSucceeded", "RotationFailed", "AccessDeniedException",
	} {
		if count[name] == 0 {
			t.Errorf("no %s in the history", name)
		}
	}
	if count["GetSecretValue"]*2 < len(seed.Events) {
		t.Errorf("%d of %d events are GetSecretValue, want most", count["GetSecretValue"], len(seed.Events))
	}
	for _, agent := range []string{"aws-sdk-go-v2/", "aws-cli/2.", "Boto3/", "console.amazonaws.com"} {
		if !slices.ContainsFunc(seed.Events, func(e emulator.SeedEvent) bool { return strings.HasPrefix(e.UserAgent, agent) }) {
			t.Errorf("no event from user agent %s…", agent)
		}
	}
}

func TestDemoHistoryNamesRealSecretsAndRotations(t *testing.T) {
	seed := demoSeed(t)
	type named struct {
		at   place
		name string
	}
	byName := map[named]emulator.SeedSecret{}
	for _, s := range seed.Secrets {
		byName[named{placeOf(seed, s.Account, s.Region), s.Name}] = s
	}
	for _, e := range seed.Events {
		s, ok := byName[named{placeOf(seed, e.Account, e.Region), e.SecretID}]
		if e.SecretID != "" && e.ErrorCode == "" && !ok {
			t.Errorf("%s succeeded on %q, which is not in the seed", e.EventName, e.SecretID)
		}
		if strings.HasPrefix(e.EventName, "Rotation") && (s.Rotation == nil || e.SourceIP != "secretsmanager.amazonaws.com") {
			t.Errorf("%s on %q: want a rotating secret, written by Secrets Manager", e.EventName, e.SecretID)
		}
	}
}

func TestDemoHistoryHasANewReaderInTheLastDay(t *testing.T) {
	first := map[string]time.Time{}
	reads := map[string]int{}
	for _, e := range homeSeed(t).Events {
		if _, ok := first[e.PrincipalARN]; !ok {
			first[e.PrincipalARN] = e.Time.Resolve(loadTime)
		}
		if e.EventName == "GetSecretValue" {
			reads[e.PrincipalARN]++
		}
	}
	var newcomers []string
	for principal, at := range first {
		if loadTime.Sub(at) < 24*time.Hour && reads[principal] >= 3 {
			newcomers = append(newcomers, principal)
		}
	}
	if len(newcomers) != 1 {
		t.Errorf("principals first seen reading in the last day: %v, want exactly one", newcomers)
	}
}

func TestDemoIdentitiesMapTheAppsAndThePrincipalsKeys(t *testing.T) {
	seed := demoSeed(t)
	if arn := seed.Identities["AKIAKEYHOLEDEMO"]; !strings.HasPrefix(arn, "arn:aws:iam::123456789012:user/") {
		t.Errorf("AKIAKEYHOLEDEMO maps to %q, want a user of the demo account", arn)
	}
	for _, e := range seed.Events {
		if arn, ok := seed.Identities[e.AccessKeyID]; ok && arn != e.PrincipalARN {
			t.Fatalf("%s by %s signed with %s, which belongs to %s", e.EventName, e.PrincipalARN, e.AccessKeyID, arn)
		}
	}
}

// secretTexts returns what of a version must never be seen outside a
// value: the whole value and, for JSON, every longer string inside it.
func secretTexts(v emulator.SeedVersion) []string {
	if v.Binary != nil {
		return []string{string(v.Binary)}
	}
	out := []string{*v.String}
	var doc any
	if json.Unmarshal([]byte(*v.String), &doc) == nil {
		out = appendLeaves(out, doc)
	}
	return out
}

func appendLeaves(out []string, doc any) []string {
	switch d := doc.(type) {
	case string:
		if len(d) >= 12 {
			out = append(out, d)
		}
	case []any:
		for _, v := range d {
			out = appendLeaves(out, v)
		}
	case map[string]any:
		for _, v := range d {
			out = appendLeaves(out, v)
		}
	}
	return out
}

func TestDemoEventsNeverCarryASecretValue(t *testing.T) {
	seed := demoSeed(t)
	var values []string
	for _, s := range seed.Secrets {
		for _, v := range s.Versions {
			values = append(values, secretTexts(v)...)
		}
	}
	for _, e := range seed.Events {
		for _, field := range []string{
			e.EventName, e.EventSource, e.PrincipalARN, e.AccessKeyID, e.SourceIP, e.UserAgent, e.SecretID, e.ErrorCode, e.ErrorMessage,
		} {
			for _, value := range values {
				if value != "" && strings.Contains(field, value) {
					t.Fatalf("a %s event at %v carries a secret value", e.EventName, e.Time.Resolve(loadTime))
				}
			}
		}
	}
}
