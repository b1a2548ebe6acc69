package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// The formats FormatEnv writes.
const (
	EnvDotenv = "dotenv"
	EnvShell  = "shell"
	EnvJSON   = "json"
)

// EnvFormats lists the formats FormatEnv writes.
func EnvFormats() []string { return []string{EnvDotenv, EnvShell, EnvJSON} }

// FormatEnv writes variables in a format, quoted so that reading them back
// gives the exact values:
//
//   - dotenv: KEY='value' lines, a quote or backslash inside escaped with a
//     backslash, as docker compose and python-dotenv read them; nothing in
//     single quotes is expanded, and a newline stays a newline;
//   - shell: export KEY='value' lines for sh, a single quote inside
//     ends the quoting, is escaped and starts it again;
//   - json: one object of KEY: "value", in order; a value that is not
//     UTF-8 text is refused, since JSON would change it.
func FormatEnv(vars []EnvVar, format string) (Value, error) {
	var b strings.Builder
	switch format {
	case EnvDotenv:
		for _, e := range vars {
			b.WriteString(e.Name + "='" + dotenvEscape(string(e.Value.data)) + "'\n")
		}
	case EnvShell:
		for _, e := range vars {
			b.WriteString("export " + e.Name + "=" + shellQuote(string(e.Value.data)) + "\n")
		}
	case EnvJSON:
		b.WriteString("{")
		for i, e := range vars {
			if i > 0 {
				b.WriteString(",")
			}
			if !utf8.Valid(e.Value.data) {
				return Value{}, fmt.Errorf("%s is not UTF-8 text, which JSON cannot hold exactly", e.Source())
			}
			name, _ := json.Marshal(e.Name)
			value, _ := json.Marshal(string(e.Value.data))
			b.WriteString("\n  " + string(name) + ": " + string(value))
		}
		if len(vars) > 0 {
			b.WriteString("\n")
		}
		b.WriteString("}\n")
	default:
		return Value{}, fmt.Errorf("format %q: want one of %s", format, strings.Join(EnvFormats(), ", "))
	}
	return StringValue(b.String()), nil
}

// dotenvEscape escapes a backslash and a single quote with a backslash.
func dotenvEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s)
}
