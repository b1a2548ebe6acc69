package emulator

import (
	"testing"
	"time"
)

func TestSyntheticIsDeterministicAndLoads(t *testing.T) {
	a, b := Synthetic(500, 7), Synthetic(500, 7)
	if len(a.Secrets) != 500 || a.Secrets[123].Name != b.Secrets[123].Name || *a.Secrets[9].Versions[0].String != *b.Secrets[9].Versions[0].String {
		t.Fatal("Synthetic must give the same data for the same arguments")
	}
	names := map[string]bool{}
	rotating := 0
	for _, s := range a.Secrets {
		if names[s.Name] || !validName(s.Name) {
			t.Fatalf("bad or duplicate name %q", s.Name)
		}
		names[s.Name] = true
		if s.Rotation != nil {
			rotating++
		}
	}
	if rotating < 100 || rotating > 300 {
		t.Fatalf("%d of 500 rotate; want a realistic mix", rotating)
	}
	s := New(Options{Clock: func() time.Time { return time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC) }})
	defer s.Close()
	if err := s.Load(a); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkLoadSynthetic100k(b *testing.B) {
	seed := Synthetic(100_000, 1)
	for b.Loop() {
		s := New(Options{})
		if err := s.Load(seed); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
