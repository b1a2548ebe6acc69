package main

import (
	"fmt"
	"runtime/debug"
)

// Set at link time by the release build: .goreleaser.yaml passes
// -X main.version=… and so on; date is the commit's, so that two builds of
// one commit are identical.
var (
	version = "dev"
	commit  = ""
	date    = ""
)

// build describes the binary for --version.
type build struct{ version, commit, date string }

// buildInfo reads the link-time values, falling back to what the Go
// toolchain recorded.
func buildInfo() build {
	b := build{version: version, commit: commit, date: date}
	if info, ok := debug.ReadBuildInfo(); ok {
		if b.version == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			b.version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && b.commit == "":
				b.commit = s.Value
			case s.Key == "vcs.time" && b.date == "":
				b.date = s.Value
			}
		}
	}
	return b
}

func (b build) String() string {
	s := b.version
	if b.commit != "" {
		s += fmt.Sprintf(" (commit %.12s", b.commit)
		if b.date != "" {
			s += ", built " + b.date
		}
		s += ")"
	}
	return s
}
