package model

import (
	"strings"
	"testing"
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
		if r < 0x20 || r == 0x7f || unsafeRune(r) {
			return true
		}
	}
	return false
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"\x1b]52;c;eA==\x07", "\u202e", "\xff\xfe", "ok", "\x9b1;1H", "a\u200b"} {
		f.Add(s)
	}
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
