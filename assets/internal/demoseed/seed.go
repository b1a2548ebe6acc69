// Package demoseed builds the demo account that keyhole's demo mode runs
// on: about sixty secrets of a fictional company across teams and
// environments, and ninety days of CloudTrail history. Every random choice
// comes from fixed seeds, so the output changes only when the definitions
// do; times are relative to the moment the emulator loads the seed.
package demoseed

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// The demo account and its home region.
const (
	accountID = "123456789012"
	region    = "us-east-1"
)

// Generate returns the demo seed encoded as assets/demo/seed.json holds it.
func Generate() ([]byte, error) { return Encode(Build()) }

// Build assembles the demo account: its secrets, their CloudTrail history,
// and the access keys of its principals.
func Build() emulator.Seed {
	people := newCast()
	var t trail
	defs := secretDefs()
	secrets := make([]*builtSecret, 0, len(defs))
	for _, def := range defs {
		b := buildSecret(def, home(), people, &t)
		recordReads(&b, people, &t)
		secrets = append(secrets, &b)
	}
	recordPeople(secrets, people, &t)

	lastRead := t.lastReads()
	seed := emulator.Seed{AccountID: accountID, Region: region, Identities: people.identities(), Events: t.sorted()}
	for _, b := range secrets {
		if at, ok := lastRead[b.def.name]; ok {
			b.seed.LastAccessed = emulator.Relative(at)
		}
		seed.Secrets = append(seed.Secrets, b.seed)
	}
	return seed
}

// Encode writes a seed as JSON: the secrets indented for reading, then one
// event per line, which keeps the history compact and its diffs line-sized.
func Encode(seed emulator.Seed) ([]byte, error) {
	events := seed.Events
	seed.Events = nil
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(seed); err != nil {
		return nil, fmt.Errorf("encode secrets: %w", err)
	}
	var b bytes.Buffer
	b.Write(bytes.TrimSuffix(head.Bytes(), []byte("\n}\n")))
	if len(events) > 0 {
		b.WriteString(",\n  \"events\": [")
		for i, e := range events {
			line, err := marshalCompact(e)
			if err != nil {
				return nil, fmt.Errorf("encode event %d: %w", i, err)
			}
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n    ")
			b.Write(line)
		}
		b.WriteString("\n  ]")
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}
