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
	// sortPlace orders a fleet's secrets by account, region and name.
	sortPlace
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
	case sortPlace:
		return "account and region"
	}
	return "name"
}

// column names the list column the mode sorts by.
func (m sortMode) column() string {
	switch m {
	case sortChanged:
		return "changed"
	case sortAccessed:
		return "accessed"
	case sortCreated:
		return "created"
	case sortPlace:
		return "account"
	}
	return "name"
}

// index keeps every loaded secret, their order under the current sort, and
// the filtered view of them: matches in the name first, then matches
// elsewhere, then, after a separator row, fuzzy ones, each in sort order. It is built so that a keystroke over 100,000 secrets stays
// cheap: a query that narrows the previous one only looks at its results.
type index struct {
	// secrets, entries and gone are indexed alike: a row keeps a secret,
	// an entry what filtering reads of it, gone marks pending deletion.
	// Filtering reads only entries, in memory order, which keeps a scan
	// of 500,000 cheap, and gone, small enough to read in sort order.
	secrets []row
	entries []entry
	gone    []bool
	// strs holds the strings the rows share; tagTable the distinct tags.
	strs     interner
	tagTable tagTable
	// tagMatch remembers which tags meet the query's terms, for matching
	// on the event loop; nil until then.
	tagMatch *tagMatcher
	order    []int32 // row indices in sort order
	sort     sortMode
	// places, in a fleet's list only, hold each secret's account label
	// and region, lower-cased and joined by a NUL; placeOf makes them
	// from the ARN.
	places  []string
	placeOf func(arn string) string

	q           query
	showDeleted bool
	// tiers hold the matching entries in sort order, best tier first.
	tiers [tierCount][]int32
}

// less orders entries under the sort: names regardless of case (ties by
// name as written, then by when they were loaded), dates newest first and
// then by name.
func (x *index) less(a, b int32) int {
	ra, rb := &x.secrets[a], &x.secrets[b]
	byName := func() int {
		return cmp.Or(strings.Compare(x.foldedName(a), x.foldedName(b)),
			strings.Compare(ra.name(&x.strs), rb.name(&x.strs)), cmp.Compare(a, b))
	}
	byTime := func(ta, tb int64) int {
		if c := cmp.Compare(tb, ta); c != 0 {
			return c
		}
		return byName()
	}
	switch x.sort {
	case sortChanged:
		return byTime(ra.changed, rb.changed)
	case sortAccessed:
		return byTime(ra.accessed, rb.accessed)
	case sortCreated:
		return byTime(ra.created, rb.created)
	case sortPlace:
		if x.places == nil {
			break
		}
		if c := strings.Compare(x.places[a], x.places[b]); c != 0 {
			return c
		}
	}
	return byName()
}

// foldedName is the lower-cased name the haystack starts with.
func (x *index) foldedName(e int32) string {
	return x.entries[e].folded()
}

// matches is the number of secrets in view.
func (x *index) matches() int {
	n := 0
	for _, t := range x.tiers {
		n += len(t)
	}
	return n
}

// separator is the row that sets the fuzzy matches apart from the others,
// or -1 when there are none.
func (x *index) separator() int {
	if len(x.tiers[tierFuzzy]) == 0 {
		return -1
	}
	return len(x.tiers[tierName]) + len(x.tiers[tierText])
}

// len is the number of rows in view: the secrets and the separator.
func (x *index) len() int {
	if x.separator() >= 0 {
		return x.matches() + 1
	}
	return x.matches()
}

// at returns the secret on row i; false on the separator.
func (x *index) at(i int) (model.Secret, bool) {
	if e := x.entryAt(i); e >= 0 {
		return x.secret(e), true
	}
	return model.Secret{}, false
}

// secret is the secret of entry e.
func (x *index) secret(e int32) model.Secret {
	return secretOf(&x.secrets[e], x.entries[e].tags, &x.strs, &x.tagTable)
}

// arn is the ARN of entry e.
func (x *index) arn(e int32) string { return x.secrets[e].arn(&x.strs) }

// position returns the row the entry is on, or -1.
func (x *index) position(e int32) int {
	base := 0
	for t, list := range x.tiers {
		if t == tierFuzzy && len(list) > 0 {
			base++ // the separator
		}
		i := sort.Search(len(list), func(i int) bool { return x.less(list[i], e) >= 0 })
		if i < len(list) && list[i] == e {
			return base + i
		}
		base += len(list)
	}
	return -1
}

// entryAt returns the entry index of the secret on row i, or -1 on the
// separator.
func (x *index) entryAt(i int) int32 {
	switch sep := x.separator(); {
	case i == sep:
		return -1
	case sep >= 0 && i > sep:
		i--
	}
	for _, list := range x.tiers {
		if i < len(list) {
			return list[i]
		}
		i -= len(list)
	}
	panic("list index out of range")
}

