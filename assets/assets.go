// Package assets holds the files keyhole ships inside its binary.
package assets

import _ "embed" // for go:embed

//go:generate go run ./internal/demogen -o demo/seed.json

// demoSeed is the demo organisation, written by internal/demogen. A string,
// so the embedded bytes cannot be changed.
//
//go:embed demo/seed.json
var demoSeed string

// DemoSeed returns the emulator seed that demo mode loads: a fictional
// company's AWS organisation, its secrets in every account and region and
// 90 days of CloudTrail history, with times relative to loading. Demo mode
// opens on the management account's home region. Each call returns a fresh
// copy the caller may change.
func DemoSeed() []byte { return []byte(demoSeed) }
