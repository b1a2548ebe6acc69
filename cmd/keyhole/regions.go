package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/keyhole-tui/keyhole/awsx"
)

// recentRegionsMax bounds the remembered regions.
const recentRegionsMax = 10

// regionStore remembers the regions used most recently, in
// $XDG_STATE_HOME/keyhole/regions (or ~/.local/state/keyhole/regions).
type regionStore struct{ path string }

func newRegionStore(getenv func(string) string) regionStore {
	dir := getenv("XDG_STATE_HOME")
	if dir == "" {
		if home := getenv("HOME"); home != "" {
			dir = filepath.Join(home, ".local", "state")
		}
	}
	if dir == "" {
		return regionStore{}
	}
	return regionStore{path: filepath.Join(dir, "keyhole", "regions")}
}

// recent lists the remembered regions, most recent first.
func (r regionStore) recent() []string {
	if r.path == "" {
		return nil
	}
	data, err := os.ReadFile(r.path)
	if err != nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !slices.Contains(out, line) {
			out = append(out, line)
		}
	}
	return out
}

// remember puts region first. Failing to write only loses the ordering.
func (r regionStore) remember(region string) {
	if r.path == "" || region == "" {
		return
	}
	list := append([]string{region}, slices.DeleteFunc(r.recent(), func(s string) bool { return s == region })...)
	if len(list) > recentRegionsMax {
		list = list[:recentRegionsMax]
	}
	if err := os.MkdirAll(filepath.Dir(r.path), 0o700); err != nil {
		return
	}
	_ = os.WriteFile(r.path, []byte(strings.Join(list, "\n")+"\n"), 0o600)
}

// regions lists the recent regions first, then every other known one.
func (r regionStore) regions(current string) []string {
	out := r.recent()
	if current != "" && !slices.Contains(out, current) {
		out = append([]string{current}, out...)
	}
	for _, known := range awsx.KnownRegions() {
		if !slices.Contains(out, known) {
			out = append(out, known)
		}
	}
	return out
}
