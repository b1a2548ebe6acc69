package model

import (
	"cmp"
	"slices"
	"strings"
)

// Target is one account in one region that a fleet lists.
type Target struct {
	// Account is the account id.
	Account string
	// AccountName is the account's name in the organisation, or the
	// profile that reaches it; empty when neither is known.
	AccountName string
	Region      string
	// Via says where the credentials come from: a profile's name, or the
	// role assumed.
	Via string
}

// AccountLabel is the account's name, or its id when it has none.
func (t Target) AccountLabel() string {
	if t.AccountName != "" {
		return t.AccountName
	}
	return t.Account
}

// String names the target for people: "staging (210987654321) eu-west-1".
func (t Target) String() string {
	account := t.Account
	if t.AccountName != "" && t.AccountName != t.Account {
		account = t.AccountName + " (" + t.Account + ")"
	}
	if account == "" {
		account = t.Via
	}
	return strings.TrimSpace(account + " " + t.Region)
}

// TargetState is how far a fleet got with a target.
type TargetState int

// A target is waiting for a free slot, being listed, fully listed, failed,
// or skipped (an account that is not ACTIVE).
const (
	TargetWaiting TargetState = iota
	TargetLoading
	TargetDone
	TargetFailed
	TargetSkipped
)

// TargetStatus is what a fleet knows of one target while it lists.
type TargetStatus struct {
	Target Target
	State  TargetState
	// Loaded counts the secrets listed so far.
	Loaded int
	// Retries counts the pages asked again after throttling.
	Retries int
	// Err says why the target failed or was skipped.
	Err error
}

// SortByPlace orders secrets by account and then region, keeping their
// order within each.
func SortByPlace(secrets []Secret) {
	slices.SortStableFunc(secrets, func(a, b Secret) int {
		return cmp.Or(strings.Compare(AccountFromARN(a.ARN), AccountFromARN(b.ARN)), strings.Compare(RegionFromARN(a.ARN), RegionFromARN(b.ARN)))
	})
}
