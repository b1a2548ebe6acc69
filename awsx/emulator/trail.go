package emulator

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Where Secrets Manager's events come from.
const (
	secretsManagerSource = "secretsmanager.amazonaws.com"
	secretResourceType   = "AWS::SecretsManager::Secret"
)

// event is one stored CloudTrail event.
type event struct {
	id          string
	time        time.Time
	seq         uint64
	name        string
	source      string
	readOnly    bool
	username    string
	accessKeyID string
	// resources are the ARNs of the secrets the event is about.
	resources []string
	// names are the secret names and ids the event can be found by.
	names []string
	// raw is the CloudTrail JSON, encoded on first lookup: most of a
	// seeded history is never looked at, and encoding it all would slow
	// the demo's start.
	raw func() string
}

// trail is the CloudTrail event history with an index per lookup attribute.
type trail struct {
	all   []*event
	index map[string][]*event
	// unsorted lists indexes that had events added out of order.
	unsorted map[string]bool
}

func newTrail() *trail {
	return &trail{index: map[string][]*event{}, unsorted: map[string]bool{}}
}

// indexKeys are the lookup attribute keys an event can be found by.
func (e *event) indexKeys() []string {
	keys := []string{
		"EventName=" + e.name,
		"EventSource=" + e.source,
		"Username=" + e.username,
		"ReadOnly=" + strconv.FormatBool(e.readOnly),
		"AccessKeyId=" + e.accessKeyID,
		"EventId=" + e.id,
	}
	if len(e.resources) > 0 {
		keys = append(keys, "ResourceType="+secretResourceType)
	}
	seen := map[string]bool{}
	for _, n := range append(slices.Clone(e.resources), e.names...) {
		if n != "" && !seen[n] {
			seen[n] = true
			keys = append(keys, "ResourceName="+n)
		}
	}
	return keys
}

// add stores e. Events are kept oldest first in every list.
func (t *trail) add(e *event) {
	t.all = t.appendTo("", t.all, e)
	for _, k := range e.indexKeys() {
		t.index[k] = t.appendTo(k, t.index[k], e)
	}
}

func (t *trail) appendTo(key string, list []*event, e *event) []*event {
	if n := len(list); n > 0 && e.time.Before(list[n-1].time) {
		t.unsorted[key] = true
	}
	return append(list, e)
}

// events returns the events for a lookup key ("" for all), oldest first.
func (t *trail) events(key string) []*event {
	list := t.all
	if key != "" {
		list = t.index[key]
	}
	if t.unsorted[key] {
		slices.SortStableFunc(list, func(a, b *event) int {
			if c := a.time.Compare(b.time); c != 0 {
				return c
			}
			return cmp.Compare(a.seq, b.seq)
		})
		delete(t.unsorted, key)
	}
	return list
}

// eventDraft gathers what a call's CloudTrail event records.
type eventDraft struct {
	name      string
	readOnly  bool
	params    map[string]any
	response  map[string]any
	resources []string
	names     []string
}

func isReadOnly(op string) bool {
	switch op {
	case "GetSecretValue", "BatchGetSecretValue", "DescribeSecret", "ListSecrets",
		"ListSecretVersionIds", "GetResourcePolicy", "GetRandomPassword", "ValidateResourcePolicy":
		return true
	}
	return false
}

// isValueField reports whether a request member carries a secret value;
// CloudTrail never records those.
func isValueField(name string) bool {
	return name == "SecretString" || name == "SecretBinary"
}

func newEventDraft(c *call) *eventDraft {
	d := &eventDraft{name: c.op, readOnly: isReadOnly(c.op)}
	var body map[string]any
	if json.Unmarshal(c.body, &body) == nil && len(body) > 0 {
		d.params = map[string]any{}
		for k, v := range body {
			if !isValueField(k) {
				d.params[lowerFirst(k)] = v
			}
		}
	}
	if c.secretID != "" {
		d.names = append(d.names, c.secretID)
	}
	return d
}

