package main

import (
	"slices"
	"testing"
)

func TestRegionStoreKeepsMostRecentFirst(t *testing.T) {
	env := map[string]string{"XDG_STATE_HOME": t.TempDir()}
	r := newRegionStore(func(k string) string { return env[k] })
	for _, region := range []string{"eu-west-1", "us-east-1", "eu-west-1", "ap-south-1"} {
		r.remember(region)
	}
	if got := r.recent(); !slices.Equal(got, []string{"ap-south-1", "eu-west-1", "us-east-1"}) {
		t.Fatalf("recent = %v", got)
	}
	all := r.regions("us-west-2")
	if all[0] != "us-west-2" || all[1] != "ap-south-1" || !slices.Contains(all, "sa-east-1") {
		t.Fatalf("regions = %v", all[:5])
	}
	seen := map[string]bool{}
	for _, s := range all {
		if seen[s] {
			t.Fatalf("%s listed twice", s)
		}
		seen[s] = true
	}
}
