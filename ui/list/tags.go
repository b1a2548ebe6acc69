package list

import (
	"encoding/binary"
	"strings"

	"github.com/keyhole-tui/keyhole/model"
)

// tagTable numbers the distinct tags (key and value) of the listed
// secrets, which share a handful of them, and keeps the text of each that
// plain words match: key=value, lower-cased. A secret's tags are the
// numbers of its tags, a few bytes.
type tagTable struct {
	ids  map[model.Tag]uint32
	tags []model.Tag
	hay  []string
}

// appendIDs appends the numbers of tags, numbering new ones, to buf.
func (t *tagTable) appendIDs(buf []byte, tags []model.Tag) []byte {
	for _, tag := range tags {
		id, ok := t.ids[tag]
		if !ok {
			if t.ids == nil {
				t.ids = map[model.Tag]uint32{}
			}
			tag = model.Tag{Key: strings.Clone(tag.Key), Value: strings.Clone(tag.Value)}
			id = uint32(len(t.tags))
			t.ids[tag] = id
			t.tags = append(t.tags, tag)
			t.hay = append(t.hay, strings.ToLower(tag.Key)+"="+strings.ToLower(tag.Value))
		}
		buf = binary.AppendUvarint(buf, uint64(id))
	}
	return buf
}

// of is the tags numbered in ids; nil for none.
func (t *tagTable) of(ids string) []model.Tag {
	var tags []model.Tag
	for len(ids) > 0 {
		id, n := uvarint(ids)
		tags = append(tags, t.tags[id])
		ids = ids[n:]
	}
	return tags
}

// tagMatcher tells whether a secret's tags meet a query's plain words and
// tag: terms, looking at each distinct tag once per word or term. It
// remembers the answers, so each goroutine needs its own.
type tagMatcher struct {
	table *tagTable
	q     *query
	// seen holds, per plain word and then per tag: term, each tag's
	// answer: 0 not looked at yet, 1 it holds, -1 it does not.
	seen [][]int8
}

func newTagMatcher(table *tagTable, q *query) *tagMatcher {
	return &tagMatcher{table: table, q: q, seen: make([][]int8, len(q.words)+len(q.tags))}
}

// hasWord reports whether one of the tags in ids holds plain word w.
func (m *tagMatcher) hasWord(ids string, w int) bool { return m.any(ids, w) }

// hasTag reports whether one of the tags in ids meets tag: term t.
func (m *tagMatcher) hasTag(ids string, t int) bool { return m.any(ids, len(m.q.words)+t) }

// any reports whether one of the tags in ids meets condition c.
func (m *tagMatcher) any(ids string, c int) bool {
	for len(ids) > 0 {
		id, n := uvarint(ids)
		ids = ids[n:]
		if m.holds(c, int(id)) {
			return true
		}
	}
	return false
}

// holds reports whether tag id meets condition c, looking only once.
func (m *tagMatcher) holds(c, id int) bool {
	seen := m.seen[c]
	if id >= len(seen) {
		seen = append(seen, make([]int8, len(m.table.tags)-len(seen))...)
		m.seen[c] = seen
	}
	if seen[id] == 0 {
		seen[id] = -1
		if m.check(c, id) {
			seen[id] = 1
		}
	}
	return seen[id] == 1
}

// check tells whether tag id meets condition c.
func (m *tagMatcher) check(c, id int) bool {
	if c < len(m.q.words) {
		return strings.Contains(m.table.hay[id], m.q.words[c])
	}
	term, tag := m.q.tags[c-len(m.q.words)], m.table.tags[id]
	return strings.EqualFold(tag.Key, term.key) && (term.anyValue || strings.Contains(strings.ToLower(tag.Value), term.value))
}
