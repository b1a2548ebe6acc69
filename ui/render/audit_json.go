package render

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/keyhole-tui/keyhole/model"
)

// EventJSON lays out a CloudTrail record as indented JSON, sanitized, one
// string per line. A record that is not valid JSON comes back as its
// sanitized text.
func EventJSON(raw string) []string {
	var b bytes.Buffer
	text := raw
	if err := json.Indent(&b, []byte(raw), "", "  "); err == nil {
		text = b.String()
	}
	return strings.Split(model.SanitizeBlock(text), "\n")
}
