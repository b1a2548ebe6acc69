package model

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ParseTagList reads tags written as "key=value" pairs separated by commas,
// such as "team=payments, env=prod". Spaces around pairs, keys and values are
// trimmed; a value may be empty and may contain "=", a key may not. Keys are
// 1 to 128 characters, values at most 256, keys are unique and may not start
// with the reserved "aws:" prefix.
func ParseTagList(s string) ([]Tag, error) {
	var tags []Tag
	seen := map[string]bool{}
	for i, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch {
		case !ok:
			return nil, fmt.Errorf("tag %d (%s) needs key=value", i+1, Sanitize(part))
		case k == "":
			return nil, fmt.Errorf("tag %d has no key", i+1)
		case utf8.RuneCountInString(k) > 128:
			return nil, fmt.Errorf("tag key %s is longer than 128 characters", Sanitize(k))
		case utf8.RuneCountInString(v) > 256:
			return nil, fmt.Errorf("the value of tag %s is longer than 256 characters", Sanitize(k))
		case strings.HasPrefix(strings.ToLower(k), "aws:"):
			return nil, fmt.Errorf("tag key %s uses the reserved prefix aws:", Sanitize(k))
		case seen[k]:
			return nil, fmt.Errorf("tag key %s appears twice", Sanitize(k))
		}
		seen[k] = true
		tags = append(tags, Tag{Key: k, Value: v})
	}
	return tags, nil
}
