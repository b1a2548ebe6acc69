package assets_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/assets"
	"github.com/keyhole-tui/keyhole/assets/internal/demoseed"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// loadTime is the moment the tests pretend the emulator loads the seed.
var loadTime = time.Date(2031, time.March, 14, 9, 26, 53, 0, time.UTC)

// demoSeed decodes the embedded seed, refusing any field the emulator's
// seed format does not know.
func demoSeed(t *testing.T) emulator.Seed {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(assets.DemoSeed()))
	dec.DisallowUnknownFields()
	var seed emulator.Seed
	if err := dec.Decode(&seed); err != nil {
		t.Fatalf("decode the demo seed: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("the demo seed has data after its JSON document (%v)", err)
	}
	return seed
}

// place is one account in one region.
type place struct{ account, region string }

// placeOf is where a secret or an event of the seed is: its own account and
// region, or the seed's where it names none.
func placeOf(seed emulator.Seed, account, region string) place {
	return place{cmp.Or(account, seed.AccountID), cmp.Or(region, seed.Region)}
}

// homeOf narrows a seed to the demo account's home region: the secrets and
// the history demo mode opens on.
func homeOf(seed emulator.Seed) emulator.Seed {
	home := place{seed.AccountID, seed.Region}
	out := seed
	out.Secrets = slices.DeleteFunc(slices.Clone(seed.Secrets), func(s emulator.SeedSecret) bool {
		return placeOf(seed, s.Account, s.Region) != home
	})
	out.Events = slices.DeleteFunc(slices.Clone(seed.Events), func(e emulator.SeedEvent) bool {
		return placeOf(seed, e.Account, e.Region) != home
	})
	return out
}

// homeSeed is the embedded seed narrowed to the home region.
func homeSeed(t *testing.T) emulator.Seed { return homeOf(demoSeed(t)) }

func TestDemoSeedDecodesIntoTheEmulatorSeedFormat(t *testing.T) {
	seed := demoSeed(t)
	if seed.AccountID != "123456789012" || seed.Region != "us-east-1" {
		t.Errorf("account %q in %q, want 123456789012 in us-east-1", seed.AccountID, seed.Region)
	}
	if len(seed.Secrets) == 0 || len(seed.Events) == 0 {
		t.Fatalf("%d secrets and %d events, want both", len(seed.Secrets), len(seed.Events))
	}
}

func TestDemoSeedIsRegeneratedByteForByte(t *testing.T) {
	generated, err := demoseed.Generate()
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	if !bytes.Equal(generated, assets.DemoSeed()) {
		t.Fatal("demo/seed.json differs from what the generator writes: run `go generate ./assets`")
	}
	again, err := demoseed.Generate()
	if err != nil {
		t.Fatalf("generate again: %v", err)
	}
	if !bytes.Equal(generated, again) {
		t.Fatal("two runs of the generator differ")
	}
}

func TestDemoSeedReturnsAFreshCopy(t *testing.T) {
	first := assets.DemoSeed()
	first[0] = 'X'
	if assets.DemoSeed()[0] != '{' {
		t.Fatal("changing the returned bytes changed the embedded seed")
	}
}

func TestDemoSeedStaysSmall(t *testing.T) {
	// The demo account's home region takes 1.3 MB, most of it its 90 days
	// of history; the organisation's other places about 0.6 MB more.
	const limit = 2_000_000
	if n := len(assets.DemoSeed()); n > limit {
		t.Fatalf("demo seed is %d bytes, want at most %d", n, limit)
	}
}

func TestDemoSeedLoadsIntoTheEmulator(t *testing.T) {
	server := emulator.New(emulator.Options{Clock: func() time.Time { return loadTime }})
	t.Cleanup(server.Close)
	if err := server.LoadJSON(bytes.NewReader(assets.DemoSeed())); err != nil {
		t.Fatalf("load the demo seed: %v", err)
	}
}

// BenchmarkDemoSeedLoads is what --demo pays at start-up: decoding the
// embedded seed and loading it into a fresh emulator.
func BenchmarkDemoSeedLoads(b *testing.B) {
	for b.Loop() {
		server := emulator.New(emulator.Options{Clock: func() time.Time { return loadTime }})
		if err := server.LoadJSON(bytes.NewReader(assets.DemoSeed())); err != nil {
			b.Fatalf("load the demo seed: %v", err)
		}
		server.Close()
	}
}
