package emulator

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// filterInput is one ListSecrets filter.
type filterInput struct {
	Key    string
	Values []string
}

// filterValuePattern is AWS's pattern for filter values.
var filterValuePattern = regexp.MustCompile(`^!?[a-zA-Z0-9 :_@/+=.\-!]*$`)

func validFilterKey(k string) bool {
	switch k {
	case "description", "name", "tag-key", "tag-value", "primary-region", "owning-service", "all":
		return true
	}
	return false
}

// checkFilters validates filters as AWS does.
func checkFilters(filters []filterInput) *apiError {
	for i, f := range filters {
		if !validFilterKey(f.Key) {
			return errValidation(f.Key, fmt.Sprintf("filters.%d.member.key", i+1),
				"Member must satisfy enum value set: [all, name, tag-key, description, tag-value, primary-region, owning-service]")
		}
		if len(f.Values) > 10 {
			return errValidation(len(f.Values), fmt.Sprintf("filters.%d.member.values", i+1), "Member must have length less than or equal to 10")
		}
		for _, v := range f.Values {
			if len(v) > 512 || !filterValuePattern.MatchString(v) {
				return errValidation(v, fmt.Sprintf("filters.%d.member.values", i+1),
					`Member must satisfy constraint: [Member must have length less than or equal to 512, Member must satisfy regular expression pattern: ^\!?[a-zA-Z0-9 :_@\/\+\=\.\-\!]*$]`)
			}
		}
	}
	return nil
}

// matchesFilters applies AND across filters and OR within one filter's values.
func (s *secret) matchesFilters(filters []filterInput) bool {
	for _, f := range filters {
		if !s.matchesFilter(f) {
			return false
		}
	}
	return true
}

func (s *secret) matchesFilter(f filterInput) bool {
	for _, v := range f.Values {
		negate := strings.HasPrefix(v, "!")
		if negate {
			v = v[1:]
		}
		if s.matchesValue(f.Key, v) != negate {
			return true
		}
	}
	return false
}

// matchesValue is the documented prefix match of one filter key and value.
func (s *secret) matchesValue(key, v string) bool {
	switch key {
	case "name":
		return strings.HasPrefix(s.name, v)
	case "description":
		return hasPrefixFold(s.description, v)
	case "tag-key":
		for _, t := range s.tags {
			if strings.HasPrefix(t.Key, v) {
				return true
			}
		}
	case "tag-value":
		for _, t := range s.tags {
			if strings.HasPrefix(t.Value, v) {
				return true
			}
		}
	case "primary-region":
		return strings.HasPrefix(s.primaryRegion, v)
	case "owning-service":
		return strings.HasPrefix(s.owningService, v)
	case "all":
		return s.matchesAll(v)
	}
	return false
}

// matchesAll breaks v into words and requires each to be a case-insensitive
// prefix of some attribute or of some word in one.
func (s *secret) matchesAll(v string) bool {
	attrs := []string{s.name, s.description, s.primaryRegion, s.owningService}
	for _, t := range s.tags {
		attrs = append(attrs, t.Key, t.Value)
	}
	for _, word := range strings.Fields(v) {
		if !anyWordHasPrefix(attrs, word) {
			return false
		}
	}
	return true
}

func anyWordHasPrefix(attrs []string, prefix string) bool {
	for _, a := range attrs {
		if hasPrefixFold(a, prefix) {
			return true
		}
		for _, w := range strings.FieldsFunc(a, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if hasPrefixFold(w, prefix) {
				return true
			}
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
