package emulator

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// maxBodyBytes bounds a request body; the largest legal one is far smaller.
const maxBodyBytes = 4 << 20

// call is one request being served.
type call struct {
	service string
	op      string
	body    []byte
	caller  identity
	// at is the caller's account in the request's region.
	at        *regionState
	sourceIP  string
	userAgent string
	now       time.Time
	requestID string
	// secretID is the SecretId the request names, if any.
	secretID string
	// target is the secret the call found by its SecretId, if any.
	target *secret
	// event collects what the CloudTrail event of the call records.
	event *eventDraft
	// after runs once the call's own event is recorded, for work the
	// call sets off, such as a rotation's first steps.
	after []func()
}

// decode reads the request body into v.
func (c *call) decode(v any) *apiError {
	if len(c.body) == 0 {
		return nil
	}
	if err := json.Unmarshal(c.body, v); err != nil {
		return newError("SerializationException", "Start of structure or map found where not expected.")
	}
	return nil
}

// ServeHTTP serves one call: awsJson1_1 for Secrets Manager, CloudTrail
// and Organizations, awsQuery for STS, REST-JSON for the Account service.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeError(w, "", newError("UnknownOperationException", "Unknown operation"))
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	if err != nil {
		writeError(w, "", newError("SerializationException", "could not read the request body"))
		return
	}
	service, op, apiErr := route(r, body)
	if apiErr != nil {
		if service == serviceSTS {
			writeQueryError(w, "", apiErr)
		} else {
			writeError(w, "", apiErr)
		}
		return
	}
	var ref struct{ SecretId, NextToken string }
	_ = json.Unmarshal(body, &ref)

	s.mu.Lock()
	c := &call{
		service:   service,
		op:        op,
		body:      body,
		caller:    s.identityFor(accessKeyFromRequest(r)),
		sourceIP:  remoteIP(r.RemoteAddr),
		userAgent: r.UserAgent(),
		now:       s.now(),
		secretID:  ref.SecretId,
	}
	region := regionFromRequest(r)
	if region == "" {
		region = s.region
	}
	c.at = s.at(c.caller.accountID, region)
	c.requestID = newUUID(s.rng)
	delay, fault := s.matchFaults(op, c.at.secretNames(ref.SecretId), ref.NextToken != "")
	delay += s.latency
	s.mu.Unlock()

	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	if fault != nil && fault.Kind == FaultDropConnection {
		s.logRequest(c, 0, true)
		dropConnection(w)
		return
	}

	s.mu.Lock()
	c.now = s.now()
	result, apiErr := s.serve(c, fault)
	s.mu.Unlock()

	if fault != nil && fault.Kind == FaultDropResponse {
		status := http.StatusOK
		if apiErr != nil {
			status = apiErr.Status
		}
		s.logRequest(c, status, true)
		dropConnection(w)
		return
	}
	status := answer(w, c, result, apiErr)
	s.logRequest(c, status, false)
}

// answer writes the call's result or error in its service's protocol.
func answer(w http.ResponseWriter, c *call, result any, apiErr *apiError) int {
	switch {
	case c.service == serviceSTS:
		return writeQueryResult(w, c.requestID, c.op, result, apiErr)
	case c.service == serviceAccount && apiErr != nil:
		return writeErrorAs(w, c.requestID, restJSONContentType, apiErr)
	case c.service == serviceAccount:
		return writeJSONAs(w, c.requestID, restJSONContentType, result)
	case apiErr != nil:
		return writeError(w, c.requestID, apiErr)
	}
	return writeJSON(w, c.requestID, result)
}

