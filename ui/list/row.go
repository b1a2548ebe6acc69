package list

import (
	"encoding/binary"
	"math"
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/model"
)

// row is one listed secret as the list keeps it: its dates as numbers and
// the rest but its tags encoded in rec, from which secret makes the
// model.Secret a screen needs. A model.Secret with its strings, tags and
// stages takes about 800 bytes; a row with its rec about 190, which is
// what lets the list hold AWS's 500,000 secrets a region.
type row struct {
	// rec holds, in this order: the ARN as an interned prefix (up to its
	// last colon) and the rest; the name, as its length when the rest
	// starts with it or else as a string; the description; the KMS key,
	// rotation function, owning service, primary region, schedule
	// expression and rotation window, interned; the rotation's day count;
	// whether rotation is on; the version stages, their labels interned.
	// It is cut from one string per page.
	rec string
	// created, changed, accessed, rotated, next and deleted are the
	// secret's dates in Unix nanoseconds; noTime stands for none.
	created, changed, accessed, rotated, next, deleted int64
}

// noTime is the stamp of a zero time.Time.
const noTime = math.MinInt64

// stamp is t in Unix nanoseconds, or noTime.
func stamp(t time.Time) int64 {
	if t.IsZero() {
		return noTime
	}
	return t.UnixNano()
}

// timeOf is the time a stamp stands for, in UTC as the SDK gives it.
func timeOf(n int64) time.Time {
	if n == noTime {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// appendRec appends the encoding of s's strings, kept in strs, to buf.
func appendRec(buf []byte, s *model.Secret, strs *interner) []byte {
	cut := strings.LastIndexByte(s.ARN, ':') + 1
	rest := s.ARN[cut:]
	buf = binary.AppendUvarint(buf, uint64(strs.id(s.ARN[:cut])))
	buf = appendString(buf, rest)
	if strings.HasPrefix(rest, s.Name) && s.Name != "" {
		buf = binary.AppendUvarint(buf, uint64(len(s.Name)))
	} else {
		buf = binary.AppendUvarint(buf, 0)
		buf = appendString(buf, s.Name)
	}
	buf = appendString(buf, s.Description)
	for _, shared := range []string{s.KMSKeyID, s.RotationLambdaARN, s.OwningService, s.PrimaryRegion,
		s.RotationRules.ScheduleExpression, s.RotationRules.Duration} {
		buf = binary.AppendUvarint(buf, uint64(strs.id(shared)))
	}
	buf = binary.AppendUvarint(buf, uint64(s.RotationRules.AutomaticallyAfterDays))
	enabled := byte(0)
	if s.RotationEnabled {
		enabled = 1
	}
	buf = append(buf, enabled)
	buf = binary.AppendUvarint(buf, uint64(len(s.VersionStages)))
	for _, v := range s.VersionStages {
		buf = appendString(buf, v.ID)
		buf = binary.AppendUvarint(buf, uint64(len(v.Stages)))
		for _, label := range v.Stages {
			buf = binary.AppendUvarint(buf, uint64(strs.id(label)))
		}
	}
	return buf
}

// appendString appends s with its length first.
func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

// newRow makes the row of s, its rec a copy of its own.
func newRow(s *model.Secret, strs *interner) row {
	r := rowTimes(s)
	r.rec = string(appendRec(nil, s, strs))
	return r
}

// rowTimes is a row with s's dates and no rec yet.
func rowTimes(s *model.Secret) row {
	return row{
		created: stamp(s.CreatedDate), changed: stamp(s.LastChangedDate), accessed: stamp(s.LastAccessedDate),
		rotated: stamp(s.LastRotatedDate), next: stamp(s.NextRotationDate), deleted: stamp(s.DeletedDate),
	}
}

// recReader reads a rec from its start.
type recReader struct {
	rec  string
	at   int
	strs *interner
}

// uint reads a number.
func (r *recReader) uint() uint64 {
	v, n := uvarint(r.rec[r.at:])
	r.at += n
	return v
}

// string reads a string of the rec's own, its length first.
func (r *recReader) string() string {
	n := int(r.uint())
	s := r.rec[r.at : r.at+n]
	r.at += n
	return s
}

// shared reads an interned string by its number.
func (r *recReader) shared() string { return r.strs.str(uint32(r.uint())) }

// uvarint decodes a uvarint from the start of s, as binary.Uvarint does
// from a byte slice.
func uvarint(s string) (uint64, int) {
	var v uint64
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b < 0x80 {
			return v | uint64(b)<<(7*i), i + 1
		}
		v |= uint64(b&0x7f) << (7 * i)
	}
	panic("list: truncated row")
}

// arnParts are the interned prefix and the rest of the row's ARN, and the
// reader positioned after them.
func (w *row) arnParts(strs *interner) (prefix, rest string, r recReader) {
	r = recReader{rec: w.rec, strs: strs}
	prefix = r.shared()
	rest = r.string()
	return prefix, rest, r
}

// arn is the row's ARN.
func (w *row) arn(strs *interner) string {
	prefix, rest, _ := w.arnParts(strs)
	return prefix + rest
}

// hasARN reports whether the row's ARN is arn, without building it.
func (w *row) hasARN(arn string, strs *interner) bool {
	prefix, rest, _ := w.arnParts(strs)
	return len(arn) == len(prefix)+len(rest) && strings.HasPrefix(arn, prefix) && strings.HasSuffix(arn, rest)
}

// name is the row's name, a part of its rec.
func (w *row) name(strs *interner) string {
	_, rest, r := w.arnParts(strs)
	return r.name(rest)
}

// name reads the name that follows the ARN.
func (r *recReader) name(rest string) string {
	if n := int(r.uint()); n > 0 {
		return rest[:n]
	}
	return r.string()
}

// secretOf is the model.Secret row w holds, with the tags numbered in
// tags.
func secretOf(w *row, tags string, strs *interner, table *tagTable) model.Secret {
	s := w.secret(strs)
	s.Tags = table.of(tags)
	return s
}

// secret is the model.Secret the row holds, but for its tags, which the
// index keeps.
func (w *row) secret(strs *interner) model.Secret {
	prefix, rest, r := w.arnParts(strs)
	s := model.Secret{
		ARN: prefix + rest, CreatedDate: timeOf(w.created), LastChangedDate: timeOf(w.changed),
		LastAccessedDate: timeOf(w.accessed), LastRotatedDate: timeOf(w.rotated),
		NextRotationDate: timeOf(w.next), DeletedDate: timeOf(w.deleted),
	}
	s.Name = r.name(rest)
	s.Description = r.string()
	s.KMSKeyID, s.RotationLambdaARN, s.OwningService, s.PrimaryRegion = r.shared(), r.shared(), r.shared(), r.shared()
	s.RotationRules.ScheduleExpression, s.RotationRules.Duration = r.shared(), r.shared()
	s.RotationRules.AutomaticallyAfterDays = int64(r.uint())
	s.RotationEnabled = r.rec[r.at] == 1
	r.at++
	if n := int(r.uint()); n > 0 {
		s.VersionStages = make(model.StageMap, n)
		for i := range s.VersionStages {
			v := &s.VersionStages[i]
			v.ID = r.string()
			v.Stages = make([]string, r.uint())
			for k := range v.Stages {
				v.Stages[k] = r.shared()
			}
		}
	}
	return s
}
