package widget

import (
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// Reveal is which of a screen's values are on screen, keyed by whatever
// names a value there (a field's index, a version's id), and the idle
// timer that masks them all again RevealTimeout after the last key. A
// masked value is drawn as common.Mask(), whose width never depends on the
// value.
type Reveal[K comparable] struct {
	shown   map[K]bool
	timeout time.Duration
	// timer tells this Reveal's idle ticks from any other screen's.
	timer *idleTimer
}

// idleTimer is the identity and generation of one Reveal's idle ticks.
type idleTimer struct{ gen int }

// IdleMsg is an idle tick: it masks the Reveal that started it if no key
// came since.
type IdleMsg struct {
	timer *idleTimer
	gen   int
}

// NewReveal makes a Reveal with nothing shown that masks again after
// timeout without a key; zero or less never masks on its own.
func NewReveal[K comparable](timeout time.Duration) Reveal[K] {
	return Reveal[K]{shown: map[K]bool{}, timeout: timeout, timer: &idleTimer{}}
}

// Shown reports whether the value k is on screen.
func (r *Reveal[K]) Shown(k K) bool { return r.shown[k] }

// Set shows or masks the value k.
func (r *Reveal[K]) Set(k K, show bool) {
	if show {
		r.shown[k] = true
		return
	}
	delete(r.shown, k)
}

// Toggle masks the value k if it is shown, shows it otherwise, and reports
// whether it is shown now.
func (r *Reveal[K]) Toggle(k K) bool {
	r.Set(k, !r.shown[k])
	return r.shown[k]
}

// Any reports whether a value is on screen.
func (r *Reveal[K]) Any() bool { return len(r.shown) > 0 }

// MaskAll masks every value and reports whether one was on screen.
func (r *Reveal[K]) MaskAll() bool {
	was := r.Any()
	clear(r.shown)
	return was
}

// Touch restarts the idle timer while a value is on screen: call it after
// every key and after a value is revealed.
func (r *Reveal[K]) Touch() tea.Cmd {
	if !r.Any() || r.timeout <= 0 {
		return nil
	}
	r.timer.gen++
	msg := IdleMsg{timer: r.timer, gen: r.timer.gen}
	return tea.Tick(r.timeout, func(time.Time) tea.Msg { return msg })
}

// Update masks every value on the latest idle tick of this Reveal and on
// common.RemaskMsg (the terminal lost focus, keyhole is suspending). It
// reports whether a value was on screen, so that the screen drops what it
// drew of them and scrubs freed memory.
func (r *Reveal[K]) Update(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case IdleMsg:
		if msg.timer == r.timer && msg.gen == r.timer.gen {
			return r.MaskAll()
		}
	case common.RemaskMsg:
		return r.MaskAll()
	}
	return false
}

// MaskedAgain is what a screen says when its values masked again: after
// timeout idle when msg is the idle tick, nothing otherwise (a remask the
// user caused needs no word). It scrubs freed memory either way.
func MaskedAgain(msg tea.Msg, timeout time.Duration) tea.Cmd {
	if _, idle := msg.(IdleMsg); !idle {
		return common.ScrubCmd
	}
	after := timeout.String()
	if timeout%time.Minute == 0 && timeout >= time.Minute {
		after = strconv.Itoa(int(timeout/time.Minute)) + "m"
	}
	return tea.Batch(common.ScrubCmd, common.Send(common.StatusMsg{Text: "values masked again after " + after + " idle"}))
}
