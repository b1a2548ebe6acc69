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
	// sets are the words' byte sets.
	sets []uint64
	tags []tagTerm
	rots []model.RotationStatus
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
			q.words, q.sets = append(q.words, term), append(q.sets, byteSet(term))
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

// needsSecret reports whether matching reads more of a secret than its
// haystack and tags: its rotation.
func (q query) needsSecret() bool { return len(q.rots) > 0 }

// entry is what a query reads of one secret, kept together so that a
// scan of 500,000 reads one cache line a secret.
type entry struct {
	// hay is the lower-cased name, a NUL (names never hold one) and the
	// lower-cased description; name is the length of the name.
	hay string
	// tags are the numbers of its tags, which a tagMatcher reads.
	tags string
	// nameSet and haySet are the byte sets of the name and of hay.
	nameSet, haySet uint64
	name            uint32
}

// entryOf is the entry of a secret with the given haystack, which starts
// with a name n bytes long.
func entryOf(hay string, n int, tags string) entry {
	return entry{hay: hay, tags: tags, nameSet: byteSet(hay[:n]), haySet: byteSet(hay), name: uint32(n)}
}

// folded is the lower-cased name hay starts with.
func (en *entry) folded() string { return en.hay[:en.name] }

// byteSet is the set of the bytes in s, on 64 bits: a word whose set is
// not within a text's is not in it, nor are its letters in it in order.
// It spares most secrets a search.
func byteSet(s string) uint64 {
	var set uint64
	for i := 0; i < len(s); i++ {
		set |= byteBit(s[i])
	}
	return set
}

// byteBit is the bit of byte c in a byteSet: one of its own for each
// lower-case letter and digit, the other bytes sharing the rest.
func byteBit(c byte) uint64 {
	switch {
	case 'a' <= c && c <= 'z':
		return 1 << (c - 'a')
	case '0' <= c && c <= '9':
		return 1 << (26 + c - '0')
	}
	return 1 << (36 + c%28)
}

// match tells which tier a secret falls in, or noMatch; m reads its tags,
// and s, needed only when the query needsSecret, is the secret.
func (q *query) match(en *entry, s *model.Secret, m *tagMatcher, now time.Time) int {
	for t := range q.tags {
		if !m.hasTag(en.tags, t) {
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
	tier := tierName
	for i, w := range q.words {
		// The name comes first in hay: if w is in the name, its first
		// place in hay is there. One search tells both.
		at, set := -1, q.sets[i]
		if set&^en.haySet == 0 {
			at = strings.Index(en.hay, w)
		}
		switch {
		case at >= 0 && at+len(w) <= int(en.name):
		case at >= 0 || m.hasWord(en.tags, i):
			tier = max(tier, tierText)
		case set&^en.nameSet == 0 && fuzzy(en.folded(), w):
			tier = tierFuzzy
		default:
			return noMatch
		}
	}
	return tier
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

// appendEntries adds the entries of a page of secrets, whose tags are
// numbered in tags. Their haystacks are cut from one string, so that a scan
// reads memory in order. Tags are matched apart, once per distinct tag
// (tagMatcher): a word holds no space, so it is in the text tags would add
// to the haystack, " key=value" each, only when it is in one of them.
func appendEntries(entries []entry, secrets []model.Secret, tags []string) []entry {
	var b strings.Builder
	ends, names := make([]int, len(secrets)), make([]int, len(secrets))
	for i, s := range secrets {
		name := strings.ToLower(s.Name)
		names[i] = len(name)
		b.WriteString(name)
		b.WriteByte(0)
		b.WriteString(strings.ToLower(s.Description))
		ends[i] = b.Len()
	}
	all, start := b.String(), 0
	for i, end := range ends {
		entries = append(entries, entryOf(all[start:end], names[i], tags[i]))
		start = end
	}
	return entries
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
