package awsx

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"

	"github.com/keyhole-tui/keyhole/model"
)

func TestAuditEventFillsGapsFromTheRecord(t *testing.T) {
	cases := []struct {
		name  string
		event types.Event
		check func(t *testing.T, ev eventView)
	}{
		{
			name: "assumed role without a listed username is named by its session",
			event: types.Event{CloudTrailEvent: aws.String(`{"eventID":"e1","eventName":"DescribeSecret",` +
				`"eventTime":"2026-03-01T10:00:00Z","eventSource":"secretsmanager.amazonaws.com","readOnly":true,` +
				`"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/Ops/carol"},` +
				`"resources":[{"ARN":"arn:aws:secretsmanager:us-east-1:1:secret:x"}]}`)},
			check: func(t *testing.T, ev eventView) {
				ev.want(t, "ID", ev.ID, "e1")
				ev.want(t, "Name", ev.Name, "DescribeSecret")
				ev.want(t, "Username", ev.Username, "carol")
				ev.want(t, "Source", ev.Source, "secretsmanager.amazonaws.com")
				if !ev.ReadOnly || !ev.Time.Equal(time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)) {
					t.Errorf("read-only %v, time %v", ev.ReadOnly, ev.Time)
				}
				if len(ev.Resources) != 1 || ev.Resources[0] != "arn:aws:secretsmanager:us-east-1:1:secret:x" {
					t.Errorf("resources %v", ev.Resources)
				}
			},
		},
		{
			name: "a service acting for someone is named by the service",
			event: types.Event{EventName: aws.String("GetSecretValue"), CloudTrailEvent: aws.String(
				`{"userIdentity":{"type":"AWSService","invokedBy":"lambda.amazonaws.com"},"sourceIPAddress":"lambda.amazonaws.com"}`)},
			check: func(t *testing.T, ev eventView) {
				ev.want(t, "Username", ev.Username, "lambda.amazonaws.com")
				ev.want(t, "SourceIP", ev.SourceIP, "lambda.amazonaws.com")
			},
		},
		{
			name: "the listing's fields win over the record's",
			event: types.Event{EventId: aws.String("listed"), Username: aws.String("listed-user"), ReadOnly: aws.String("false"),
				CloudTrailEvent: aws.String(`{"eventID":"recorded","readOnly":true,"userIdentity":{"userName":"recorded-user"}}`)},
			check: func(t *testing.T, ev eventView) {
				ev.want(t, "ID", ev.ID, "listed")
				ev.want(t, "Username", ev.Username, "listed-user")
				if ev.ReadOnly {
					t.Errorf("read-only from the record won over the listing's false")
				}
			},
		},
		{
			name:  "a record that is not JSON keeps the listing and the raw text",
			event: types.Event{EventId: aws.String("e9"), EventName: aws.String("ListSecrets"), CloudTrailEvent: aws.String(`{"eventID": nope`)},
			check: func(t *testing.T, ev eventView) {
				ev.want(t, "ID", ev.ID, "e9")
				ev.want(t, "Name", ev.Name, "ListSecrets")
				ev.want(t, "Raw", ev.Raw, `{"eventID": nope`)
			},
		},
		{
			name: "a malformed time leaves the time unset and the rest parsed",
			event: types.Event{CloudTrailEvent: aws.String(
				`{"eventTime":"yesterday","eventName":"TagResource","errorCode":"ValidationException","requestParameters":{"secretId":"a/b"}}`)},
			check: func(t *testing.T, ev eventView) {
				if !ev.Time.IsZero() {
					t.Errorf("time %v, want zero", ev.Time)
				}
				ev.want(t, "Name", ev.Name, "TagResource")
				ev.want(t, "ErrorCode", ev.ErrorCode, "ValidationException")
				ev.want(t, "SecretID", ev.SecretID, "a/b")
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.check(t, eventView{auditEventFrom(tc.event)})
		})
	}
}

// eventView is a parsed event with a field check.
type eventView struct{ model.AuditEvent }

// want fails unless a field has the wanted value.
func (eventView) want(t *testing.T, field, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", field, got, want)
	}
}
