package model

import (
	"cmp"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"slices"
	"strconv"
)

// WholeValuePath is the path a diff gives a value that is not a JSON
// object: a plain string or a binary.
const WholeValuePath = "(value)"

// FingerprintKey keys the HMAC behind value fingerprints. It is random and
// lives in memory only, so a fingerprint cannot be matched against guesses
// by anyone who does not hold it.
type FingerprintKey struct{ k [sha256.Size]byte }

// NewFingerprintKey makes a random key from crypto/rand.
func NewFingerprintKey() FingerprintKey {
	var key FingerprintKey
	// crypto/rand.Read never returns an error: it crashes the program
	// instead when the system's randomness fails.
	_, _ = rand.Read(key.k[:])
	return key
}

// Format hides the key in every printing path.
func (FingerprintKey) Format(f fmt.State, _ rune) {
	_, _ = f.Write([]byte("FingerprintKey(" + Redacted + ")"))
}

// Fingerprint is the keyed HMAC-SHA256 of one field of a value.
type Fingerprint [sha256.Size]byte

// FieldPrint is one field's path and fingerprint. It holds no value bytes.
type FieldPrint struct {
	Path string
	Sum  Fingerprint
}

// Kinds of leaf, mixed into a fingerprint so that equal bytes of different
// kinds (the string "5432" and the number 5432, text and binary) differ.
const (
	printText byte = iota + 1
	printBinary
	printJSONString
	printJSONLiteral
)

// Fingerprints computes a keyed fingerprint of each field of v, sorted by
// path, one per path: a JSON object's flattened keys (the last of repeated
// keys wins, as in encoding/json), or WholeValuePath for any other value.
func Fingerprints(key FingerprintKey, v Value) []FieldPrint {
	p := v.Parse()
	mac := hmac.New(sha256.New, key.k[:])
	sum := func(kind byte, data []byte) Fingerprint {
		mac.Reset()
		mac.Write([]byte{kind})
		mac.Write(data)
		var out Fingerprint
		mac.Sum(out[:0])
		return out
	}
	if p.Shape != ShapeJSON {
		kind := printText
		if v.IsBinary() {
			kind = printBinary
		}
		return []FieldPrint{{Path: WholeValuePath, Sum: sum(kind, v.data)}}
	}
	prints := make([]FieldPrint, 0, len(p.Fields))
	for _, f := range p.Fields {
		kind := printJSONLiteral
		if f.Quoted {
			kind = printJSONString
		}
		prints = append(prints, FieldPrint{Path: f.Path, Sum: sum(kind, f.Value.data)})
	}
	// A stable sort keeps repeated keys in document order; keep the last.
	slices.SortStableFunc(prints, func(a, b FieldPrint) int { return cmp.Compare(a.Path, b.Path) })
	out := prints[:0]
	for i, fp := range prints {
		if i+1 < len(prints) && prints[i+1].Path == fp.Path {
			continue
		}
		out = append(out, fp)
	}
	return out
}

// Change is what happened to one path between two versions.
type Change int

// The changes a diff tells apart.
const (
	Unchanged Change = iota
	Changed
	Added
	Removed
)

// String names the change in words.
func (c Change) String() string {
	switch c {
	case Changed:
		return "changed"
	case Added:
		return "added"
	case Removed:
		return "removed"
	}
	return "unchanged"
}

// DiffLine is one path of a diff and what happened to it. It holds no
// value bytes.
type DiffLine struct {
	Path   string
	Change Change
}

// Diff compares the fingerprints of two versions, from a to b, path by
// path. The answer is sorted by path and covers every path of either side.
func Diff(a, b []FieldPrint) []DiffLine {
	before := make(map[string]Fingerprint, len(a))
	for _, fp := range a {
		before[fp.Path] = fp.Sum
	}
	lines := make([]DiffLine, 0, max(len(a), len(b)))
	seen := make(map[string]bool, len(b))
	for _, fp := range b {
		if seen[fp.Path] {
			continue
		}
		seen[fp.Path] = true
		old, ok := before[fp.Path]
		switch {
		case !ok:
			lines = append(lines, DiffLine{Path: fp.Path, Change: Added})
		case hmac.Equal(old[:], fp.Sum[:]):
			lines = append(lines, DiffLine{Path: fp.Path, Change: Unchanged})
		default:
			lines = append(lines, DiffLine{Path: fp.Path, Change: Changed})
		}
	}
	for _, fp := range a {
		if !seen[fp.Path] {
			seen[fp.Path] = true
			lines = append(lines, DiffLine{Path: fp.Path, Change: Removed})
		}
	}
	slices.SortFunc(lines, func(x, y DiffLine) int { return cmp.Compare(x.Path, y.Path) })
	return lines
}

// DiffCounts counts a diff's paths by change.
type DiffCounts struct {
	Changed, Added, Removed, Unchanged int
}

// CountChanges counts the lines of a diff by change.
func CountChanges(lines []DiffLine) DiffCounts {
	var c DiffCounts
	for _, l := range lines {
		switch l.Change {
		case Changed:
			c.Changed++
		case Added:
			c.Added++
		case Removed:
			c.Removed++
		default:
			c.Unchanged++
		}
	}
	return c
}

// Same reports whether the diff found no difference at all.
func (c DiffCounts) Same() bool { return c.Changed == 0 && c.Added == 0 && c.Removed == 0 }

// String is the summary line: "2 changed, 1 added, 0 removed, 5 unchanged".
func (c DiffCounts) String() string {
	return strconv.Itoa(c.Changed) + " changed, " + strconv.Itoa(c.Added) + " added, " +
		strconv.Itoa(c.Removed) + " removed, " + strconv.Itoa(c.Unchanged) + " unchanged"
}
