package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Severity is how much a hygiene finding matters, in Security Hub's words.
type Severity string

// The severities hygiene controls carry.
const (
	SeverityLow    Severity = "LOW"
	SeverityMedium Severity = "MEDIUM"
	SeverityHigh   Severity = "HIGH"
)

// The best practices hygiene controls check, as AWS's Secrets Manager
// best practices name them.
const (
	PracticeLeastPrivilege = "least privilege"
	PracticeRotation       = "regular rotation"
	PracticeMonitoring     = "monitoring and audit"
	PracticeEncryption     = "encrypted storage"
)

// The hygiene controls' ids: Security Hub's Secrets Manager controls, then
// keyhole's own.
const (
	ControlRotationOff      = "SecretsManager.1"
	ControlRotationFailed   = "SecretsManager.2"
	ControlUnused           = "SecretsManager.3"
	ControlNotRotated       = "SecretsManager.4"
	ControlMissingTags      = "SecretsManager.5"
	ControlSharedPolicy     = "KH.1"
	ControlReplicaFailed    = "KH.2"
	ControlDeletedButRead   = "KH.3"
	ControlDefaultKeyShared = "KH.4"
)

// RotationGrace is how long past its due date a rotation may be late before
// it counts as failed: AWS rotates within a window of at most a day.
const RotationGrace = 24 * time.Hour

// Control is one hygiene check.
type Control struct {
	ID       string
	Severity Severity
	// Title says in a few words what the control finds.
	Title string
	// Practice is the best practice the control checks.
	Practice string
	// NeedsPolicy marks a control that can fire only where the secret's
	// resource policy is known.
	NeedsPolicy bool
	// NeedsReplicas marks a control that can fire only where the secret's
	// replicas are known.
	NeedsReplicas bool
}

// NeedsMore reports whether the control looks past the listing's
// metadata: at the policy or the replicas.
func (c Control) NeedsMore() bool { return c.NeedsPolicy || c.NeedsReplicas }

// HygieneControls are every control, in the fixed order summaries and
// screens list them.
func HygieneControls() []Control {
	return []Control{
		{ID: ControlRotationOff, Severity: SeverityMedium, Title: "rotation not enabled", Practice: PracticeRotation},
		{ID: ControlRotationFailed, Severity: SeverityMedium, Title: "rotation failed or stuck", Practice: PracticeRotation},
		{ID: ControlUnused, Severity: SeverityMedium, Title: "not read for a long time", Practice: PracticeMonitoring},
		{ID: ControlNotRotated, Severity: SeverityMedium, Title: "not rotated for a long time", Practice: PracticeRotation},
		{ID: ControlMissingTags, Severity: SeverityLow, Title: "missing required tags", Practice: PracticeMonitoring},
		{ID: ControlSharedPolicy, Severity: SeverityHigh, Title: "policy grants public or cross-account access", Practice: PracticeLeastPrivilege, NeedsPolicy: true},
		{ID: ControlReplicaFailed, Severity: SeverityMedium, Title: "replica failed", Practice: PracticeMonitoring, NeedsReplicas: true},
		{ID: ControlDeletedButRead, Severity: SeverityHigh, Title: "pending deletion but still read", Practice: PracticeMonitoring},
		{ID: ControlDefaultKeyShared, Severity: SeverityMedium, Title: "default KMS key on a shared secret", Practice: PracticeEncryption, NeedsPolicy: true},
	}
}

// Finding is one control a secret fails, with why in one line. The reason
// may quote text from AWS: sanitize it before drawing.
type Finding struct {
	Control Control
	Reason  string
}

// HygieneRules are the thresholds of the hygiene controls.
type HygieneRules struct {
	// UnusedDays is how long a secret may go unread (SecretsManager.3).
	UnusedDays int
	// RotationDays is how long a secret may go unrotated (SecretsManager.4).
	RotationDays int
	// RequiredTags are the tag keys every secret must carry
	// (SecretsManager.5); nil means the default, empty none.
	RequiredTags []string
	// DeletedReadDays is how recent a read of a secret pending deletion
	// must be to count (KH.3).
	DeletedReadDays int
}

