package emulator

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// AssumeRole's limits, from the STS API reference.
const (
	minSessionSeconds     = 900
	maxSessionSeconds     = 43200
	defaultSessionSeconds = 3600
)

// sessionNamePattern is what RoleSessionName must match.
var sessionNamePattern = regexp.MustCompile(`^[\w+=,.@-]*$`)

// externalIDPattern is what ExternalId must match.
var externalIDPattern = regexp.MustCompile(`^[\w+=,.@:/-]*$`)

// roleARNPattern is the shape of an IAM role ARN, its name after any path.
var roleARNPattern = regexp.MustCompile(`^arn:aws[a-z-]*:iam::(\d{12}):role/(?:[\w+=,.@-]+/)*([\w+=,.@-]{1,64})$`)

// assumeRoleResult is the AssumeRoleResult element.
type assumeRoleResult struct {
	XMLName     xml.Name `xml:"AssumeRoleResult"`
	Credentials struct {
		AccessKeyID     string `xml:"AccessKeyId"`
		SecretAccessKey string `xml:"SecretAccessKey"`
		SessionToken    string `xml:"SessionToken"`
		Expiration      string `xml:"Expiration"`
	} `xml:"Credentials"`
	AssumedRoleUser struct {
		AssumedRoleID string `xml:"AssumedRoleId"`
		Arn           string `xml:"Arn"`
	} `xml:"AssumedRoleUser"`
}

// assumeRole serves STS AssumeRole: it checks the request as STS does,
// refuses a role the seed's organisation or role list rules out, and makes
// session credentials that later requests act with as the assumed role, in
// the role's account. The caller holds s.mu.
func (s *Server) assumeRole(c *call) (any, *apiError) {
	form, _ := url.ParseQuery(string(c.body))
	roleARN, session := form.Get("RoleArn"), form.Get("RoleSessionName")
	seconds, apiErr := checkAssumeRole(form)
	if apiErr != nil {
		return nil, apiErr
	}
	m := roleARNPattern.FindStringSubmatch(roleARN)
	if m == nil {
		return nil, newError("ValidationError", "%s is invalid", roleARN)
	}
	account, role := m[1], m[2]
	if !s.mayAssume(account, role) {
		return nil, &apiError{Status: http.StatusForbidden, Code: "AccessDenied",
			Message: fmt.Sprintf("User: %s is not authorized to perform: sts:AssumeRole on resource: %s", c.caller.arn, roleARN)}
	}
	who := identity{accessKeyID: "ASIA" + s.randomText(16, upperAlnum), accountID: account,
		arn: "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session}
	s.identities[who.accessKeyID] = who.arn
	var out assumeRoleResult
	out.Credentials.AccessKeyID = who.accessKeyID
	out.Credentials.SecretAccessKey = s.randomText(40, secretChars)
	out.Credentials.SessionToken = s.randomText(356, secretChars)
	out.Credentials.Expiration = c.now.Add(time.Duration(seconds) * time.Second).Format(time.RFC3339)
	out.AssumedRoleUser.AssumedRoleID = who.principalID()
	out.AssumedRoleUser.Arn = who.arn
	return out, nil
}

// checkAssumeRole checks AssumeRole's parameters against their constraints,
// reporting every failure at once as STS does, and returns the session's
// length in seconds.
func checkAssumeRole(form url.Values) (int, *apiError) {
	var failed []string
	fail := func(value any, field, constraint string) {
		v := "null"
		if value != nil {
			v = fmt.Sprintf("'%v'", value)
		}
		failed = append(failed, fmt.Sprintf("Value %s at '%s' failed to satisfy constraint: %s", v, field, constraint))
	}
	checkLength := func(field, param string, lo, hi int) (string, bool) {
		vals, ok := form[param]
		if !ok {
			fail(nil, field, "Member must not be null")
			return "", false
		}
		v := vals[0]
		switch {
		case len(v) < lo:
			fail(v, field, fmt.Sprintf("Member must have length greater than or equal to %d", lo))
		case len(v) > hi:
			fail(v, field, fmt.Sprintf("Member must have length less than or equal to %d", hi))
		default:
			return v, true
		}
		return v, false
	}
	checkLength("roleArn", "RoleArn", 20, 2048)
	if name, ok := checkLength("roleSessionName", "RoleSessionName", 2, 64); ok && !sessionNamePattern.MatchString(name) {
		fail(name, "roleSessionName", `Member must satisfy regular expression pattern: [\w+=,.@-]*`)
	}
	seconds := defaultSessionSeconds
	if v := form.Get("DurationSeconds"); v != "" {
		n, err := strconv.Atoi(v)
		switch {
		case err != nil:
			fail(v, "durationSeconds", "Member must be a number")
		case n < minSessionSeconds:
			fail(n, "durationSeconds", fmt.Sprintf("Member must have value greater than or equal to %d", minSessionSeconds))
		case n > maxSessionSeconds:
			fail(n, "durationSeconds", fmt.Sprintf("Member must have value less than or equal to %d", maxSessionSeconds))
		}
		seconds = n
	}
	if _, ok := form["ExternalId"]; ok {
		if id, ok := checkLength("externalId", "ExternalId", 2, 1224); ok && !externalIDPattern.MatchString(id) {
			fail(id, "externalId", `Member must satisfy regular expression pattern: [\w+=,.@:\/-]*`)
		}
	}
	switch len(failed) {
	case 0:
		return seconds, nil
	case 1:
		return 0, newError("ValidationError", "1 validation error detected: %s", failed[0])
	}
	return 0, newError("ValidationError", "%d validation errors detected: %s", len(failed), strings.Join(failed, "; "))
}

// mayAssume reports whether the seed lets anyone assume role in account:
// with an organisation, only in its active accounts; with a role list,
// only the roles it names. The caller holds s.mu.
func (s *Server) mayAssume(account, role string) bool {
	if s.org != nil {
		a, ok := s.org.account(account)
		if !ok || a.status != "ACTIVE" {
			return false
		}
	}
	return len(s.roles) == 0 || slices.Contains(s.roles, role)
}

// Alphabets of made-up credentials.
const (
	upperAlnum  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	secretChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
)

// randomText is n characters drawn from alphabet. The caller holds s.mu.
func (s *Server) randomText(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[s.rng.IntN(len(alphabet))]
	}
	return string(b)
}
