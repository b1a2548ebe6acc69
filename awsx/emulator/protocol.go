package emulator

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// jsonContentType is the awsJson1_1 media type of every request and answer.
const jsonContentType = "application/x-amz-json-1.1"

// epoch is a timestamp written as AWS writes it on the wire: fractional
// seconds since the Unix epoch.
type epoch time.Time

// MarshalJSON writes the time as seconds with millisecond precision.
func (e epoch) MarshalJSON() ([]byte, error) {
	ms := time.Time(e).UnixMilli()
	return []byte(strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64)), nil
}

// UnmarshalJSON reads fractional epoch seconds.
func (e *epoch) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*e = epoch(time.UnixMilli(int64(f * 1000)).UTC())
	return nil
}

// epochPtr returns nil for the zero time, so omitempty leaves it out.
func epochPtr(t time.Time) *epoch {
	if t.IsZero() {
		return nil
	}
	e := epoch(t)
	return &e
}

// writeJSON answers 200 with v as the body.
func writeJSON(w http.ResponseWriter, requestID string, v any) int {
	return writeJSONAs(w, requestID, jsonContentType, v)
}

// writeJSONAs answers 200 with v as a body of the media type.
func writeJSONAs(w http.ResponseWriter, requestID, contentType string, v any) int {
	body, err := json.Marshal(v)
	if err != nil {
		return writeErrorAs(w, requestID, contentType, errInternal())
	}
	return writeBody(w, requestID, http.StatusOK, contentType, body)
}

// writeError answers with an awsJson1_1 error document.
func writeError(w http.ResponseWriter, requestID string, e *apiError) int {
	return writeErrorAs(w, requestID, jsonContentType, e)
}

// writeErrorAs answers with a JSON error document of the media type. The
// message goes under Message, as Secrets Manager spells it, and under
// message too, the JSON protocols' default some clients read; the error's
// own members, such as a Reason, go beside them.
func writeErrorAs(w http.ResponseWriter, requestID, contentType string, e *apiError) int {
	doc := map[string]any{"__type": e.Code, "Message": e.Message, "message": e.Message}
	for k, v := range e.Fields {
		doc[k] = v
	}
	body, _ := json.Marshal(doc)
	w.Header().Set("X-Amzn-Errortype", e.Code)
	return writeBody(w, requestID, e.Status, contentType, body)
}

// writeBody answers status with the whole body in one write, under a
// Content-Length, so the client reads a complete answer and keeps the
// connection for its next call instead of decoding a chunked stream.
func writeBody(w http.ResponseWriter, requestID string, status int, contentType string, body []byte) int {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("X-Amzn-Requestid", requestID)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
	return status
}
