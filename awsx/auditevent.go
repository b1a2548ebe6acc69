package awsx

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"

	"github.com/keyhole-tui/keyhole/model"
)

// cloudTrailRecord is the part of a CloudTrail event record keyhole shows.
type cloudTrailRecord struct {
	EventID         string `json:"eventID"`
	EventName       string `json:"eventName"`
	EventTime       string `json:"eventTime"`
	EventSource     string `json:"eventSource"`
	ReadOnly        *bool  `json:"readOnly"`
	SourceIPAddress string `json:"sourceIPAddress"`
	UserAgent       string `json:"userAgent"`
	ErrorCode       string `json:"errorCode"`
	ErrorMessage    string `json:"errorMessage"`
	UserIdentity    struct {
		Type        string `json:"type"`
		ARN         string `json:"arn"`
		UserName    string `json:"userName"`
		AccessKeyID string `json:"accessKeyId"`
		InvokedBy   string `json:"invokedBy"`
	} `json:"userIdentity"`
	RequestParameters struct {
		SecretID string `json:"secretId"`
	} `json:"requestParameters"`
	Resources []struct {
		ARN string `json:"ARN"`
	} `json:"resources"`
}

// auditEventFrom converts one LookupEvents result. The listing's own fields
// win; the CloudTrailEvent JSON fills in the rest. A record that is not valid
// JSON still yields the listing's fields and its raw text.
func auditEventFrom(e types.Event) model.AuditEvent {
	raw := aws.ToString(e.CloudTrailEvent)
	var rec cloudTrailRecord
	if raw != "" {
		_ = json.Unmarshal([]byte(raw), &rec) // best effort: Raw keeps the text
	}
	ev := model.AuditEvent{
		ID:           firstNonEmpty(aws.ToString(e.EventId), rec.EventID),
		Name:         firstNonEmpty(aws.ToString(e.EventName), rec.EventName),
		Time:         aws.ToTime(e.EventTime),
		Source:       firstNonEmpty(aws.ToString(e.EventSource), rec.EventSource),
		Username:     firstNonEmpty(aws.ToString(e.Username), usernameOf(rec)),
		PrincipalARN: rec.UserIdentity.ARN,
		AccessKeyID:  firstNonEmpty(aws.ToString(e.AccessKeyId), rec.UserIdentity.AccessKeyID),
		SourceIP:     rec.SourceIPAddress,
		UserAgent:    rec.UserAgent,
		ErrorCode:    rec.ErrorCode,
		ErrorMessage: rec.ErrorMessage,
		SecretID:     rec.RequestParameters.SecretID,
		Raw:          raw,
	}
	if ev.Time.IsZero() {
		ev.Time, _ = time.Parse(time.RFC3339, rec.EventTime) // zero when absent or malformed
	}
	switch {
	case e.ReadOnly != nil:
		ev.ReadOnly = strings.EqualFold(*e.ReadOnly, "true")
	case rec.ReadOnly != nil:
		ev.ReadOnly = *rec.ReadOnly
	}
	for _, r := range e.Resources {
		ev.Resources = append(ev.Resources, aws.ToString(r.ResourceName))
	}
	if len(ev.Resources) == 0 {
		for _, r := range rec.Resources {
			ev.Resources = append(ev.Resources, r.ARN)
		}
	}
	return ev
}

// usernameOf names the caller: the IAM user, the session of an assumed
// role, or the service that called on someone's behalf.
func usernameOf(rec cloudTrailRecord) string {
	id := rec.UserIdentity
	switch {
	case id.UserName != "":
		return id.UserName
	case id.Type == "AssumedRole" && id.ARN != "":
		return id.ARN[strings.LastIndexByte(id.ARN, '/')+1:]
	case id.InvokedBy != "":
		return id.InvokedBy
	}
	return ""
}

// firstNonEmpty returns the first of its arguments that is not empty.
func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
