package model

import (
	"bytes"
	"fmt"
	"log/slog"
	"slices"
	"unicode/utf8"
)

// Redacted is what a Value prints in place of its contents.
const Redacted = "[redacted]"

// Value is a secret's value, a string or binary. It redacts itself wherever
// it is printed, formatted, logged or marshalled; Reveal is the only way to
// its bytes.
type Value struct {
	data   []byte
	binary bool
}

// StringValue makes a Value from a SecretString.
func StringValue(s string) Value { return Value{data: []byte(s)} }

// BinaryValue makes a Value from a SecretBinary. The bytes are copied.
func BinaryValue(b []byte) Value { return Value{data: slices.Clone(b), binary: true} }

// Reveal returns a copy of the value's bytes. It is the one way out of a Value.
func (v Value) Reveal() []byte { return slices.Clone(v.data) }

// Sanitized is the value as text safe to draw, made straight from its
// bytes without a plain copy on the way.
func (v Value) Sanitized() string { return sanitizeBytes(v.data, false) }

// SanitizedBlock is Sanitized keeping newlines, as SanitizeBlock does, for
// a value drawn as lines.
func (v Value) SanitizedBlock() string { return sanitizeBytes(v.data, true) }

// Wipe overwrites the value's bytes with zeros, in this Value and every
// copy of it, which share them. It is for a value no longer needed: it
// reads as zeros after.
func (v Value) Wipe() { clear(v.data) }

// IsBinary reports whether the value came from SecretBinary.
func (v Value) IsBinary() bool { return v.binary }

// IsZero reports whether the value holds nothing, as a Value never loaded.
func (v Value) IsZero() bool { return v.data == nil }

// Len is the value's size in bytes.
func (v Value) Len() int { return len(v.data) }

// Equal reports whether two values hold the same kind and bytes.
func (v Value) Equal(o Value) bool { return v.binary == o.binary && bytes.Equal(v.data, o.data) }

// String redacts.
func (v Value) String() string { return Redacted }

// GoString redacts.
func (v Value) GoString() string { return "model.Value(" + Redacted + ")" }

// Format redacts for every verb and flag.
func (v Value) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(Redacted)) }

// MarshalJSON redacts.
func (v Value) MarshalJSON() ([]byte, error) { return []byte(`"` + Redacted + `"`), nil }

// MarshalText redacts.
func (v Value) MarshalText() ([]byte, error) { return []byte(Redacted), nil }

// LogValue redacts.
func (v Value) LogValue() slog.Value { return slog.StringValue(Redacted) }

// Shape is how a value is laid out for display.
type Shape int

// The shapes a value can take.
const (
	// ShapeText is a string that is not a JSON object: one field.
	ShapeText Shape = iota
	// ShapeJSON is a JSON object, flattened to key paths.
	ShapeJSON
	// ShapeBinary is a SecretBinary: one field.
	ShapeBinary
)

// Field is one displayable part of a value: a flattened JSON key path, or
// the whole value with an empty Path.
type Field struct {
	Path  string
	Value Value
	// Quoted reports that a JSON leaf was a string, which tells "5432"
	// from 5432 and "null" from null.
	Quoted bool
}

// Parsed is a value split into the fields a screen shows.
type Parsed struct {
	Shape  Shape
	Fields []Field
	// JSONError is set when a string looks like a JSON object but is not
	// valid JSON. It never quotes the value.
	JSONError error
}

// Wipe overwrites every field's bytes with zeros.
func (p Parsed) Wipe() {
	for _, f := range p.Fields {
		f.Value.Wipe()
	}
}

// Parse splits the value into fields: a JSON object becomes its leaves in
// document order, nested keys joined with dots and array items indexed;
// anything else is one field with an empty path.
func (v Value) Parse() Parsed {
	whole := Parsed{Fields: []Field{{Value: v}}}
	if v.binary {
		whole.Shape = ShapeBinary
		return whole
	}
	trimmed := bytes.TrimSpace(v.data)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return whole
	}
	fields, err := flattenJSON(v.data)
	if err != nil {
		whole.JSONError = err
		return whole
	}
	return Parsed{Shape: ShapeJSON, Fields: fields}
}

// IsText reports whether the value is valid UTF-8 text (always false for binary).
func (v Value) IsText() bool { return !v.binary && utf8.Valid(v.data) }
