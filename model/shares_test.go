package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSharesGroupsFieldsHoldingOneValue(t *testing.T) {
	s := NewShares(NewFingerprintKey())
	s.Add("a", StringValue(`{"db": {"pw": "`+envSecret+`"}, "port": 5432, "on": true, "empty": "", "host": "h1"}`))
	s.Add("b", StringValue(envSecret))
	s.Add("c", StringValue(`{"pw": "`+envSecret+`", "port": 5432, "host": "h2"}`))
	s.Add("d", StringValue(`{"port": "5432"}`))
	want := [][]Holder{{{"a", "db.pw"}, {"b", WholeValuePath}, {"c", "pw"}}}
	if got := s.Groups(); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("Groups() = %v, want %v", got, want)
	}
	if got := s.Sharing(Holder{"b", WholeValuePath}); len(got) != 2 || got[0] != (Holder{"a", "db.pw"}) {
		t.Errorf("Sharing(b) = %v", got)
	}
	s.Add("b", StringValue("other"))
	if got := s.Sharing(Holder{"a", "db.pw"}); len(got) != 1 || got[0].Secret != "c" {
		t.Errorf("after b changed, Sharing(a db.pw) = %v", got)
	}
	if s.Len() != 4 {
		t.Errorf("Len() = %d, want 4", s.Len())
	}
	if out := fmt.Sprintf("%v %+v %#v", s, s, s); strings.Contains(out, envSecret) {
		t.Errorf("printing the shares shows the value: %s", out)
	}
}

func TestSharesUnderDifferentKeysDoNotMatch(t *testing.T) {
	a, b := NewShares(NewFingerprintKey()), NewShares(NewFingerprintKey())
	v := StringValue(envSecret)
	if slices.Equal(a.Prints(v), b.Prints(v)) {
		t.Fatal("two keys gave the same fingerprints")
	}
}
