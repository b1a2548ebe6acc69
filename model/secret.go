package model

import (
	"slices"
	"strings"
	"time"
)

// Stage labels that Secrets Manager gives a meaning to.
const (
	StageCurrent  = "AWSCURRENT"
	StagePrevious = "AWSPREVIOUS"
	StagePending  = "AWSPENDING"
)

// DefaultKMSKey is how the AWS managed key is shown when a secret names none.
const DefaultKMSKey = "aws/secretsmanager (default)"

// Tag is one key/value tag on a secret.
type Tag struct {
	Key   string
	Value string
}

// RotationRules is a secret's rotation schedule.
type RotationRules struct {
	// AutomaticallyAfterDays is set when the schedule is a plain day count.
	AutomaticallyAfterDays int64
	// ScheduleExpression is a rate() or cron() expression, when set.
	ScheduleExpression string
	// Duration is the rotation window, such as "3h".
	Duration string
}

// IsZero reports whether no schedule is set.
func (r RotationRules) IsZero() bool { return r == RotationRules{} }

// Replica is one region a secret is replicated to.
type Replica struct {
	Region           string
	KMSKeyID         string
	Status           string
	StatusMessage    string
	LastAccessedDate time.Time
}

// Secret is what ListSecrets tells about a secret: one row of the list.
type Secret struct {
	ARN               string
	Name              string
	Description       string
	KMSKeyID          string
	CreatedDate       time.Time
	LastChangedDate   time.Time
	LastAccessedDate  time.Time
	LastRotatedDate   time.Time
	NextRotationDate  time.Time
	DeletedDate       time.Time
	RotationEnabled   bool
	RotationLambdaARN string
	RotationRules     RotationRules
	Tags              []Tag
	OwningService     string
	PrimaryRegion     string
	// VersionStages says which stage labels each version carries.
	VersionStages StageMap
}

// PendingDeletion reports whether the secret is scheduled for deletion.
func (s Secret) PendingDeletion() bool { return !s.DeletedDate.IsZero() }

// Tag returns the value of the tag with the given key and whether it is set.
func (s Secret) Tag(key string) (string, bool) {
	for _, t := range s.Tags {
		if t.Key == key {
			return t.Value, true
		}
	}
	return "", false
}

// KMSKeyLabel is the KMS key to show, naming the AWS managed key when none is set.
func (s Secret) KMSKeyLabel() string {
	if s.KMSKeyID == "" {
		return DefaultKMSKey
	}
	return s.KMSKeyID
}

// VersionWithStage returns the id of the version that carries stage, if any.
func (s Secret) VersionWithStage(stage string) (string, bool) {
	for _, v := range s.VersionStages {
		if slices.Contains(v.Stages, stage) {
			return v.ID, true
		}
	}
	return "", false
}

// SecretDetail is everything DescribeSecret tells about a secret.
type SecretDetail struct {
	Secret
	Replicas []Replica
}

// Version is one version of a secret's value, without the value.
type Version struct {
	ID               string
	Stages           []string
	CreatedDate      time.Time
	LastAccessedDate time.Time
	KMSKeyIDs        []string
}

// HasStage reports whether the version carries the given stage label.
func (v Version) HasStage(stage string) bool { return slices.Contains(v.Stages, stage) }

// Deprecated reports whether the version has no stage label left.
func (v Version) Deprecated() bool { return len(v.Stages) == 0 }

// SecretVersion is one fetched version of a secret with its value.
type SecretVersion struct {
	ARN         string
	Name        string
	VersionID   string
	Stages      []string
	CreatedDate time.Time
	Value       Value
}

// ValidationFinding is one problem ValidateResourcePolicy reports.
type ValidationFinding struct {
	Check   string
	Message string
}

// PolicyValidation is the answer of ValidateResourcePolicy.
type PolicyValidation struct {
	Passed   bool
	Findings []ValidationFinding
}

// Identity is who the current credentials belong to (STS GetCallerIdentity).
type Identity struct {
	Account string
	ARN     string
	UserID  string
}

// AccountFromARN returns the account id field of an ARN, or "".
func AccountFromARN(arn string) string { return arnField(arn, 4) }

// RegionFromARN returns the region field of an ARN, or "".
func RegionFromARN(arn string) string { return arnField(arn, 3) }

// arnField is the i-th colon-separated field of an ARN, or "".
func arnField(arn string, i int) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return ""
	}
	return parts[i]
}
