package ui

import (
	"context"
	"slices"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/audit"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/compare"
	"github.com/keyhole-tui/keyhole/ui/create"
	"github.com/keyhole-tui/keyhole/ui/detail"
	"github.com/keyhole-tui/keyhole/ui/edit"
	"github.com/keyhole-tui/keyhole/ui/hygiene"
	"github.com/keyhole-tui/keyhole/ui/list"
	"github.com/keyhole-tui/keyhole/ui/meta"
	"github.com/keyhole-tui/keyhole/ui/policy"
	"github.com/keyhole-tui/keyhole/ui/rotation"
	"github.com/keyhole-tui/keyhole/ui/switcher"
	"github.com/keyhole-tui/keyhole/ui/targets"
	"github.com/keyhole-tui/keyhole/ui/versions"
)

// screen is one entry of the registry: the id OpenMsg names it by, the
// name help gives its keys, and how to make it about a secret (never nil:
// a zero secret for screens about none).
type screen struct {
	id   common.Screen
	name string
	open func(c common.Common, s, _ *model.Secret) common.Page
}

// screens is every screen the root opens, in the order help lists them.
// Adding a screen is one line here.
func (a *App) screens() []screen {
	return []screen{
		{common.ScreenDetail, "Detail", func(c common.Common, s, _ *model.Secret) common.Page { return detail.New(c, *s) }},
		{common.ScreenVersions, "Versions", func(c common.Common, s, _ *model.Secret) common.Page { return versions.New(c, *s) }},
		{common.ScreenRotation, "Rotation", func(c common.Common, s, _ *model.Secret) common.Page { return rotation.New(c, *s) }},
		{common.ScreenAudit, "Audit trail", func(c common.Common, s, _ *model.Secret) common.Page { return audit.New(c, secretOrAccount(s)) }},
		{common.ScreenPolicy, "Resource policy", func(c common.Common, s, _ *model.Secret) common.Page { return policy.New(c, *s) }},
		{common.ScreenCreate, "New secret", func(c common.Common, _, _ *model.Secret) common.Page { return create.New(c) }},
		{common.ScreenEdit, "Edit value", func(c common.Common, s, _ *model.Secret) common.Page { return edit.New(c, *s, false) }},
		{common.ScreenEditInEditor, "Edit in $EDITOR", func(c common.Common, s, _ *model.Secret) common.Page { return edit.New(c, *s, true) }},
		{common.ScreenMeta, "Description and tags", func(c common.Common, s, _ *model.Secret) common.Page { return meta.New(c, *s) }},
		{common.ScreenTargets, "Fleet targets", func(c common.Common, _, _ *model.Secret) common.Page { return targets.New(c) }},
		{common.ScreenHygiene, "Hygiene", func(c common.Common, _, _ *model.Secret) common.Page {
			return hygiene.New(c, a.cfg.Hygiene, a.listed())
		}},
		{common.ScreenCompare, "Masked diff", func(c common.Common, s, with *model.Secret) common.Page { return compare.New(c, *s, *with) }},
		{common.ScreenSwitcher, "Switch profile and region", func(c common.Common, _, _ *model.Secret) common.Page {
			return switcher.New(c, a.cfg.Profiles, a.cfg.Regions, a.cfg.ProfileRegions, a.cfg.Profile, a.cfg.Region)
		}},
	}
}

// secretOrAccount is nil for the zero secret: the account's audit trail.
func secretOrAccount(s *model.Secret) *model.Secret {
	if s.ARN == "" && s.Name == "" {
		return nil
	}
	return s
}

// listed is what the list at the bottom of the stack loaded; nothing
// while there is no stack.
func (a *App) listed() hygiene.Listing {
	if len(a.stack) == 0 {
		return hygiene.Listing{}
	}
	l, ok := a.stack[0].page.(*list.Page)
	if !ok {
		return hygiene.Listing{}
	}
	_, loading := l.Count()
	return hygiene.Listing{Secrets: l.Secrets(), Loading: loading}
}

// frame is a screen on the stack with the context its AWS work runs under
// and the tasks that tag that work's answers.
type frame struct {
	page common.Page
	name string
	// arn is the secret the screen is about, if any.
	arn    string
	c      common.Common
	tasks  *common.Tasks
	cancel context.CancelFunc
}

// newFrame makes a screen with open, giving it a context of its own.
func (a *App) newFrame(name string, open func(c common.Common) common.Page) frame {
	ctx, cancel := context.WithCancel(a.ctx)
	a.pages++
	tasks := common.NewTasks(ctx, a.pages)
	c := a.c
	c.Ctx, c.Tasks = ctx, tasks
	p := open(c)
	p.SetSize(a.pageSize())
	return frame{page: p, name: name, c: c, tasks: tasks, cancel: cancel}
}

// open pushes the screen msg asks for.
func (a *App) open(msg common.OpenMsg) tea.Cmd {
	i := slices.IndexFunc(a.screens(), func(s screen) bool { return s.id == msg.Screen })
	if i < 0 {
		return nil
	}
	s := a.screens()[i]
	secret, with := msg.Secret, msg.With
	if secret == nil {
		secret = &model.Secret{}
	}
	if with == nil {
		with = &model.Secret{}
	}
	f := a.newFrame(s.name, func(c common.Common) common.Page { return s.open(c, secret, with) })
	f.arn = secret.ARN
	a.stack = append(a.stack, f)
	return f.page.Init()
}

// pop closes the top screen: its work is cancelled and the values it held
// are forgotten.
func (a *App) pop() tea.Cmd {
	if len(a.stack) < 2 {
		return nil
	}
	top := a.stack[len(a.stack)-1]
	a.stack = a.stack[:len(a.stack)-1]
	return closeFrames(top)
}

// resetStack replaces every screen with a new list.
func (a *App) resetStack() tea.Cmd {
	closed := closeFrames(a.stack...)
	a.stack = []frame{a.listFrame()}
	return tea.Batch(closed, a.stack[0].page.Init())
}

// listFrame makes the list, at the bottom of every stack.
func (a *App) listFrame() frame {
	return a.newFrame("List", func(c common.Common) common.Page { return list.New(c) })
}

// closeFrames cancels the screens' work and has them drop the values they
// hold, then scrubs freed memory when any did.
func closeFrames(frames ...frame) tea.Cmd {
	held := false
	for _, f := range frames {
		f.cancel()
		if h, ok := f.page.(common.Holder); ok {
			held = h.Forget() || held
		}
	}
	if held {
		return common.ScrubCmd
	}
	return nil
}

func (a *App) top() common.Page { return a.stack[len(a.stack)-1].page }

// deliver hands an answer to the screen that asked for it, if it is still
// open and still waits for that answer.
func (a *App) deliver(msg common.TaskMsg) tea.Cmd {
	for i, f := range a.stack {
		if f.tasks.Page() != msg.Page {
			continue
		}
		if !f.tasks.Accept(msg) {
			return nil
		}
		var cmd tea.Cmd
		a.stack[i].page, cmd = f.page.Update(msg.Msg)
		return cmd
	}
	return nil
}

// broadcast hands msg to every page.
func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i, f := range a.stack {
		var cmd tea.Cmd
		a.stack[i].page, cmd = f.page.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// updateTop hands msg to the top page only.
func (a *App) updateTop(msg tea.Msg) tea.Cmd {
	i := len(a.stack) - 1
	var cmd tea.Cmd
	a.stack[i].page, cmd = a.stack[i].page.Update(msg)
	return cmd
}
