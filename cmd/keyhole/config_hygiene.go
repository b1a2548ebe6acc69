package main

import (
	"fmt"
	"slices"

	"github.com/keyhole-tui/keyhole/model"
)

// maxHygieneDays is the largest threshold the hygiene section takes: ten
// years, past which a threshold means never.
const maxHygieneDays = 3650

// hygieneError is a bad entry of the hygiene section; key names it.
type hygieneError struct {
	key string
	msg string
}

// Error names the entry and says what is wrong with it.
func (e *hygieneError) Error() string { return e.key + ": " + e.msg }

// hygieneRules checks the hygiene section and turns it into rules; what it
// leaves out stays zero or nil, which model.HygieneRules.WithDefaults fills.
func hygieneRules(h hygieneConfig) (model.HygieneRules, error) {
	var r model.HygieneRules
	days := []struct {
		key string
		in  *int
		out *int
	}{
		{"unused_days", h.UnusedDays, &r.UnusedDays},
		{"rotation_days", h.RotationDays, &r.RotationDays},
		{"deleted_read_days", h.DeletedReadDays, &r.DeletedReadDays},
	}
	for _, d := range days {
		if d.in == nil {
			continue
		}
		if *d.in < 1 || *d.in > maxHygieneDays {
			return r, &hygieneError{d.key, fmt.Sprintf("want a number of days from 1 to %d, not %d", maxHygieneDays, *d.in)}
		}
		*d.out = *d.in
	}
	if h.RequiredTags != nil {
		for _, k := range h.RequiredTags {
			if k == "" {
				return r, &hygieneError{"required_tags", "a tag key cannot be empty"}
			}
		}
		r.RequiredTags = slices.Clip(append([]string{}, h.RequiredTags...))
	}
	return r, nil
}
