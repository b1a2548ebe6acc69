package model

import (
	"strings"
	"testing"
)

func TestValidateName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
		want string
	}{
		{name: "prod/payments/postgres", ok: true},
		{name: "a", ok: true},
		{name: "A-Za-z0-9/_+=.@-", ok: true},
		{name: strings.Repeat("x", 512), ok: true},
		{name: "", want: "enter a name"},
		{name: strings.Repeat("x", 513), want: "513 characters long: at most 512"},
		{name: "prod payments", want: "name has ' ' at position 5"},
		{name: "rds!db-1", want: "name has '!' at position 4"},
		{name: "bad\x1b[31mname", want: `name has '\x1b' at position 4`},
		{name: "évian", want: "name has 'é' at position 1"},
		{name: "ok/\u202etxt", want: `name has '\u202e' at position 4`},
		{name: "ab\xffcd", want: `name has '\xff' at position 3`},
		{name: "x:y*z", want: "name has ':' at position 2"},
		{name: strings.Repeat("é", 600), want: "name has 'é' at position 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateName(tt.name)
			if tt.ok {
				if err != nil {
					t.Fatalf("ValidateName(%q) = %v, want nil", tt.name, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ValidateName(%q) = %v, want it to say %q", tt.name, err, tt.want)
			}
			if strings.ContainsAny(err.Error(), "\x1b\u202e\xff") {
				t.Fatalf("error carries a raw control character: %q", err)
			}
		})
	}
}

func TestNameWarningSpotsARNLikeSuffixes(t *testing.T) {
	tests := []struct {
		name string
		warn bool
	}{
		{"prod/db-abc123", true},
		{"prod/db-primary", false},
		{"-abcdef", false},
		{"x-abcdef", true},
		{"db", false},
	}
	for _, tt := range tests {
		if got := NameWarning(tt.name) != ""; got != tt.warn {
			t.Errorf("NameWarning(%q) warns = %v, want %v", tt.name, got, tt.warn)
		}
	}
}
