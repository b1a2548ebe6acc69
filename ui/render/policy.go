package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// PolicyLines is a resource policy indented two spaces a level, sanitized,
// one line per element. Text that is not JSON comes back as it is,
// sanitized, with an error saying so.
func PolicyLines(policy string) ([]string, error) {
	var out bytes.Buffer
	var err error
	text := policy
	ierr := json.Indent(&out, []byte(strings.TrimSpace(policy)), "", "  ")
	var syntax *json.SyntaxError
	switch {
	case ierr == nil:
		text = out.String()
	case errors.As(ierr, &syntax):
		err = fmt.Errorf("the policy is not valid JSON (byte %d)", syntax.Offset)
	default:
		err = errors.New("the policy is not valid JSON")
	}
	return strings.Split(model.SanitizeBlock(text), "\n"), err
}

// IsPublicFinding reports whether a validation finding says the policy
// grants access to everyone.
func IsPublicFinding(f model.ValidationFinding) bool {
	return strings.Contains(strings.ToUpper(f.Check), "PUBLIC") ||
		strings.Contains(strings.ToLower(f.Message), "public access")
}

// ValidationLines says what ValidateResourcePolicy found: passed or not,
// each finding with its check, wrapped to width, and public access called
// out first.
func ValidationLines(v model.PolicyValidation, st *styles.Styles, ascii bool, width int) []string {
	ok, bad := "✓ ", "✗ "
	if ascii {
		ok, bad = "+ ", "x "
	}
	var lines []string
	public := false
	for _, f := range v.Findings {
		public = public || IsPublicFinding(f)
	}
	switch {
	case public:
		lines = append(lines, st.Error.Render(bad+"PUBLIC ACCESS: this policy grants access to the secret to anyone"))
	case v.Passed && len(v.Findings) == 0:
		lines = append(lines, st.OK.Render(ok+"passed: no findings"))
	case v.Passed:
		lines = append(lines, st.Warning.Render(ok+"passed, with findings"))
	default:
		lines = append(lines, st.Error.Render(bad+"did not pass"))
	}
	for _, f := range v.Findings {
		check := model.Sanitize(f.Check)
		if check == "" {
			check = "finding"
		}
		style := st.Warning
		if IsPublicFinding(f) {
			style = st.Error
		}
		text := ansi.Wrap(check+": "+model.Sanitize(f.Message), max(width-4, 20), " ")
		for i, l := range strings.Split(text, "\n") {
			if i == 0 {
				l = style.Render(check) + st.Row.Render(strings.TrimPrefix(l, check))
			} else {
				l = "  " + st.Row.Render(l)
			}
			lines = append(lines, "  "+l)
		}
	}
	return lines
}
