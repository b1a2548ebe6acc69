package model

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSanitizeEscapesWhatATerminalWouldObey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain ascii passes", "prod/payments/db", "prod/payments/db"},
		{"wide characters pass", "本番データベース", "本番データベース"},
		{"accents pass", "Clé d'accès für Zahlungen", "Clé d'accès für Zahlungen"},
		{"OSC 52 clipboard write", "\x1b]52;c;aGk=\x07", `\x1b]52;c;aGk=\x07`},
		{"OSC 0 title", "\x1b]0;pwned\x1b\\", `\x1b]0;pwned\x1b\`},
		{"CSI clear screen", "\x1b[2J\x1b[H", `\x1b[2J\x1b[H`},
		{"C1 CSI", "a\u009b31mb", `a\u009b31mb`},
		{"C1 OSC", "\u009d0;t\u009c", `\u009d0;t\u009c`},
		{"newline and CR", "a\nb\rc", `a\nb\rc`},
		{"tab", "a\tb", `a\tb`},
		{"NUL BS DEL", "a\x00\x08\x7f", `a\x00\x08\x7f`},
		{"bidi override", "evil\u202etxt.exe", `evil\u202etxt.exe`},
		{"bidi isolate", "\u2066x\u2069", `\u2066x\u2069`},
		{"zero width space", "pass\u200bword", `pass\u200bword`},
		{"invalid utf-8 shown", "a\xffb\xc3", `a\xffb\xc3`},
		{"tag characters", "x\U000E0041", `x\U000e0041`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.want {
				t.Fatalf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// auditFindings are the invisible characters an audit saw drawn raw.
func auditFindings() []struct {
	name string
	r    rune
} {
	return []struct {
		name string
		r    rune
	}{
		{"soft hyphen", 0x00ad},
		{"zero width non-joiner", 0x200c},
		{"zero width joiner", 0x200d},
		{"function application", 0x2061},
		{"invisible times", 0x2062},
		{"hangul filler", 0x3164},
		{"hangul choseong filler", 0x115f},
		{"combining grapheme joiner", 0x034f},
		{"variation selector 16", 0xfe0f},
		{"mongolian vowel separator", 0x180e},
		{"khmer vowel inherent aq", 0x17b4},
		{"halfwidth hangul filler", 0xffa0},
	}
}

// invisibleRanges are the default-ignorable and format code points that
// must be escaped, as inclusive ranges.
func invisibleRanges() [][2]rune {
	return [][2]rune{
		{0x00ad, 0x00ad}, {0x034f, 0x034f}, {0x061c, 0x061c},
		{0x115f, 0x1160}, {0x17b4, 0x17b5}, {0x180b, 0x180f},
		{0x200b, 0x200f}, {0x2028, 0x202e}, {0x2060, 0x206f},
		{0x3164, 0x3164}, {0xfe00, 0xfe0f}, {0xfeff, 0xfeff},
		{0xffa0, 0xffa0}, {0xfff9, 0xfffb},
		{0xe0000, 0xe007f}, {0xe0100, 0xe01ef},
	}
}

// escaped is how Sanitize must show r.
func escaped(r rune) string {
	if r > 0xffff {
		return fmt.Sprintf(`\U%08x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

func TestSanitizeEscapesTheInvisibleCharactersTheAuditFound(t *testing.T) {
	for _, tt := range auditFindings() {
		t.Run(tt.name, func(t *testing.T) {
			in := "ad" + string(tt.r) + "min"
			if got, want := Sanitize(in), "ad"+escaped(tt.r)+"min"; got != want {
				t.Fatalf("Sanitize(%q) = %q, want %q", in, got, want)
			}
			if got, want := SanitizeBlock(in+"\n"), "ad"+escaped(tt.r)+"min\n"; got != want {
				t.Fatalf("SanitizeBlock(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestSanitizeEscapesEveryDefaultIgnorableCodePoint(t *testing.T) {
	for _, rg := range invisibleRanges() {
		for r := rg[0]; r <= rg[1]; r++ {
			if got := Sanitize(string(r)); got != escaped(r) {
				t.Errorf("Sanitize(%U) = %q, want %q", r, got, escaped(r))
			}
		}
	}
}

// inTable calls fn on every code point of table.
func inTable(table *unicode.RangeTable, fn func(rune)) {
	for _, rg := range table.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			fn(r)
		}
	}
	for _, rg := range table.R32 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			fn(r)
		}
	}
}

func TestSanitizeEscapesFormatIgnorableAndVariationSelectorTables(t *testing.T) {
	tables := map[string]*unicode.RangeTable{
		"Cf":                                 unicode.Cf,
		"Other_Default_Ignorable_Code_Point": unicode.Other_Default_Ignorable_Code_Point,
		"Variation_Selector":                 unicode.Variation_Selector,
		"Join_Control":                       unicode.Join_Control,
		"Bidi_Control":                       unicode.Bidi_Control,
	}
	for name, table := range tables {
		inTable(table, func(r rune) {
			if got := Sanitize(string(r)); got != escaped(r) {
				t.Errorf("%s: Sanitize(%U) = %q, want %q", name, r, got, escaped(r))
			}
		})
	}
}

func TestSanitizeShowsEmojiSequencesAsTheirParts(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\U0001F468\u200d\U0001F469\u200d\U0001F467", "\U0001F468\\u200d\U0001F469\\u200d\U0001F467"},
		{"\u2764\ufe0f", "\u2764\\ufe0f"},
		{"\U0001F511", "\U0001F511"},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSanitizeKeepsVisibleNonASCIIText(t *testing.T) {
	for _, s := range []string{
		"e\u0301", "\u00a0nbsp", "¬±", "한국어 비밀", "كلمة السر", "ไทย", "ញ្ញ", "Ελληνικά", "\u1100\u1161",
	} {
		if got := Sanitize(s); got != s {
			t.Errorf("Sanitize(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestSanitizeBlockKeepsLines(t *testing.T) {
	got := SanitizeBlock("{\n\t\"a\": \"\x1b[31m\"\n}")
	want := "{\n    \"a\": \"\\x1b[31m\"\n}"
	if got != want {
		t.Fatalf("got %q want %q", got, want)
	}
}

func TestSanitizePlainASCIIDoesNotAllocate(t *testing.T) {
	s := "prod/payments/postgres-primary"
	if n := testing.AllocsPerRun(100, func() { _ = Sanitize(s) }); n != 0 {
		t.Fatalf("allocs = %v", n)
	}
}

// hasRawControl reports whether s holds anything a terminal would act on.
func hasRawControl(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return true
			}
		}
		if r < 0x20 || r == 0x7f || unsafeRune(r) || invisibleInTables(r) {
			return true
		}
	}
	return false
}

// invisibleInTables reports whether r is a format character, another
// default-ignorable code point or a variation selector, by Go's tables
// rather than by the sanitizer's own test.
func invisibleInTables(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"\x1b]52;c;eA==\x07", "\u202e", "\xff\xfe", "ok", "\x9b1;1H", "a\u200b"} {
		f.Add(s)
	}
	for _, tt := range auditFindings() {
		f.Add("x" + string(tt.r) + "y")
	}
	for _, rg := range invisibleRanges() {
		f.Add(string(rg[0]) + "|" + string(rg[1]))
	}
	f.Add("\U0001F468\u200d\U0001F469\u200d\U0001F467\u2764\ufe0f")
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if hasRawControl(out) {
			t.Fatalf("Sanitize(%q) = %q still holds a control", s, out)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("Sanitize(%q) = %q is not valid UTF-8", s, out)
		}
		if Sanitize(out) != out {
			t.Fatalf("Sanitize is not stable on its own output: %q", out)
		}
		block := SanitizeBlock(s)
		if hasRawControl(strings.ReplaceAll(block, "\n", "")) {
			t.Fatalf("SanitizeBlock(%q) = %q still holds a control", s, block)
		}
	})
}
