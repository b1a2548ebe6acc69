package list

import (
	"fmt"
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// placeKey is a secret's account label, account id and region,
// lower-cased and joined by NULs: what acct: and region: terms match and
// the account sort orders by.
func placeKey(label, account, region string) string {
	return strings.ToLower(label) + "\x00" + account + "\x00" + strings.ToLower(region)
}

// placeAt is the place key of entry e: kept for a fleet's list, made from
// the ARN otherwise.
func (x *index) placeAt(e int32) string {
	if x.places != nil {
		return x.places[e]
	}
	arn := x.arn(e)
	account := model.AccountFromARN(arn)
	return placeKey(account, account, model.RegionFromARN(arn))
}

// match tells which tier entry e falls in under the query, or noMatch;
// m belongs to the goroutine that asks.
func (x *index) match(e int32, m *tagMatcher, now time.Time) int {
	if x.q.hasPlaceTerms() && !x.q.matchPlace(x.placeAt(e)) {
		return noMatch
	}
	var s *model.Secret
	if x.q.needsSecret() {
		secret := x.secret(e)
		s = &secret
	}
	return x.q.match(&x.entries[e], s, m, now)
}

// hasPlaceTerms reports whether the query has acct: or region: terms.
func (q query) hasPlaceTerms() bool { return len(q.accounts) > 0 || len(q.regions) > 0 }

// matchPlace reports whether a place key passes the acct: and region:
// terms.
func (q query) matchPlace(place string) bool {
	label, rest, _ := strings.Cut(place, "\x00")
	account, region, _ := strings.Cut(rest, "\x00")
	return anyTerm(q.accounts, func(t string) bool { return strings.Contains(label, t) || strings.HasPrefix(account, t) }) &&
		anyTerm(q.regions, func(t string) bool { return strings.HasPrefix(region, t) })
}

// anyTerm reports whether no terms were given or one of them holds.
func anyTerm(terms []string, holds func(string) bool) bool {
	if len(terms) == 0 {
		return true
	}
	for _, t := range terms {
		if holds(t) {
			return true
		}
	}
	return false
}

// fleetPlaces has the index keep place keys, naming accounts with names.
func (x *index) fleetPlaces(names func(id string) string) {
	x.placeOf = func(arn string) string {
		account := model.AccountFromARN(arn)
		return placeKey(names(account), account, model.RegionFromARN(arn))
	}
}

// accountLabel is an account's name in the fleet, or its id.
func (p *Page) accountLabel(id string) string {
	if name := p.fleet.AccountName(id); name != "" {
		return name
	}
	return id
}

// progress is the fleet's line above the summary: how many targets are
// done, listing, waiting, failed and skipped, and why the first failed or,
// when none did, why the first was skipped.
func (p *Page) progress() string {
	st := p.c.Styles
	var n [model.TargetSkipped + 1]int
	var firstFailure, firstSkip string
	for _, s := range p.fleet.Statuses() {
		n[s.State]++
		switch {
		case s.Err == nil:
		case s.State == model.TargetFailed && firstFailure == "":
			firstFailure = s.Target.String() + ": " + s.Err.Error()
		case s.State == model.TargetSkipped && firstSkip == "":
			firstSkip = s.Target.String() + ": " + s.Err.Error()
		}
	}
	var parts []string
	for _, c := range []struct {
		state model.TargetState
		word  string
	}{{model.TargetDone, "done"}, {model.TargetLoading, "listing"}, {model.TargetWaiting, "waiting"},
		{model.TargetFailed, "failed"}, {model.TargetSkipped, "skipped"}} {
		if n[c.state] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[c.state], c.word))
		}
	}
	text := " targets: " + strings.Join(parts, " · ")
	if len(parts) == 0 {
		text = " targets: finding the accounts and regions…"
	}
	if firstFailure == "" {
		if firstSkip != "" {
			text += " · " + model.Sanitize(firstSkip)
		}
		return st.Muted.Render(render.Fit(text, p.width, p.c.Ellipsis()))
	}
	text += " · " + model.Sanitize(firstFailure)
	return st.Warning.Render(render.Fit(text, p.width, p.c.Ellipsis()))
}
