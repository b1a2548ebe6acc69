package emulator

import (
	"math/rand/v2"
	"strings"
	"time"
)

// store holds the secrets of one account and region.
type store struct {
	byName map[string]*secret
	byARN  map[string]*secret
	// pending holds the secrets scheduled for deletion.
	pending map[*secret]struct{}
	// generation changes whenever what ListSecrets could show changes.
	generation uint64
	rng        *rand.Rand
}

func newStore(seed uint64) *store {
	return &store{
		byName:  map[string]*secret{},
		byARN:   map[string]*secret{},
		pending: map[*secret]struct{}{},
		rng:     rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
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
	st.byName[s.name] = s
	st.byARN[s.arn] = s
	if s.pendingDeletion() {
		st.pending[s] = struct{}{}
	}
	st.generation++
}

func (st *store) remove(s *secret) {
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
