package emulator

import (
	"bytes"
	"slices"
	"time"
)

// Stage labels Secrets Manager gives a meaning to.
const (
	stageCurrent  = "AWSCURRENT"
	stagePrevious = "AWSPREVIOUS"
	stagePending  = "AWSPENDING"
)

// version is one stored version of a secret.
type version struct {
	id           string
	str          *string
	bin          []byte
	stages       []string
	created      time.Time
	lastAccessed time.Time
}

// hasValue reports whether the version holds a value.
func (v *version) hasValue() bool { return v.str != nil || v.bin != nil }

// sameValue reports whether the version holds exactly str or bin.
func (v *version) sameValue(str *string, bin []byte) bool {
	if (v.str == nil) != (str == nil) || (v.bin == nil) != (bin == nil) {
		return false
	}
	if str != nil {
		return *v.str == *str
	}
	return bytes.Equal(v.bin, bin)
}

func (v *version) hasStage(stage string) bool { return slices.Contains(v.stages, stage) }

func (v *version) removeStage(stage string) {
	v.stages = slices.DeleteFunc(v.stages, func(s string) bool { return s == stage })
}

// rotationConfig is a secret's rotation settings and state.
type rotationConfig struct {
	enabled                bool
	lambdaARN              string
	automaticallyAfterDays int64
	scheduleExpression     string
	duration               string
	lastRotated            time.Time
	nextRotation           time.Time
}

// secret is one stored secret with all its versions.
type secret struct {
	// place is the account and region the secret lives in.
	place         *regionState
	arn           string
	name          string
	description   string
	kmsKeyID      string
	tags          []SeedTag
	created       time.Time
	lastChanged   time.Time
	lastAccessed  time.Time
	owningService string
	primaryRegion string
	// replicas are the regions a primary replicates to.
	replicas []*replica
	// primary is the secret a replica copies, while it is linked.
	primary *secret
	// versions are kept in creation order.
	versions []*version
	rotation rotationConfig
	// deletionDate is when a secret pending deletion goes for good.
	deletionDate time.Time
	deletedAt    time.Time
	policy       string
	// rotating is the rotation in flight, if any.
	rotating *rotationRun
}

func (s *secret) pendingDeletion() bool { return !s.deletionDate.IsZero() }

func (s *secret) versionByID(id string) *version {
	for _, v := range s.versions {
		if v.id == id {
			return v
		}
	}
	return nil
}

func (s *secret) versionByStage(stage string) *version {
	for _, v := range s.versions {
		if v.hasStage(stage) {
			return v
		}
	}
	return nil
}

// attachStage puts stage on v and takes it off every other version. Moving
// AWSCURRENT makes the version that held it the only AWSPREVIOUS.
func (s *secret) attachStage(v *version, stage string) {
	if v.hasStage(stage) {
		return
	}
	old := s.versionByStage(stage)
	if old != nil {
		old.removeStage(stage)
	}
	v.stages = append(v.stages, stage)
	if stage == stageCurrent && old != nil {
		s.attachStage(old, stagePrevious)
	}
}

// versionStages maps version ids to their labels, leaving out deprecated versions.
func (s *secret) versionStages() map[string][]string {
	out := make(map[string][]string, len(s.versions))
	for _, v := range s.versions {
		if len(v.stages) > 0 {
			out[v.id] = slices.Clone(v.stages)
		}
	}
	return out
}

// touchRead records a read of v on the given day.
func (s *secret) touchRead(v *version, now time.Time) {
	day := now.UTC().Truncate(24 * time.Hour)
	s.lastAccessed = day
	if v != nil {
		v.lastAccessed = day
	}
}
