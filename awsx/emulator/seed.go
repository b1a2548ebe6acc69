package emulator

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Seed is the JSON document the emulator can be loaded with: secrets with
// their versions, and CloudTrail history.
type Seed struct {
	// AccountID and Region are where secrets and events that name no
	// account or region of their own go, and where requests without
	// credentials are served.
	AccountID string `json:"accountId,omitempty"`
	Region    string `json:"region,omitempty"`
	// Organization makes AccountID the management account of an AWS
	// Organizations organisation with these member accounts.
	Organization *SeedOrganization `json:"organization,omitempty"`
	// Regions are the regions enabled in every account unless the account
	// names its own; empty means AWS's regions enabled by default.
	Regions []string `json:"regions,omitempty"`
	// Roles are the role names STS AssumeRole accepts in every account of
	// the organisation; empty accepts any name.
	Roles []string `json:"roles,omitempty"`
	// Identities maps SigV4 access key ids to principal ARNs.
	Identities map[string]string `json:"identities,omitempty"`
	Secrets    []SeedSecret      `json:"secrets"`
	Events     []SeedEvent       `json:"events,omitempty"`
	// Latency, a Go duration such as "50ms", is a fixed delay added to
	// every request from the load on; empty leaves the delay as it is.
	Latency string `json:"latency,omitempty"`
}

// SeedSecret is one secret in a seed.
type SeedSecret struct {
	// Account and Region place the secret; empty means the seed's.
	Account       string        `json:"account,omitempty"`
	Region        string        `json:"region,omitempty"`
	Name          string        `json:"name"`
	Description   string        `json:"description,omitempty"`
	KMSKeyID      string        `json:"kmsKeyId,omitempty"`
	Tags          []SeedTag     `json:"tags,omitempty"`
	Created       SeedTime      `json:"created,omitempty"`
	LastAccessed  SeedTime      `json:"lastAccessed,omitempty"`
	OwningService string        `json:"owningService,omitempty"`
	PrimaryRegion string        `json:"primaryRegion,omitempty"`
	Replicas      []SeedReplica `json:"replicas,omitempty"`
	// Versions are listed oldest first.
	Versions []SeedVersion `json:"versions"`
	Rotation *SeedRotation `json:"rotation,omitempty"`
	// Deleted, when set, puts the secret in pending deletion since then.
	Deleted            SeedTime `json:"deleted,omitempty"`
	RecoveryWindowDays int64    `json:"recoveryWindowDays,omitempty"`
	// Policy is the resource policy JSON.
	Policy string `json:"policy,omitempty"`
}

// SeedTag is one tag.
type SeedTag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// SeedReplica is one replica region.
type SeedReplica struct {
	Region        string `json:"region"`
	KMSKeyID      string `json:"kmsKeyId,omitempty"`
	Status        string `json:"status,omitempty"`
	StatusMessage string `json:"statusMessage,omitempty"`
}

// SeedVersion is one version: exactly one of String and Binary is set.
type SeedVersion struct {
	ID      string   `json:"id,omitempty"`
	String  *string  `json:"string,omitempty"`
	Binary  []byte   `json:"binary,omitempty"`
	Stages  []string `json:"stages,omitempty"`
	Created SeedTime `json:"created,omitempty"`
}

// SeedRotation is a secret's rotation configuration. The Lambda ARN's
// function name picks a built-in rotation function (see RotationFunction).
type SeedRotation struct {
	Enabled                bool     `json:"enabled"`
	LambdaARN              string   `json:"lambdaArn,omitempty"`
	AutomaticallyAfterDays int64    `json:"automaticallyAfterDays,omitempty"`
	ScheduleExpression     string   `json:"scheduleExpression,omitempty"`
	Duration               string   `json:"duration,omitempty"`
	LastRotated            SeedTime `json:"lastRotated,omitempty"`
	NextRotation           SeedTime `json:"nextRotation,omitempty"`
}

