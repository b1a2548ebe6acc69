package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func readEvent(now time.Time, ago time.Duration, name, arn, ip, errorCode string) TrailEvent {
	return NewTrailEvent(AuditEvent{
		ID: fmt.Sprint(name, arn, ip, ago), Name: name, Time: now.Add(-ago), ReadOnly: true,
		PrincipalARN: arn, SourceIP: ip, ErrorCode: errorCode,
	})
}

// summary writes readers as "who NEW gets/batches/failed [ip NEW gets/batches/failed ...]".
func summary(readers []Reader) string {
	var b strings.Builder
	for _, r := range readers {
		fmt.Fprintf(&b, "%s%s %d/%d/%d [", r.Who, newMark(r.New), r.Gets, r.Batches, r.Failed)
		for _, a := range r.Addresses {
			fmt.Fprintf(&b, " %s%s %d/%d/%d", a.IP, newMark(a.New), a.Gets, a.Batches, a.Failed)
		}
		b.WriteString(" ]\n")
	}
	return b.String()
}

func newMark(n bool) string {
	if n {
		return " NEW"
	}
	return ""
}

func TestWhoReadGroupsCountsAndMarksNew(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	const (
		api   = "arn:aws:sts::123456789012:assumed-role/payments-api/i-0abc"
		api2  = "arn:aws:sts::123456789012:assumed-role/payments-api/i-0def"
		alice = "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_abc/alice@example.com"
		user  = "arn:aws:iam::123456789012:user/svc-legacy-export"
	)
	events := []TrailEvent{
		readEvent(now, time.Hour, "GetSecretValue", api2, "10.0.0.9", ""),      // new address of a known role
		readEvent(now, 2*time.Hour, "GetSecretValue", user, "192.0.2.146", ""), // new reader, new address
		readEvent(now, 3*time.Hour, "GetSecretValue", user, "192.0.2.146", "AccessDeniedException"),
		readEvent(now, 4*time.Hour, "BatchGetSecretValue", api, "10.0.0.1", ""),
		readEvent(now, 5*time.Hour, "GetSecretValue", api, "10.0.0.1", ""),
		readEvent(now, 6*time.Hour, "DescribeSecret", alice, "203.0.113.5", ""), // not a read
		readEvent(now, 3*day, "GetSecretValue", alice, "203.0.113.5", ""),       // before the window
		readEvent(now, 60*day, "GetSecretValue", api, "10.0.0.1", ""),
	}
	w := ReadWindow{Start: now.Add(-day), Loaded: now.Add(-90 * day)}
	got := summary(WhoRead(events, w, nil))
	want := "user/svc-legacy-export NEW 1/0/1 [ 192.0.2.146 NEW 1/0/1 ]\n" +
		"payments-api 2/1/0 [ 10.0.0.9 NEW 1/0/0 10.0.0.1 1/1/0 ]\n"
	if got != want {
		t.Fatalf("who read it:\n%s\nwant:\n%s", got, want)
	}

	readers := WhoRead(events, w, nil)
	api0 := readers[1]
	if !api0.First.Equal(now.Add(-60*day)) || !api0.Last.Equal(now.Add(-time.Hour)) {
		t.Errorf("payments-api first %v last %v: first must come from the whole history, last from the window", api0.First, api0.Last)
	}

	// A window as long as the history cannot tell what is new.
	all := summary(WhoRead(events, ReadWindow{Start: now.Add(-90 * day), Loaded: now.Add(-90 * day)}, nil))
	if strings.Contains(all, "NEW") {
		t.Errorf("NEW marks with a window as long as the history:\n%s", all)
	}
	if !strings.Contains(all, "AWSReservedSSO_Admin/alice@example.com 1/0/0") {
		t.Errorf("alice's read 3 days ago is missing from the 90-day window:\n%s", all)
	}
	// Unknown history: no marks either.
	if s := summary(WhoRead(events, ReadWindow{Start: now.Add(-day)}, nil)); strings.Contains(s, "NEW") {
		t.Errorf("NEW marks without a loaded history:\n%s", s)
	}
}

func TestWhoReadFilterKeepsNoveltyFromTheWholeHistory(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	const api = "arn:aws:sts::123456789012:assumed-role/payments-api/i-0abc"
	events := []TrailEvent{
		readEvent(now, time.Hour, "GetSecretValue", api, "10.0.0.1", "AccessDeniedException"),
		readEvent(now, 2*time.Hour, "GetSecretValue", api, "10.0.0.1", ""),
		readEvent(now, 40*24*time.Hour, "GetSecretValue", api, "10.0.0.1", ""),
	}
	w := ReadWindow{Start: now.Add(-24 * time.Hour), Loaded: now.Add(-90 * 24 * time.Hour)}
	failedOnly := func(e *TrailEvent) bool { return e.Failed() }
	if got, want := summary(WhoRead(events, w, failedOnly)), "payments-api 0/0/1 [ 10.0.0.1 0/0/1 ]\n"; got != want {
		t.Fatalf("errors only:\n%s\nwant:\n%s", got, want)
	}
}
