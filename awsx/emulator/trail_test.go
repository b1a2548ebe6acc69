package emulator_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// lookupAll pages through LookupEvents for one attribute.
func lookupAll(t testing.TB, e *env, key cttypes.LookupAttributeKey, value string) []cttypes.Event {
	t.Helper()
	in := &cloudtrail.LookupEventsInput{}
	if key != "" {
		in.LookupAttributes = []cttypes.LookupAttribute{{AttributeKey: key, AttributeValue: aws.String(value)}}
	}
	var events []cttypes.Event
	p := cloudtrail.NewLookupEventsPaginator(e.ct, in)
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, out.Events...)
	}
	return events
}

// trailRecord decodes an event's CloudTrailEvent JSON.
func trailRecord(t testing.TB, ev cttypes.Event) map[string]any {
	t.Helper()
	var rec map[string]any
	if err := json.Unmarshal([]byte(aws.ToString(ev.CloudTrailEvent)), &rec); err != nil {
		t.Fatalf("CloudTrailEvent is not JSON: %v", err)
	}
	return rec
}

func TestEveryCallIsRecordedInCloudTrail(t *testing.T) {
	e := newEnv(t, emulator.Options{Identities: map[string]string{
		testAccessKey:          "arn:aws:iam::123456789012:user/alice",
		"ASIAROLEKEY000000001": "arn:aws:sts::123456789012:assumed-role/Deployer/ci-run-42",
	}})
	arn := e.create(t, "prod/db", `{"password":"p"}`)
	e.clock.Advance(time.Minute)
	if _, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/db"), VersionStage: aws.String("AWSCURRENT")}); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Minute)
	bob := e.secretsClient("ASIAROLEKEY000000001")
	_, err := bob.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/db"), VersionId: aws.String("nope")})
	wantAPIError(t, err, "ResourceNotFoundException", "")

	events := lookupAll(t, e, cttypes.LookupAttributeKeyResourceName, arn)
	if len(events) != 3 {
		t.Fatalf("want 3 events for the secret, got %d", len(events))
	}
	failed, read, created := events[0], events[1], events[2]
	if aws.ToString(created.EventName) != "CreateSecret" || aws.ToString(read.EventName) != "GetSecretValue" {
		t.Fatalf("events not newest first: %s, %s, %s", aws.ToString(failed.EventName), aws.ToString(read.EventName), aws.ToString(created.EventName))
	}
	if aws.ToString(read.Username) != "alice" || aws.ToString(read.AccessKeyId) != testAccessKey || aws.ToString(read.ReadOnly) != "true" {
		t.Fatalf("read event %+v", read)
	}
	if len(read.Resources) != 1 || aws.ToString(read.Resources[0].ResourceName) != arn || aws.ToString(read.Resources[0].ResourceType) != "AWS::SecretsManager::Secret" {
		t.Fatalf("resources %+v", read.Resources)
	}
	rec := trailRecord(t, read)
	if rec["eventSource"] != "secretsmanager.amazonaws.com" || rec["awsRegion"] != "us-east-1" || rec["sourceIPAddress"] != "127.0.0.1" {
		t.Fatalf("record %v", rec)
	}
	params := rec["requestParameters"].(map[string]any)
	if params["secretId"] != "prod/db" || params["versionStage"] != "AWSCURRENT" {
		t.Fatalf("requestParameters %v", params)
	}
	if ident := rec["userIdentity"].(map[string]any); ident["type"] != "IAMUser" || ident["arn"] != "arn:aws:iam::123456789012:user/alice" || ident["accountId"] != "123456789012" {
		t.Fatalf("userIdentity %v", ident)
	}
	if !strings.Contains(rec["userAgent"].(string), "aws-sdk-go-v2") {
		t.Fatalf("userAgent %v", rec["userAgent"])
	}
	frec := trailRecord(t, failed)
	if frec["errorCode"] != "ResourceNotFoundException" || frec["errorMessage"] != "Secrets Manager can't find the specified secret value for VersionId: nope" {
		t.Fatalf("failed record %v", frec)
	}
	if ident := frec["userIdentity"].(map[string]any); ident["type"] != "AssumedRole" || aws.ToString(failed.Username) != "ci-run-42" {
		t.Fatalf("assumed role identity %v, username %s", ident, aws.ToString(failed.Username))
	}
	crec := trailRecord(t, created)
	if resp := crec["responseElements"].(map[string]any); resp["arn"] != arn || resp["name"] != "prod/db" || resp["versionId"] == nil {
		t.Fatalf("responseElements %v", resp)
	}
	if aws.ToString(created.ReadOnly) != "false" {
		t.Fatal("CreateSecret recorded as read-only")
	}
	byName := lookupAll(t, e, cttypes.LookupAttributeKeyResourceName, "prod/db")
	if len(byName) != 3 {
		t.Fatalf("lookup by name found %d events", len(byName))
	}
}