// about notes the secret the call acted on.
func (d *eventDraft) about(s *secret) {
	d.resources = append(d.resources, s.arn)
	d.names = append(d.names, s.name)
}

// answered records the non-secret parts of a write's answer.
func (d *eventDraft) answered(s *secret, versionID string) {
	d.response = map[string]any{"arn": s.arn, "name": s.name}
	if versionID != "" {
		d.response["versionId"] = versionID
	}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}

// recordCall adds the CloudTrail event of a served call. The caller holds s.mu.
func (s *Server) recordCall(c *call, apiErr *apiError) {
	d := c.event
	rec := cloudTrailRecord{
		EventVersion:      "1.09",
		UserIdentity:      c.caller.userIdentity(),
		EventSource:       secretsManagerSource,
		EventName:         d.name,
		AWSRegion:         c.at.region,
		SourceIPAddress:   c.sourceIP,
		UserAgent:         c.userAgent,
		RequestParameters: d.params,
		ResponseElements:  d.response,
		RequestID:         c.requestID,
		ReadOnly:          d.readOnly,
		EventType:         "AwsApiCall",
		ManagementEvent:   true,
		RecipientAccount:  c.at.account,
		EventCategory:     "Management",
	}
	if apiErr != nil {
		rec.ErrorCode, rec.ErrorMessage = apiErr.Code, apiErr.Message
		rec.ResponseElements = nil
	}
	s.addEvent(c.at, rec, c.now, c.caller, d.resources, d.names)
}

// addEvent completes rec and stores it. The caller holds s.mu.
func (s *Server) addEvent(place *regionState, rec cloudTrailRecord, at time.Time, who identity, resources, names []string) *event {
	e := &event{
		id:          newUUID(s.rng),
		time:        at.UTC(),
		seq:         s.nextID(),
		name:        rec.EventName,
		source:      rec.EventSource,
		readOnly:    rec.ReadOnly,
		username:    who.userName(),
		accessKeyID: who.accessKeyID,
		resources:   resources,
		names:       names,
	}
	rec.EventID = e.id
	rec.EventTime = e.time.Format(time.RFC3339)
	for _, arn := range resources {
		rec.Resources = append(rec.Resources, map[string]string{
			"accountId": place.account, "type": secretResourceType, "ARN": arn,
		})
	}
	logger := s.logger
	e.raw = sync.OnceValue(func() string {
		raw, err := json.Marshal(rec)
		if err != nil {
			logger.Error("encode cloudtrail event", "event", rec.EventName, "err", err)
		}
		return string(raw)
	})
	place.trail.add(e)
	return e
}

// cloudTrailRecord is the JSON document of one CloudTrail event.
type cloudTrailRecord struct {
	EventVersion        string              `json:"eventVersion"`
	UserIdentity        map[string]any      `json:"userIdentity"`
	EventTime           string              `json:"eventTime"`
	EventSource         string              `json:"eventSource"`
	EventName           string              `json:"eventName"`
	AWSRegion           string              `json:"awsRegion"`
	SourceIPAddress     string              `json:"sourceIPAddress"`
	UserAgent           string              `json:"userAgent"`
	ErrorCode           string              `json:"errorCode,omitempty"`
	ErrorMessage        string              `json:"errorMessage,omitempty"`
	RequestParameters   map[string]any      `json:"requestParameters"`
	ResponseElements    map[string]any      `json:"responseElements"`
	AdditionalEvent     map[string]any      `json:"additionalEventData,omitempty"`
	ServiceEventDetails map[string]any      `json:"serviceEventDetails,omitempty"`
	RequestID           string              `json:"requestID,omitempty"`
	EventID             string              `json:"eventID"`
	ReadOnly            bool                `json:"readOnly"`
	Resources           []map[string]string `json:"resources,omitempty"`
	EventType           string              `json:"eventType"`
	ManagementEvent     bool                `json:"managementEvent"`
	RecipientAccount    string              `json:"recipientAccountId"`
	EventCategory       string              `json:"eventCategory"`
}
