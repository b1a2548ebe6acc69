package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

func TestPolicyLinesIndentAndSanitize(t *testing.T) {
	lines, err := PolicyLines(` {"Statement":[{"Sid":"a` + "\u202e" + `b","Effect":"Allow"}]} `)
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"Statement\": [\n    {\n      \"Sid\": \"a\\u202eb\",\n      \"Effect\": \"Allow\"\n    }\n  ]\n}"
	if got := strings.Join(lines, "\n"); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestPolicyLinesKeepTextThatIsNotJSON(t *testing.T) {
	lines, err := PolicyLines("not json\x1b[2J")
	if err == nil || !strings.Contains(err.Error(), "not valid JSON (byte") {
		t.Fatalf("err = %v", err)
	}
	if len(lines) != 1 || lines[0] != `not json\x1b[2J` {
		t.Fatalf("lines = %q", lines)
	}
}

func TestValidationLinesCallOutPublicAccess(t *testing.T) {
	st := styles.New(true, false)
	tests := []struct {
		name string
		v    model.PolicyValidation
		want []string
	}{
		{"passed", model.PolicyValidation{Passed: true}, []string{"✓ passed: no findings"}},
		{"public", model.PolicyValidation{Findings: []model.ValidationFinding{{Check: "BLOCK_PUBLIC_POLICY", Message: "This resource policy will grant public access to the secret."}}},
			[]string{"✗ PUBLIC ACCESS: this policy grants access to the secret to anyone", "  BLOCK_PUBLIC_POLICY: This resource policy will grant public access to the secret."}},
		{"syntax", model.PolicyValidation{Findings: []model.ValidationFinding{{Check: "POLICY_SYNTAX", Message: "bad\x1b"}}},
			[]string{"✗ did not pass", `  POLICY_SYNTAX: bad\x1b`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range ValidationLines(tt.v, &st, false, 200) {
				got = append(got, ansi.Strip(l))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestValidationLinesWrapLongFindings(t *testing.T) {
	st := styles.New(true, false)
	v := model.PolicyValidation{Findings: []model.ValidationFinding{{Check: "LOCKOUT", Message: strings.Repeat("word ", 30)}}}
	lines := ValidationLines(v, &st, true, 40)
	if len(lines) < 4 {
		t.Fatalf("a long finding was not wrapped: %q", lines)
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 40 {
			t.Fatalf("line %q is %d wide", ansi.Strip(l), w)
		}
	}
}