// DefaultHygieneRules are the thresholds Security Hub uses by default, an
// owner tag, and reads of the last 30 days.
func DefaultHygieneRules() HygieneRules {
	return HygieneRules{UnusedDays: 90, RotationDays: 90, RequiredTags: []string{"owner"}, DeletedReadDays: 30}
}

// WithDefaults fills the thresholds left zero, and required tags left nil,
// from DefaultHygieneRules.
func (r HygieneRules) WithDefaults() HygieneRules {
	d := DefaultHygieneRules()
	if r.UnusedDays <= 0 {
		r.UnusedDays = d.UnusedDays
	}
	if r.RotationDays <= 0 {
		r.RotationDays = d.RotationDays
	}
	if r.RequiredTags == nil {
		r.RequiredTags = d.RequiredTags
	}
	if r.DeletedReadDays <= 0 {
		r.DeletedReadDays = d.DeletedReadDays
	}
	return r
}

// HygieneInput is what the controls look at for one secret.
type HygieneInput struct {
	Secret Secret
	// Replicas are the secret's replicas as DescribeSecret tells them;
	// nil when not known, so KH.2 finds nothing.
	Replicas []Replica
	// Policy is the secret's resource policy, "" when it has none; nil
	// when not known, so KH.1 and KH.4 find nothing.
	Policy *string
}

// Check runs every control on one secret at now and returns what it
// fails, in control order. A secret pending deletion is checked by KH.3
// only: the other controls are about secrets in use.
func (r HygieneRules) Check(in HygieneInput, now time.Time) []Finding {
	r = r.WithDefaults()
	s := in.Secret
	byID := map[string]string{}
	if s.PendingDeletion() {
		byID[ControlDeletedButRead] = r.deletedButRead(s, now)
	} else {
		byID[ControlRotationOff] = rotationOff(s)
		byID[ControlRotationFailed] = rotationFailed(s, now)
		byID[ControlUnused] = r.unused(s, now)
		byID[ControlNotRotated] = r.notRotated(s, now)
		byID[ControlMissingTags] = r.missingTags(s)
		byID[ControlReplicaFailed] = replicaFailed(in.Replicas)
		byID[ControlSharedPolicy], byID[ControlDefaultKeyShared] = policyFindings(s, in.Policy)
	}
	var out []Finding
	for _, c := range HygieneControls() {
		if reason := byID[c.ID]; reason != "" {
			out = append(out, Finding{Control: c, Reason: reason})
		}
	}
	return out
}

// rotationOff is SecretsManager.1's reason, or "".
func rotationOff(s Secret) string {
	if s.RotationEnabled {
		return ""
	}
	return "automatic rotation is not enabled"
}

// rotationFailed is SecretsManager.2's reason, or "": an AWSPENDING version
// left without AWSCURRENT, or a rotation more than RotationGrace past due.
func rotationFailed(s Secret, now time.Time) string {
	if s.Rotation(now) == RotationStuck {
		return "AWSPENDING is left on a version without AWSCURRENT"
	}
	if !s.RotationEnabled {
		return ""
	}
	due := s.NextRotationDate
	if due.IsZero() && s.RotationRules.AutomaticallyAfterDays > 0 {
		last := s.LastRotatedDate
		if last.IsZero() {
			last = s.CreatedDate
		}
		if !last.IsZero() {
			due = last.AddDate(0, 0, int(s.RotationRules.AutomaticallyAfterDays))
		}
	}
	if due.IsZero() || now.Sub(due) <= RotationGrace {
		return ""
	}
	return fmt.Sprintf("rotation due %s is %s late", due.UTC().Format(time.DateOnly), days(now.Sub(due)))
}

// unused is SecretsManager.3's reason, or "": last read, or created and
// never read, more than UnusedDays ago.
func (r HygieneRules) unused(s Secret, now time.Time) string {
	limit := daysOf(r.UnusedDays)
	switch {
	case !s.LastAccessedDate.IsZero():
		if age := now.Sub(s.LastAccessedDate); age > limit {
			return "last read " + days(age) + " ago"
		}
	case !s.CreatedDate.IsZero():
		if age := now.Sub(s.CreatedDate); age > limit {
			return "never read, created " + days(age) + " ago"
		}
	}
	return ""
}

