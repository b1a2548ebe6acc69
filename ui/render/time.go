// Package render turns model values into the strings screens draw: pure
// functions of their inputs, so they can be golden-tested.
package render

import (
	"strconv"
	"time"
)

// Ago tells how long before now t was, in the shortest useful unit:
// "just now", "5m ago", "3h ago", "12d ago", "4mo ago", "2y ago"; future
// times read "in 3d". The zero time is "-".
func Ago(t, now time.Time) string {
	if t.IsZero() {
		return "-"
	}
	d := now.Sub(t)
	if d < 0 {
		return "in " + span(-d)
	}
	if d < time.Minute {
		return "just now"
	}
	return span(d) + " ago"
}

func span(d time.Duration) string {
	const day = 24 * time.Hour
	switch {
	case d < time.Minute:
		return strconv.Itoa(int(d/time.Second)) + "s"
	case d < time.Hour:
		return strconv.Itoa(int(d/time.Minute)) + "m"
	case d < day:
		return strconv.Itoa(int(d/time.Hour)) + "h"
	case d < 60*day:
		return strconv.Itoa(int(d/day)) + "d"
	case d < 365*day:
		return strconv.Itoa(int(d/(30*day))) + "mo"
	}
	return strconv.Itoa(int(d/(365*day))) + "y"
}

// AccessDay says the day a secret or version was last read, as AWS keeps
// it (to the day, at midnight UTC), counted in days before now's UTC day:
// "today", "yesterday", "3d ago", "4mo ago"; "never" for the zero time.
// Hours would be made up: AWS does not say when in the day it was.
func AccessDay(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	const day = 24 * time.Hour
	days := now.UTC().Truncate(day).Sub(t.UTC().Truncate(day)) / day
	switch {
	case days <= 0:
		return "today"
	case days == 1:
		return "yesterday"
	}
	return span(days*day) + " ago"
}

// Stamp is an absolute time in UTC, to the minute.
func Stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// When is a time both ways: "12d ago (2026-11-16 09:30 UTC)".
func When(t, now time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return Ago(t, now) + " (" + Stamp(t) + ")"
}
