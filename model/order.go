package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// The orders a list of secrets can be in, as keyhole ls --sort and the
// list's columns name them.
const (
	OrderName     = "name"
	OrderCreated  = "created"
	OrderChanged  = "changed"
	OrderAccessed = "accessed"
)

// Orders lists the orders SortSecrets knows, the default first.
func Orders() []string { return []string{OrderName, OrderCreated, OrderChanged, OrderAccessed} }

// CompareNames orders secret names regardless of case, names that differ
// only in case as written, so that MyTestSecret sorts among the m's.
func CompareNames(a, b string) int {
	return cmp.Or(strings.Compare(strings.ToLower(a), strings.ToLower(b)), strings.Compare(a, b))
}

// SortSecrets sorts secrets in order: by name, or by a date newest first
// (never-set dates last), ties by name; secrets equal in both keep their
// order. An unknown order sorts by name.
func SortSecrets(secrets []Secret, order string) {
	date := func(s *Secret) time.Time {
		switch order {
		case OrderCreated:
			return s.CreatedDate
		case OrderChanged:
			return s.LastChangedDate
		case OrderAccessed:
			return s.LastAccessedDate
		}
		return time.Time{}
	}
	slices.SortStableFunc(secrets, func(a, b Secret) int {
		return cmp.Or(date(&b).Compare(date(&a)), CompareNames(a.Name, b.Name))
	})
}