// SeedEvent is one CloudTrail event of the seed's history.
type SeedEvent struct {
	// Account and Region say whose history the event is in; empty means
	// the seed's.
	Account      string   `json:"account,omitempty"`
	Region       string   `json:"region,omitempty"`
	Time         SeedTime `json:"time"`
	EventName    string   `json:"eventName"`
	EventSource  string   `json:"eventSource,omitempty"`
	PrincipalARN string   `json:"principalArn"`
	AccessKeyID  string   `json:"accessKeyId,omitempty"`
	SourceIP     string   `json:"sourceIp,omitempty"`
	UserAgent    string   `json:"userAgent,omitempty"`
	SecretID     string   `json:"secretId,omitempty"`
	ErrorCode    string   `json:"errorCode,omitempty"`
	ErrorMessage string   `json:"errorMessage,omitempty"`
}

// SeedTime is a point in time written either as RFC 3339 or relative to the
// moment the seed is loaded: "-90d", "-36h", "-1d2h", "+5d".
type SeedTime struct {
	abs time.Time
	rel time.Duration
	set bool
}

// IsZero reports whether no time was given.
func (t SeedTime) IsZero() bool { return !t.set }

// Resolve returns the time, taking relative times from now.
func (t SeedTime) Resolve(now time.Time) time.Time {
	switch {
	case !t.set:
		return time.Time{}
	case t.abs.IsZero():
		return now.Add(t.rel)
	}
	return t.abs
}

// Relative makes a SeedTime at d from the moment of loading.
func Relative(d time.Duration) SeedTime { return SeedTime{rel: d, set: true} }

// MarshalJSON writes relative times as "<sign><days>d<hours>h<minutes>m".
func (t SeedTime) MarshalJSON() ([]byte, error) {
	if !t.set {
		return []byte(`""`), nil
	}
	if !t.abs.IsZero() {
		return json.Marshal(t.abs.Format(time.RFC3339))
	}
	return json.Marshal(formatRelative(t.rel))
}

// UnmarshalJSON reads RFC 3339 or a relative time.
func (t *SeedTime) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("seed time: %w", err)
	}
	if s == "" {
		*t = SeedTime{}
		return nil
	}
	if abs, err := time.Parse(time.RFC3339, s); err == nil {
		*t = SeedTime{abs: abs, set: true}
		return nil
	}
	d, err := parseRelative(s)
	if err != nil {
		return err
	}
	*t = SeedTime{rel: d, set: true}
	return nil
}

// parseRelative reads "-90d", "+1d2h30m" and any time.ParseDuration text.
func parseRelative(s string) (time.Duration, error) {
	if len(s) < 2 || (s[0] != '-' && s[0] != '+') {
		return 0, fmt.Errorf("seed time %q: want RFC 3339 or a signed offset such as -90d", s)
	}
	sign, rest := time.Duration(1), s[1:]
	if s[0] == '-' {
		sign = -1
	}
	var days time.Duration
	if i := strings.IndexByte(rest, 'd'); i >= 0 {
		n, err := strconv.Atoi(rest[:i])
		if err != nil {
			return 0, fmt.Errorf("seed time %q: bad day count", s)
		}
		days, rest = time.Duration(n)*24*time.Hour, rest[i+1:]
	}
	var d time.Duration
	if rest != "" {
		var err error
		if d, err = time.ParseDuration(rest); err != nil {
			return 0, fmt.Errorf("seed time %q: %w", s, err)
		}
	}
	return sign * (days + d), nil
}

func formatRelative(d time.Duration) string {
	sign := "+"
	if d < 0 {
		sign, d = "-", -d
	}
	days := d / (24 * time.Hour)
	d -= days * 24 * time.Hour
	out := sign
	if days > 0 {
		out += strconv.FormatInt(int64(days), 10) + "d"
	}
	if d > 0 || days == 0 {
		out += d.String()
	}
	return out
}