func TestLookupEventsAttributesAndPaging(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v")
	for range 120 {
		e.clock.Advance(time.Second)
		if _, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")}); err != nil {
			t.Fatal(err)
		}
	}
	reads := lookupAll(t, e, cttypes.LookupAttributeKeyEventName, "GetSecretValue")
	if len(reads) != 120 {
		t.Fatalf("got %d reads", len(reads))
	}
	for i := 1; i < len(reads); i++ {
		if !reads[i].EventTime.Before(*reads[i-1].EventTime) {
			t.Fatalf("not newest first at %d", i)
		}
	}
	if got := lookupAll(t, e, cttypes.LookupAttributeKeyReadOnly, "false"); len(got) != 1 {
		t.Fatalf("write events %d", len(got))
	}
	one := lookupAll(t, e, cttypes.LookupAttributeKeyEventId, aws.ToString(reads[5].EventId))
	if len(one) != 1 || aws.ToString(one[0].EventId) != aws.ToString(reads[5].EventId) {
		t.Fatalf("by event id %v", one)
	}
	if got := lookupAll(t, e, cttypes.LookupAttributeKeyAccessKeyId, testAccessKey); len(got) != 121 {
		t.Fatalf("by access key %d", len(got))
	}
	if got := lookupAll(t, e, cttypes.LookupAttributeKeyResourceType, "AWS::SecretsManager::Secret"); len(got) != 121 {
		t.Fatalf("by resource type %d", len(got))
	}
	if got := lookupAll(t, e, cttypes.LookupAttributeKeyEventSource, "secretsmanager.amazonaws.com"); len(got) != 121 {
		t.Fatalf("by event source %d", len(got))
	}
	window, err := e.ct.LookupEvents(t.Context(), &cloudtrail.LookupEventsInput{
		StartTime: aws.Time(e.clock.Now().Add(-9 * time.Second)), EndTime: aws.Time(e.clock.Now()),
	})
	if err != nil || len(window.Events) != 10 {
		t.Fatalf("time window: %v, %d events", err, len(window.Events))
	}
	first, err := e.ct.LookupEvents(t.Context(), &cloudtrail.LookupEventsInput{})
	if err != nil || len(first.Events) != 50 || first.NextToken == nil {
		t.Fatalf("default page: %v %d", err, len(first.Events))
	}
	_, err = e.ct.LookupEvents(t.Context(), &cloudtrail.LookupEventsInput{MaxResults: aws.Int32(51)})
	wantAPIError(t, err, "InvalidMaxResultsException", "")
	_, err = e.ct.LookupEvents(t.Context(), &cloudtrail.LookupEventsInput{LookupAttributes: []cttypes.LookupAttribute{
		{AttributeKey: cttypes.LookupAttributeKeyEventName, AttributeValue: aws.String("a")},
		{AttributeKey: cttypes.LookupAttributeKeyUsername, AttributeValue: aws.String("b")},
	}})
	wantAPIError(t, err, "InvalidLookupAttributesException", "")
}

