package model

import "time"

// AuditEvent is one CloudTrail event about Secrets Manager.
type AuditEvent struct {
	ID       string
	Name     string
	Time     time.Time
	Source   string
	ReadOnly bool
	Username string
	// PrincipalARN is the caller's ARN from userIdentity.
	PrincipalARN string
	AccessKeyID  string
	SourceIP     string
	UserAgent    string
	ErrorCode    string
	ErrorMessage string
	// SecretID is requestParameters.secretId, when present.
	SecretID string
	// Resources are the resource names CloudTrail attached to the event.
	Resources []string
	// Raw is the whole event as CloudTrail returned it, JSON.
	Raw string
}

// Failed reports whether the call the event records failed.
func (e AuditEvent) Failed() bool { return e.ErrorCode != "" }

// IsRead reports whether the event read a secret value.
func (e AuditEvent) IsRead() bool {
	return e.Name == "GetSecretValue" || e.Name == "BatchGetSecretValue"
}
