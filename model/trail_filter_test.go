package model

import (
	"slices"
	"testing"
	"time"
)

func TestParseTrailTerms(t *testing.T) {
	got := ParseTrailTerms("  event:GetSecretValue principal:Alice ip:10.0. arn:aws:iam::1:user/x event: agent:cli ")
	want := []TrailTerm{
		{Field: "event", Text: "getsecretvalue"},
		{Field: "principal", Text: "alice"},
		{Field: "ip", Text: "10.0."},
		{Text: "arn:aws:iam::1:user/x"},
		{Field: "agent", Text: "cli"},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("terms = %+v\nwant %+v", got, want)
	}
}

func TestTrailFilterMatch(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	read := NewTrailEvent(AuditEvent{
		Name: "GetSecretValue", Time: now.Add(-time.Hour), ReadOnly: true,
		PrincipalARN: "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_abc/alice@example.com",
		SourceIP:     "10.0.4.2", UserAgent: "aws-cli/2.15.30 os/linux",
	})
	denied := NewTrailEvent(AuditEvent{
		Name: "PutSecretValue", Time: now.Add(-48 * time.Hour), ErrorCode: "AccessDenied",
		PrincipalARN: "arn:aws:iam::123456789012:user/ci-deploy", SourceIP: "192.0.2.9", UserAgent: "Boto3/1.34.1",
	})
	tests := []struct {
		name       string
		f          TrailFilter
		read, deny bool
	}{
		{"everything", TrailFilter{}, true, true},
		{"since", TrailFilter{Since: now.Add(-24 * time.Hour)}, true, false},
		{"reads", TrailFilter{Kind: TrailReads}, true, false},
		{"writes", TrailFilter{Kind: TrailWrites}, false, true},
		{"errors only", TrailFilter{ErrorsOnly: true}, false, true},
		{"event term", TrailFilter{Terms: ParseTrailTerms("event:getsecret")}, true, false},
		{"principal by short name", TrailFilter{Terms: ParseTrailTerms("principal:alice")}, true, false},
		{"principal by arn", TrailFilter{Terms: ParseTrailTerms("principal:user/ci-deploy")}, false, true},
		{"ip prefix", TrailFilter{Terms: ParseTrailTerms("ip:10.0.")}, true, false},
		{"agent", TrailFilter{Terms: ParseTrailTerms("agent:boto3")}, false, true},
		{"plain word in the agent", TrailFilter{Terms: ParseTrailTerms("aws-cli")}, true, false},
		{"plain word in the ip", TrailFilter{Terms: ParseTrailTerms("192.0.2")}, false, true},
		{"plain word in the event", TrailFilter{Terms: ParseTrailTerms("put")}, false, true},
		{"all terms must match", TrailFilter{Terms: ParseTrailTerms("alice ip:192.")}, false, false},
		{"a field word does not look elsewhere", TrailFilter{Terms: ParseTrailTerms("ip:alice")}, false, false},
	}
	for _, tt := range tests {
		if got := tt.f.Match(&read); got != tt.read {
			t.Errorf("%s: read event matched = %v", tt.name, got)
		}
		if got := tt.f.Match(&denied); got != tt.deny {
			t.Errorf("%s: denied event matched = %v", tt.name, got)
		}
	}
}

func TestTrailRangeAndKindCycle(t *testing.T) {
	var names []string
	r := TrailHour
	for range 6 {
		names = append(names, r.String())
		r = r.Next()
	}
	want := []string{"last hour", "last 24 hours", "last 7 days", "last 30 days", "last 90 days", "last hour"}
	if !slices.Equal(names, want) {
		t.Fatalf("ranges = %q", names)
	}
	if Trail90Days.Duration() != TrailRetention || TrailWeek.Duration() != 7*24*time.Hour {
		t.Fatal("durations are off")
	}
	if TrailAll.Next() != TrailReads || TrailReads.Next() != TrailWrites || TrailWrites.Next() != TrailAll {
		t.Fatal("kinds do not cycle")
	}
}
