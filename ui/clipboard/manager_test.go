package clipboard

import (
	"crypto/sha256"
	"io"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
)

func TestManagerClearsAfterTheTimeout(t *testing.T) {
	clock := &fakeClock{at: time.Unix(1_700_000_000, 0)}
	backend := &recordingBackend{}
	m := NewManager(backend, 30*time.Second, clock.now)

	m.Copy(model.StringValue("s3cret"))
	tick := m.pendingTick()
	if got := m.Status(); got != "clipboard clears in 30s" {
		t.Errorf("status after the copy %q", got)
	}

	clock.advance(29 * time.Second)
	if cmd := m.Update(tick); cmd == nil || len(backend.clears) != 0 {
		t.Fatalf("one second early: cmd %v, clears %d; want another tick and no clear", cmd != nil, len(backend.clears))
	}
	if got := m.Status(); got != "clipboard clears in 1s" {
		t.Errorf("status one second early %q", got)
	}

	clock.advance(time.Second)
	cmd := m.Update(tick)
	if cmd == nil || !slices.Equal(backend.clears, [][sha256.Size]byte{sha256.Sum256([]byte("s3cret"))}) {
		t.Fatalf("at the deadline: clears %d, want one for the copied value", len(backend.clears))
	}
	if msg := cmd(); msg != (ResultMsg{Cleared: true}) {
		t.Errorf("clear reports %#v", msg)
	}
	if m.Counting() || m.Status() != "" {
		t.Errorf("after the clear: counting %v, status %q", m.Counting(), m.Status())
	}
	if m.Update(tick) != nil || len(backend.clears) != 1 {
		t.Errorf("a late tick cleared again")
	}
}

func TestManagerNewCopyRestartsTheCountdown(t *testing.T) {
	clock := &fakeClock{at: time.Unix(1_700_000_000, 0)}
	backend := &recordingBackend{}
	m := NewManager(backend, 30*time.Second, clock.now)

	m.Copy(model.StringValue("first"))
	firstTick := m.pendingTick()
	clock.advance(20 * time.Second)
	m.Copy(model.StringValue("second"))
	secondTick := m.pendingTick()
	if got := m.Status(); got != "clipboard clears in 30s" {
		t.Errorf("status after the second copy %q", got)
	}

	clock.advance(15 * time.Second) // past the first deadline, before the second
	if m.Update(firstTick) != nil {
		t.Error("a tick of the first copy still counts")
	}
	if m.Update(secondTick) == nil || len(backend.clears) != 0 {
		t.Fatalf("the first deadline cleared the second copy (%d clears)", len(backend.clears))
	}
	if got := m.Status(); got != "clipboard clears in 15s" {
		t.Errorf("status %q, want 15s left of the second copy", got)
	}

	clock.advance(15 * time.Second)
	m.Update(secondTick)
	if !slices.Equal(backend.clears, [][sha256.Size]byte{sha256.Sum256([]byte("second"))}) {
		t.Errorf("clears %d, want one for the second value", len(backend.clears))
	}
	if !slices.Equal(backend.writes, []string{"first", "second"}) {
		t.Errorf("writes %q", backend.writes)
	}
}

func TestManagerWithoutTimeoutNeverCounts(t *testing.T) {
	backend := &recordingBackend{}
	m := NewManager(backend, 0, (&fakeClock{}).now)
	if cmd := m.Copy(model.StringValue("s3cret")); cmd == nil || cmd() != (ResultMsg{}) {
		t.Fatal("copy does not return the bare write")
	}
	if m.Counting() || m.Status() != "" || m.ClearNow() != nil || len(backend.clears) != 0 {
		t.Errorf("a copy without timeout counts down or clears")
	}
}

func TestManagerClearNowEndsTheCountdown(t *testing.T) {
	clock := &fakeClock{at: time.Unix(1_700_000_000, 0)}
	backend := &recordingBackend{}
	m := NewManager(backend, 30*time.Second, clock.now)
	m.Copy(model.StringValue("s3cret"))
	tick := m.pendingTick()

	if m.ClearNow() == nil || len(backend.clears) != 1 {
		t.Fatalf("ClearNow during the countdown cleared %d times, want 1", len(backend.clears))
	}
	clock.advance(time.Minute)
	if m.ClearNow() != nil || m.Update(tick) != nil || len(backend.clears) != 1 {
		t.Errorf("cleared again after ClearNow (%d clears)", len(backend.clears))
	}
}

