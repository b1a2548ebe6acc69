package ui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// Callers in the audit seed's CloudTrail history.
const (
	paymentsAPI  = "arn:aws:sts::123456789012:assumed-role/payments-api/i-0abc1234def567890"
	aliceSSO     = "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_abc123/alice@example.com"
	ciDeploy     = "arn:aws:iam::123456789012:user/ci-deploy"
	legacyExport = "arn:aws:iam::123456789012:user/svc-legacy-export"
	financeRecon = "arn:aws:sts::210987654321:assumed-role/finance-reconciliation/recon-nightly"
	bobSSO       = "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Developer_def456/bob@example.com"

	agentGo      = "aws-sdk-go-v2/1.30.3 ua/2.1 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64"
	agentCLI     = "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8"
	agentBoto3   = "Boto3/1.34.145 md/Botocore#1.34.145 lang/python#3.12.7"
	agentConsole = "console.amazonaws.com"

	paymentsDB = "prod/payments/postgres"
)

// auditSeed is the UI test seed with a CloudTrail history: payments-api
// reads the payments database for months, alice looks at it, ci-deploy
// writes it, a legacy exporter is refused and then reads it for the first
// time, a partner account batch-reads it, and bob reads the search key.
func auditSeed() emulator.Seed {
	seed := uitest.Seed()
	day := 24 * time.Hour
	ev := func(ago time.Duration, name, who, ip, agent, secret string) emulator.SeedEvent {
		return emulator.SeedEvent{Time: emulator.Relative(-ago), EventName: name, PrincipalARN: who, SourceIP: ip, UserAgent: agent, SecretID: secret}
	}
	denied := ev(2*day, "GetSecretValue", legacyExport, "192.0.2.146", "Boto3/1.26.137 Python/3.8.10", paymentsDB)
	denied.ErrorCode, denied.ErrorMessage = "AccessDeniedException", "User is not authorized to perform: secretsmanager:GetSecretValue"
	seed.Events = append(seed.Events,
		ev(80*day, "GetSecretValue", paymentsAPI, "10.20.1.15", agentGo, paymentsDB),
		ev(45*day, "GetSecretValue", paymentsAPI, "10.20.2.41", agentGo, paymentsDB),
		ev(20*day, "PutSecretValue", ciDeploy, "10.0.12.21", agentCLI, paymentsDB),
		ev(10*day, "GetSecretValue", paymentsAPI, "10.20.1.15", agentGo, paymentsDB),
		ev(3*day, "DescribeSecret", aliceSSO, "203.0.113.24", agentConsole, paymentsDB),
		ev(3*day-5*time.Minute, "GetSecretValue", aliceSSO, "203.0.113.24", agentConsole, paymentsDB),
		denied,
		ev(20*time.Hour, "GetSecretValue", legacyExport, "192.0.2.146", "Boto3/1.26.137 Python/3.8.10", paymentsDB),
		ev(5*time.Hour, "GetSecretValue", paymentsAPI, "10.20.3.87", agentGo, paymentsDB),
		ev(30*time.Minute, "BatchGetSecretValue", financeRecon, "10.200.7.12", agentBoto3, paymentsDB),
		ev(30*time.Minute, "GetSecretValue", financeRecon, "10.200.7.12", agentBoto3, paymentsDB),
		ev(12*time.Minute, "DescribeSecret", paymentsAPI, "10.20.1.15", "evil\x1b[31mred\u202e", paymentsDB),
		ev(6*time.Hour, "GetSecretValue", bobSSO, "198.51.100.77", agentCLI, "dev/search/api-key"),
	)
	return seed
}

// auditHarness is the app on a seed, with the emulator and the client the
// app uses.
type auditHarness struct {
	*uitest.Driver
	emu    *emulator.Server
	client *awsx.Client
}

// startAudit starts the app on seed at a fixed time.
func startAudit(t *testing.T, width, height int, seed emulator.Seed) auditHarness {
	t.Helper()
	emu, client := uitest.Backend(t, seed)
	return driveAudit(t, width, height, emu, client, uitest.Clock)
}

