package emulator

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// store holds the secrets of one account and region.
type store struct {
	// place is the account and region the secrets live in.
	place  *regionState
	byName map[string]*secret
	byARN  map[string]*secret
	// pending holds the secrets scheduled for deletion.
	pending map[*secret]struct{}
	// byCreated and byNameOrder keep every secret in the two orders whose
	// keys never change, so a page of an unfiltered listing is a range scan.
	byCreated   orderedIndex
	byNameOrder orderedIndex
	// generation changes whenever what ListSecrets could show changes.
	generation uint64
	rng        *rand.Rand
}

func newStore(seed uint64, place *regionState) *store {
	return &store{
		place:       place,
		byName:      map[string]*secret{},
		byARN:       map[string]*secret{},
		pending:     map[*secret]struct{}{},
		byCreated:   orderedIndex{compare: compareCreated},
		byNameOrder: orderedIndex{compare: compareName},
		rng:         rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
	}
}

// arnPrefix is the ARN of a secret up to its name.
func arnPrefix(region, account string) string {
	return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:"
}

const suffixAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// newARN makes the ARN of a new secret: the name and six random characters.
func (st *store) newARN(prefix, name string) string {
	for {
		var b [6]byte
		for i := range b {
			b[i] = suffixAlphabet[st.rng.IntN(len(suffixAlphabet))]
		}
		arn := prefix + name + "-" + string(b[:])
		if st.byARN[arn] == nil {
			return arn
		}
	}
}

// lookup finds a secret by name, full ARN or ARN without the random suffix.
func (st *store) lookup(id string) *secret {
	if s := st.byARN[id]; s != nil {
		return s
	}
	if strings.HasPrefix(id, "arn:") {
		parts := strings.SplitN(id, ":", 7)
		if len(parts) == 7 && parts[2] == "secretsmanager" && strings.HasPrefix(parts[5], "secret") {
			if s := st.byName[parts[6]]; s != nil && strings.HasPrefix(s.arn, id) {
				return s
			}
		}
		return nil
	}
	return st.byName[id]
}

func (st *store) add(s *secret) {
	st.index(s)
	st.byCreated.insert(s)
	st.byNameOrder.insert(s)
	st.generation++
}

// addAll adds many secrets at once, sorting the ordered indexes once.
func (st *store) addAll(secrets []*secret) {
	for _, s := range secrets {
		st.index(s)
	}
	st.byCreated.insertAll(secrets)
	st.byNameOrder.insertAll(secrets)
	st.generation++
}

// index puts s in the maps by name and ARN and, if due, in pending.
func (st *store) index(s *secret) {
	s.place = st.place
	st.byName[s.name] = s
	st.byARN[s.arn] = s
	if s.pendingDeletion() {
		st.pending[s] = struct{}{}
	}
}

func (st *store) remove(s *secret) {
	st.byCreated.remove(s)
	st.byNameOrder.remove(s)
	delete(st.byName, s.name)
	delete(st.byARN, s.arn)
	delete(st.pending, s)
	st.generation++
}

func (st *store) markDeleted(s *secret, at, until time.Time) {
	s.deletedAt, s.deletionDate = at, until
	st.pending[s] = struct{}{}
	st.generation++
}

func (st *store) restore(s *secret) {
	s.deletedAt, s.deletionDate = time.Time{}, time.Time{}
	delete(st.pending, s)
	st.generation++
}

// expire removes the secrets whose recovery window has ended by now.
func (st *store) expire(now time.Time) {
	for s := range st.pending {
		if !now.Before(s.deletionDate) {
			st.remove(s)
		}
	}
}

// changed notes a change that may alter a listing.
func (st *store) changed() { st.generation++ }

// orderedIndex is a slice of secrets kept sorted by a total order on keys
// that never change for a secret. Finding a position is O(log n); adding or
// removing one secret moves the pointers after it (a memmove, O(n)).
type orderedIndex struct {
	compare func(a, b *secret) int
	items   []*secret
}

// compareCreated orders by creation time, then name: ListSecrets' default.
func compareCreated(a, b *secret) int {
	if c := a.created.Compare(b.created); c != 0 {
		return c
	}
	return cmp.Compare(a.name, b.name)
}

func compareName(a, b *secret) int { return cmp.Compare(a.name, b.name) }

func (ix *orderedIndex) insert(s *secret) {
	i, _ := slices.BinarySearchFunc(ix.items, s, ix.compare)
	ix.items = slices.Insert(ix.items, i, s)
}

func (ix *orderedIndex) insertAll(secrets []*secret) {
	ix.items = append(ix.items, secrets...)
	slices.SortFunc(ix.items, ix.compare)
}

func (ix *orderedIndex) remove(s *secret) {
	if i, ok := slices.BinarySearchFunc(ix.items, s, ix.compare); ok {
		ix.items = slices.Delete(ix.items, i, i+1)
	}
}

// after returns the position of the first secret ordered after key.
func (ix *orderedIndex) after(key *secret) int {
	i, found := slices.BinarySearchFunc(ix.items, key, ix.compare)
	if found {
		i++
	}
	return i
}

// before returns the position of the last secret ordered before key, or -1.
func (ix *orderedIndex) before(key *secret) int {
	i, _ := slices.BinarySearchFunc(ix.items, key, ix.compare)
	return i - 1
}
