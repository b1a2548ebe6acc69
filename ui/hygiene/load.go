package hygiene

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// backend is what the hygiene screen asks of AWS.
type backend interface {
	GetResourcePolicy(ctx context.Context, id string) (string, error)
	DescribeSecret(ctx context.Context, id string) (model.SecretDetail, error)
}

// The kinds of the screen's tasks.
const (
	taskFetch = "fetch"
	taskCheck = "check"
)

// fetchLimit is how many secrets' policies the screen reads at most: the
// first ones listed. Each read is one GetResourcePolicy call.
const fetchLimit = 200

// fetchConcurrency is how many reads run at once.
const fetchConcurrency = 4

// fetchedMsg carries the policies and replicas read.
type fetchedMsg struct{ model.HygieneExtras }

// checkedMsg carries every listed secret's findings; complete is set when
// the check had the policies and replicas read.
type checkedMsg struct {
	findings [][]model.Finding
	complete bool
}

// fetch reads the policies of the listed secrets in use, and the replicas
// of the replicated ones, a few at a time.
func (p *Page) fetch() tea.Cmd {
	secrets, b := p.listing.Secrets, p.b
	return p.c.Tasks.Start(taskFetch, func(ctx context.Context) tea.Msg {
		return fetchedMsg{model.ReadHygieneExtras(ctx, b, secrets, fetchLimit, fetchConcurrency)}
	})
}

// failedStatusCmd puts in the status bar, where a long error wraps, why reads
// failed; nil when none did.
func failedStatusCmd(msg fetchedMsg) tea.Cmd {
	if msg.Failed == 0 {
		return nil
	}
	return common.Send(common.StatusMsg{Err: fmt.Errorf("hygiene: %d of %d policy reads failed: %w", msg.Failed, msg.Failed+len(msg.Policies), msg.Err)})
}

// check runs the controls over every listed secret, with the policies and
// replicas read so far, off the event loop.
func (p *Page) check() tea.Cmd {
	secrets, rules, now := p.listing.Secrets, p.rules, p.c.Now()
	var extras *model.HygieneExtras
	if p.fetched != nil {
		extras = &p.fetched.HygieneExtras
	}
	return p.c.Tasks.Start(taskCheck, func(context.Context) tea.Msg {
		return checkedMsg{findings: rules.CheckAll(secrets, extras, now), complete: extras != nil}
	})
}

// reload reads the policies again, then checks again.
func (p *Page) reload() tea.Cmd {
	p.fetched, p.complete = nil, false
	return tea.Batch(p.fetch(), p.check())
}
