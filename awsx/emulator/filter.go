package emulator

import (
	"fmt"
	"regexp"
	"slices"
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
		if f.Key == "" {
			return errInvalidParameter("Invalid filter key")
		}
		if len(f.Values) == 0 {
			return errInvalidParameter("Invalid filter values for key: %s", f.Key)
		}
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

// matchesValue matches one filter key and value: name, tags and
// descriptions by words, regions and owning services by prefix.
func (s *secret) matchesValue(key, v string) bool {
	switch key {
	case "name":
		return matchesWords(s.name, v, false)
	case "description":
		return matchesWords(s.description, v, true)
	case "tag-key":
		for _, t := range s.tags {
			if matchesWords(t.Key, v, false) {
				return true
			}
		}
	case "tag-value":
		for _, t := range s.tags {
			if matchesWords(t.Value, v, false) {
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

// matchesAll requires each word of v to start a word of some attribute,
// ignoring case.
func (s *secret) matchesAll(v string) bool {
	attrs := []string{s.name, s.description, s.primaryRegion, s.owningService}
	for _, t := range s.tags {
		attrs = append(attrs, t.Key, t.Value)
	}
	for _, word := range strings.Fields(v) {
		if !slices.ContainsFunc(attrs, func(a string) bool { return startsAWord(a, word, true) }) {
			return false
		}
	}
	return true
}

// matchesWords reports whether each space-separated word of v starts a
// word of field; fold ignores case. A value with no words matches.
func matchesWords(field, v string, fold bool) bool {
	for _, word := range strings.Fields(v) {
		if !startsAWord(field, word, fold) {
			return false
		}
	}
	return true
}

// startsAWord reports whether field, from the start of one of its words
// on, begins with prefix.
func startsAWord(field, prefix string, fold bool) bool {
	for _, at := range wordStarts(field) {
		rest := field[at:]
		if strings.HasPrefix(rest, prefix) || fold && hasPrefixFold(rest, prefix) {
			return true
		}
	}
	return false
}

// splitWords breaks s into the words filters match: at spaces and
// punctuation, where a lower-case letter meets an upper-case one, and
// where letters meet digits.
func splitWords(s string) []string {
	var words []string
	starts := wordStarts(s)
	for i, at := range starts {
		end := len(s)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		w := strings.TrimRightFunc(s[at:end], isSeparator)
		if w != "" && strings.IndexFunc(w, isSeparator) != 0 {
			words = append(words, w)
		}
	}
	return words
}

// wordStarts lists the byte offsets where words of s begin, 0 first.
func wordStarts(s string) []int {
	starts := []int{0}
	prev := rune(-1)
	for i, r := range s {
		if i > 0 && !isSeparator(r) && wordBreak(prev, r) {
			starts = append(starts, i)
		}
		prev = r
	}
	return starts
}

// wordBreak reports whether a word starts at r after prev.
func wordBreak(prev, r rune) bool {
	switch {
	case isSeparator(prev):
		return true
	case unicode.IsLower(prev) && unicode.IsUpper(r):
		return true
	case unicode.IsLetter(prev) && unicode.IsDigit(r), unicode.IsDigit(prev) && unicode.IsLetter(r):
		return true
	}
	return false
}

func isSeparator(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
