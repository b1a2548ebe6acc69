package demoseed

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"time"
)

// dice is a deterministic random source. Each part of the account draws from
// its own dice, named after that part, so editing one secret's definition
// changes only that secret and its history in the output. Only PCG's raw
// output is used: the standard library defines that sequence exactly, so the
// seed does not change with the Go release.
type dice struct{ src *rand.PCG }

// diceFor returns the dice for the named part of the account.
func diceFor(label string) *dice {
	h := fnv.New64a()
	_, _ = h.Write([]byte(label))
	return &dice{src: rand.NewPCG(h.Sum64(), 0x6b6579686f6c65)}
}

// intn returns a number in [0, n).
func (d *dice) intn(n int) int { return int(d.src.Uint64() % uint64(n)) }

// between returns a number in [lo, hi].
func (d *dice) between(lo, hi int) int { return lo + d.intn(hi-lo+1) }

// chance reports true with probability p.
func (d *dice) chance(p float64) bool { return float64(d.src.Uint64()>>11)/(1<<53) < p }

// within returns a whole number of seconds in [0, span), or zero for a
// span shorter than a second.
func (d *dice) within(span time.Duration) time.Duration {
	if span < time.Second {
		return 0
	}
	return time.Duration(d.intn(int(span/time.Second))) * time.Second
}

// bytes returns n random bytes.
func (d *dice) bytes(n int) []byte {
	out := make([]byte, 0, n+8)
	for len(out) < n {
		out = binary.LittleEndian.AppendUint64(out, d.src.Uint64())
	}
	return out[:n]
}

// text returns n characters drawn from alphabet.
func (d *dice) text(alphabet string, n int) string {
	out := make([]byte, n)
	for i := range out {
		out[i] = alphabet[d.intn(len(alphabet))]
	}
	return string(out)
}

// uuid returns a random version 4 UUID.
func (d *dice) uuid() string {
	b := d.bytes(16)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// pick returns one element of xs.
func pick[T any](d *dice, xs []T) T { return xs[d.intn(len(xs))] }

// Alphabets for generated values.
const (
	alnum    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	lowerHex = "0123456789abcdef"
	lowerAln = "abcdefghijklmnopqrstuvwxyz0123456789"
	upper32  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	digits   = "0123456789"
	// passwordChars leaves out the characters RDS refuses in a password
	// (/ @ " and space) and the backslash.
	passwordChars = alnum + "!#$%^&*()-_=+[]{}:?.~"
)
