package list

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/model"
)

// sortMode is the order of the list.
type sortMode int

const (
	sortName sortMode = iota
	sortChanged
	sortAccessed
	sortCreated
	sortModes
)

func (m sortMode) String() string {
	switch m {
	case sortChanged:
		return "last changed"
	case sortAccessed:
		return "last accessed"
	case sortCreated:
		return "created"
	}
	return "name"
}

// entry is one loaded secret with its precomputed filter text.
type entry struct {
	secret   model.Secret
	haystack string
}

// index keeps every loaded secret, their order under the current sort, and
// the filtered view of them: exact matches first, then fuzzy ones, each in
// sort order. It is built so that a keystroke over 100,000 secrets stays
// cheap: a query that narrows the previous one only looks at its results.
type index struct {
	entries []entry
	order   []int32 // entry indices in sort order
	rank    []int32 // rank[entry] = its position in order
	sort    sortMode

	q           query
	showDeleted bool
	exact       []int32 // matching entries in sort order
	fuzzy       []int32
}

func (x *index) less(a, b int32) int {
	ea, eb := &x.entries[a].secret, &x.entries[b].secret
	byTime := func(ta, tb time.Time) int {
		if c := tb.Compare(ta); c != 0 {
			return c
		}
		return strings.Compare(ea.Name, eb.Name)
	}
	switch x.sort {
	case sortChanged:
		return byTime(ea.LastChangedDate, eb.LastChangedDate)
	case sortAccessed:
		return byTime(ea.LastAccessedDate, eb.LastAccessedDate)
	case sortCreated:
		return byTime(ea.CreatedDate, eb.CreatedDate)
	}
	return cmp.Or(strings.Compare(ea.Name, eb.Name), cmp.Compare(a, b))
}

// len is the number of secrets in view.
func (x *index) len() int { return len(x.exact) + len(x.fuzzy) }

// at returns the i-th secret in view.
func (x *index) at(i int) *model.Secret {
	if i < len(x.exact) {
		return &x.entries[x.exact[i]].secret
	}
	return &x.entries[x.fuzzy[i-len(x.exact)]].secret
}

// position returns where the entry stands in view, or -1.
func (x *index) position(e int32) int {
	find := func(list []int32) int {
		i := sort.Search(len(list), func(i int) bool { return x.rank[list[i]] >= x.rank[e] })
		if i < len(list) && list[i] == e {
			return i
		}
		return -1
	}
	if i := find(x.exact); i >= 0 {
		return i
	}
	if i := find(x.fuzzy); i >= 0 {
		return len(x.exact) + i
	}
	return -1
}

// entryAt returns the entry index of the i-th secret in view.
func (x *index) entryAt(i int) int32 {
	if i < len(x.exact) {
		return x.exact[i]
	}
	return x.fuzzy[i-len(x.exact)]
}

// add takes in a page of secrets and places those that match in view.
func (x *index) add(secrets []model.Secret, now time.Time) {
	first := int32(len(x.entries))
	for _, s := range secrets {
		x.entries = append(x.entries, entry{secret: s, haystack: haystack(s)})
	}
	fresh := make([]int32, 0, len(secrets))
	for i := first; i < int32(len(x.entries)); i++ {
		fresh = append(fresh, i)
	}
	slices.SortFunc(fresh, x.less)
	x.order = mergeBy(x.order, fresh, x.less)
	x.reRank()
	exact, fuzzy := x.classify(fresh, now)
	byRank := func(a, b int32) int { return cmp.Compare(x.rank[a], x.rank[b]) }
	x.exact = mergeBy(x.exact, exact, byRank)
	x.fuzzy = mergeBy(x.fuzzy, fuzzy, byRank)
}

// setSort reorders everything under a new sort mode.
func (x *index) setSort(m sortMode, now time.Time) {
	x.sort = m
	slices.SortFunc(x.order, x.less)
	x.reRank()
	x.refilter(x.q, now, false)
}

// setShowDeleted shows or hides secrets pending deletion.
func (x *index) setShowDeleted(show bool, now time.Time) {
	x.showDeleted = show
	x.refilter(x.q, now, false)
}

// filter applies a new query, narrowing the last results when it can.
func (x *index) filter(q query, now time.Time) {
	x.refilter(q, now, q.narrows(x.q))
}

func (x *index) refilter(q query, now time.Time, narrow bool) {
	x.q = q
	if !narrow {
		x.exact, x.fuzzy = x.classify(x.order, now)
		return
	}
	exact, demoted := x.classify(x.exact, now)
	_, fuzzy := x.classify(x.fuzzy, now)
	x.exact = exact
	x.fuzzy = mergeBy(demoted, fuzzy, func(a, b int32) int { return cmp.Compare(x.rank[a], x.rank[b]) })
}

// classify splits candidates, kept in their order, into exact and fuzzy matches.
func (x *index) classify(candidates []int32, now time.Time) (exact, fuzzy []int32) {
	exact = make([]int32, 0, len(candidates))
	all := x.q.empty()
	for _, e := range candidates {
		en := &x.entries[e]
		if !x.showDeleted && en.secret.PendingDeletion() {
			continue
		}
		if all {
			exact = append(exact, e)
			continue
		}
		switch x.q.match(en, now) {
		case 2:
			exact = append(exact, e)
		case 1:
			fuzzy = append(fuzzy, e)
		}
	}
	return exact, fuzzy
}

func (x *index) reRank() {
	if cap(x.rank) < len(x.entries) {
		x.rank = make([]int32, len(x.entries), cap(x.entries))
	}
	x.rank = x.rank[:len(x.entries)]
	for i, e := range x.order {
		x.rank[e] = int32(i)
	}
}

// mergeBy merges two lists sorted by cmp into one.
func mergeBy(a, b []int32, cmp func(a, b int32) int) []int32 {
	if len(b) == 0 {
		return a
	}
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if cmp(b[j], a[i]) < 0 {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// upsert puts a secret's fresh description in place of the entry with the
// same ARN, or adds it, and reorders.
func (x *index) upsert(s model.Secret, now time.Time) {
	for i := range x.entries {
		if x.entries[i].secret.ARN == s.ARN {
			x.entries[i] = entry{secret: s, haystack: haystack(s)}
			x.setSort(x.sort, now)
			return
		}
	}
	x.add([]model.Secret{s}, now)
}

// remove drops the entry with the given ARN.
func (x *index) remove(arn string, now time.Time) {
	for i := range x.entries {
		if x.entries[i].secret.ARN != arn {
			continue
		}
		x.entries = slices.Delete(x.entries, i, i+1)
		x.order = x.order[:0]
		for e := range x.entries {
			x.order = append(x.order, int32(e))
		}
		x.setSort(x.sort, now)
		return
	}
}
