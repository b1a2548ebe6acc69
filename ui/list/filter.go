package list

import (
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/model"
)

// query is a parsed filter: every term must match.
type query struct {
	text  string
	words []string
	tags  []tagTerm
	rots  []model.RotationStatus
	// accounts and regions are acct: and region: terms: a fleet's secret
	// must be in an account whose name or id holds one, and in a region
	// that starts with one.
	accounts []string
	regions  []string
	// bad names a term that could not be understood, for the status line.
	bad string
}

type tagTerm struct {
	key, value string
	anyValue   bool
}

// rotationTerm reads the state a rot: term names.
func rotationTerm(word string) (model.RotationStatus, bool) {
	for state := model.RotationDisabled; state <= model.RotationStuck; state++ {
		if state.String() == word {
			return state, true
		}
	}
	return 0, false
}

// parseQuery reads a filter such as "payments tag:env=prod rot:stuck".
// Plain words match name, description and tags as written, or the name
// alone fuzzily (its letters in order); tag:KEY[=VALUE] needs a tag;
// rot:STATE needs a rotation state.
func parseQuery(text string) query {
	q := query{text: text}
	for _, term := range strings.Fields(strings.ToLower(text)) {
		switch {
		case strings.HasPrefix(term, "tag:"):
			k, v, hasValue := strings.Cut(term[len("tag:"):], "=")
			q.tags = append(q.tags, tagTerm{key: k, value: v, anyValue: !hasValue})
		case strings.HasPrefix(term, "acct:"):
			q.accounts = append(q.accounts, term[len("acct:"):])
		case strings.HasPrefix(term, "region:"):
			q.regions = append(q.regions, term[len("region:"):])
		case strings.HasPrefix(term, "rot:"):
			state, ok := rotationTerm(term[len("rot:"):])
			if !ok {
				q.bad = term
				continue
			}
			q.rots = append(q.rots, state)
		default:
			q.words = append(q.words, term)
		}
	}
	return q
}

// empty reports whether the query selects everything.
func (q query) empty() bool {
	return len(q.words) == 0 && len(q.tags) == 0 && len(q.rots) == 0 && len(q.accounts) == 0 && len(q.regions) == 0
}

// narrows reports whether every match of q is also a match of prev, so q
// can be applied to prev's results instead of to everything.
// That holds when q only adds terms or extends prev's last plain word.
func (q query) narrows(prev query) bool {
	if prev.empty() || prev.bad != "" || !strings.HasPrefix(q.text, prev.text) {
		return false
	}
	fields := strings.Fields(prev.text)
	last := strings.ToLower(fields[len(fields)-1])
	endsTerm := strings.HasSuffix(prev.text, " ")
	return endsTerm || !(strings.HasPrefix(last, "tag:") || strings.HasPrefix(last, "rot:") ||
		strings.HasPrefix(last, "acct:") || strings.HasPrefix(last, "region:"))
}

// How well a secret matches, best first.
const (
	tierName  = iota // every word is in the name
	tierText         // every word is in the name, description or tags
	tierFuzzy        // some word only has its letters in the name, in order
	tierCount
	noMatch = -1
)

// match tells which tier a secret falls in, or noMatch.
func (q query) match(hay string, s *model.Secret, now time.Time) int {
	for _, t := range q.tags {
		if !matchTag(s.Tags, t) {
			return noMatch
		}
	}
	if len(q.rots) > 0 {
		state := s.Rotation(now)
		ok := false
		for _, r := range q.rots {
			ok = ok || r == state
		}
		if !ok {
			return noMatch
		}
	}
	name := hay[:strings.IndexByte(hay, 0)]
	tier := tierName
	for _, w := range q.words {
		switch {
		case strings.Contains(name, w):
		case strings.Contains(hay, w):
			tier = max(tier, tierText)
		case fuzzy(name, w):
			tier = tierFuzzy
		default:
			return noMatch
		}
	}
	return tier
}

func matchTag(tags []model.Tag, t tagTerm) bool {
	for _, tag := range tags {
		if !strings.EqualFold(tag.Key, t.key) {
			continue
		}
		if t.anyValue || strings.Contains(strings.ToLower(tag.Value), t.value) {
			return true
		}
	}
	return false
}

// fuzzy reports whether the letters of word appear in s in order.
func fuzzy(s, word string) bool {
	for i := 0; i < len(word); i++ {
		j := strings.IndexByte(s, word[i])
		if j < 0 {
			return false
		}
		s = s[j+1:]
	}
	return true
}

// appendHaystacks adds the haystacks of a page of secrets, cut from one
// string so that a scan reads memory in order.
func appendHaystacks(hay []string, secrets []model.Secret) []string {
	var b strings.Builder
	ends := make([]int, len(secrets))
	for i, s := range secrets {
		writeHaystack(&b, s)
		ends[i] = b.Len()
	}
	all, start := b.String(), 0
	for _, end := range ends {
		hay = append(hay, all[start:end])
		start = end
	}
	return hay
}

// haystack is the lower-cased text plain words are matched against.
func haystack(s model.Secret) string {
	var b strings.Builder
	writeHaystack(&b, s)
	return b.String()
}

// writeHaystack writes the lower-cased name, a NUL (names never hold one)
// and then description and tags.
func writeHaystack(b *strings.Builder, s model.Secret) {
	b.WriteString(strings.ToLower(s.Name))
	b.WriteByte(0)
	b.WriteString(strings.ToLower(s.Description))
	for _, t := range s.Tags {
		b.WriteByte(' ')
		b.WriteString(strings.ToLower(t.Key))
		b.WriteByte('=')
		b.WriteString(strings.ToLower(t.Value))
	}
}

// marker tells which bytes of a name as shown the plain words match, to
// underline: every place a word is in it, and, on a fuzzy match's row, the
// first of a word's letters in order when the word is not there whole.
// Names are compared lower-cased in ASCII only, which keeps every byte
// where it is. nil when there are no plain words.
func (q query) marker(fuzzyRow bool) func(shown string) []bool {
	if len(q.words) == 0 {
		return nil
	}
	return func(shown string) []bool {
		lower := []byte(shown)
		for i, c := range lower {
			if 'A' <= c && c <= 'Z' {
				lower[i] = c + 'a' - 'A'
			}
		}
		marks := make([]bool, len(shown))
		for _, w := range q.words {
			if !markWord(string(lower), w, marks) && fuzzyRow {
				markLetters(string(lower), w, marks)
			}
		}
		return marks
	}
}

// markWord marks every place word is in s and reports whether there was one.
func markWord(s, word string, marks []bool) bool {
	found := false
	for at := 0; ; {
		i := strings.Index(s[at:], word)
		if i < 0 {
			return found
		}
		found = true
		for k := range len(word) {
			marks[at+i+k] = true
		}
		at += i + len(word)
	}
}

// markLetters marks the first of word's letters in s in order, if all are
// there; a name cut to fit may have lost some.
func markLetters(s, word string, marks []bool) {
	picked := make([]int, 0, len(word))
	at := 0
	for i := 0; i < len(word); i++ {
		j := strings.IndexByte(s[at:], word[i])
		if j < 0 {
			return
		}
		picked = append(picked, at+j)
		at += j + 1
	}
	for _, i := range picked {
		marks[i] = true
	}
}
