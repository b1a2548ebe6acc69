package uitest

import (
	"crypto/sha256"
	"io"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/clipboard"
)

// Clipboard is a clipboard backend that keeps what was written, so tests
// can check what a copy put there.
type Clipboard struct {
	mu     sync.Mutex
	writes []string
}

var _ clipboard.Backend = (*Clipboard)(nil)

// Name names the backend.
func (c *Clipboard) Name() string { return "test clipboard" }

// Write records text.
func (c *Clipboard) Write(text string) tea.Cmd {
	return func() tea.Msg {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.writes = append(c.writes, text)
		return clipboard.ResultMsg{}
	}
}

// Clear records an empty write when the last write matches fp.
func (c *Clipboard) Clear(fp [sha256.Size]byte) tea.Cmd {
	return func() tea.Msg { return clipboard.ResultMsg{Cleared: c.clear(fp)} }
}

// ClearOnExit records an empty write when the last write matches fp.
func (c *Clipboard) ClearOnExit(_ io.Writer, fp [sha256.Size]byte, _ bool) error {
	c.clear(fp)
	return nil
}

// clear empties the clipboard if its last write matches fp.
func (c *Clipboard) clear(fp [sha256.Size]byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.writes) == 0 || sha256.Sum256([]byte(c.writes[len(c.writes)-1])) != fp {
		return false
	}
	c.writes = append(c.writes, "")
	return true
}

// Writes returns everything written so far.
func (c *Clipboard) Writes() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.writes...)
}
