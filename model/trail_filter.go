package model

import (
	"strings"
	"time"
)

// TrailKind picks events by what they did.
type TrailKind int

// The event kinds the audit screen cycles through.
const (
	// TrailAll keeps every event.
	TrailAll TrailKind = iota
	// TrailReads keeps read-only calls: reads of values, descriptions, lists.
	TrailReads
	// TrailWrites keeps calls that changed something.
	TrailWrites
	trailKinds
)

// Next is the kind after k, wrapping around.
func (k TrailKind) Next() TrailKind { return (k + 1) % trailKinds }

// String names the kind: "all events", "reads", "writes".
func (k TrailKind) String() string {
	switch k {
	case TrailReads:
		return "reads"
	case TrailWrites:
		return "writes"
	}
	return "all events"
}

// TrailFilter selects the events the audit screen shows.
type TrailFilter struct {
	// Since drops events before it; zero keeps all.
	Since      time.Time
	Kind       TrailKind
	ErrorsOnly bool
	// Terms all have to match; see ParseTrailTerms.
	Terms []TrailTerm
}

// TrailTerm is one word of a filter, with the field it looks in.
type TrailTerm struct {
	// Field is "event", "principal", "ip", "agent", or "" for any of them.
	Field string
	// Text is what the field must contain, lower case.
	Text string
}

// ParseTrailTerms reads filter text: words separated by spaces, each of
// which must occur (case-insensitive) in the event name, principal, source
// IP or user agent; "event:", "principal:", "ip:" and "agent:" narrow a
// word to one field. Any other word with a colon, such as an ARN, is a
// plain word.
func ParseTrailTerms(text string) []TrailTerm {
	var terms []TrailTerm
	for _, word := range strings.Fields(strings.ToLower(text)) {
		field, rest, ok := strings.Cut(word, ":")
		switch {
		case ok && isTrailField(field) && rest != "":
			terms = append(terms, TrailTerm{Field: field, Text: rest})
		case ok && isTrailField(field):
			// "event:" with nothing after it yet matches everything.
		default:
			terms = append(terms, TrailTerm{Text: word})
		}
	}
	return terms
}

func isTrailField(f string) bool {
	switch f {
	case "event", "principal", "ip", "agent":
		return true
	}
	return false
}

// Match reports whether the filter keeps e.
func (f TrailFilter) Match(e *TrailEvent) bool {
	if !f.Since.IsZero() && e.Time.Before(f.Since) {
		return false
	}
	if f.ErrorsOnly && !e.Failed() {
		return false
	}
	switch f.Kind {
	case TrailReads:
		if !e.ReadOnly {
			return false
		}
	case TrailWrites:
		if e.ReadOnly {
			return false
		}
	}
	for _, t := range f.Terms {
		if !t.match(e) {
			return false
		}
	}
	return true
}

func (t TrailTerm) match(e *TrailEvent) bool {
	switch t.Field {
	case "event":
		return strings.Contains(e.lowName, t.Text)
	case "principal":
		return strings.Contains(e.lowPrincipal, t.Text)
	case "ip":
		return strings.Contains(e.lowIP, t.Text)
	case "agent":
		return strings.Contains(e.lowAgent, t.Text)
	}
	return strings.Contains(e.lowName, t.Text) || strings.Contains(e.lowPrincipal, t.Text) ||
		strings.Contains(e.lowIP, t.Text) || strings.Contains(e.lowAgent, t.Text)
}