func driveAudit(t *testing.T, width, height int, emu *emulator.Server, client *awsx.Client, clock func() time.Time) auditHarness {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	cfg := ui.Config{Profile: "test", Region: "us-east-1", Now: clock, RevealTimeout: time.Hour, ClipboardTimeout: time.Hour, Clipboard: &uitest.Clipboard{}}
	d := uitest.NewDriver(t, ui.New(ctx, client, cfg), width, height)
	d.WaitForText("4 of 5 secrets")
	d.WaitForText("account 123456789012")
	return auditHarness{Driver: d, emu: emu, client: client}
}

// openSecretAudit picks a secret in the list and opens its audit trail,
// waiting until every page is loaded.
func (h auditHarness) openSecretAudit(t *testing.T, name string) {
	t.Helper()
	h.Press("/")
	h.Type(name)
	h.Press("enter", "a")
	h.WaitForText("Audit trail · ")
	h.waitLoaded(t)
}

func (h auditHarness) waitLoaded(t *testing.T) {
	t.Helper()
	h.WaitFor("every page loaded", func(s string) bool {
		return strings.Contains(s, "days loaded ·") || strings.Contains(s, "hours loaded ·")
	})
}

// lookups are the LookupEvents calls the emulator served.
func (h auditHarness) lookups() []emulator.Request {
	var out []emulator.Request
	for _, r := range h.emu.Requests() {
		if r.Operation == "LookupEvents" {
			out = append(out, r)
		}
	}
	return out
}

// movingBackend is uitest.Backend with a clock that moves with real time
// from uitest.Clock, so the emulator's request log shows when calls came.
func movingBackend(t *testing.T, seed emulator.Seed) (*emulator.Server, *awsx.Client, func() time.Time) {
	t.Helper()
	start := time.Now()
	clock := func() time.Time { return uitest.Clock().Add(time.Since(start)) }
	emu, client := uitest.BackendWith(t, seed, emulator.Options{Clock: clock})
	return emu, client, clock
}

// rowsWith are the screen's lines that contain text.
func rowsWith(screen, text string) []string {
	var out []string
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			out = append(out, l)
		}
	}
	return out
}

