package model

import (
	"slices"
	"sort"
)

// TrailHistory is the CloudTrail events loaded so far, newest first, each
// once however many lookups found it.
type TrailHistory struct {
	events []TrailEvent
	seen   map[string]struct{}
}

// Len is the number of events.
func (h *TrailHistory) Len() int { return len(h.events) }

// Events returns the events, newest first. The slice is the history's own:
// read it, do not keep it past the next Add.
func (h *TrailHistory) Events() []TrailEvent { return h.events }

// Add merges a page of events into the history and returns how many were
// new. Pages usually arrive older than everything before them and are
// appended; a page that overlaps is merged in place, costing only the
// overlapping tail.
func (h *TrailHistory) Add(page []TrailEvent) int {
	if h.seen == nil {
		h.seen = map[string]struct{}{}
	}
	fresh := make([]TrailEvent, 0, len(page))
	for _, e := range page {
		if _, dup := h.seen[e.ID]; dup && e.ID != "" {
			continue
		}
		if e.ID != "" {
			h.seen[e.ID] = struct{}{}
		}
		fresh = append(fresh, e)
	}
	if len(fresh) == 0 {
		return 0
	}
	slices.SortStableFunc(fresh, newestFirst)
	// at is where the newest fresh event goes: after every event at least
	// as new, so events already shown keep their place among equals.
	at := sort.Search(len(h.events), func(i int) bool { return h.events[i].Time.Before(fresh[0].Time) })
	if at == len(h.events) {
		h.events = append(h.events, fresh...)
		return len(fresh)
	}
	tail := slices.Clone(h.events[at:])
	h.events = h.events[:at]
	i, j := 0, 0
	for i < len(tail) && j < len(fresh) {
		if fresh[j].Time.After(tail[i].Time) {
			h.events = append(h.events, fresh[j])
			j++
		} else {
			h.events = append(h.events, tail[i])
			i++
		}
	}
	h.events = append(h.events, tail[i:]...)
	h.events = append(h.events, fresh[j:]...)
	return len(fresh)
}

func newestFirst(a, b TrailEvent) int { return b.Time.Compare(a.Time) }
