package clipboard

import (
	"crypto/sha256"
	"fmt"
	"io"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
)

// tickMsg advances the countdown of copy generation gen.
type tickMsg struct{ gen int }

// Manager copies values and clears them after a timeout, counting down in
// the status bar. It keeps only a fingerprint of what it copied.
type Manager struct {
	backend  Backend
	timeout  time.Duration
	now      func() time.Time
	gen      int
	deadline time.Time

	// mu guards what ClearOnExit reads, which may run on another
	// goroutine than Update (a signal's).
	mu sync.Mutex
	fp [sha256.Size]byte
	// copied says keyhole put something on the clipboard; clearSent that a
	// clear of it went out since.
	copied, clearSent bool
	// writing is held, shared, by every write while it runs; a clear on
	// the way out takes it so that no write lands after the clear.
	writing    sync.RWMutex
	stopWrites sync.Once
}

// writeWait bounds how long a clear on the way out waits for a write.
const writeWait = 2 * time.Second

// NewManager makes a manager; a timeout of zero never clears.
func NewManager(b Backend, timeout time.Duration, now func() time.Time) *Manager {
	return &Manager{backend: b, timeout: timeout, now: now}
}

// Backend is the clipboard in use.
func (m *Manager) Backend() Backend { return m.backend }

// Copy puts v on the clipboard and (re)starts the countdown.
func (m *Manager) Copy(v model.Value) tea.Cmd {
	text := string(v.Reveal())
	m.gen++
	m.mu.Lock()
	m.fp, m.copied, m.clearSent = sha256.Sum256([]byte(text)), true, false
	m.mu.Unlock()
	backendWrite := m.backend.Write(text)
	write := func() tea.Msg {
		m.writing.RLock()
		defer m.writing.RUnlock()
		return backendWrite()
	}
	if m.timeout <= 0 {
		m.deadline = time.Time{}
		return write
	}
	m.deadline = m.now().Add(m.timeout)
	return tea.Batch(write, m.tick())
}

func (m *Manager) tick() tea.Cmd {
	gen := m.gen
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// Update advances the countdown and clears the clipboard at the deadline.
func (m *Manager) Update(msg tea.Msg) tea.Cmd {
	t, ok := msg.(tickMsg)
	if !ok || t.gen != m.gen || m.deadline.IsZero() {
		return nil
	}
	if m.now().Before(m.deadline) {
		return m.tick()
	}
	return m.ClearNow()
}

// Counting reports whether a countdown runs.
func (m *Manager) Counting() bool { return !m.deadline.IsZero() }

// ClearNow clears the clipboard if a copy is still counting down.
func (m *Manager) ClearNow() tea.Cmd {
	if m.deadline.IsZero() {
		return nil
	}
	m.deadline = time.Time{}
	m.gen++
	m.mu.Lock()
	defer m.mu.Unlock()
	m.clearSent = true
	return m.backend.Clear(m.fp)
}

// ClearOnExit clears what keyhole copied as it exits, however it exits and
// whatever the timeout: at once, with terminal sequences written to tty.
// A clipboard that can be read back is cleared only if it still holds the
// value; one that cannot is left alone once a clear went out. It is safe
// to call from any goroutine, and more than once.
func (m *Manager) ClearOnExit(tty io.Writer) error {
	m.stopWrites.Do(m.waitForWrites)
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.copied {
		return nil
	}
	err := m.backend.ClearOnExit(tty, m.fp, m.clearSent)
	m.clearSent = true
	return err
}

// waitForWrites waits, for writeWait at most, for the writes under way and
// keeps any other from starting: keyhole is on its way out.
func (m *Manager) waitForWrites() {
	for deadline := time.Now().Add(writeWait); !m.writing.TryLock(); {
		if time.Now().After(deadline) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Status is the countdown line, empty when none runs.
func (m *Manager) Status() string {
	if m.deadline.IsZero() {
		return ""
	}
	left := max(m.deadline.Sub(m.now()).Round(time.Second), 0)
	return fmt.Sprintf("clipboard clears in %ds", int(left/time.Second))
}
