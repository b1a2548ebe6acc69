package render

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
)

// Field is one labelled line of the detail screen; Warn marks it for attention.
type Field struct {
	Label string
	Value string
	Warn  bool
}

// DetailFields lays out everything DescribeSecret said, sanitized, in the
// order a reader wants it.
func DetailFields(d model.SecretDetail, now time.Time) []Field {
	s := d.Secret
	fields := []Field{
		{Label: "ARN", Value: model.Sanitize(s.ARN)},
		{Label: "Description", Value: orDash(model.Sanitize(s.Description))},
		{Label: "KMS key", Value: model.Sanitize(s.KMSKeyLabel())},
		{Label: "Created", Value: When(s.CreatedDate, now)},
		{Label: "Changed", Value: When(s.LastChangedDate, now)},
		{Label: "Accessed", Value: accessed(s.LastAccessedDate, now)},
		{Label: "Rotation", Value: Rotation(s, now), Warn: s.Rotation(now) >= model.RotationNeverRotated},
	}
	if s.RotationLambdaARN != "" {
		fields = append(fields, Field{Label: "Rotation by", Value: model.Sanitize(s.RotationLambdaARN)})
	}
	if s.RotationEnabled || !s.LastRotatedDate.IsZero() {
		fields = append(fields,
			Field{Label: "Last rotated", Value: When(s.LastRotatedDate, now)},
			Field{Label: "Next rotation", Value: When(s.NextRotationDate, now), Warn: s.Rotation(now) == model.RotationOverdue})
	}
	if s.PendingDeletion() {
		fields = append(fields, Field{Label: "Deleted", Value: "pending deletion since " + When(s.DeletedDate, now), Warn: true})
	}
	if s.OwningService != "" {
		fields = append(fields, Field{Label: "Owned by", Value: model.Sanitize(s.OwningService)})
	}
	if s.PrimaryRegion != "" || len(d.Replicas) > 0 {
		fields = append(fields, Field{Label: "Primary region", Value: orDash(model.Sanitize(s.PrimaryRegion))})
	}
	for _, r := range d.Replicas {
		text := model.Sanitize(r.Region) + " " + model.Sanitize(r.Status)
		if r.StatusMessage != "" {
			text += ": " + model.Sanitize(r.StatusMessage)
		}
		fields = append(fields, Field{Label: "Replica", Value: text, Warn: r.Status != "" && r.Status != "InSync"})
	}
	fields = append(fields, tagFields(s.Tags)...)
	for _, v := range StageOrder(s.VersionStages) {
		fields = append(fields, Field{Label: "Version", Value: model.Sanitize(v.ID) + "  " + model.Sanitize(strings.Join(v.Stages, ", "))})
	}
	return fields
}

// tagFields puts each tag on a line of its own, under one Tags label, so
// that a value with spaces reads as one tag.
func tagFields(tags []model.Tag) []Field {
	if len(tags) == 0 {
		return []Field{{Label: "Tags", Value: "-"}}
	}
	out := make([]Field, len(tags))
	for i, t := range tags {
		out[i] = Field{Value: TagList([]model.Tag{t})}
	}
	out[0].Label = "Tags"
	return out
}

func accessed(t, now time.Time) string {
	if t.IsZero() {
		return "never (in this region)"
	}
	return AccessDay(t, now) + " (" + t.UTC().Format("2006-01-02") + ")"
}

// Rotation says in one line how a secret rotates: its state and schedule.
func Rotation(s model.Secret, now time.Time) string {
	if sched := Schedule(s.RotationRules); sched != "" {
		return RotationState(s, now) + " · " + sched
	}
	return RotationState(s, now)
}

// RotationState says in words what state a secret's rotation is in.
func RotationState(s model.Secret, now time.Time) string {
	switch s.Rotation(now) {
	case model.RotationDisabled:
		return "off"
	case model.RotationStuck:
		return "stuck: AWSPENDING left on a version that is not AWSCURRENT"
	case model.RotationInProgress:
		return "in progress"
	case model.RotationOverdue:
		return "overdue"
	case model.RotationNeverRotated:
		return "on, never rotated"
	}
	return "on"
}

