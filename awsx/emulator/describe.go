package emulator

import "strings"

// rotationRulesJSON is RotationRules on the wire.
type rotationRulesJSON struct {
	AutomaticallyAfterDays *int64  `json:"AutomaticallyAfterDays,omitempty"`
	ScheduleExpression     *string `json:"ScheduleExpression,omitempty"`
	Duration               *string `json:"Duration,omitempty"`
}

type replicationStatusJSON struct {
	Region           string `json:"Region"`
	KmsKeyId         string `json:"KmsKeyId,omitempty"`
	Status           string `json:"Status,omitempty"`
	StatusMessage    string `json:"StatusMessage,omitempty"`
	LastAccessedDate *epoch `json:"LastAccessedDate,omitempty"`
}

// secretEntry is the metadata of a secret, as ListSecrets and DescribeSecret
// answer it. Only one of the version maps is set.
type secretEntry struct {
	ARN                    string                  `json:"ARN"`
	Name                   string                  `json:"Name"`
	Description            string                  `json:"Description,omitempty"`
	KmsKeyId               string                  `json:"KmsKeyId,omitempty"`
	RotationEnabled        *bool                   `json:"RotationEnabled,omitempty"`
	RotationLambdaARN      string                  `json:"RotationLambdaARN,omitempty"`
	RotationRules          *rotationRulesJSON      `json:"RotationRules,omitempty"`
	LastRotatedDate        *epoch                  `json:"LastRotatedDate,omitempty"`
	LastChangedDate        *epoch                  `json:"LastChangedDate,omitempty"`
	LastAccessedDate       *epoch                  `json:"LastAccessedDate,omitempty"`
	DeletedDate            *epoch                  `json:"DeletedDate,omitempty"`
	NextRotationDate       *epoch                  `json:"NextRotationDate,omitempty"`
	Tags                   *[]SeedTag              `json:"Tags,omitempty"`
	SecretVersionsToStages map[string][]string     `json:"SecretVersionsToStages,omitempty"`
	VersionIdsToStages     map[string][]string     `json:"VersionIdsToStages,omitempty"`
	OwningService          string                  `json:"OwningService,omitempty"`
	CreatedDate            *epoch                  `json:"CreatedDate,omitempty"`
	PrimaryRegion          string                  `json:"PrimaryRegion,omitempty"`
	ReplicationStatus      []replicationStatusJSON `json:"ReplicationStatus,omitempty"`
}

// tagsJSON leaves Tags out for a secret never tagged and answers [] for one
// whose tags were all removed, as AWS does.
func tagsJSON(tags []SeedTag) *[]SeedTag {
	if tags == nil {
		return nil
	}
	return &tags
}

// entry describes s; forList picks ListSecrets' field names.
func (s *secret) entry(forList bool) secretEntry {
	e := secretEntry{
		ARN:              s.arn,
		Name:             s.name,
		Description:      s.description,
		KmsKeyId:         s.kmsKeyID,
		LastRotatedDate:  epochPtr(s.rotation.lastRotated),
		LastChangedDate:  epochPtr(s.lastChanged),
		LastAccessedDate: epochPtr(s.lastAccessed),
		DeletedDate:      epochPtr(s.deletedAt),
		Tags:             tagsJSON(s.tags),
		OwningService:    s.owningService,
		CreatedDate:      epochPtr(s.created),
		PrimaryRegion:    s.primaryRegion,
	}
	if s.rotation.enabled || s.rotation.lambdaARN != "" {
		enabled := s.rotation.enabled
		e.RotationEnabled = &enabled
		e.RotationLambdaARN = s.rotation.lambdaARN
	}
	if s.rotation.enabled {
		e.NextRotationDate = epochPtr(s.rotation.nextRotation)
	}
	if r := s.rotation.rules(); r != nil {
		e.RotationRules = r
	}
	if stages := s.versionStages(); len(stages) > 0 {
		if forList {
			e.SecretVersionsToStages = stages
		} else {
			e.VersionIdsToStages = stages
		}
	}
	e.ReplicationStatus = s.replicationStatus()
	return e
}

// rules returns the wire form of the rotation schedule, nil when none.
func (r rotationConfig) rules() *rotationRulesJSON {
	if r.automaticallyAfterDays == 0 && r.scheduleExpression == "" && r.duration == "" {
		return nil
	}
	out := &rotationRulesJSON{}
	if r.automaticallyAfterDays > 0 {
		days := r.automaticallyAfterDays
		out.AutomaticallyAfterDays = &days
	}
	if r.scheduleExpression != "" {
		expr := r.scheduleExpression
		out.ScheduleExpression = &expr
	}
	if r.duration != "" {
		d := r.duration
		out.Duration = &d
	}
	return out
}

// validName reports whether name is a legal secret name.
func validName(name string) bool {
	if name == "" || len(name) > 512 {
		return false
	}
	return strings.IndexFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/_+=.@-", r))
	}) < 0
}

// maxSecretIDLength is the longest SecretId AWS accepts.
const maxSecretIDLength = 2048

// validSecretID reports whether id can name a secret: an ARN, or a name
// made of the characters names use plus the ! of service-managed secrets.
func validSecretID(id string) bool {
	if id == "" || len(id) > maxSecretIDLength {
		return false
	}
	if strings.HasPrefix(id, "arn:") {
		return true
	}
	return strings.IndexFunc(id, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/_+=.@-!", r))
	}) < 0
}
