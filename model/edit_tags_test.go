package model

import (
	"slices"
	"strings"
	"testing"
)

func TestParseTagList(t *testing.T) {
	tests := []struct {
		in   string
		want []Tag
		err  string
	}{
		{in: "", want: nil},
		{in: "team=payments, env=prod", want: []Tag{{"team", "payments"}, {"env", "prod"}}},
		{in: " a = b ,, c= ", want: []Tag{{"a", "b"}, {"c", ""}}},
		{in: "url=a=b", want: []Tag{{"url", "a=b"}}},
		{in: "team", err: "tag 1 (team) needs key=value"},
		{in: "a=1, =2", err: "tag 2 has no key"},
		{in: "a=1, a=2", err: "tag key a appears twice"},
		{in: "aws:owner=me", err: "reserved prefix aws:"},
		{in: strings.Repeat("k", 129) + "=v", err: "longer than 128"},
		{in: "k=" + strings.Repeat("v", 257), err: "longer than 256"},
		{in: "bad\x1bkey", err: `bad\x1bkey`},
	}
	for _, tt := range tests {
		got, err := ParseTagList(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseTagList(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("ParseTagList(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}