// Schedule describes rotation rules: "every 30 days", "cron(0 4 ? * SUN *)",
// with the window when set.
func Schedule(r model.RotationRules) string {
	var out string
	switch {
	case r.ScheduleExpression != "":
		out = model.Sanitize(r.ScheduleExpression)
	case r.AutomaticallyAfterDays > 0:
		out = "every " + strconv.FormatInt(r.AutomaticallyAfterDays, 10) + " days"
	}
	if r.Duration != "" {
		out += ", window " + model.Sanitize(r.Duration)
	}
	return out
}

// StageOrder lists versions that carry labels: AWSCURRENT first, then
// AWSPREVIOUS, AWSPENDING and the rest by id.
func StageOrder(stages model.StageMap) []model.Version {
	out := make([]model.Version, 0, len(stages))
	for _, v := range stages {
		out = append(out, model.Version{ID: v.ID, Stages: v.Stages})
	}
	weight := func(v model.Version) int {
		for i, s := range []string{model.StageCurrent, model.StagePrevious, model.StagePending} {
			if v.HasStage(s) {
				return i
			}
		}
		return 3
	}
	slices.SortFunc(out, func(a, b model.Version) int {
		if d := weight(a) - weight(b); d != 0 {
			return d
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// Labels lists every stage label in StageOrder's order.
func Labels(stages model.StageMap) []string {
	var out []string
	for _, v := range StageOrder(stages) {
		sorted := slices.Clone(v.Stages)
		slices.SortFunc(sorted, func(a, b string) int { return labelWeight(a) - labelWeight(b) })
		out = append(out, sorted...)
	}
	return out
}

func labelWeight(s string) int {
	switch s {
	case model.StageCurrent:
		return 0
	case model.StagePrevious:
		return 1
	case model.StagePending:
		return 2
	}
	return 3
}

// BinaryPreview shows the start of a binary value as hex and base64.
func BinaryPreview(b []byte) (hexLine, base64Line string) {
	const n = 24
	head := b[:min(len(b), n)]
	hexLine = hex.EncodeToString(head)
	b64 := base64.StdEncoding.EncodeToString(b)
	if len(b) > n {
		hexLine += "…"
	}
	if len(b64) > 64 {
		b64 = b64[:64] + "…"
	}
	return hexLine, b64
}

// FieldLabel names a field of a value: its sanitized key path, "text", or
// the size of a binary.
func FieldLabel(shape model.Shape, f model.Field) string {
	switch {
	case shape == model.ShapeBinary:
		return "binary, " + Size(f.Value.Len())
	case f.Path != "":
		return model.Sanitize(f.Path)
	}
	return "text"
}

// ValueLines lays a revealed value out width cells wide: its text line by
// line, each cut into pieces that fit, or for a binary value hex and
// base64 previews. The text pieces are substrings of one sanitized copy:
// laying out makes no further copy of the value.
func ValueLines(v model.Value, width int) []string {
	if v.IsBinary() {
		hexLine, b64 := BinaryPreview(v.Reveal())
		return append(CutCells("hex "+hexLine, width), CutCells("b64 "+b64, width)...)
	}
	var pieces []string
	for line := range strings.SplitSeq(v.SanitizedBlock(), "\n") {
		pieces = append(pieces, CutCells(line, width)...)
	}
	return pieces
}

// CutCells cuts plain text into pieces at most width cells wide, each a
// substring of s. Every cell is kept, spaces included, as a value must be
// read exactly.
func CutCells(s string, width int) []string {
	var out []string
	start, w := 0, 0
	for i, r := range s {
		cell := ansi.StringWidth(string(r))
		if w+cell > width && i > start {
			out = append(out, s[start:i])
			start, w = i, 0
		}
		w += cell
	}
	return append(out, s[start:])
}

// Size is a byte count for people: "812 B", "4.2 KiB".
func Size(n int) string {
	if n < 1024 {
		return fmt.Sprintf("%d B", n)
	}
	return fmt.Sprintf("%.1f KiB", float64(n)/1024)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
