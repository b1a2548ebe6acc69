package model

import (
	"cmp"
	"slices"
	"time"
)

// ReadWindow is the time the who-read-it summary counts reads in, and how
// far back the loaded history reaches to tell what is new.
type ReadWindow struct {
	// Start is the start of the window: reads at or after it are counted.
	Start time.Time
	// Loaded is how far back the loaded history reaches; zero when that is
	// not known yet, which turns NEW marks off.
	Loaded time.Time
}

// Marks reports whether NEW marks can mean anything: only when the loaded
// history reaches further back than the window does.
func (w ReadWindow) Marks() bool { return !w.Loaded.IsZero() && w.Loaded.Before(w.Start) }

// ReadCounts counts the read attempts of one reader, or of one reader from
// one address, in the window.
type ReadCounts struct {
	// Gets counts GetSecretValue calls that succeeded.
	Gets int
	// Batches counts BatchGetSecretValue calls that succeeded. AWS also logs
	// a GetSecretValue event for each secret a batch read, so a batch read
	// counts in both.
	Batches int
	// Failed counts attempts of either that failed, denied ones included.
	Failed int
	// First is the first read attempt in the whole loaded history, which
	// may lie before the window.
	First time.Time
	// Last is the latest read attempt in the window.
	Last time.Time
	// New marks a reader or address whose first read attempt in the loaded
	// history falls inside the window (only when ReadWindow.Marks).
	New bool
}

// Total is every attempt counted.
func (c ReadCounts) Total() int { return c.Gets + c.Batches + c.Failed }

func (c *ReadCounts) count(e *TrailEvent) {
	switch {
	case e.Failed():
		c.Failed++
	case e.Name == "BatchGetSecretValue":
		c.Batches++
	default:
		c.Gets++
	}
	if e.Time.After(c.Last) {
		c.Last = e.Time
	}
}

// ReaderAddress is one source IP a reader read from.
type ReaderAddress struct {
	IP string
	ReadCounts
}

// Reader is one principal that read, with the addresses it read from.
type Reader struct {
	// Who is TrailEvent.Reader.
	Who string
	ReadCounts
	Addresses []ReaderAddress
}

// WhoRead groups the GetSecretValue and BatchGetSecretValue events of a
// history (failed ones included) by reader and then by source IP, counting
// those in the window that keep accepts. First seen comes from the whole
// history, whatever keep says. A reader is NEW when its first read attempt
// in the history falls inside the window; an address is NEW when the first
// read attempt from it, by anyone, does. Readers come NEW first, then by
// most attempts, then by name; addresses likewise.
func WhoRead(history []TrailEvent, w ReadWindow, keep func(*TrailEvent) bool) []Reader {
	firstWho := map[string]time.Time{}
	firstIP := map[string]time.Time{}
	firstPair := map[[2]string]time.Time{}
	byWho := map[string]*Reader{}
	byPair := map[[2]string]*ReaderAddress{}
	for i := range history {
		e := &history[i]
		if !e.IsRead() {
			continue
		}
		pair := [2]string{e.Reader, e.SourceIP}
		earliest(firstWho, e.Reader, e.Time)
		earliest(firstIP, e.SourceIP, e.Time)
		earliest(firstPair, pair, e.Time)
		if e.Time.Before(w.Start) || (keep != nil && !keep(e)) {
			continue
		}
		r := byWho[e.Reader]
		if r == nil {
			r = &Reader{Who: e.Reader}
			byWho[e.Reader] = r
		}
		r.count(e)
		a := byPair[pair]
		if a == nil {
			a = &ReaderAddress{IP: e.SourceIP}
			byPair[pair] = a
		}
		a.count(e)
	}
	marks := w.Marks()
	for pair, a := range byPair {
		a.First = firstPair[pair]
		a.New = marks && !firstIP[a.IP].Before(w.Start)
		r := byWho[pair[0]]
		r.Addresses = append(r.Addresses, *a)
	}
	out := make([]Reader, 0, len(byWho))
	for who, r := range byWho {
		r.First = firstWho[who]
		r.New = marks && !r.First.Before(w.Start)
		slices.SortFunc(r.Addresses, func(a, b ReaderAddress) int {
			return byNewThenCount(a.ReadCounts, b.ReadCounts, a.IP, b.IP)
		})
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Reader) int { return byNewThenCount(a.ReadCounts, b.ReadCounts, a.Who, b.Who) })
	return out
}

func earliest[K comparable](m map[K]time.Time, k K, t time.Time) {
	if old, ok := m[k]; !ok || t.Before(old) {
		m[k] = t
	}
}

func byNewThenCount(a, b ReadCounts, nameA, nameB string) int {
	if a.New != b.New {
		if a.New {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(b.Total(), a.Total()); c != 0 {
		return c
	}
	return cmp.Compare(nameA, nameB)
}
