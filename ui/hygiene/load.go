package hygiene

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

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
type fetchedMsg struct {
	// policies are the read policies by ARN, "" for none.
	policies map[string]string
	// replicas are the replicas of replicated secrets, by ARN.
	replicas map[string][]model.Replica
	// skipped counts the secrets in use past fetchLimit, not read.
	skipped int
	// failed counts the secrets whose reads failed; err is the first
	// failure.
	failed int
	err    error
}

// checkedMsg carries every listed secret's findings; complete is set when
// the check had the policies and replicas read.
type checkedMsg struct {
	findings [][]model.Finding
	complete bool
}

// target is one secret whose policy, and maybe replicas, are read.
type target struct {
	arn        string
	replicated bool
}

// targets are the secrets to read, at most fetchLimit of those in use (a
// secret pending deletion is checked by KH.3 alone), and how many more
// there were.
func targets(secrets []*model.Secret) (out []target, skipped int) {
	for _, s := range secrets {
		if s.PendingDeletion() || s.ARN == "" {
			continue
		}
		if len(out) == fetchLimit {
			skipped++
			continue
		}
		out = append(out, target{arn: s.ARN, replicated: replicated(s)})
	}
	return out, skipped
}

// replicated reports whether s is a primary secret with replicas: its
// primary region is set and is its own.
func replicated(s *model.Secret) bool {
	parts := strings.SplitN(s.ARN, ":", 5)
	return s.PrimaryRegion != "" && len(parts) == 5 && parts[3] == s.PrimaryRegion
}

// fetch reads the policies of the listed secrets in use, and the replicas
// of the replicated ones, a few at a time.
func (p *Page) fetch() tea.Cmd {
	todo, skipped := targets(p.listing.Secrets)
	b := p.b
	return p.c.Tasks.Start(taskFetch, func(ctx context.Context) tea.Msg {
		msg := readAll(ctx, b, todo)
		msg.skipped = skipped
		return msg
	})
}

// readAll reads every target, fetchConcurrency at once, and stops
// starting reads when ctx ends.
func readAll(ctx context.Context, b backend, todo []target) fetchedMsg {
	out := fetchedMsg{policies: map[string]string{}, replicas: map[string][]model.Replica{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	slots := make(chan struct{}, fetchConcurrency)
	for _, t := range todo {
		if ctx.Err() != nil {
			break
		}
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			policy, replicas, err := read(ctx, b, t)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				out.failed++
				if out.err == nil {
					out.err = err
				}
				return
			}
			out.policies[t.arn] = policy
			if replicas != nil {
				out.replicas[t.arn] = replicas
			}
		})
	}
	wg.Wait()
	return out
}

// read reads one target's policy, and its replicas when it has some.
func read(ctx context.Context, b backend, t target) (string, []model.Replica, error) {
	policy, err := b.GetResourcePolicy(ctx, t.arn)
	if err != nil || !t.replicated {
		return policy, nil, err
	}
	d, err := b.DescribeSecret(ctx, t.arn)
	return policy, d.Replicas, err
}

// failedStatusCmd puts in the status bar, where a long error wraps, why reads
// failed; nil when none did.
func failedStatusCmd(msg fetchedMsg) tea.Cmd {
	if msg.failed == 0 {
		return nil
	}
	return common.Send(common.StatusMsg{Err: fmt.Errorf("hygiene: %d of %d policy reads failed: %w", msg.failed, msg.failed+len(msg.policies), msg.err)})
}

// check runs the controls over every listed secret, with the policies and
// replicas read so far, off the event loop.
func (p *Page) check() tea.Cmd {
	secrets, rules, now := p.listing.Secrets, p.rules, p.c.Now()
	var policies map[string]string
	var replicas map[string][]model.Replica
	complete := p.fetched != nil
	if complete {
		policies, replicas = p.fetched.policies, p.fetched.replicas
	}
	return p.c.Tasks.Start(taskCheck, func(context.Context) tea.Msg {
		return checkedMsg{findings: checkAll(secrets, rules, policies, replicas, now), complete: complete}
	})
}

// checkAll is every secret's findings; a secret's policy is known when it
// is in policies.
func checkAll(secrets []*model.Secret, rules model.HygieneRules, policies map[string]string,
	replicas map[string][]model.Replica, now time.Time) [][]model.Finding {
	out := make([][]model.Finding, len(secrets))
	for i, s := range secrets {
		in := model.HygieneInput{Secret: *s, Replicas: replicas[s.ARN]}
		if policy, ok := policies[s.ARN]; ok {
			in.Policy = &policy
		}
		out[i] = rules.Check(in, now)
	}
	return out
}

// reload reads the policies again, then checks again.
func (p *Page) reload() tea.Cmd {
	p.fetched, p.complete = nil, false
	return tea.Batch(p.fetch(), p.check())
}
