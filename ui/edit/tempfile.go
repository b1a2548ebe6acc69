package edit

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// maxEditedBytes bounds what is read back from the editor: room for the
// largest value written as base64, and then some.
const maxEditedBytes = 256 << 10

// tempFile is a value written out for an editor: one file, mode 0600, alone
// in a private directory of mode 0700.
type tempFile struct {
	dir  string
	path string
}

// tempBase picks where the private directory goes, preferring memory over
// disk: $XDG_RUNTIME_DIR (per user, memory-backed, removed at logout) when
// it is a directory, then /dev/shm, then the system's temporary directory.
func tempBase(getenv func(string) string) string {
	for _, dir := range []string{getenv("XDG_RUNTIME_DIR"), "/dev/shm"} {
		if dir == "" {
			continue
		}
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir
		}
	}
	return os.TempDir()
}

// createTempFile writes content to base/keyhole-edit-*/name. Nothing is
// left behind when it fails.
func createTempFile(base, name string, content []byte) (_ *tempFile, err error) {
	dir, err := os.MkdirTemp(base, "keyhole-edit-")
	if err != nil {
		return nil, fmt.Errorf("create a private directory for the editor: %w", err)
	}
	t := &tempFile{dir: dir, path: filepath.Join(dir, name)}
	defer func() {
		if err != nil {
			_ = t.remove()
		}
	}()
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, fmt.Errorf("make the editor's directory private: %w", err)
	}
	f, err := os.OpenFile(t.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("create the file for the editor: %w", err)
	}
	if _, err := f.Write(content); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("write the file for the editor: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("write the file for the editor: %w", err)
	}
	return t, nil
}

// read reads the file back as the editor left it.
func (t *tempFile) read() ([]byte, error) {
	f, err := os.Open(t.path)
	if err != nil {
		return nil, fmt.Errorf("read the edited file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxEditedBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read the edited file: %w", err)
	}
	if len(data) > maxEditedBytes {
		return nil, fmt.Errorf("the edited file is larger than %d bytes", maxEditedBytes)
	}
	return data, nil
}

// remove overwrites every file in the directory with zeros, the editor's
// swap and backup files too, then removes the directory.
func (t *tempFile) remove() error {
	var errs []error
	_ = filepath.WalkDir(t.dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			errs = append(errs, zeroFile(path))
		}
		return nil
	})
	if err := os.RemoveAll(t.dir); err != nil {
		errs = append(errs, fmt.Errorf("remove the editor's directory: %w", err))
	}
	return errors.Join(errs...)
}

// zeroFile overwrites a file's bytes with zeros in place.
func zeroFile(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("wipe %s: %w", filepath.Base(path), err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("wipe %s: %w", filepath.Base(path), err)
	}
	zeros := make([]byte, 32<<10)
	for left := info.Size(); left > 0; {
		n := min(left, int64(len(zeros)))
		if _, err := f.Write(zeros[:n]); err != nil {
			return fmt.Errorf("wipe %s: %w", filepath.Base(path), err)
		}
		left -= n
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("wipe %s: %w", filepath.Base(path), err)
	}
	return nil
}
