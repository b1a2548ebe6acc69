package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseTags reads tags written one per line as KEY=VALUE. Blank lines are
// skipped; a key may appear once. Keys and values are checked as AWS checks
// them: keys 1–128 characters, values up to 256, letters, digits, spaces and
// _ . : / = + - @ only, and no key starting with the reserved "aws:".
func ParseTags(text string) ([]Tag, error) {
	var tags []Tag
	seen := map[string]bool{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch {
		case !ok:
			return nil, fmt.Errorf("line %d: want KEY=VALUE", i+1)
		case k == "" || utf8.RuneCountInString(k) > 128:
			return nil, fmt.Errorf("line %d: a tag key has 1–128 characters", i+1)
		case utf8.RuneCountInString(v) > 256:
			return nil, fmt.Errorf("line %d: a tag value has at most 256 characters", i+1)
		case strings.HasPrefix(strings.ToLower(k), "aws:"):
			return nil, fmt.Errorf("line %d: keys starting with aws: are reserved", i+1)
		case seen[k]:
			return nil, fmt.Errorf("line %d: tag %s appears twice", i+1, Sanitize(k))
		}
		if r, ok := badTagRune(k + v); ok {
			return nil, fmt.Errorf("line %d: %s is not allowed in tags", i+1, Sanitize(string(r)))
		}
		seen[k] = true
		tags = append(tags, Tag{Key: k, Value: v})
	}
	return tags, nil
}

func badTagRune(s string) (rune, bool) {
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || strings.ContainsRune("_.:/=+-@", r)) {
			return r, true
		}
	}
	return 0, false
}

// FormatTags writes tags one per line as KEY=VALUE, as ParseTags reads them.
func FormatTags(tags []Tag) string {
	var b strings.Builder
	for _, t := range tags {
		b.WriteString(t.Key + "=" + t.Value + "\n")
	}
	return b.String()
}

// TagChanges says what turns old into new: tags to set (new or changed)
// and keys to remove.
func TagChanges(old, new []Tag) (set []Tag, remove []string) {
	before := map[string]string{}
	for _, t := range old {
		before[t.Key] = t.Value
	}
	after := map[string]bool{}
	for _, t := range new {
		after[t.Key] = true
		if v, ok := before[t.Key]; !ok || v != t.Value {
			set = append(set, t)
		}
	}
	for _, t := range old {
		if !after[t.Key] {
			remove = append(remove, t.Key)
		}
	}
	return set, remove
}
