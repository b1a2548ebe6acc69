package model

import (
	"strconv"
	"testing"
	"time"
)

func trailEvents(base time.Time, minutesAgo ...int) []TrailEvent {
	out := make([]TrailEvent, len(minutesAgo))
	for i, m := range minutesAgo {
		out[i] = TrailEvent{AuditEvent: AuditEvent{ID: "e" + strconv.Itoa(m), Time: base.Add(-time.Duration(m) * time.Minute)}}
	}
	return out
}

func ids(h *TrailHistory) string {
	s := ""
	for _, e := range h.Events() {
		s += e.ID + " "
	}
	return s
}

func TestTrailHistoryAppendsMergesAndDeduplicates(t *testing.T) {
	base := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	var h TrailHistory
	if n := h.Add(trailEvents(base, 1, 3, 5)); n != 3 {
		t.Fatalf("first page added %d", n)
	}
	if n := h.Add(trailEvents(base, 7, 9)); n != 2 {
		t.Fatalf("older page added %d", n)
	}
	// A second lookup finds some of the same events and one in between.
	if n := h.Add(trailEvents(base, 3, 4, 5, 9)); n != 1 {
		t.Fatalf("overlapping page added %d, want 1", n)
	}
	// Pages out of order, and an event newer than all.
	if n := h.Add(trailEvents(base, 8, 0)); n != 2 {
		t.Fatalf("mixed page added %d", n)
	}
	if got, want := ids(&h), "e0 e1 e3 e4 e5 e7 e8 e9 "; got != want {
		t.Fatalf("history = %q, want %q", got, want)
	}
	if h.Len() != 8 {
		t.Fatalf("Len = %d", h.Len())
	}
}