func TestAuditShowsTheSecretsEventsNewestFirst(t *testing.T) {
	t.Parallel()
	h := startAudit(t, 160, 45, auditSeed())
	h.openSecretAudit(t, "payments")
	s := h.Screen()
	if !strings.Contains(s, "12 of 12 events · 90 days loaded · 2 requests to CloudTrail") {
		t.Fatalf("summary line:\n%s", s)
	}
	if strings.Contains(s, "bob@example.com") {
		t.Error("an event about another secret is shown")
	}
	order := []string{"11:48:00 DescribeSecret", "11:30:00 GetSecretValue", "07:00:00 GetSecretValue", "2026-11-26 12:00:00 GetSecretValue", "2026-11-08 12:00:00 PutSecretValue", "2026-09-09 12:00:00 GetSecretValue"}
	last := -1
	for _, want := range order {
		i := strings.Index(s, want)
		if i < last {
			t.Fatalf("%q is out of order:\n%s", want, s)
		}
		last = i
	}
	for _, want := range []string{
		"payments-api/i-0abc1234def567890", "AWSReservedSSO_Admin/alice@example.com", "user/ci-deploy",
		"210987654321:finance-reconciliation/recon-nightly", "aws-sdk-go-v2/1.30", "aws-cli/2.15", "Boto3/1.34", "console",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	denied := rowsWith(s, "2026-11-26 12:00:00")
	if len(denied) != 1 || !strings.Contains(denied[0], "✗") || !strings.Contains(denied[0], "AccessDenied") {
		t.Errorf("the refused read is not marked: %q", denied)
	}
	if !strings.Contains(s, `evil\x1b[31mred\u`) || strings.Contains(h.View().Content, "\x1b[31mred") {
		t.Error("a user agent with control characters reached the screen raw")
	}
}

func TestAuditPagesAtMostTwoRequestsPerSecondWithoutBlocking(t *testing.T) {
	t.Parallel()
	seed := auditSeed()
	for i := range 60 {
		seed.Events = append(seed.Events, emulator.SeedEvent{
			Time: emulator.Relative(-time.Duration(i+1) * 25 * time.Hour), EventName: "GetSecretValue",
			PrincipalARN: paymentsAPI, SourceIP: "10.20.1.15", UserAgent: agentGo, SecretID: paymentsDB,
		})
	}
	emu, client, clock := movingBackend(t, seed)
	h := driveAudit(t, 100, 30, emu, client, clock)
	h.Press("/")
	h.Type("payments")
	h.Press("enter", "a")
	// 72 events: two pages by ARN, two by name, one at a time.
	h.WaitForText("loaded 50 events, loading… · 1 request to CloudTrail")
	h.Press("w")
	if s := h.Screen(); !strings.Contains(s, "last 90 days · reads") || !strings.Contains(s, "loading…") {
		t.Fatalf("a key pressed while loading waited for the load:\n%s", s)
	}
	h.Press("w", "w")
	h.waitLoaded(t)
	if s := h.Screen(); !strings.Contains(s, "72 of 72 events · 90 days loaded · 4 requests to CloudTrail") {
		t.Fatalf("after paging:\n%s", s)
	}
	calls := h.lookups()
	if len(calls) != 4 {
		t.Fatalf("LookupEvents calls = %d, want 4 (two pages by ARN, two by name)", len(calls))
	}
	// Calls leave 500 ms apart; they arrive with the jitter of a busy
	// machine, while without pacing they would come a few ms apart.
	for i := 1; i < len(calls); i++ {
		if gap := calls[i].Time.Sub(calls[i-1].Time); gap < 400*time.Millisecond {
			t.Errorf("LookupEvents %d came %v after the one before; CloudTrail allows 2 a second", i, gap)
		}
	}
	h.Press("G")
	if s := h.Screen(); !strings.Contains(s, "09-09 12:00") {
		t.Errorf("the oldest event is not at the bottom:\n%s", s)
	}
}

func TestAuditTimePresetsOfASecretNeedNoNewRequests(t *testing.T) {
	t.Parallel()
	h := startAudit(t, 100, 30, auditSeed())
	h.openSecretAudit(t, "payments")
	for _, want := range []string{
		"last hour · all events", "3 of 12 events",
		"last 24 hours · all events", "5 of 12 events",
		"last 7 days · all events", "8 of 12 events",
		"last 30 days · all events", "10 of 12 events",
		"last 90 days · all events", "12 of 12 events",
	} {
		if strings.HasPrefix(want, "last") {
			h.Press("t")
		}
		if s := h.Screen(); !strings.Contains(s, want) {
			t.Fatalf("after t, screen lacks %q:\n%s", want, s)
		}
	}
	if n := len(h.lookups()); n != 2 {
		t.Errorf("time presets of a secret made %d LookupEvents calls, want the first 2 only", n)
	}
}

func TestAuditAccountViewLoadsMoreWhenTheRangeWidens(t *testing.T) {
	t.Parallel()
	h := startAudit(t, 160, 45, auditSeed())
	h.Press("A")
	h.WaitForText("Audit trail · whole account")
	h.waitLoaded(t)
	s := h.Screen()
	if !strings.Contains(s, "last 7 days · all events") || !strings.Contains(s, "7 days loaded · 1 request") {
		t.Fatalf("account view:\n%s", s)
	}
	if !strings.Contains(s, "dev/search/api-key") || strings.Contains(s, "2026-11-18") {
		t.Fatalf("account view shows the wrong week:\n%s", s)
	}
	h.Press("t", "t") // 30 days, then 90
	h.WaitForText("90 days loaded · 3 requests")
	h.WaitForText("last 90 days")
	s = h.Screen()
	for _, want := range []string{"2026-11-18 12:00:00", "2026-11-08 12:00:00 PutSecretValue", "2026-09-09 12:00:00"} {
		if !strings.Contains(s, want) {
			t.Errorf("widened view lacks %q", want)
		}
	}
	h.Press("t", "t", "t")
	h.WaitForText("last 7 days")
	if n := len(h.lookups()); n != 3 {
		t.Errorf("narrowing again made requests: %d in all, want 3", n)
	}
}

func TestAuditFilters(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		keys []string
		text string
		want string
	}{
		{"principal term", nil, "principal:alice", "2 of 12 events"},
		{"event and ip terms", nil, "event:GetSecretValue ip:10.20.", "4 of 12 events"},
		{"plain word in the user agent", nil, "console", "2 of 12 events"},
		{"plain word in the principal", nil, "ci-deploy", "1 of 12 events"},
		{"reads", []string{"w"}, "", "11 of 12 events"},
		{"writes", []string{"w", "w"}, "", "1 of 12 events"},
		{"errors only", []string{"E"}, "", "1 of 12 events"},
		{"errors only and a word", []string{"E"}, "alice", "0 of 12 events"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := startAudit(t, 100, 30, auditSeed())
			h.openSecretAudit(t, "payments")
			h.Press(tt.keys...)
			if tt.text != "" {
				h.Press("/")
				h.Type(tt.text)
				h.Press("enter")
			}
			if s := h.Screen(); !strings.Contains(s, tt.want) {
				t.Fatalf("screen lacks %q:\n%s", tt.want, s)
			}
		})
	}
}

