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
	body, err := json.Marshal(v)
	if err != nil {
		return writeError(w, requestID, errInternal())
	}
	return writeBody(w, requestID, http.StatusOK, jsonContentType, body)
}

// writeError answers with an awsJson1_1 error document. The message goes
// under Message, as Secrets Manager spells it, and under message too, the
// awsJson1_1 default some clients read.
func writeError(w http.ResponseWriter, requestID string, e *apiError) int {
	body, _ := json.Marshal(struct {
		Type         string `json:"__type"`
		Message      string `json:"Message"`
		LowerMessage string `json:"message"`
	}{e.Code, e.Message, e.Message})
	w.Header().Set("X-Amzn-Errortype", e.Code)
	return writeBody(w, requestID, e.Status, jsonContentType, body)
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
