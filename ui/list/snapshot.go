package list

import (
	"slices"

	"github.com/keyhole-tui/keyhole/model"
)

// snapshot is the listed secrets at one moment, for a screen to read on
// any goroutine while the list goes on: it copies the rows and their tags'
// numbers, about 80 bytes a secret where model.Secrets would take over
// 400, and shares the strings and tags the list numbered, to which the
// list only ever appends.
type snapshot struct {
	rows     []row
	tags     []string
	strs     interner
	tagTable tagTable
}

// snapshot is the index's secrets as they are now.
func (x *index) snapshot() snapshot {
	tags := make([]string, len(x.entries))
	for e := range x.entries {
		tags[e] = x.entries[e].tags
	}
	return snapshot{
		rows: slices.Clone(x.secrets), tags: tags,
		strs: interner{strs: x.strs.strs}, tagTable: tagTable{tags: x.tagTable.tags},
	}
}

// Len is the number of secrets.
func (s snapshot) Len() int { return len(s.rows) }

// At is secret i.
func (s snapshot) At(i int) model.Secret {
	return secretOf(&s.rows[i], s.tags[i], &s.strs, &s.tagTable)
}
