package fleet

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/keyhole-tui/keyhole/model"
)

// accounts resolves the accounts to list: each profile's (or the base
// credentials'), then, with an organisation role, every ACTIVE account of
// the organisation not reached already. An account reached twice is listed
// once, with the credentials found first. Accounts that fail or are skipped
// are recorded in r's statuses.
func (f *Fleet) accounts(ctx context.Context, l *listing, slots chan struct{}) []account {
	var found []account
	if len(f.spec.Profiles) == 0 || f.spec.OrgRole != "" {
		found = append(found, f.identify(ctx, l, slots, account{target: model.Target{Via: f.base.CredentialSource()}, client: f.base})...)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	byProfile := make([][]account, len(f.spec.Profiles))
	for i, profile := range f.spec.Profiles {
		wg.Go(func() {
			if !acquire(ctx, slots) {
				return
			}
			c, err := f.dial(ctx, profile)
			<-slots
			if err != nil {
				f.addStatus(l, model.TargetStatus{Target: model.Target{Via: profile}, State: model.TargetFailed, Err: err})
				return
			}
			a := f.identify(ctx, l, slots, account{target: model.Target{AccountName: profile, Via: profile}, client: c})
			mu.Lock()
			byProfile[i] = a
			mu.Unlock()
		})
	}
	wg.Wait()
	for _, a := range byProfile {
		found = append(found, a...)
	}
	if f.spec.OrgRole != "" && len(found) > 0 {
		found = append(found, f.organization(ctx, l, slots, found)...)
	}
	return dedupe(found)
}

// identify asks STS whose credentials a client has, filling in the account.
func (f *Fleet) identify(ctx context.Context, l *listing, slots chan struct{}, a account) []account {
	if !acquire(ctx, slots) {
		return nil
	}
	id, err := a.client.CallerIdentity(ctx)
	<-slots
	if err != nil {
		f.addStatus(l, model.TargetStatus{Target: a.target, State: model.TargetFailed, Err: err})
		return nil
	}
	a.target.Account = id.Account
	return []account{a}
}

// organization reaches the organisation's other ACTIVE accounts by
// assuming the role in each. The first account found lists them.
func (f *Fleet) organization(ctx context.Context, l *listing, slots chan struct{}, known []account) []account {
	home := known[0]
	if !acquire(ctx, slots) {
		return nil
	}
	members, err := home.client.OrganizationAccounts(ctx)
	<-slots
	if err != nil {
		f.addStatus(l, model.TargetStatus{Target: model.Target{Via: "organization"}, State: model.TargetFailed,
			Err: fmt.Errorf("list the organisation's accounts: %w", err)})
		return nil
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var out []account
	for _, m := range members {
		target := model.Target{Account: m.ID, AccountName: m.Name, Via: "role " + f.spec.OrgRole}
		if i := slices.IndexFunc(known, func(a account) bool { return a.target.Account == m.ID }); i >= 0 {
			known[i].target.AccountName = m.Name
			continue
		}
		if m.Status != "ACTIVE" {
			f.addStatus(l, model.TargetStatus{Target: target, State: model.TargetSkipped, Err: fmt.Errorf("account is %s", strings.ToLower(m.Status))})
			continue
		}
		wg.Go(func() {
			role := "arn:aws:iam::" + m.ID + ":role/" + f.spec.OrgRole
			c, err := home.client.As(ctx, home.client.AssumeRoleCredentials(role, f.spec.SessionName), home.client.Region())
			if err != nil {
				f.addStatus(l, model.TargetStatus{Target: target, State: model.TargetFailed, Err: err})
				return
			}
			a := f.identify(ctx, l, slots, account{target: target, client: c})
			if len(a) == 1 && a[0].target.Account != m.ID {
				f.addStatus(l, model.TargetStatus{Target: target, State: model.TargetFailed,
					Err: errors.New("the role's credentials are for account " + a[0].target.Account)})
				return
			}
			mu.Lock()
			out = append(out, a...)
			mu.Unlock()
		})
	}
	wg.Wait()
	slices.SortFunc(out, func(a, b account) int { return strings.Compare(a.target.AccountLabel(), b.target.AccountLabel()) })
	return out
}

// regionsOf is the regions to list in one account.
func (f *Fleet) regionsOf(ctx context.Context, a account) ([]string, error) {
	switch {
	case len(f.spec.Regions) == 0:
		return []string{a.client.Region()}, nil
	case slices.Contains(f.spec.Regions, AllRegions):
		regions, err := a.client.EnabledRegions(ctx)
		if err != nil {
			return nil, fmt.Errorf("list the enabled regions: %w", err)
		}
		return regions, nil
	}
	return f.spec.Regions, nil
}

// dedupe keeps the first account found for each account id.
func dedupe(found []account) []account {
	seen := map[string]bool{}
	out := found[:0]
	for _, a := range found {
		if !seen[a.target.Account] {
			seen[a.target.Account] = true
			out = append(out, a)
		}
	}
	return out
}
