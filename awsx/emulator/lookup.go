package emulator

import (
	"encoding/base64"
	"fmt"
	"sort"
	"strconv"
	"time"
)

// eventHistoryWindow is how far back CloudTrail event history reaches.
const eventHistoryWindow = 90 * 24 * time.Hour

// validLookupKey reports whether LookupEvents accepts k as an attribute key.
func validLookupKey(k string) bool {
	switch k {
	case "EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId":
		return true
	}
	return false
}

type lookupEventsInput struct {
	LookupAttributes []struct {
		AttributeKey   string
		AttributeValue string
	}
	StartTime  *epoch
	EndTime    *epoch
	MaxResults *int
	NextToken  *string
}

type lookupResource struct {
	ResourceType string `json:"ResourceType"`
	ResourceName string `json:"ResourceName"`
}

type lookupEvent struct {
	EventId         string           `json:"EventId"`
	EventName       string           `json:"EventName"`
	ReadOnly        string           `json:"ReadOnly"`
	AccessKeyId     string           `json:"AccessKeyId,omitempty"`
	EventTime       epoch            `json:"EventTime"`
	EventSource     string           `json:"EventSource"`
	Username        string           `json:"Username,omitempty"`
	Resources       []lookupResource `json:"Resources"`
	CloudTrailEvent string           `json:"CloudTrailEvent"`
}

type lookupEventsOutput struct {
	Events    []lookupEvent `json:"Events"`
	NextToken string        `json:"NextToken,omitempty"`
}

// lookupEvents serves CloudTrail LookupEvents, newest first. The caller holds s.mu.
func (s *Server) lookupEvents(c *call) (any, *apiError) {
	var in lookupEventsInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	key := ""
	switch len(in.LookupAttributes) {
	case 0:
	case 1:
		a := in.LookupAttributes[0]
		if !validLookupKey(a.AttributeKey) {
			return nil, newError("InvalidLookupAttributesException", "Invalid attribute key: %s", a.AttributeKey)
		}
		key = a.AttributeKey + "=" + a.AttributeValue
	default:
		return nil, newError("InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.")
	}
	limit := 50
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > 50 {
			return nil, newError("InvalidMaxResultsException", "MaxResults must be between 1 and 50.")
		}
		limit = *in.MaxResults
	}
	from := c.now.Add(-eventHistoryWindow)
	to := c.now
	if in.StartTime != nil {
		from = time.Time(*in.StartTime)
	}
	if in.EndTime != nil {
		to = time.Time(*in.EndTime)
	}
	if to.Before(from) {
		return nil, newError("InvalidTimeRangeException", "Start time must be earlier than end time.")
	}
	list := c.at.trail.events(key)
	// end is one past the newest event the page may return.
	end := sort.Search(len(list), func(i int) bool { return list[i].time.After(to) })
	if in.NextToken != nil && *in.NextToken != "" {
		at, seq, ok := parseEventCursor(*in.NextToken)
		if !ok {
			return nil, newError("InvalidNextTokenException", "Invalid NextToken.")
		}
		end = min(end, sort.Search(len(list), func(i int) bool {
			e := list[i]
			return e.time.After(at) || (e.time.Equal(at) && e.seq >= seq)
		}))
	}
	out := lookupEventsOutput{Events: []lookupEvent{}}
	i := end - 1
	for ; i >= 0 && len(out.Events) < limit; i-- {
		e := list[i]
		if e.time.Before(from) {
			break
		}
		out.Events = append(out.Events, toLookupEvent(e))
	}
	if i >= 0 && !list[i].time.Before(from) {
		last := list[i+1]
		out.NextToken = eventCursor(last.time, last.seq)
	}
	return out, nil
}

func toLookupEvent(e *event) lookupEvent {
	res := make([]lookupResource, 0, len(e.resources))
	for _, arn := range e.resources {
		res = append(res, lookupResource{ResourceType: secretResourceType, ResourceName: arn})
	}
	return lookupEvent{
		EventId:         e.id,
		EventName:       e.name,
		ReadOnly:        strconv.FormatBool(e.readOnly),
		AccessKeyId:     e.accessKeyID,
		EventTime:       epoch(e.time),
		EventSource:     e.source,
		Username:        e.username,
		Resources:       res,
		CloudTrailEvent: e.raw(),
	}
}

// eventCursor is the NextToken pointing below the event at (at, seq).
func eventCursor(at time.Time, seq uint64) string {
	return base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, "%d.%d", at.UnixNano(), seq))
}

func parseEventCursor(token string) (time.Time, uint64, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return time.Time{}, 0, false
	}
	var nanos int64
	var seq uint64
	if _, err := fmt.Sscanf(string(raw), "%d.%d", &nanos, &seq); err != nil {
		return time.Time{}, 0, false
	}
	return time.Unix(0, nanos).UTC(), seq, true
}