func TestAuditFilterInputTakesEveryKey(t *testing.T) {
	t.Parallel()
	h := startAudit(t, 100, 30, auditSeed())
	h.openSecretAudit(t, "payments")
	h.Press("/")
	h.Type("q?t")
	h.Drain(50 * time.Millisecond)
	s := h.Screen()
	if !strings.Contains(s, "/q?t") || strings.Contains(s, "any key closes") || !strings.Contains(s, "0 of 12 events") {
		t.Fatalf("typing in the filter:\n%s", s)
	}
	h.Press("esc")
	if s := h.Screen(); !strings.Contains(s, "last 90 days · all events") || !strings.Contains(s, "12 of 12 events") {
		t.Fatalf("esc does not clear the filter:\n%s", s)
	}
	h.Press("esc")
	h.WaitForText("1 of 5 secrets")
}

func TestAuditWhoReadItGroupsReadersAndMarksNewOnes(t *testing.T) {
	t.Parallel()
	h := startAudit(t, 160, 45, auditSeed())
	h.openSecretAudit(t, "payments")
	h.Press("tab")
	h.WaitForText("[who read it]")
	s := h.Screen()
	if strings.Count(s, " NEW ") != 1 || !strings.Contains(s, "NEW marks need a range shorter than the 90 days loaded (t)") {
		t.Fatalf("90 days of 90 cannot tell what is new:\n%s", s)
	}
	if row := rowsWith(s, "  payments-api "); len(row) != 1 || !strings.Contains(row[0], " 4      0      - 2026-09-09 12:00") {
		t.Errorf("payments-api: %q", row)
	}
	h.Press("t", "t") // last 24 hours
	s = h.Screen()
	newRows := map[string]bool{
		"210987654321:finance-reconciliation": true, "10.200.7.12": true, "10.20.3.87": true,
		"payments-api": false, "user/svc-legacy-export": false, "192.0.2.146": false,
	}
	for who, isNew := range newRows {
		row := rowsWith(s, "  "+who+" ")
		if len(row) != 1 {
			t.Fatalf("no single row for %s:\n%s", who, s)
		}
		if got := strings.Contains(row[0], " NEW "); got != isNew {
			t.Errorf("%s NEW = %v, want %v: %q", who, got, isNew, row[0])
		}
	}
	if row := rowsWith(s, "  210987654321:finance-reconciliation"); !strings.Contains(row[0], "NEW      1      1      -") {
		t.Errorf("the partner's batch read: %q", row[0])
	}
	if strings.Contains(s, "alice") {
		t.Error("alice read 3 days ago, outside the last 24 hours")
	}
	h.Press("t") // last 7 days: the legacy exporter's first (refused) attempt is in the window
	s = h.Screen()
	for _, who := range []string{"user/svc-legacy-export", "192.0.2.146", "AWSReservedSSO_Admin/alice@example.com"} {
		if row := rowsWith(s, "  "+who+" "); len(row) != 1 || !strings.Contains(row[0], " NEW ") {
			t.Errorf("%s is not NEW in the last 7 days: %q", who, row)
		}
	}
	if row := rowsWith(s, "  user/svc-legacy-export"); !strings.Contains(row[0], "1      0      1") {
		t.Errorf("the refused attempt is not counted as failed: %q", row[0])
	}
	// enter on a reader shows its reads in the events table.
	h.Press("j", "j", "enter")
	s = h.Screen()
	if !strings.Contains(s, "[events]") || !strings.Contains(s, "/event:GetSecretValue principal:") || !strings.Contains(s, "2 of 12 events") {
		t.Fatalf("enter on a reader:\n%s", s)
	}
}

