package model

import "time"

// ListSecrets filter keys, as the API names them.
const (
	FilterName          = "name"
	FilterDescription   = "description"
	FilterTagKey        = "tag-key"
	FilterTagValue      = "tag-value"
	FilterPrimaryRegion = "primary-region"
	FilterOwningService = "owning-service"
	FilterAll           = "all"
)

// ListSecrets sort keys, as the API names them.
const (
	SortByName         = "name"
	SortByCreated      = "created-date"
	SortByLastChanged  = "last-changed-date"
	SortByLastAccessed = "last-accessed-date"
)

// ListFilter is one ListSecrets filter: values are ORed, a leading "!"
// negates a value.
type ListFilter struct {
	Key    string
	Values []string
}

// ListQuery selects and orders the secrets ListSecrets returns.
type ListQuery struct {
	Filters                []ListFilter
	IncludePlannedDeletion bool
	// SortBy is one of the SortBy constants; empty leaves AWS's order.
	SortBy string
	// Descending sorts newest or last first.
	Descending bool
	// PageSize is MaxResults, 1–100; zero lets AWS choose.
	PageSize int32
}

// SecretPage is one page of ListSecrets.
type SecretPage struct {
	Secrets []Secret
	// NextToken is empty on the last page.
	NextToken string
}

// ValueRef names one version of a secret: by id, by stage, or AWSCURRENT
// when both are empty.
type ValueRef struct {
	SecretID  string
	VersionID string
	Stage     string
}

// BatchError is one secret a BatchGetSecretValue could not read.
type BatchError struct {
	SecretID string
	Err      error
}

// CreateInput is a new secret.
type CreateInput struct {
	Name        string
	Description string
	KMSKeyID    string
	Value       Value
	Tags        []Tag
	// ClientRequestToken makes a retried create idempotent.
	ClientRequestToken string
}

// PutValueInput is a new version of a secret's value.
type PutValueInput struct {
	SecretID string
	Value    Value
	// Stages default to AWSCURRENT when empty.
	Stages []string
	// ClientRequestToken becomes the version id and makes a retry a no-op.
	ClientRequestToken string
}

// UpdateInput changes a secret's metadata; nil fields are left alone.
type UpdateInput struct {
	SecretID    string
	Description *string
	KMSKeyID    *string
}

// DeleteInput schedules a secret for deletion.
type DeleteInput struct {
	SecretID string
	// RecoveryWindowDays is 7–30; zero means AWS's default of 30.
	RecoveryWindowDays int64
	// Force deletes at once with no recovery window.
	Force bool
}

// RotateInput starts a rotation or changes its configuration.
type RotateInput struct {
	SecretID  string
	LambdaARN string
	// Rules, when set, replaces the schedule.
	Rules *RotationRules
	// Immediately rotates now; false only saves the configuration.
	Immediately bool
	// ClientRequestToken becomes the new version's id.
	ClientRequestToken string
}

// StageMove moves a stage label between versions (UpdateSecretVersionStage).
type StageMove struct {
	SecretID            string
	Stage               string
	MoveToVersionID     string
	RemoveFromVersionID string
}

// PasswordSpec asks GetRandomPassword for a password.
type PasswordSpec struct {
	Length                  int64
	ExcludeCharacters       string
	ExcludeNumbers          bool
	ExcludePunctuation      bool
	ExcludeUppercase        bool
	ExcludeLowercase        bool
	IncludeSpace            bool
	RequireEachIncludedType bool
}

// AuditQuery selects CloudTrail events: by secret (ResourceName) when
// SecretID is set, otherwise by EventSource.
type AuditQuery struct {
	SecretID    string
	EventSource string
	// EventName, when set, narrows to one event name instead.
	EventName string
	Start     time.Time
	End       time.Time
	// PageSize is MaxResults, at most 50.
	PageSize int32
}

// AuditPage is one page of LookupEvents.
type AuditPage struct {
	Events    []AuditEvent
	NextToken string
}

// SecretsManagerSource is the CloudTrail event source of Secrets Manager.
const SecretsManagerSource = "secretsmanager.amazonaws.com"
