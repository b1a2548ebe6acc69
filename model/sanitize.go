package model

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Sanitize makes text from AWS safe to draw on one line: C0 and C1 control
// characters, DEL, bidirectional overrides and isolates, invisible format
// characters (zero-width joiners, soft hyphens, fillers, variation selectors
// and the other default-ignorable code points) and invalid UTF-8 bytes become
// visible escapes such as \x1b, \u202e and \xff. Printable text, wide
// characters and combining accents included, passes as is.
func Sanitize(s string) string { return sanitize(s, false) }

// SanitizeBlock is Sanitize for multi-line text: newlines are kept, tabs
// become four spaces, everything else is escaped as Sanitize does.
func SanitizeBlock(s string) string { return sanitize(s, true) }

// sanitizeBytes is Sanitize of b, or SanitizeBlock when block is set, with
// no plain copy of b made on the way: b is read in place, and only the
// result is a new string.
func sanitizeBytes(b []byte, block bool) string {
	if len(b) == 0 {
		return ""
	}
	view := unsafe.String(&b[0], len(b)) // read here only, never kept
	out := sanitize(view, block)
	if unsafe.StringData(out) == unsafe.StringData(view) {
		return strings.Clone(out)
	}
	return out
}

func sanitize(s string, block bool) string {
	if isPlainASCII(s, block) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString(`\x`)
			writeHex(&b, uint32(s[i]), 2)
		case block && r == '\n':
			b.WriteByte('\n')
		case block && r == '\t':
			b.WriteString("    ")
		case r < 0x20 || r == 0x7f:
			writeControl(&b, r)
		case unsafeRune(r) && r > 0xffff:
			b.WriteString(`\U`)
			writeHex(&b, uint32(r), 8)
		case unsafeRune(r):
			b.WriteString(`\u`)
			writeHex(&b, uint32(r), 4)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isPlainASCII reports whether s is printable ASCII (and newlines in a block),
// the common case that needs no copy.
func isPlainASCII(s string, block bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			continue
		}
		if block && c == '\n' {
			continue
		}
		return false
	}
	return true
}

func writeControl(b *strings.Builder, r rune) {
	switch r {
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	default:
		b.WriteString(`\x`)
		writeHex(b, uint32(r), 2)
	}
}

func writeHex(b *strings.Builder, v uint32, width int) {
	h := strconv.FormatUint(uint64(v), 16)
	for range width - len(h) {
		b.WriteByte('0')
	}
	b.WriteString(h)
}

// unsafeRune reports whether r must not reach a terminal raw: C1 controls,
// line and paragraph separators, and every character that is invisible or
// changes how its neighbours are shown. That is Unicode's format characters
// (category Cf: bidirectional controls, zero-width space and joiners, soft
// hyphen, word joiner and invisible operators, BOM, tags, interlinear
// annotations), the other default-ignorable code points (combining grapheme
// joiner, Hangul and Khmer fillers, reserved ignorables) and the variation
// selectors. The zero-width joiner and U+FE0F are escaped too, at the cost of
// showing an emoji sequence as its parts: they can hide characters in a name.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x80:
		return false // ASCII controls are the caller's
	case r <= 0x9f: // C1 controls, CSI and OSC among them
		return true
	case r < 0xad: // Latin-1 up to the soft hyphen is printable
		return false
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	}
	return unicode.Is(unicode.Cf, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.Is(unicode.Variation_Selector, r)
}
