package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strconv"
	"time"
	"unicode/utf8"

	xterm "github.com/charmbracelet/x/term"
	"github.com/keyhole-tui/keyhole/model"
)

// isTerminal reports whether w is a terminal rather than a pipe or a file.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && xterm.IsTerminal(f.Fd())
}

// isTerminalInput reports whether r is a terminal, where a question can
// be answered.
func isTerminalInput(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && xterm.IsTerminal(f.Fd())
}

// cliTime formats t as the AWS CLI v2 prints timestamps: ISO 8601 in the
// local time zone, with microseconds unless they are zero
// ("2024-05-01T12:00:00.123000+00:00"). The zero time is "".
func cliTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.Local()
	if t.Nanosecond()/int(time.Microsecond) == 0 {
		return t.Format("2006-01-02T15:04:05-07:00")
	}
	return t.Format("2006-01-02T15:04:05.000000-07:00")
}

// textTime formats t for a line of text output: RFC 3339 in UTC to the
// second, or "-" for the zero time, so every column has a word in it.
func textTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(time.RFC3339)
}

// marshalJSON encodes v as the AWS CLI prints JSON: indented by four
// spaces, every line after the first starting with prefix, no HTML escaping,
// and every character a terminal would act on escaped as \uXXXX.
func marshalJSON(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "    ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return escapeUnsafeRunes(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// escapeUnsafeRunes rewrites, inside encoded JSON, every non-ASCII rune
// that model.Sanitize would escape (C1 controls, bidirectional overrides,
// invisible characters) as a \uXXXX escape. The document decodes to the
// same strings; it only becomes safe to print. encoding/json has already
// escaped the ASCII control characters.
func escapeUnsafeRunes(doc []byte) []byte {
	if isASCII(doc) {
		return doc
	}
	out := make([]byte, 0, len(doc)+16)
	for i := 0; i < len(doc); {
		r, size := utf8.DecodeRune(doc[i:])
		if r >= utf8.RuneSelf && model.Sanitize(string(r)) != string(r) {
			out = appendJSONEscape(out, r)
		} else {
			out = append(out, doc[i:i+size]...)
		}
		i += size
	}
	return out
}

// appendJSONEscape appends r as a JSON \u escape, as a surrogate pair
// beyond the Basic Multilingual Plane.
func appendJSONEscape(out []byte, r rune) []byte {
	if r > 0xffff {
		r -= 0x10000
		out = appendU16(out, 0xd800+(r>>10))
		return appendU16(out, 0xdc00+(r&0x3ff))
	}
	return appendU16(out, r)
}

// appendU16 appends one \uXXXX escape.
func appendU16(out []byte, r rune) []byte {
	h := strconv.FormatInt(int64(r), 16)
	out = append(out, `\u`...)
	for range 4 - len(h) {
		out = append(out, '0')
	}
	return append(out, h...)
}

// isASCII reports whether b holds only ASCII bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
