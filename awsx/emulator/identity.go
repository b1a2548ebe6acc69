package emulator

import (
	"fmt"
	"hash/fnv"
	"net/http"
	"strings"
)

// identity is the caller of a request as CloudTrail describes it.
type identity struct {
	accessKeyID string
	arn         string
	accountID   string
}

// defaultAccessKeyID is the access key recorded when a request carries none.
const defaultAccessKeyID = "AKIAIOSFODNN7EXAMPLE"

// accessKeyFromRequest reads the access key id from the SigV4 Authorization
// header ("AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, ...").
func accessKeyFromRequest(r *http.Request) string {
	auth := r.Header.Get("Authorization")
	_, cred, ok := strings.Cut(auth, "Credential=")
	if !ok {
		return ""
	}
	key, _, _ := strings.Cut(cred, "/")
	return strings.TrimSpace(key)
}

// kind is CloudTrail's userIdentity.type.
func (id identity) kind() string {
	switch {
	case strings.Contains(id.arn, ":assumed-role/"):
		return "AssumedRole"
	case strings.HasSuffix(id.arn, ":root"):
		return "Root"
	}
	return "IAMUser"
}

// userName is the name LookupEvents reports: the user name, or the session
// name of an assumed role.
func (id identity) userName() string {
	if id.kind() == "Root" {
		return "root"
	}
	i := strings.LastIndexByte(id.arn, '/')
	if i < 0 {
		return id.arn
	}
	return id.arn[i+1:]
}

// principalID is a stable made-up unique id for the principal.
func (id identity) principalID() string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(id.arn))
	uid := strings.ToUpper(fmt.Sprintf("%016x", h.Sum64()))
	switch id.kind() {
	case "AssumedRole":
		return "AROA" + uid + ":" + id.userName()
	case "Root":
		return id.accountID
	}
	return "AIDA" + uid
}

// userIdentity is the userIdentity block of a CloudTrail event.
func (id identity) userIdentity() map[string]any {
	out := map[string]any{
		"type":        id.kind(),
		"principalId": id.principalID(),
		"arn":         id.arn,
		"accountId":   id.accountID,
		"accessKeyId": id.accessKeyID,
	}
	switch id.kind() {
	case "IAMUser":
		out["userName"] = id.userName()
	case "AssumedRole":
		parts := strings.Split(id.arn, "/")
		if len(parts) < 3 {
			break
		}
		role := parts[1]
		out["sessionContext"] = map[string]any{
			"sessionIssuer": map[string]any{
				"type":        "Role",
				"principalId": strings.Split(id.principalID(), ":")[0],
				"arn":         "arn:aws:iam::" + id.accountID + ":role/" + role,
				"accountId":   id.accountID,
				"userName":    role,
			},
		}
	}
	return out
}
