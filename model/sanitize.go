package model

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sanitize makes text from AWS safe to draw on one line: C0 and C1 control
// characters, DEL, bidirectional overrides and isolates, invisible format
// characters and invalid UTF-8 bytes become visible escapes such as \x1b,
// \u202e and \xff. Printable text, wide characters included, passes as is.
func Sanitize(s string) string { return sanitize(s, false) }

// SanitizeBlock is Sanitize for multi-line text: newlines are kept, tabs
// become four spaces, everything else is escaped as Sanitize does.
func SanitizeBlock(s string) string { return sanitize(s, true) }

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
// bidirectional controls, invisible separators and tag characters.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls, CSI and OSC among them
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f: // bidi marks
		return true
	case r >= 0x202a && r <= 0x202e: // bidi embeddings and overrides
		return true
	case r >= 0x2066 && r <= 0x2069: // bidi isolates
		return true
	case r == 0x200b, r == 0x2060, r == 0xfeff: // zero-width space, word joiner, BOM
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r >= 0xe0000 && r <= 0xe007f: // tag characters
		return true
	case r >= 0xfff9 && r <= 0xfffb: // interlinear annotations
		return true
	}
	return false
}
