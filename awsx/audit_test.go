package awsx_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/model"
)

// secretARN is the secret the CloudTrail fixtures are about.
const secretARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"

// getSecretValueRecord is a CloudTrail record of a denied read by an assumed role.
const getSecretValueRecord = `{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole",` +
	`"principalId":"AROAEXAMPLE:alice@example.com","arn":"arn:aws:sts::123456789012:assumed-role/Dev/alice@example.com",` +
	`"accountId":"123456789012","accessKeyId":"ASIAEXAMPLE","sessionContext":{"sessionIssuer":{"type":"Role",` +
	`"arn":"arn:aws:iam::123456789012:role/Dev","userName":"Dev"}}},"eventTime":"2026-03-01T10:00:00Z",` +
	`"eventSource":"secretsmanager.amazonaws.com","eventName":"GetSecretValue","awsRegion":"us-east-1",` +
	`"sourceIPAddress":"203.0.113.7","userAgent":"aws-cli/2.15.0","errorCode":"AccessDenied",` +
	`"errorMessage":"User is not authorized to perform: secretsmanager:GetSecretValue",` +
	`"requestParameters":{"secretId":"prod/db"},"responseElements":null,"eventID":"ev-1","readOnly":true,` +
	`"resources":[{"ARN":"` + secretARN + `","type":"AWS::SecretsManager::Secret"}]}`

// putSecretValueRecord is a CloudTrail record of a write by an IAM user.
const putSecretValueRecord = `{"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/bob",` +
	`"userName":"bob","accessKeyId":"AKIAEXAMPLE"},"eventTime":"2026-03-01T09:00:00Z",` +
	`"eventSource":"secretsmanager.amazonaws.com","eventName":"PutSecretValue","sourceIPAddress":"198.51.100.2",` +
	`"userAgent":"keyhole","requestParameters":{"secretId":"` + secretARN + `","clientRequestToken":"t"},` +
	`"eventID":"ev-2","readOnly":false}`

// lookupRequest is the part of a LookupEvents request the tests check.
type lookupRequest struct {
	LookupAttributes []struct{ AttributeKey, AttributeValue string }
	MaxResults       int
	NextToken        string
	StartTime        float64
	EndTime          float64
}

// lookupPage answers LookupEvents with both fixture events and a next token.
func lookupPage(w http.ResponseWriter) {
	answerJSON(w, map[string]any{
		"NextToken": "page-2",
		"Events": []map[string]any{
			{
				"EventId": "ev-1", "EventName": "GetSecretValue", "EventTime": 1772359200,
				"EventSource": "secretsmanager.amazonaws.com", "ReadOnly": "true", "AccessKeyId": "ASIAEXAMPLE",
				"Username":        "alice@example.com",
				"Resources":       []map[string]string{{"ResourceType": "AWS::SecretsManager::Secret", "ResourceName": secretARN}},
				"CloudTrailEvent": getSecretValueRecord,
			},
			{
				"EventId": "ev-2", "EventName": "PutSecretValue", "EventTime": 1772355600,
				"EventSource": "secretsmanager.amazonaws.com", "ReadOnly": "false",
				"CloudTrailEvent": putSecretValueRecord,
			},
		},
	})
}

func TestLookupEventsBySecretParsesRecords(t *testing.T) {
	var got lookupRequest
	c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(body, &got); err != nil {
			t.Errorf("request body %s: %v", body, err)
		}
		lookupPage(w)
	}))
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	end := start.Add(24 * time.Hour)
	page, err := c.LookupEvents(context.Background(), model.AuditQuery{
		SecretID: secretARN, Start: start, End: end, PageSize: 80,
	}, "page-1")
	if err != nil {
		t.Fatalf("lookup: %v", err)
	}

	if len(got.LookupAttributes) != 1 || got.LookupAttributes[0].AttributeKey != "ResourceName" ||
		got.LookupAttributes[0].AttributeValue != secretARN {
		t.Errorf("lookup attributes %+v, want ResourceName %s", got.LookupAttributes, secretARN)
	}
	if got.MaxResults != 50 || got.NextToken != "page-1" {
		t.Errorf("max results %d, token %q; want 50 (CloudTrail's most) and page-1", got.MaxResults, got.NextToken)
	}
	if int64(got.StartTime) != start.Unix() || int64(got.EndTime) != end.Unix() {
		t.Errorf("time range %v–%v, want %d–%d", got.StartTime, got.EndTime, start.Unix(), end.Unix())
	}

	if page.NextToken != "page-2" || len(page.Events) != 2 {
		t.Fatalf("page: %d events, token %q; want 2 and page-2", len(page.Events), page.NextToken)
	}
	read := page.Events[0]
	want := model.AuditEvent{
		ID: "ev-1", Name: "GetSecretValue", Time: time.Unix(1772359200, 0), Source: model.SecretsManagerSource,
		ReadOnly: true, Username: "alice@example.com",
		PrincipalARN: "arn:aws:sts::123456789012:assumed-role/Dev/alice@example.com", AccessKeyID: "ASIAEXAMPLE",
		SourceIP: "203.0.113.7", UserAgent: "aws-cli/2.15.0", ErrorCode: "AccessDenied",
		ErrorMessage: "User is not authorized to perform: secretsmanager:GetSecretValue",
		SecretID:     "prod/db", Resources: []string{secretARN}, Raw: getSecretValueRecord,
	}
	if !equalEvents(read, want) {
		t.Errorf("read event\n got %+v\nwant %+v", read, want)
	}
	if !read.Failed() || !read.IsRead() {
		t.Errorf("read event: failed %v, is read %v; want both", read.Failed(), read.IsRead())
	}
	write := page.Events[1]
	if write.Username != "bob" || write.PrincipalARN != "arn:aws:iam::123456789012:user/bob" ||
		write.ReadOnly || write.SecretID != secretARN || write.AccessKeyID != "AKIAEXAMPLE" || write.Failed() {
		t.Errorf("write event %+v", write)
	}
}