func TestSecretValuesNeverReachTrailOrLog(t *testing.T) {
	const canary = "CANARY-7f3a9c-do-not-log"
	var logs syncBuffer
	e := newEnv(t, emulator.Options{Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if _, err := e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{
		Name: aws.String("canary"), SecretString: aws.String(`{"user":"u","password":"` + canary + `"}`),
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{Name: aws.String("canary-bin"), SecretBinary: []byte(canary)}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sm.PutSecretValue(t.Context(), &secretsmanager.PutSecretValueInput{SecretId: aws.String("canary"), SecretString: aws.String(`{"password":"` + canary + `2"}`)}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sm.UpdateSecret(t.Context(), &secretsmanager.UpdateSecretInput{SecretId: aws.String("canary"), SecretString: aws.String(`{"password":"` + canary + `3"}`)}); err != nil {
		t.Fatal(err)
	}
	_, err := e.sm.PutSecretValue(t.Context(), &secretsmanager.PutSecretValueInput{
		SecretId: aws.String("canary"), SecretString: aws.String(canary), SecretBinary: []byte(canary),
	})
	wantAPIError(t, err, "InvalidParameterException", "")
	if _, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("canary")}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sm.BatchGetSecretValue(t.Context(), &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"canary", "canary-bin"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sm.RotateSecret(t.Context(), &secretsmanager.RotateSecretInput{
		SecretId: aws.String("canary"), RotationLambdaARN: aws.String("arn:aws:lambda:us-east-1:123456789012:function:keyhole-rotate-password"),
	}); err != nil {
		t.Fatal(err)
	}
	rotated, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("canary")})
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]string
	if err := json.Unmarshal([]byte(aws.ToString(rotated.SecretString)), &fields); err != nil {
		t.Fatal(err)
	}
	newPassword := fields["password"]

	events := lookupAll(t, e, "", "")
	if len(events) < 10 {
		t.Fatalf("only %d events recorded", len(events))
	}
	encodedCanary := "Q0FOQVJZ" // base64 of "CANARY", as SecretBinary would be written
	for _, ev := range events {
		raw := aws.ToString(ev.CloudTrailEvent)
		for _, bad := range []string{canary, newPassword, encodedCanary} {
			if strings.Contains(raw, bad) {
				t.Fatalf("%s event carries a secret value: %s", aws.ToString(ev.EventName), raw)
			}
		}
	}
	for _, bad := range []string{canary, newPassword, encodedCanary} {
		if strings.Contains(logs.String(), bad) {
			t.Fatalf("log carries a secret value: %s", logs.String())
		}
	}
	if !strings.Contains(logs.String(), "GetSecretValue") {
		t.Fatal("log has no request lines; the check above proves nothing")
	}
}

func TestSeedEventsJoinTheTrail(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	v := "x"
	err := e.srv.Load(emulator.Seed{
		Secrets: []emulator.SeedSecret{{Name: "old", Versions: []emulator.SeedVersion{{String: &v}}}},
		Events: []emulator.SeedEvent{
			{Time: emulator.Relative(-48 * time.Hour), EventName: "GetSecretValue", PrincipalARN: "arn:aws:iam::123456789012:user/carol", AccessKeyID: "AKIACAROL", SecretID: "old", SourceIP: "198.51.100.7"},
			{Time: emulator.Relative(-72 * time.Hour), EventName: "PutSecretValue", PrincipalARN: "arn:aws:sts::123456789012:assumed-role/Ops/dave", SecretID: "old"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Hour)
	if _, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("old")}); err != nil {
		t.Fatal(err)
	}
	events := lookupAll(t, e, cttypes.LookupAttributeKeyResourceName, "old")
	if len(events) != 3 {
		t.Fatalf("got %d events", len(events))
	}
	if aws.ToString(events[1].Username) != "carol" || aws.ToString(events[2].Username) != "dave" {
		t.Fatalf("seed events out of order or wrong user: %s %s", aws.ToString(events[1].Username), aws.ToString(events[2].Username))
	}
	if want := e.clock.Now().Add(-49 * time.Hour); !events[1].EventTime.Equal(want) {
		t.Fatalf("seed event time %v, want %v", events[1].EventTime, want)
	}
	if got := lookupAll(t, e, cttypes.LookupAttributeKeyUsername, "carol"); len(got) != 1 {
		t.Fatalf("by username %d", len(got))
	}
}

// syncBuffer is a buffer the server's handlers write to while the test
// reads it: a handler may still log after its answer reached the client.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String is what was written so far.
func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
