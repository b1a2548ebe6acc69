package list

import (
	"runtime"
	"sync"
	"time"
)

// scanChunk is the fewest entries worth a goroutine of their own.
const scanChunk = 20_000

// scoreAll sets score[e] to entry e's tier, or noMatch when it does not
// match, is pending deletion and hidden, or is no candidate (when
// candidates are given). The entries are split among the processors in
// runs of memory order; each goroutine writes only its own run of score.
func (x *index) scoreAll(score []int8, candidates []bool, now time.Time) {
	n := len(score)
	workers := min(runtime.GOMAXPROCS(0), max(n/scanChunk, 1))
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := n*w/workers, n*(w+1)/workers
		wg.Go(func() { x.scoreRun(score, candidates, lo, hi, now) })
	}
	wg.Wait()
}

// scoreRun scores the entries from lo up to hi.
func (x *index) scoreRun(score []int8, candidates []bool, lo, hi int, now time.Time) {
	m := newTagMatcher(&x.tagTable, &x.q)
	for e := lo; e < hi; e++ {
		score[e] = noMatch
		if candidates != nil && !candidates[e] {
			continue
		}
		if x.showDeleted || !x.gone[e] {
			score[e] = int8(x.match(int32(e), m, now))
		}
	}
}
