package clipboard

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os/exec"
	"time"
)

// tmuxTimeout bounds every tmux command, so a wedged server cannot hold up
// a clear or keyhole's exit.
const tmuxTimeout = 2 * time.Second

// tmuxBuffers reaches the paste buffers of the tmux server keyhole runs in
// (the one TMUX names), where tmux with set-clipboard on keeps a copy of
// everything put on the clipboard with OSC 52.
type tmuxBuffers struct {
	// run runs tmux with args and returns what it printed.
	run func(args ...string) ([]byte, error)
}

// newTmuxBuffers runs the tmux on PATH.
func newTmuxBuffers() tmuxBuffers {
	return tmuxBuffers{run: func(args ...string) ([]byte, error) {
		ctx, cancel := context.WithTimeout(context.Background(), tmuxTimeout)
		defer cancel()
		out, err := exec.CommandContext(ctx, "tmux", args...).Output()
		if err != nil {
			return nil, fmt.Errorf("tmux %s: %w", args[0], err)
		}
		return out, nil
	}}
}

// deleteMatching deletes every paste buffer whose text has fingerprint fp.
// Other buffers are read to compare, and left as they are.
func (t tmuxBuffers) deleteMatching(fp [sha256.Size]byte) error {
	names, err := t.run("list-buffers", "-F", "#{buffer_name}")
	if err != nil {
		return err
	}
	var errs []error
	for name := range bytes.FieldsSeq(names) {
		text, err := t.run("show-buffer", "-b", string(name))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		same := sha256.Sum256(text) == fp
		clear(text)
		if !same {
			continue
		}
		if _, err := t.run("delete-buffer", "-b", string(name)); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