// serve runs the call, or the fault that replaces it, and records Secrets
// Manager calls in CloudTrail. The caller holds s.mu.
func (s *Server) serve(c *call, fault *Fault) (any, *apiError) {
	forced := fault != nil && (fault.Kind == FaultError || fault.Kind == FaultThrottle)
	switch {
	case forced && c.service == serviceSTS:
		return nil, stsError(s.forcedError(c, fault, "sts:"+c.op, ""))
	case forced && (c.service == serviceOrganizations || c.service == serviceAccount):
		return nil, s.forcedError(c, fault, c.service+":"+c.op, "")
	case c.service == serviceSTS && c.op == "AssumeRole":
		return s.assumeRole(c)
	case c.service == serviceSTS:
		return callerIdentityOf(c.caller), nil
	case c.service == serviceOrganizations || c.service == serviceAccount:
		handler, ok := s.accountsHandler(c.service, c.op)
		if !ok {
			return nil, newError("UnknownOperationException", "Unknown operation %s", c.op)
		}
		return handler(c)
	}
	if s.regionStatus(c.caller.accountID, c.at.region) == regionDisabled {
		return nil, errRegionDisabled()
	}
	c.at.secrets.expire(c.now)
	var result any
	var apiErr *apiError
	if c.service == "cloudtrail" {
		if forced {
			return nil, s.forcedError(c, fault, "cloudtrail:LookupEvents", "")
		}
		return s.lookupEvents(c)
	}
	c.event = newEventDraft(c)
	switch {
	case forced:
		apiErr = s.forcedError(c, fault, "secretsmanager:"+c.op, c.secretID)
	default:
		handler, ok := s.handler(c.op)
		if !ok {
			return nil, newError("UnknownOperationException", "Unknown operation %s", c.op)
		}
		result, apiErr = handler(c)
	}
	s.recordCall(c, apiErr)
	for _, f := range c.after {
		f()
	}
	if apiErr == nil && c.target != nil && !isReadOnly(c.op) {
		s.syncReplicas(c.target)
	}
	return result, apiErr
}

// forcedError is the answer an error or throttling fault gives the call.
func (s *Server) forcedError(c *call, f *Fault, action, resource string) *apiError {
	if f.Kind == FaultThrottle {
		return errThrottled()
	}
	return faultError(f.ErrorCode, c.caller.arn, action, resource)
}

// secretNames lists the names the secret id goes by, for fault matching.
func (r *regionState) secretNames(id string) []string {
	if id == "" {
		return nil
	}
	if sec := r.secrets.lookup(id); sec != nil {
		return []string{id, sec.name, sec.arn}
	}
	return []string{id}
}

func (s *Server) logRequest(c *call, status int, dropped bool) {
	s.mu.Lock()
	s.requests = append(s.requests, Request{
		Time:        c.now,
		Operation:   c.op,
		SecretID:    c.secretID,
		AccessKeyID: c.caller.accessKeyID,
		Status:      status,
		Dropped:     dropped,
	})
	s.mu.Unlock()
	s.logger.Info("request", "op", c.op, "secretId", c.secretID, "accessKeyId", c.caller.accessKeyID,
		"status", status, "dropped", dropped, "requestId", c.requestID)
}

// route names the service and operation of a request: by X-Amz-Target
// for the awsJson1_1 services, by the Action of an awsQuery form for STS,
// by the path for the Account service.
func route(r *http.Request, body []byte) (service, op string, e *apiError) {
	if service, op, ok := parseTarget(r.Header.Get("X-Amz-Target")); ok {
		return service, op, nil
	}
	switch {
	case isQueryRequest(r):
		op, e = queryAction(body)
		return serviceSTS, op, e
	case r.URL.Path == listRegionsPath && r.Header.Get("X-Amz-Target") == "":
		return serviceAccount, "ListRegions", nil
	}
	return "", "", newError("UnknownOperationException", "Unknown operation")
}

// parseTarget splits X-Amz-Target into service and operation.
func parseTarget(target string) (service, op string, ok bool) {
	if strings.HasSuffix(target, "CloudTrail_20131101.LookupEvents") {
		return "cloudtrail", "LookupEvents", true
	}
	if op, ok := strings.CutPrefix(target, "secretsmanager."); ok && op != "" {
		return "secretsmanager", op, true
	}
	if op, ok := strings.CutPrefix(target, orgTargetPrefix); ok && op != "" {
		return serviceOrganizations, op, true
	}
	return "", "", false
}

func remoteIP(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	return host
}

// dropConnection closes the client connection without an answer.
func dropConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// newUUID makes a random version 4 UUID.
func newUUID(rng interface{ Uint64() uint64 }) string {
	a, b := rng.Uint64(), rng.Uint64()
	a = a&^0xf000 | 0x4000
	b = b&^(0xc<<60) | 0x8<<60
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", a>>32, (a>>16)&0xffff, a&0xffff, b>>48, b&0xffffffffffff)
}
