package model

import "time"

// TrailRange is one of the audit screen's time presets: the last hour,
// day, week, month or ninety days (all CloudTrail's event history keeps).
type TrailRange int

// The time presets, shortest first.
const (
	TrailHour TrailRange = iota
	TrailDay
	TrailWeek
	TrailMonth
	Trail90Days
	trailRanges
)

// TrailRetention is how far back CloudTrail's event history reaches.
const TrailRetention = 90 * 24 * time.Hour

// Duration is how far back the preset reaches.
func (r TrailRange) Duration() time.Duration {
	const day = 24 * time.Hour
	switch r {
	case TrailHour:
		return time.Hour
	case TrailDay:
		return day
	case TrailWeek:
		return 7 * day
	case TrailMonth:
		return 30 * day
	}
	return TrailRetention
}

// Next is the preset after r; the longest wraps to the shortest.
func (r TrailRange) Next() TrailRange { return (r + 1) % trailRanges }

// String says the preset in words: "last 7 days".
func (r TrailRange) String() string {
	switch r {
	case TrailHour:
		return "last hour"
	case TrailDay:
		return "last 24 hours"
	case TrailWeek:
		return "last 7 days"
	case TrailMonth:
		return "last 30 days"
	}
	return "last 90 days"
}
