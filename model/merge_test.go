package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestMergeEditsLeafByLeaf(t *testing.T) {
	tests := []struct {
		name               string
		base, theirs, mine string
		want               string
		conflicts          []string
		whole              bool
	}{
		{
			name:   "each side changed its own leaf",
			base:   `{"user":"app","password":"old","host":"db1","port":5432}`,
			theirs: `{"user":"other","password":"old","host":"db2","port":5432}`,
			mine:   `{"user":"app","password":"new","host":"db1","port":5432}`,
			want:   `{"user":"other","password":"new","host":"db2","port":5432}`,
		},
		{
			name:      "both changed one leaf to different values",
			base:      `{"user":"app","password":"old","host":"db1"}`,
			theirs:    `{"user":"other","password":"theirs","host":"db1"}`,
			mine:      `{"user":"app","password":"mine","host":"db9"}`,
			want:      `{"user":"other","password":"mine","host":"db9"}`,
			conflicts: []string{"password"},
		},
		{
			name:   "both changed one leaf to the same value",
			base:   `{"a":"1","b":"2"}`,
			theirs: `{"a":"same","b":"3"}`,
			mine:   `{"a":"same","b":"2"}`,
			want:   `{"a":"same","b":"3"}`,
		},
		{
			name:   "mine adds and removes keys, theirs changes another",
			base:   `{"a":"1","b":"2","c":"3"}`,
			theirs: `{"a":"x","b":"2","c":"3"}`,
			mine:   `{"a":"1","c":"3","port":5432,"tls":true,"opts":{}}`,
			want:   `{"a":"x","c":"3","port":5432,"tls":true,"opts":{}}`,
		},
		{
			name:   "theirs removes a key mine did not touch",
			base:   `{"a":"1","b":"2"}`,
			theirs: `{"a":"1"}`,
			mine:   `{"a":"9","b":"2"}`,
			want:   `{"a":"9"}`,
		},
		{
			name:      "mine removes a key theirs changed",
			base:      `{"a":"1","b":"2"}`,
			theirs:    `{"a":"1","b":"3"}`,
			mine:      `{"a":"1"}`,
			want:      `{"a":"1"}`,
			conflicts: []string{"b"},
		},
		{
			name:   "nested leaves and the kind of a leaf",
			base:   `{"db":{"host":"h1","port":"5432"},"n":1}`,
			theirs: `{"db":{"host":"h2","port":"5432"},"n":1}`,
			mine:   `{"db":{"host":"h1","port":5432},"n":1}`,
			want:   `{"db":{"host":"h2","port":5432},"n":1}`,
		},
		{
			name:   "keys holding dots are not nesting",
			base:   `{"a.b":"1","a":{"b":"2"}}`,
			theirs: `{"a.b":"1","a":{"b":"3"}}`,
			mine:   `{"a.b":"9","a":{"b":"2"}}`,
			want:   `{"a.b":"9","a":{"b":"3"}}`,
		},
		{
			name:   "theirs' layout is kept",
			base:   "{\n  \"a\": \"1\",\n  \"b\": \"2\"\n}\n",
			theirs: "{\n    \"a\": \"1\",\n    \"b\": \"3\"\n}\n",
			mine:   `{"a":"9","b":"2"}`,
			want:   "{\n    \"a\": \"9\",\n    \"b\": \"3\"\n}\n",
		},
		{
			name:      "mine turns an object into text while theirs adds to it",
			base:      `{"a":{"x":"1"},"b":"2"}`,
			theirs:    `{"a":{"x":"1","y":"2"},"b":"2"}`,
			mine:      `{"a":"flat","b":"2"}`,
			want:      `{"a":"flat","b":"2"}`,
			conflicts: []string{"a", "a.y"},
		},
		{
			name:   "array items changed on each side",
			base:   `{"hosts":["a","b"],"k":"1"}`,
			theirs: `{"hosts":["a","c"],"k":"1"}`,
			mine:   `{"hosts":["z","b","new"],"k":"1"}`,
			want:   `{"hosts":["z","c","new"],"k":"1"}`,
		},
		{
			name:      "array items that shift do not fit back together",
			base:      `{"hosts":["a","b","c"]}`,
			theirs:    `{"hosts":["a","b","c","d"]}`,
			mine:      `{"hosts":["a","c"]}`,
			want:      `{"hosts":["a","c"]}`,
			conflicts: []string{"hosts[2]", "hosts[3]"},
			whole:     true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MergeEdits(StringValue(tt.base), StringValue(tt.theirs), StringValue(tt.mine))
			if string(got.Value.Reveal()) != tt.want {
				t.Errorf("merged %s\nwant   %s", got.Value.Reveal(), tt.want)
			}
			if paths := pathStrings(got.Conflicts); !slices.Equal(paths, tt.conflicts) {
				t.Errorf("conflicts %q, want %q", paths, tt.conflicts)
			}
			if got.WholeConflict != tt.whole || got.Conflicted() != (tt.whole || len(tt.conflicts) > 0) {
				t.Errorf("whole conflict %v, conflicted %v", got.WholeConflict, got.Conflicted())
			}
		})
	}
}

func TestMergeEditsOfValuesThatAreNotObjects(t *testing.T) {
	s, b := StringValue, BinaryValue
	tests := []struct {
		name               string
		base, theirs, mine Value
		want               Value
		whole              bool
	}{
		{"only mine changed", s("a"), s("a"), s("b"), s("b"), false},
		{"only theirs changed", s("a"), s("c"), s("a"), s("c"), false},
		{"both changed alike", s("a"), s("c"), s("c"), s("c"), false},
		{"both changed text", s("a"), s("c"), s("b"), s("b"), true},
		{"both changed binary", b([]byte{1}), b([]byte{2}), b([]byte{3}), b([]byte{3}), true},
		{"mine made an object text", s(`{"a":"1"}`), s(`{"a":"2"}`), s("plain"), s("plain"), true},
		{"theirs made text an object", s("plain"), s(`{"a":"2"}`), s("mine"), s("mine"), true},
		{"invalid JSON of mine", s(`{"a":"1"}`), s(`{"a":"2"}`), s(`{"a":`), s(`{"a":`), true},
		{"a key twice", s(`{"a":"1","b":"1"}`), s(`{"a":"2","b":"1"}`), s(`{"a":"1","b":"2","b":"3"}`), s(`{"a":"1","b":"2","b":"3"}`), true},
	}
	for _, tt := range tests {
		got := MergeEdits(tt.base, tt.theirs, tt.mine)
		if !got.Value.Equal(tt.want) || got.WholeConflict != tt.whole || len(got.Conflicts) != 0 {
			t.Errorf("%s: merged %q whole %v conflicts %v; want %q whole %v",
				tt.name, got.Value.Reveal(), got.WholeConflict, got.Conflicts, tt.want.Reveal(), tt.whole)
		}
	}
}

func TestMergeResultPrintsNoValue(t *testing.T) {
	got := MergeEdits(StringValue(`{"p":"base-s3cret"}`), StringValue(`{"p":"their-s3cret"}`), StringValue(`{"p":"my-s3cret"}`))
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		if out := fmt.Sprintf(format, got); containsAny(out, "base-s3cret", "their-s3cret", "my-s3cret") {
			t.Errorf("%s prints a value: %s", format, out)
		}
	}
}

func pathStrings(paths []JSONPath) []string {
	var out []string
	for _, p := range paths {
		out = append(out, p.String())
	}
	return out
}

func containsAny(s string, subs ...string) bool {
	return slices.ContainsFunc(subs, func(sub string) bool { return strings.Contains(s, sub) })
}
