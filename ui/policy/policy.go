// Package policy shows a secret's resource policy and what
// ValidateResourcePolicy says of it. It never changes the policy.
package policy

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// Page shows one secret's resource policy, read-only.
type Page struct {
	c             common.Common
	width, height int
	secret        model.Secret

	gen        int
	loading    bool
	policy     string
	policyErr  error
	validating bool
	validation *model.PolicyValidation
	validErr   error
	scroll     int
}

// Waiting reports whether the policy or its validation is on its way.
func (p *Page) Waiting() bool { return p.loading || p.validating }

// loadedMsg carries GetResourcePolicy's answer for generation gen.
type loadedMsg struct {
	gen    int
	policy string
	err    error
}

// validatedMsg carries ValidateResourcePolicy's answer for generation gen.
type validatedMsg struct {
	gen        int
	validation model.PolicyValidation
	err        error
}

// New makes the resource policy screen of a secret.
func New(c common.Common, s model.Secret) *Page { return &Page{c: c, secret: s} }

// Init reads the policy.
func (p *Page) Init() tea.Cmd { return p.reload() }

func (p *Page) reload() tea.Cmd {
	p.gen++
	p.loading, p.validating = true, false
	p.validation, p.validErr = nil, nil
	return loadCmd(p.c.Ctx, p.c.Backend, p.gen, p.secret.ARN)
}

func loadCmd(ctx context.Context, b common.Backend, gen int, arn string) tea.Cmd {
	return func() tea.Msg {
		policy, err := b.GetResourcePolicy(ctx, arn)
		return loadedMsg{gen: gen, policy: policy, err: err}
	}
}

func validateCmd(ctx context.Context, b common.Backend, gen int, arn, policy string) tea.Cmd {
	return func() tea.Msg {
		v, err := b.ValidateResourcePolicy(ctx, arn, policy)
		return validatedMsg{gen: gen, validation: v, err: err}
	}
}

// SetSize sets the drawing area.
func (p *Page) SetSize(w, h int) { p.width, p.height = w, h }

// Actions lists the policy view's keys.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	return append([]common.Action{{Key: &k.Reload, Short: true}, {Key: &k.Back, Short: true}}, common.MoveActions(k)...)
}

// Capturing reports whether the page takes every key: never.
func (p *Page) Capturing() bool { return false }

// Update handles a message for the policy screen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.gen != p.gen {
			return p, nil
		}
		p.loading, p.policy, p.policyErr = false, msg.policy, msg.err
		if msg.err != nil || strings.TrimSpace(msg.policy) == "" {
			return p, nil
		}
		p.validating = true
		return p, validateCmd(p.c.Ctx, p.c.Backend, p.gen, p.secret.ARN, msg.policy)
	case validatedMsg:
		if msg.gen == p.gen {
			p.validating, p.validErr = false, msg.err
			if msg.err == nil {
				p.validation = &msg.validation
			}
		}
	case common.ChangedMsg:
		if msg.ARN == p.secret.ARN {
			return p, p.reload()
		}
	case tea.KeyPressMsg:
		return p, p.key(msg)
	case tea.MouseWheelMsg:
		if step, ok := common.WheelStep(msg); ok {
			p.scrollBy(step)
		}
	}
	return p, nil
}

func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	page := max(p.height-2, 1)
	switch {
	case key.Matches(msg, k.Back):
		return common.Send(common.BackMsg{})
	case key.Matches(msg, k.Reload):
		return p.reload()
	}
	if d, ok := k.Step(msg, page, len(p.body())); ok {
		p.scrollBy(d)
	}
	return nil
}

// scrollBy moves the body, keeping the last line at the bottom at most.
func (p *Page) scrollBy(d int) {
	room := max(p.height-1, 1)
	p.scroll = max(min(p.scroll+d, len(p.body())-room), 0)
}

// View draws the title, then the policy and its validation, scrolled.
func (p *Page) View() string {
	st := p.c.Styles
	lines := []string{st.Title.Render("Resource policy · " + model.Sanitize(p.secret.Name))}
	room := max(p.height-1, 0)
	body := p.body()
	scroll := max(min(p.scroll, len(body)-room), 0)
	lines = append(lines, body[scroll:min(scroll+room, len(body))]...)
	for len(lines) < p.height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, p.width, "")
	}
	return strings.Join(lines, "\n")
}

// body is everything below the title: the validation verdict first, so a
// public policy is seen without scrolling, then the policy itself.
func (p *Page) body() []string {
	st := p.c.Styles
	switch {
	case p.loading:
		return []string{st.Muted.Render("  loading the policy…")}
	case p.policyErr != nil:
		return []string{st.Error.Render("  get resource policy failed: " + model.Sanitize(p.policyErr.Error()))}
	case strings.TrimSpace(p.policy) == "":
		return []string{st.Muted.Render("  no resource policy: access is decided by IAM policies alone")}
	}
	lines := []string{st.Title.Render("Validation (ValidateResourcePolicy)")}
	switch {
	case p.validating:
		lines = append(lines, st.Muted.Render("  validating…"))
	case p.validErr != nil:
		lines = append(lines, st.Error.Render("  could not validate: "+model.Sanitize(p.validErr.Error())))
	case p.validation != nil:
		for _, l := range render.ValidationLines(*p.validation, st, p.c.ASCII, p.width-2) {
			lines = append(lines, "  "+l)
		}
	}
	lines = append(lines, "", st.Title.Render("Policy"))
	text, err := render.PolicyLines(p.policy)
	if err != nil {
		lines = append(lines, st.Warning.Render("  "+model.Sanitize(err.Error())+"; shown as stored"))
	}
	for _, l := range text {
		lines = append(lines, "  "+st.Row.Render(l))
	}
	return lines
}
