package model

import (
	"encoding/json"
	"strings"
)

// TrailEvent is a CloudTrail event made ready for the audit screen: the
// short forms it shows and the text it is searched by are worked out once,
// when its page arrives. Every string is still raw: sanitize before drawing.
type TrailEvent struct {
	AuditEvent
	// Principal is the caller, short: "payments-api/i-0abc", "user/ci-deploy",
	// "AWSReservedSSO_Admin/alice@example.com", "root". A caller from another
	// account than the one the event was delivered to carries its account
	// id: "210987654321:finance-recon/nightly".
	Principal string
	// Reader is whom the who-read-it summary counts the event for: the
	// role of a role session (service sessions come and go with instances
	// and tasks), but role and session when the session is named after a
	// person ("AWSReservedSSO_Admin/alice@example.com"); anyone else as
	// Principal names them.
	Reader string
	// Agent is the client, short: "aws-cli/2.15", "Boto3/1.34", "console".
	Agent string
	// Secret names the secret the event is about, when it names one.
	Secret string

	// Lower-cased fields the filter searches.
	lowName, lowPrincipal, lowIP, lowAgent string
}

// NewTrailEvent prepares e for the audit screen.
func NewTrailEvent(e AuditEvent) TrailEvent {
	home := recipientAccount(e.Raw)
	p := parsePrincipal(e.PrincipalARN)
	t := TrailEvent{
		AuditEvent: e,
		Principal:  p.short(home, e.Username),
		Reader:     p.reader(home, e.Username),
		Agent:      shortUserAgent(e.UserAgent),
		Secret:     secretOf(e),
	}
	t.lowName = strings.ToLower(e.Name)
	t.lowPrincipal = strings.ToLower(t.Principal + " " + e.PrincipalARN + " " + e.Username)
	t.lowIP = strings.ToLower(e.SourceIP)
	t.lowAgent = strings.ToLower(e.UserAgent)
	return t
}

// recipientAccount reads the account the event was delivered to, so that
// callers from other accounts can be told apart; empty when unknown.
func recipientAccount(raw string) string {
	if !strings.Contains(raw, `"recipientAccountId"`) {
		return ""
	}
	var rec struct {
		RecipientAccountID string `json:"recipientAccountId"`
	}
	if json.Unmarshal([]byte(raw), &rec) != nil {
		return ""
	}
	return rec.RecipientAccountID
}

// principal is a caller's ARN taken apart.
type principal struct {
	account string
	// kind is "assumed-role", "user", "role", "root", "federated-user", or
	// "" when the ARN is not one of these.
	kind    string
	name    string
	session string
	raw     string
}

// parsePrincipal takes apart arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION,
// arn:aws:iam::ACCOUNT:user/PATH/NAME and their kin.
func parsePrincipal(arn string) principal {
	p := principal{raw: arn}
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return p
	}
	p.account = parts[4]
	resource := parts[5]
	kind, rest, _ := strings.Cut(resource, "/")
	switch kind {
	case "assumed-role":
		p.kind = kind
		p.name, p.session, _ = strings.Cut(rest, "/")
		p.name = ssoRoleName(p.name)
	case "user", "role", "federated-user":
		p.kind = kind
		p.name = rest[strings.LastIndexByte(rest, '/')+1:]
	case "root":
		p.kind = kind
	}
	return p
}

// ssoRoleName drops the random suffix IAM Identity Center gives its roles:
// AWSReservedSSO_Admin_abc123 → AWSReservedSSO_Admin.
func ssoRoleName(role string) string {
	rest, ok := strings.CutPrefix(role, "AWSReservedSSO_")
	if !ok {
		return role
	}
	if i := strings.LastIndexByte(rest, '_'); i > 0 {
		return role[:len("AWSReservedSSO_")+i]
	}
	return role
}

// short is how the events table names the caller.
func (p principal) short(home, username string) string {
	var s string
	switch p.kind {
	case "assumed-role":
		s = joinPath(p.name, p.session)
	case "user", "role":
		s = p.kind + "/" + p.name
	case "federated-user":
		s = "federated/" + p.name
	case "root":
		s = "root"
	case "":
		s = p.raw
		if s == "" {
			s = username
		}
	}
	return p.foreign(home) + s
}

// reader is whom the who-read-it summary counts: see TrailEvent.Reader.
func (p principal) reader(home, username string) string {
	if p.kind == "assumed-role" && !strings.Contains(p.session, "@") {
		return p.foreign(home) + p.name
	}
	return p.short(home, username)
}

// foreign prefixes a caller from another account with its account id.
func (p principal) foreign(home string) string {
	if home == "" || p.account == "" || p.account == home {
		return ""
	}
	return p.account + ":"
}

func joinPath(a, b string) string {
	if b == "" {
		return a
	}
	return a + "/" + b
}

// shortUserAgent names the client that made a call by its product and
// major.minor version: "aws-cli/2.22", "aws-sdk-go-v2/1.36", "Boto3/1.35",
// "Terraform/1.10", or "console" for the AWS console. Agents it does not
// recognise come back whole.
func shortUserAgent(ua string) string {
	if ua == "" {
		return ""
	}
	if strings.HasPrefix(ua, "console.") || strings.HasPrefix(ua, "signin.") ||
		strings.HasPrefix(ua, "[S3Console") || strings.HasPrefix(ua, "AWS Console") {
		return "console"
	}
	for _, token := range strings.Fields(ua) {
		product, version, ok := strings.Cut(token, "/")
		if !ok || product == "" || wrapperProduct(product) {
			continue
		}
		return product + "/" + majorMinor(version)
	}
	return ua
}

// wrapperProduct reports user agent products that only say who packaged
// the real client, as Terraform's "APN/1.0 HashiCorp/1.0 Terraform/1.10.3".
func wrapperProduct(p string) bool {
	switch p {
	case "APN", "HashiCorp", "ua", "md", "os", "lang", "api", "cfg", "m", "exec-env":
		return true
	}
	return false
}

// majorMinor cuts a version to its first two numbers: 2.22.35 → 2.22.
func majorMinor(v string) string {
	first := strings.IndexByte(v, '.')
	if first < 0 {
		return v
	}
	if second := strings.IndexByte(v[first+1:], '.'); second >= 0 {
		return v[:first+1+second]
	}
	return v
}

// secretOf names the secret an event is about: the secretId it asked for,
// else the first secret among its resources; an ARN is cut to the name.
func secretOf(e AuditEvent) string {
	id := e.SecretID
	if id == "" && len(e.Resources) > 0 {
		id = e.Resources[0]
	}
	return secretNameFromID(id)
}

// secretNameFromID turns a secret ARN into the secret's name, dropping the
// six random characters AWS appends; a name comes back as is.
func secretNameFromID(id string) string {
	_, name, ok := strings.Cut(id, ":secret:")
	if !ok || !strings.HasPrefix(id, "arn:") {
		return id
	}
	if i := len(name) - 7; i > 0 && name[i] == '-' {
		return name[:i]
	}
	return name
}

// AboutSecret reports whether an event found by a secret's name is about
// the secret with this ARN: it names the ARN among its resources, or names
// no resource at all (a call refused before the secret was resolved).
// Events about an earlier secret of the same name name another ARN.
func AboutSecret(e AuditEvent, arn string) bool {
	if len(e.Resources) == 0 {
		return true
	}
	for _, r := range e.Resources {
		if r == arn {
			return true
		}
	}
	return false
}
