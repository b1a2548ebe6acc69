package awsx

import (
	"regexp"
	"testing"
)

func TestRequestTokensAreDistinctVersion4UUIDs(t *testing.T) {
	uuid4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := make(map[string]bool)
	for range 1000 {
		tok := requestToken("")
		if !uuid4.MatchString(tok) {
			t.Fatalf("token %q is not a version 4 UUID", tok)
		}
		if seen[tok] {
			t.Fatalf("token %q came twice", tok)
		}
		seen[tok] = true
	}
	if got := requestToken("given"); got != "given" {
		t.Errorf("a given token became %q", got)
	}
}