func TestAuditOpensAnEventAsPrettyJSON(t *testing.T) {
	t.Parallel()
	h := startAudit(t, 80, 24, auditSeed())
	h.openSecretAudit(t, "payments")
	h.Press("enter")
	h.WaitForText("Event · DescribeSecret · 2026-11-28 11:48 UTC")
	s := h.Screen()
	for _, want := range []string{"{", `  "eventVersion": "1.09",`, `  "userIdentity": {`, `    "arn": "arn:aws:sts::123456789012:assumed-role/payments-api/`, "lines 1-20 of"} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON view lacks %q:\n%s", want, s)
		}
	}
	h.Press("G")
	s = h.Screen()
	if !strings.Contains(s, `"eventCategory": "Management"`) || !strings.Contains(s, "lines 26-45 of 45") {
		t.Errorf("G does not scroll to the end:\n%s", s)
	}
	h.Press("pgup")
	s = h.Screen()
	if !strings.Contains(s, `"userAgent": "evil\u001b[31mred\u202e"`) || strings.Contains(h.View().Content, "\u202e") {
		t.Errorf("the user agent is not shown escaped:\n%s", s)
	}
	h.Press("esc")
	h.WaitForText("12 of 12 events")
	if !strings.Contains(h.Screen(), "TIME (UTC)") {
		t.Fatal("esc does not go back to the table")
	}
}

func TestAuditSaysWhenLookupEventsIsDenied(t *testing.T) {
	t.Parallel()
	emu, client := uitest.Backend(t, auditSeed())
	emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "LookupEvents", ErrorCode: "AccessDeniedException"})
	h := driveAudit(t, 100, 30, emu, client, uitest.Clock)
	h.Press("/")
	h.Type("payments")
	h.Press("enter", "a")
	h.WaitForText("CloudTrail refused: access denied: cloudtrail:LookupEvents")
	h.Press("t", "w", "E", "tab", "enter", "tab", "j")
	if s := h.Screen(); !strings.Contains(s, "access denied: cloudtrail:LookupEvents") {
		t.Fatalf("keys lost the error:\n%s", s)
	}
	h.Press("esc")
	h.WaitForText("1 of 5 secrets")
	h.Press("enter")
	h.WaitForText("Primary database for payments")
}

func TestAuditThrottlingSaysWhatFailedAndRetries(t *testing.T) {
	t.Parallel()
	emu, client := uitest.Backend(t, auditSeed())
	emu.AddFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: "LookupEvents", Count: 1})
	h := driveAudit(t, 100, 30, emu, client, uitest.Clock)
	h.Press("A")
	h.WaitForText("could not load CloudTrail events: throttled")
	if !strings.Contains(h.Screen(), "R retries") {
		t.Fatalf("no retry offered:\n%s", h.Screen())
	}
	h.Press("R")
	h.waitLoaded(t)
	if s := h.Screen(); !strings.Contains(s, "10 of 10 events") {
		t.Fatalf("after retry:\n%s", s)
	}
}

func TestAuditShowsOwnRevealAfterReload(t *testing.T) {
	t.Parallel()
	h := startAudit(t, 100, 30, auditSeed())
	h.openSecretAudit(t, "payments")
	if strings.Contains(h.Screen(), "user/tester") {
		t.Fatal("the tester's own calls are shown before any")
	}
	if _, err := h.client.GetSecretValue(context.Background(), model.ValueRef{SecretID: paymentsDB}); err != nil {
		t.Fatal(err)
	}
	h.Drain(20 * time.Millisecond)
	if strings.Contains(h.Screen(), "user/tester") {
		t.Fatal("the view changed without a reload")
	}
	h.Press("ctrl+r")
	h.WaitForText("13 of 13 events")
	if row := rowsWith(h.Screen(), "user/tester"); len(row) != 1 || !strings.Contains(row[0], "GetSecretValue") {
		t.Fatalf("own reveal after reload: %q\n%s", row, h.Screen())
	}
}

