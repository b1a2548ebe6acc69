package demoseed

import (
	"cmp"
	"slices"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// historyDays is how far back CloudTrail's event history reaches.
const historyDays = 90

// days is n days as a duration.
func days(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }

// inHistory reports whether a moment falls inside CloudTrail's window.
func inHistory(at time.Duration) bool { return at > -days(historyDays) && at < 0 }

// stamped is an event with its moment relative to loading.
type stamped struct {
	at    time.Duration
	event emulator.SeedEvent
}

// trail collects the CloudTrail history of a place, or of all of them.
type trail struct{ events []stamped }

// add records e at at; moments outside the history window are dropped.
func (t *trail) add(at time.Duration, e emulator.SeedEvent) {
	if inHistory(at) {
		t.events = append(t.events, stamped{at: at.Truncate(time.Second), event: e})
	}
}

// merge adds the history of another place; events outside the home region
// name their account and region.
func (t *trail) merge(other *trail, at place) {
	for _, s := range other.events {
		if at != home() {
			s.event.Account, s.event.Region = at.account, at.region
		}
		t.events = append(t.events, s)
	}
}

// sorted returns the events oldest first, with their times set.
func (t *trail) sorted() []emulator.SeedEvent {
	slices.SortStableFunc(t.events, func(a, b stamped) int { return cmp.Compare(a.at, b.at) })
	out := make([]emulator.SeedEvent, len(t.events))
	for i, s := range t.events {
		out[i] = s.event
		out[i].Time = emulator.Relative(s.at)
	}
	return out
}

// lastReads returns, for each secret, when its value was last read.
func (t *trail) lastReads() map[string]time.Duration {
	last := map[string]time.Duration{}
	for _, s := range t.events {
		e := s.event
		if e.EventName != "GetSecretValue" || e.ErrorCode != "" {
			continue
		}
		if at, ok := last[e.SecretID]; !ok || s.at > at {
			last[e.SecretID] = s.at
		}
	}
	return last
}

// failed marks e as a call that failed with code and message.
func failed(e emulator.SeedEvent, code, message string) emulator.SeedEvent {
	e.ErrorCode, e.ErrorMessage = code, message
	return e
}

// Error messages as Secrets Manager and IAM word them.
const markedForDeletion = "You can't perform this operation on the secret because it was marked for deletion."

func notAuthorized(who principal, action, secretID, why string) string {
	return "User: " + who.arn + " is not authorized to perform: secretsmanager:" + action +
		" on resource: " + secretID + " " + why
}

const (
	noIdentityPolicy = "because no identity-based policy allows the secretsmanager:GetSecretValue action"
	explicitDeny     = "with an explicit deny in a resource-based policy"
)