func TestManagerLeavesTheSystemClipboardWhenNoLongerOurs(t *testing.T) {
	tests := []struct {
		name  string
		holds string
		want  ResultMsg
		after string
	}{
		{"still our value", "s3cret", ResultMsg{Cleared: true}, ""},
		{"the user copied something else", "a shopping list", ResultMsg{}, "a shopping list"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clock := &fakeClock{at: time.Unix(1_700_000_000, 0)}
			tools := &fakeTools{}
			m := NewManager(newFakeSystem(tools), 30*time.Second, clock.now)
			m.Copy(model.StringValue("s3cret"))
			tick := m.pendingTick()
			tools.content = tc.holds

			clock.advance(30 * time.Second)
			cmd := m.Update(tick)
			if cmd == nil {
				t.Fatal("no clear at the deadline")
			}
			if got := cmd(); got != tc.want {
				t.Errorf("clear = %#v, want %#v", got, tc.want)
			}
			if tools.content != tc.after {
				t.Errorf("clipboard holds %q, want %q", tools.content, tc.after)
			}
		})
	}
}

// pendingTick is the tick the running countdown waits for, as tea.Tick
// would deliver it a second later.
func (m *Manager) pendingTick() tickMsg { return tickMsg{gen: m.gen} }

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ at time.Time }

// now reads the clock.
func (c *fakeClock) now() time.Time { return c.at }

// advance moves the clock on by d.
func (c *fakeClock) advance(d time.Duration) { c.at = c.at.Add(d) }

// recordingBackend records writes and the fingerprints it was asked to
// clear, when the manager asks rather than when the commands run.
type recordingBackend struct {
	writes []string
	clears [][sha256.Size]byte
	exits  []bool
}

// Name names the backend.
func (r *recordingBackend) Name() string { return "recording" }

// Write records text.
func (r *recordingBackend) Write(text string) tea.Cmd {
	r.writes = append(r.writes, text)
	return func() tea.Msg { return ResultMsg{} }
}

// Clear records fp.
func (r *recordingBackend) Clear(fp [sha256.Size]byte) tea.Cmd {
	r.clears = append(r.clears, fp)
	return func() tea.Msg { return ResultMsg{Cleared: true} }
}

// ClearOnExit records whether a clear was sent before.
func (r *recordingBackend) ClearOnExit(_ io.Writer, _ [sha256.Size]byte, sent bool) error {
	r.exits = append(r.exits, sent)
	return nil
}

func TestManagerClearOnExitClearsWhatItCopiedWhateverTheTimeout(t *testing.T) {
	untouched := &fakeTools{content: "a shopping list"}
	if err := NewManager(newFakeSystem(untouched), 0, (&fakeClock{}).now).ClearOnExit(nil); err != nil || untouched.content != "a shopping list" {
		t.Fatalf("exit before any copy: %v, clipboard %q", err, untouched.content)
	}
	for _, timeout := range []time.Duration{0, 30 * time.Second} {
		tools := &fakeTools{}
		m := NewManager(newFakeSystem(tools), timeout, (&fakeClock{}).now)
		messages(m.Copy(model.StringValue("s3cret")))
		if tools.content != "s3cret" {
			t.Fatalf("the copy did not land: %q", tools.content)
		}
		if err := m.ClearOnExit(nil); err != nil {
			t.Fatal(err)
		}
		if tools.content != "" {
			t.Errorf("timeout %v: the clipboard holds %q after exit", timeout, tools.content)
		}
	}
}

func TestManagerClearOnExitTellsTheBackendAClearWasSent(t *testing.T) {
	backend := &recordingBackend{}
	m := NewManager(backend, 30*time.Second, (&fakeClock{}).now)
	m.Copy(model.StringValue("s3cret"))
	_ = m.ClearOnExit(nil)
	m.Copy(model.StringValue("again"))
	m.ClearNow()
	_ = m.ClearOnExit(nil)
	if want := []bool{false, true}; !slices.Equal(backend.exits, want) {
		t.Errorf("exit clears said sent %v, want %v", backend.exits, want)
	}
}

func TestManagerClearOnExitWaitsForAWriteUnderWay(t *testing.T) {
	tools := &fakeTools{}
	started, release := make(chan struct{}), make(chan struct{})
	slow := system{read: tools.read, write: func(text string) error {
		if text != "" {
			close(started)
			<-release
		}
		return tools.write(text)
	}}
	m := NewManager(slow, 0, (&fakeClock{}).now)
	write := m.Copy(model.StringValue("s3cret"))
	go write()
	<-started
	cleared := make(chan error)
	go func() { cleared <- m.ClearOnExit(nil) }()
	time.Sleep(50 * time.Millisecond) // the clear waits while the write runs
	close(release)
	if err := <-cleared; err != nil {
		t.Fatal(err)
	}
	if tools.content != "" {
		t.Errorf("the write landed after the clear: clipboard holds %q", tools.content)
	}
}