func TestAuditShowsARevealFromTheDetail(t *testing.T) {
	t.Parallel()
	h := startAudit(t, 120, 40, auditSeed())
	h.Press("/")
	h.Type("payments")
	h.Press("enter", "enter")
	h.WaitForText("Value · AWSCURRENT")
	h.WaitFor("the description", func(s string) bool { return !strings.Contains(s, "loading metadata") })
	h.Press("v")
	h.WaitForText("pick a field")
	h.Press("v")
	h.WaitForText("payments_app")
	h.Press("a")
	h.WaitForText("Audit trail · prod/payments/postgres")
	h.waitLoaded(t)
	rows := rowsWith(h.Screen(), "user/tester")
	if len(rows) != 2 || !strings.Contains(rows[0], "GetSecretValue") || !strings.Contains(rows[1], "DescribeSecret") {
		t.Fatalf("the reveal above the describe before it: %q", rows)
	}
}

// TestAuditFindsReadsRefusedBeforeTheSecretResolved pins down why a
// secret's events are looked up by name as well as by ARN: a call refused
// before the secret was resolved names only what the caller gave.
func TestAuditFindsReadsRefusedBeforeTheSecretResolved(t *testing.T) {
	t.Parallel()
	emu, client := uitest.Backend(t, auditSeed())
	emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "GetSecretValue", SecretID: paymentsDB, ErrorCode: "AccessDeniedException", Count: 1})
	ctx := context.Background()
	if _, err := client.GetSecretValue(ctx, model.ValueRef{SecretID: paymentsDB}); !model.IsKind(err, model.KindAccessDenied) {
		t.Fatalf("GetSecretValue: %v", err)
	}
	arn := ""
	page, err := client.ListSecretsPage(ctx, model.ListQuery{Filters: []model.ListFilter{{Key: model.FilterName, Values: []string{paymentsDB}}}}, "")
	if err != nil || len(page.Secrets) != 1 {
		t.Fatalf("ListSecrets: %v %v", page.Secrets, err)
	}
	arn = page.Secrets[0].ARN
	byARN, err := client.LookupEvents(ctx, model.AuditQuery{SecretID: arn}, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range byARN.Events {
		if e.ErrorCode == "AccessDeniedException" && e.Username == "tester" {
			t.Fatal("the refused read is found by ARN too; the lookup by name would not be needed")
		}
	}
	h := driveAudit(t, 100, 30, emu, client, uitest.Clock)
	h.Press("/")
	h.Type("payments")
	h.Press("enter", "a")
	h.waitLoaded(t)
	row := rowsWith(h.Screen(), "user/tester")
	if len(row) != 1 || !strings.Contains(row[0], "✗") || !strings.Contains(row[0], "GetSecretValue") || !strings.Contains(row[0], "AccessDenied") {
		t.Fatalf("refused read by name: %q\n%s", row, h.Screen())
	}
}

func TestGoldenAudit80x24(t *testing.T) {
	h := startAudit(t, 80, 24, auditSeed())
	h.openSecretAudit(t, "payments")
	golden(t, "audit-80x24", settled(t, h.Driver))
}

func TestGoldenAudit160x45(t *testing.T) {
	h := startAudit(t, 160, 45, auditSeed())
	h.openSecretAudit(t, "payments")
	golden(t, "audit-160x45", settled(t, h.Driver))
}

func TestGoldenAuditWhoReadIt80x24(t *testing.T) {
	h := startAudit(t, 80, 24, auditSeed())
	h.openSecretAudit(t, "payments")
	h.Press("tab", "t", "t", "t")
	h.WaitForText("last 7 days")
	golden(t, "audit-who-read-it-80x24", settled(t, h.Driver))
}

func TestGoldenAuditAccount160x45(t *testing.T) {
	h := startAudit(t, 160, 45, auditSeed())
	h.Press("A")
	h.WaitForText("whole account")
	h.waitLoaded(t)
	golden(t, "audit-account-160x45", settled(t, h.Driver))
}
