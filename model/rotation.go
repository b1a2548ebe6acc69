package model

import "time"

// RotationStatus is a secret's rotation state as derived from its metadata
// and stage labels.
type RotationStatus int

// The rotation states, in the order of how much they need attention.
const (
	RotationDisabled RotationStatus = iota
	RotationEnabled
	RotationNeverRotated
	RotationOverdue
	RotationInProgress
	RotationStuck
)

// PendingGrace is how long an AWSPENDING version may exist before the
// rotation that made it is taken as stuck rather than in progress.
const PendingGrace = time.Hour

var rotationNames = [...]string{
	RotationDisabled:     "off",
	RotationEnabled:      "on",
	RotationNeverRotated: "never",
	RotationOverdue:      "overdue",
	RotationInProgress:   "rotating",
	RotationStuck:        "stuck",
}

// String names the state as the list's column shows it.
func (r RotationStatus) String() string {
	if r < 0 || int(r) >= len(rotationNames) {
		return "?"
	}
	return rotationNames[r]
}

// Rotation derives the secret's rotation state at now: stuck when AWSPENDING
// sits on a version other than AWSCURRENT for longer than PendingGrace since
// the secret last changed, in progress within it; overdue when the next
// rotation date has passed; never rotated when enabled without a last date.
func (s Secret) Rotation(now time.Time) RotationStatus {
	pending, hasPending := s.VersionWithStage(StagePending)
	current, _ := s.VersionWithStage(StageCurrent)
	if hasPending && pending != current {
		if !s.LastChangedDate.IsZero() && now.Sub(s.LastChangedDate) < PendingGrace {
			return RotationInProgress
		}
		return RotationStuck
	}
	switch {
	case !s.RotationEnabled:
		return RotationDisabled
	case !s.NextRotationDate.IsZero() && s.NextRotationDate.Before(now):
		return RotationOverdue
	case s.LastRotatedDate.IsZero():
		return RotationNeverRotated
	}
	return RotationEnabled
}