// add takes in a page of secrets and places those that match in view. The
// rows keep copies of what they need: secrets may change afterwards.
func (x *index) add(secrets []model.Secret, now time.Time) {
	first := int32(len(x.secrets))
	var buf, tagBuf []byte
	ends, tagEnds := make([]int, len(secrets)), make([]int, len(secrets))
	for i := range secrets {
		s := &secrets[i]
		buf = appendRec(buf, s, &x.strs)
		ends[i] = len(buf)
		tagBuf = x.tagTable.appendIDs(tagBuf, s.Tags)
		tagEnds[i] = len(tagBuf)
		x.secrets = append(x.secrets, rowTimes(s))
		x.gone = append(x.gone, s.PendingDeletion())
		if x.placeOf != nil {
			x.places = append(x.places, x.placeOf(s.ARN))
		}
	}
	// One string for the page's recs and one for its tags, cut into
	// each secret's.
	recs, allTags, start, tagStart := string(buf), string(tagBuf), 0, 0
	tags := make([]string, len(secrets))
	for i := range ends {
		x.secrets[int(first)+i].rec = recs[start:ends[i]]
		tags[i] = allTags[tagStart:tagEnds[i]]
		start, tagStart = ends[i], tagEnds[i]
	}
	x.entries = appendEntries(x.entries, secrets, tags)
	fresh := make([]int32, 0, len(secrets))
	for i := first; i < int32(len(x.secrets)); i++ {
		fresh = append(fresh, i)
	}
	slices.SortFunc(fresh, x.less)
	x.order = insertSorted(x.order, fresh, x.less)
	for t, matches := range x.classify(fresh, now) {
		x.tiers[t] = insertSorted(x.tiers[t], matches, x.less)
	}
}

// setSort reorders everything under a new sort mode.
func (x *index) setSort(m sortMode, now time.Time) {
	x.sort = m
	slices.SortFunc(x.order, x.less)
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
	x.q, x.tagMatch = q, nil
	var candidates []bool
	if narrow {
		candidates = make([]bool, len(x.secrets))
		for _, list := range x.tiers {
			for _, e := range list {
				candidates[e] = true
			}
		}
	}
	x.tiers = x.scan(candidates, now)
}

// scan matches the secrets (only the candidates, when given) in memory
// order, which is several times faster than in sort order at 100,000
// secrets, then lists the matches in sort order.
func (x *index) scan(candidates []bool, now time.Time) [tierCount][]int32 {
	if x.q.empty() {
		return x.classify(x.order, now)
	}
	score := make([]int8, len(x.secrets))
	x.scoreAll(score, candidates, now)
	// Sized first: growing them would copy hundreds of thousands.
	var sizes [tierCount]int
	for _, t := range score {
		if t != noMatch {
			sizes[t]++
		}
	}
	var tiers [tierCount][]int32
	for t := range tiers {
		tiers[t] = make([]int32, 0, sizes[t])
	}
	for _, e := range x.order {
		if t := score[e]; t != noMatch {
			tiers[t] = append(tiers[t], e)
		}
	}
	return tiers
}

// classify sorts candidates, kept in their order, into tiers.
func (x *index) classify(candidates []int32, now time.Time) [tierCount][]int32 {
	var tiers [tierCount][]int32
	all := x.q.empty()
	if all {
		tiers[tierName] = make([]int32, 0, len(candidates))
	}
	if x.tagMatch == nil {
		x.tagMatch = newTagMatcher(&x.tagTable, &x.q)
	}
	for _, e := range candidates {
		if !x.showDeleted && x.gone[e] {
			continue
		}
		if all {
			tiers[tierName] = append(tiers[tierName], e)
			continue
		}
		if t := x.match(e, x.tagMatch, now); t != noMatch {
			tiers[t] = append(tiers[t], e)
		}
	}
	return tiers
}

// insertSorted merges the few sorted items into the long sorted list in
// place: a binary search per item and block moves from the back, so a page
// of 100 costs a few hundred comparisons however long the list is.
func insertSorted(list, items []int32, cmp func(a, b int32) int) []int32 {
	if len(items) == 0 {
		return list
	}
	n := len(list)
	if n == 0 || cmp(list[n-1], items[0]) < 0 {
		return append(list, items...) // pages that arrive in order
	}
	list = slices.Grow(list, len(items))[:n+len(items)]
	end := n // list[:end] holds the old elements not yet moved
	for k := len(items) - 1; k >= 0; k-- {
		it := items[k]
		pos := sort.Search(end, func(i int) bool { return cmp(list[i], it) > 0 })
		copy(list[pos+k+1:], list[pos:end])
		list[pos+k] = it
		end = pos
	}
	return list
}

// upsert puts a secret's fresh description in place of the entry with the
// same ARN, or adds it, and reorders.
func (x *index) upsert(s model.Secret, now time.Time) {
	if e := x.find(s.ARN); e >= 0 {
		x.secrets[e], x.gone[e] = newRow(&s, &x.strs), s.PendingDeletion()
		tags := string(x.tagTable.appendIDs(nil, s.Tags))
		x.entries[e] = appendEntries(nil, []model.Secret{s}, []string{tags})[0]
		x.setSort(x.sort, now)
		return
	}
	x.add([]model.Secret{s}, now)
}

// find returns the entry of the secret with arn, or -1.
func (x *index) find(arn string) int32 {
	for e := range x.secrets {
		if x.secrets[e].hasARN(arn, &x.strs) {
			return int32(e)
		}
	}
	return -1
}

// remove drops the entry with the given ARN.
func (x *index) remove(arn string, now time.Time) {
	i := int(x.find(arn))
	if i < 0 {
		return
	}
	x.secrets = slices.Delete(x.secrets, i, i+1)
	x.entries = slices.Delete(x.entries, i, i+1)
	x.gone = slices.Delete(x.gone, i, i+1)
	if x.places != nil {
		x.places = slices.Delete(x.places, i, i+1)
	}
	x.order = x.order[:0]
	for e := range x.secrets {
		x.order = append(x.order, int32(e))
	}
	x.setSort(x.sort, now)
}
