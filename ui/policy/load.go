package policy

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
)

// backend is what the policy screen asks of AWS.
type backend interface {
	GetResourcePolicy(ctx context.Context, id string) (string, error)
	ValidateResourcePolicy(ctx context.Context, id, policy string) (model.PolicyValidation, error)
}

// The kinds of the screen's tasks.
const (
	taskLoad     = "policy"
	taskValidate = "validate"
)

// loadedMsg carries GetResourcePolicy's answer.
type loadedMsg struct {
	policy string
	err    error
}

// validatedMsg carries ValidateResourcePolicy's answer.
type validatedMsg struct {
	validation model.PolicyValidation
	err        error
}

// reload reads the policy again, dropping a validation under way.
func (p *Page) reload() tea.Cmd {
	p.validation, p.validErr = nil, nil
	p.c.Tasks.Drop(taskValidate)
	b, arn := p.b, p.secret.ARN
	cmd := p.c.Tasks.Start(taskLoad, func(ctx context.Context) tea.Msg {
		policy, err := b.GetResourcePolicy(ctx, arn)
		return loadedMsg{policy: policy, err: err}
	})
	p.layout()
	return cmd
}

// loaded takes the policy and has it validated, when there is one.
func (p *Page) loaded(msg loadedMsg) tea.Cmd {
	p.policy, p.policyErr = msg.policy, msg.err
	defer p.layout()
	if msg.err != nil || strings.TrimSpace(msg.policy) == "" {
		return nil
	}
	b, arn, policy := p.b, p.secret.ARN, msg.policy
	return p.c.Tasks.Start(taskValidate, func(ctx context.Context) tea.Msg {
		v, err := b.ValidateResourcePolicy(ctx, arn, policy)
		return validatedMsg{validation: v, err: err}
	})
}

// validated takes what ValidateResourcePolicy said.
func (p *Page) validated(msg validatedMsg) {
	p.validErr = msg.err
	if msg.err == nil {
		p.validation = &msg.validation
	}
	p.layout()
}