// notRotated is SecretsManager.4's reason, or "": last rotated, or created
// and never rotated, more than RotationDays ago.
func (r HygieneRules) notRotated(s Secret, now time.Time) string {
	limit := daysOf(r.RotationDays)
	switch {
	case !s.LastRotatedDate.IsZero():
		if age := now.Sub(s.LastRotatedDate); age > limit {
			return "last rotated " + days(age) + " ago"
		}
	case !s.CreatedDate.IsZero():
		if age := now.Sub(s.CreatedDate); age > limit {
			return "never rotated, created " + days(age) + " ago"
		}
	}
	return ""
}

// missingTags is SecretsManager.5's reason, or "".
func (r HygieneRules) missingTags(s Secret) string {
	var missing []string
	for _, k := range r.RequiredTags {
		if _, ok := s.Tag(k); !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return "no tag " + strings.Join(missing, ", ")
}

// replicaFailed is KH.2's reason, or "": the regions whose replica failed,
// with the first one's status message.
func replicaFailed(replicas []Replica) string {
	var failed []string
	message := ""
	for _, rep := range replicas {
		if strings.EqualFold(rep.Status, "Failed") {
			failed = append(failed, rep.Region)
			message = cmp.Or(message, rep.StatusMessage)
		}
	}
	if len(failed) == 0 {
		return ""
	}
	reason := "replica failed in " + strings.Join(failed, ", ")
	if message != "" {
		reason += ": " + message
	}
	return reason
}

// deletedButRead is KH.3's reason, or "": the secret is pending deletion and
// was read within DeletedReadDays, so something still needs it.
func (r HygieneRules) deletedButRead(s Secret, now time.Time) string {
	if !s.PendingDeletion() || s.LastAccessedDate.IsZero() || now.Sub(s.LastAccessedDate) > daysOf(r.DeletedReadDays) {
		return ""
	}
	return "pending deletion, read " + days(now.Sub(s.LastAccessedDate)) + " ago"
}

// policyFindings are KH.1's and KH.4's reasons, or "": a policy granting
// everyone or another account than the secret's, and such a policy on a
// secret under the AWS managed key, which other accounts cannot use. An
// unknown policy, or one that does not parse, finds nothing.
func policyFindings(s Secret, policy *string) (shared, defaultKey string) {
	if policy == nil || strings.TrimSpace(*policy) == "" {
		return "", ""
	}
	doc, err := ParsePolicy(*policy)
	if err != nil {
		return "", ""
	}
	own := AccountFromARN(s.ARN)
	var others []string
	for _, a := range doc.Accounts() {
		if own != "" && a != own {
			others = append(others, a)
		}
	}
	switch {
	case doc.Public():
		shared = "policy grants everyone (Principal \"*\", no condition)"
	case len(others) > 0:
		shared = "policy grants account " + strings.Join(others, ", ")
	default:
		return "", ""
	}
	if usesDefaultKey(s) {
		defaultKey = "AWS managed key, which other accounts cannot decrypt with"
	}
	return shared, defaultKey
}

// usesDefaultKey reports whether the secret is encrypted with the AWS
// managed key aws/secretsmanager.
func usesDefaultKey(s Secret) bool {
	return s.KMSKeyID == "" || s.KMSKeyID == "alias/aws/secretsmanager" || strings.HasSuffix(s.KMSKeyID, ":alias/aws/secretsmanager")
}

// ControlCount is how many secrets fail one control.
type ControlCount struct {
	Control Control
	Count   int
}

// SummarizeFindings counts the secrets failing each control, for every
// control in HygieneControls' order, zeros included. Each element of
// perSecret is one secret's findings.
func SummarizeFindings(perSecret [][]Finding) []ControlCount {
	controls := HygieneControls()
	out := make([]ControlCount, len(controls))
	for i, c := range controls {
		out[i].Control = c
		for _, fs := range perSecret {
			if slices.ContainsFunc(fs, func(f Finding) bool { return f.Control.ID == c.ID }) {
				out[i].Count++
			}
		}
	}
	return out
}

// daysOf is n days as a duration.
func daysOf(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }

// days says a duration in whole days, such as "91 days".
func days(d time.Duration) string {
	n := int(d / (24 * time.Hour))
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
