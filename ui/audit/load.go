package audit

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// pageSize is how many events each LookupEvents call asks for: the most
// CloudTrail returns.
const pageSize = 50

// backend is what the audit screen asks of AWS.
type backend interface {
	LookupEvents(ctx context.Context, q model.AuditQuery, nextToken string) (model.AuditPage, error)
}

// taskLookup is the kind of the screen's one lookup in flight: the
// answer of a load the screen dropped never reaches it.
const taskLookup = "lookup"

// eventsMsg carries one LookupEvents page of stream.
type eventsMsg struct {
	stream int
	events []model.TrailEvent
	// reached is the oldest event time on the page, before any was dropped.
	reached time.Time
	next    string
	err     error
}

// stream is one lookup paged through: by the secret's ARN, by its name, or
// by event source for the whole account.
type stream struct {
	query model.AuditQuery
	// about, when set, keeps only events about the secret with this ARN.
	about   string
	token   string
	started bool
	done    bool
	// reached is the oldest event time the stream has returned so far.
	reached time.Time
}

// loader pages through CloudTrail one request at a time; the client keeps
// the pace within CloudTrail's two requests per second. History is loaded
// in segments going back in time: the first reaches back to from, and
// widening the range adds an older one.
type loader struct {
	b      backend
	secret *model.Secret
	tasks  *common.Tasks
	// ctx is the screen's, cancelled when the load is dropped, so that its
	// request in flight ends.
	ctx    context.Context
	cancel context.CancelFunc
	// anchor is when the load started: time ranges count back from it.
	anchor time.Time
	// target is how far back to load.
	target time.Time
	// from is the start of the segment being loaded.
	from time.Time
	// complete is how far back the segments before this one reach.
	complete time.Time
	streams  []stream
	requests int
	err      error
	// startedOver is set once a stream went back to its first page because
	// CloudTrail no longer knew its NextToken; it goes back only once until
	// R asks again.
	startedOver bool
}

// streamsFor are the lookups that find a secret's events between from and
// to (zero: now). CloudTrail finds an event by the resource names it
// records: the secret's ARN for calls that reached the secret, and only
// the name the caller gave for calls refused before that, so the screen
// looks up both and drops events the name finds about an earlier secret
// of the same name. The account-wide view looks up Secrets Manager's
// event source.
func streamsFor(secret *model.Secret, from, to time.Time) []stream {
	q := model.AuditQuery{Start: from, End: to, PageSize: pageSize}
	if secret == nil {
		q.EventSource = model.SecretsManagerSource
		return []stream{{query: q}}
	}
	var out []stream
	if secret.ARN != "" {
		byARN := q
		byARN.SecretID = secret.ARN
		out = append(out, stream{query: byARN})
	}
	if secret.Name != "" && secret.Name != secret.ARN {
		byName := q
		byName.SecretID = secret.Name
		out = append(out, stream{query: byName, about: secret.ARN})
	}
	return out
}

// newLoader starts a load of the events of secret (nil: the account's)
// reaching back to target from now, asking b under c's context and tasks.
func newLoader(c common.Common, b backend, secret *model.Secret, now, target time.Time) loader {
	ctx, cancel := context.WithCancel(c.Ctx)
	return loader{
		b: b, secret: secret, tasks: c.Tasks, ctx: ctx, cancel: cancel,
		anchor: now, target: target, from: target,
		streams: streamsFor(secret, target, time.Time{}),
	}
}

// stop abandons the load: its request in flight ends, its pages are dropped.
func (l *loader) stop() {
	if l.cancel != nil {
		l.cancel()
		l.tasks.Drop(taskLookup)
	}
	l.cancel = nil
}

// pick chooses the stream to ask next: one not yet started, else the one
// that has reached least far back, so the streams move back together.
// It returns -1 when every stream is done.
func (l *loader) pick() int {
	best := -1
	for i, s := range l.streams {
		switch {
		case s.done:
		case !s.started:
			return i
		case best < 0 || s.reached.After(l.streams[best].reached):
			best = i
		}
	}
	return best
}

// nextCmd asks for the next page, moving on to an older segment when the
// range was widened; nil when a request is in flight, loading failed, or
// everything is loaded.
func (l *loader) nextCmd() tea.Cmd {
	if l.loading() || l.err != nil || l.cancel == nil {
		return nil
	}
	i := l.pick()
	if i < 0 {
		if !l.target.Before(l.from) {
			return nil
		}
		l.complete = l.from
		l.streams = streamsFor(l.secret, l.target, l.from)
		l.from = l.target
		if i = l.pick(); i < 0 {
			return nil
		}
	}
	ctx, b, s := l.ctx, l.b, l.streams[i]
	// The request runs under the load's context, the screen's own until
	// the load is dropped.
	return l.tasks.Start(taskLookup, func(context.Context) tea.Msg { return lookup(ctx, b, i, s) })
}

// took records a page of this load and reports whether the page's stream
// went back to its first page.
func (l *loader) took(msg eventsMsg) (startedOver bool) {
	l.requests++
	if msg.err != nil {
		if l.startOver(msg) {
			return true
		}
		l.err = msg.err
		return false
	}
	s := &l.streams[msg.stream]
	s.started = true
	s.token, s.done = msg.next, msg.next == ""
	if !msg.reached.IsZero() && (s.reached.IsZero() || msg.reached.Before(s.reached)) {
		s.reached = msg.reached
	}
	return false
}

// startOver sends the page's stream back to its first page when CloudTrail
// refused the NextToken it was asked with (it expired, or the endpoint
// restarted), once per load or R. The events loaded so far stay: each
// keeps its id, and the history takes an event only once.
func (l *loader) startOver(msg eventsMsg) bool {
	s := &l.streams[msg.stream]
	if l.startedOver || s.token == "" || !model.IsInvalidNextToken(msg.err) {
		return false
	}
	l.startedOver = true
	s.token = ""
	return true
}

// retryCmd asks again for the page that failed.
func (l *loader) retryCmd() tea.Cmd {
	if l.err == nil {
		return nil
	}
	l.err, l.startedOver = nil, false
	return l.nextCmd()
}

// loading reports whether a page is on its way.
func (l *loader) loading() bool { return l.tasks != nil && l.tasks.Awaits(taskLookup) }

// loadedSince is how far back the history is complete: while a segment
// loads, as far as every one of its lookups has reached; zero when nothing
// can be said yet.
func (l *loader) loadedSince() time.Time {
	since := l.from
	for _, s := range l.streams {
		switch {
		case s.done:
		case !s.started || s.reached.IsZero():
			return l.complete
		case s.reached.After(since):
			since = s.reached
		}
	}
	return since
}

// lookup fetches the page of stream i, s, after its token and prepares
// its events.
func lookup(ctx context.Context, b backend, i int, s stream) tea.Msg {
	page, err := b.LookupEvents(ctx, s.query, s.token)
	if err != nil {
		return eventsMsg{stream: i, err: err}
	}
	msg := eventsMsg{stream: i, next: page.NextToken}
	msg.events = make([]model.TrailEvent, 0, len(page.Events))
	for _, e := range page.Events {
		if msg.reached.IsZero() || e.Time.Before(msg.reached) {
			msg.reached = e.Time
		}
		if s.about != "" && !model.AboutSecret(e, s.about) {
			continue
		}
		msg.events = append(msg.events, model.NewTrailEvent(e))
	}
	return msg
}
