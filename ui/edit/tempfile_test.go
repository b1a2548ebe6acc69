package edit

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestTempFileIsPrivateAndWipedOnRemove(t *testing.T) {
	base := t.TempDir()
	file, err := createTempFile(base, "value.json", []byte(`{"password":"p"}`))
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(file.path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %v, %v", info.Mode(), err)
	}
	dirInfo, err := os.Stat(file.dir)
	if err != nil || dirInfo.Mode().Perm() != 0o700 || filepath.Dir(file.dir) != base {
		t.Fatalf("dir %s mode %v, %v", file.dir, dirInfo.Mode(), err)
	}
	got, err := file.read()
	if err != nil || string(got) != `{"password":"p"}` {
		t.Fatalf("read %q, %v", got, err)
	}
	// An editor's swap file lives beside it; an open handle sees the wipe.
	swap := filepath.Join(file.dir, ".value.json.swp")
	if err := os.WriteFile(swap, []byte("swap copy of the value"), 0o600); err != nil {
		t.Fatal(err)
	}
	held, err := os.Open(file.path)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := file.remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(file.dir); !os.IsNotExist(err) {
		t.Fatalf("the directory is still there: %v", err)
	}
	left := make([]byte, 64)
	n, _ := held.Read(left)
	if !bytes.Equal(left[:n], make([]byte, n)) || n != len(`{"password":"p"}`) {
		t.Fatalf("the file's bytes were not zeroed: %q", left[:n])
	}
}

func TestCreateTempFileLeavesNothingWhenItFails(t *testing.T) {
	base := t.TempDir()
	if _, err := createTempFile(base, "no/such/dir/value.txt", []byte("v")); err == nil {
		t.Fatal("created a file in a missing directory")
	}
	assertEmpty(t, base)
}

func TestTempBasePrefersMemory(t *testing.T) {
	runtime := t.TempDir()
	env := func(v string) func(string) string {
		return func(name string) string {
			if name == "XDG_RUNTIME_DIR" {
				return v
			}
			return ""
		}
	}
	if got := tempBase(env(runtime)); got != runtime {
		t.Fatalf("tempBase = %s, want $XDG_RUNTIME_DIR %s", got, runtime)
	}
	want := os.TempDir()
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		want = "/dev/shm"
	}
	if got := tempBase(env(filepath.Join(runtime, "missing"))); got != want {
		t.Fatalf("tempBase = %s, want %s", got, want)
	}
}

// assertEmpty fails when dir holds anything.
func assertEmpty(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Fatalf("%s still holds %d entries, first %s", dir, len(entries), entries[0].Name())
	}
}
