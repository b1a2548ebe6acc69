package model

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseTags(t *testing.T) {
	got, err := ParseTags("team=payments\n\n env = prod \nowner=a@example.com\nnote=\n")
	want := []Tag{{"team", "payments"}, {"env", "prod"}, {"owner", "a@example.com"}, {"note", ""}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, %v", got, err)
	}
	for text, msg := range map[string]string{
		"team":                          "want KEY=VALUE",
		"=x":                            "1–128 characters",
		"aws:cloudformation:stack=x":    "reserved",
		"a=1\na=2":                      "appears twice",
		"k=" + strings.Repeat("v", 257): "at most 256",
		"k=\x1b[31m":                    `\x1b is not allowed`,
		strings.Repeat("k", 129) + "=v": "1–128 characters",
		"ok=fine\nbad key!=x":           "line 2: ! is not allowed",
	} {
		if _, err := ParseTags(text); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseTags(%q) = %v, want %q", text, err, msg)
		}
	}
}

func TestTagChanges(t *testing.T) {
	old := []Tag{{"team", "payments"}, {"env", "prod"}, {"owner", "x"}}
	new := []Tag{{"team", "payments"}, {"env", "staging"}, {"tier", "1"}}
	set, remove := TagChanges(old, new)
	if !reflect.DeepEqual(set, []Tag{{"env", "staging"}, {"tier", "1"}}) || !reflect.DeepEqual(remove, []string{"owner"}) {
		t.Fatalf("set %v remove %v", set, remove)
	}
	if s, r := TagChanges(old, old); s != nil || r != nil {
		t.Fatal("no change must give nothing to do")
	}
	if back, err := ParseTags(FormatTags(new)); err != nil || !reflect.DeepEqual(back, new) {
		t.Fatalf("FormatTags does not round-trip: %v %v", back, err)
	}
}
