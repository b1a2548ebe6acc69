package common

import (
	"context"

	tea "charm.land/bubbletea/v2"
)

// Tasks runs one screen's AWS work under the screen's own context, which
// the root cancels when the screen closes, and tags every answer with the
// screen and the request it answers. The root delivers an answer to its
// screen only, and only while no newer request of the same kind was
// started, so screens keep no generation counters of their own.
type Tasks struct {
	ctx    context.Context
	page   int
	next   int
	latest map[string]int
}

// TaskMsg is an answer on its way back to the screen that asked.
type TaskMsg struct {
	Page int
	Kind string
	ID   int
	Msg  tea.Msg
}

// NewTasks makes the tasks of screen page, run under ctx.
func NewTasks(ctx context.Context, page int) *Tasks {
	return &Tasks{ctx: ctx, page: page, latest: map[string]int{}}
}

// Start runs run in a command. Its answer reaches the screen unless a newer
// request of the same kind started meanwhile, or the screen closed.
func (t *Tasks) Start(kind string, run func(ctx context.Context) tea.Msg) tea.Cmd {
	t.next++
	id, page, ctx := t.next, t.page, t.ctx
	t.latest[kind] = id
	return func() tea.Msg { return TaskMsg{Page: page, Kind: kind, ID: id, Msg: run(ctx)} }
}

// Drop stops waiting for the request of kind under way.
func (t *Tasks) Drop(kind string) { delete(t.latest, kind) }

// Busy reports whether an answer is awaited.
func (t *Tasks) Busy() bool { return len(t.latest) > 0 }

// Awaits reports whether an answer of kind is awaited.
func (t *Tasks) Awaits(kind string) bool { _, ok := t.latest[kind]; return ok }

// Accept reports whether msg is an awaited answer of this screen, and stops
// waiting for it.
func (t *Tasks) Accept(msg TaskMsg) bool {
	if msg.Page != t.page || t.latest[msg.Kind] != msg.ID {
		return false
	}
	delete(t.latest, msg.Kind)
	return true
}

// Page is the screen the tasks belong to.
func (t *Tasks) Page() int { return t.page }