// equalEvents compares two events field by field, times by instant.
func equalEvents(a, b model.AuditEvent) bool {
	if !a.Time.Equal(b.Time) {
		return false
	}
	a.Time, b.Time = time.Time{}, time.Time{}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

func TestLookupEventsChoosesOneAttribute(t *testing.T) {
	cases := []struct {
		name      string
		q         model.AuditQuery
		key, want string
	}{
		{"default source", model.AuditQuery{}, "EventSource", model.SecretsManagerSource},
		{"given source", model.AuditQuery{EventSource: "kms.amazonaws.com"}, "EventSource", "kms.amazonaws.com"},
		{"event name", model.AuditQuery{EventName: "DeleteSecret"}, "EventName", "DeleteSecret"},
		{"secret wins", model.AuditQuery{SecretID: "prod/db", EventName: "GetSecretValue"}, "ResourceName", "prod/db"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got lookupRequest
			c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_ = json.NewDecoder(r.Body).Decode(&got)
				lookupPage(w)
			}))
			page, err := c.LookupEvents(context.Background(), tc.q, "")
			if err != nil {
				t.Fatalf("lookup: %v", err)
			}
			if len(got.LookupAttributes) != 1 || got.LookupAttributes[0].AttributeKey != tc.key ||
				got.LookupAttributes[0].AttributeValue != tc.want {
				t.Errorf("lookup attributes %+v, want %s = %s", got.LookupAttributes, tc.key, tc.want)
			}
			if tc.q.SecretID != "" && tc.q.EventName != "" {
				if len(page.Events) != 1 || page.Events[0].Name != tc.q.EventName || page.NextToken != "page-2" {
					t.Errorf("narrowed page: %d events, token %q; want only %s and the next token", len(page.Events), page.NextToken, tc.q.EventName)
				}
			}
		})
	}
}

func TestLookupEventsStaysWithinTwoRequestsPerSecond(t *testing.T) {
	var (
		mu       sync.Mutex
		arrivals []time.Time
	)
	c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		lookupPage(w)
	}))
	const calls = 5
	var wg sync.WaitGroup
	for range calls {
		wg.Go(func() {
			if _, err := c.LookupEvents(context.Background(), model.AuditQuery{}, ""); err != nil {
				t.Errorf("lookup: %v", err)
			}
		})
	}
	wg.Wait()

	if len(arrivals) != calls {
		t.Fatalf("server saw %d requests, want %d", len(arrivals), calls)
	}
	for i := 1; i < len(arrivals); i++ {
		// 500ms apart, less a little for scheduling.
		if gap := arrivals[i].Sub(arrivals[i-1]); gap < 450*time.Millisecond {
			t.Errorf("requests %d and %d came %v apart, want at least 500ms", i, i+1, gap)
		}
	}
}

func TestLookupEventsRateWaitEndsWithContext(t *testing.T) {
	var hits atomic.Int32
	c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		lookupPage(w)
	}))
	if _, err := c.LookupEvents(context.Background(), model.AuditQuery{}, ""); err != nil {
		t.Fatalf("first lookup: %v", err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.LookupEvents(ctx, model.AuditQuery{}, "")
	wantKind(t, err, model.KindCanceled)
	if waited := time.Since(start); waited > 300*time.Millisecond {
		t.Errorf("a call whose deadline comes before its turn waited %v", waited)
	}

	ctx, cancel = context.WithCancel(context.Background())
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	_, err = c.LookupEvents(ctx, model.AuditQuery{}, "")
	wantKind(t, err, model.KindCanceled)
	if hits.Load() != 1 {
		t.Errorf("server saw %d requests, want only the first", hits.Load())
	}
}
