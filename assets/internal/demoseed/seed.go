// Package demoseed builds the demo organisation that keyhole's demo mode
// runs on: about sixty secrets of a fictional company across teams and
// environments in the demo account's home region, smaller sets in its other
// regions and member accounts, and ninety days of CloudTrail history. Every
// random choice comes from fixed seeds, so the output changes only when the
// definitions do; times are relative to the moment the emulator loads the
// seed.
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

// Build assembles the organisation: the demo account, where demo mode
// opens, its member accounts and the regions they use, each place with its
// secrets and CloudTrail history, and the access keys of the demo account's
// principals.
func Build() emulator.Seed {
	seed := emulator.Seed{
		AccountID: accountID, Region: region, Organization: organization(),
		Regions: regions(), Roles: []string{auditRole}, Identities: newCast().identities(),
	}
	var history trail
	for _, s := range scenes() {
		secrets, t := s.build()
		seed.Secrets = append(seed.Secrets, secrets...)
		history.merge(t, s.at)
	}
	seed.Events = history.sorted()
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
