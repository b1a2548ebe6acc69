package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/model"
)

func TestConfigHygieneSectionSetsTheRules(t *testing.T) {
	s, err := parseConfig("c.yaml", []byte(`
theme: dark
hygiene:
  unused_days: 30
  rotation_days: 45
  required_tags: [owner, cost-center]
  deleted_read_days: 7
`))
	if err != nil {
		t.Fatal(err)
	}
	want := model.HygieneRules{UnusedDays: 30, RotationDays: 45, RequiredTags: []string{"owner", "cost-center"}, DeletedReadDays: 7}
	var tf tuiFlags
	tf.apply(s, func(string) bool { return false })
	if got := tf.hygiene; got.UnusedDays != want.UnusedDays || got.RotationDays != want.RotationDays ||
		!slices.Equal(got.RequiredTags, want.RequiredTags) || got.DeletedReadDays != want.DeletedReadDays {
		t.Fatalf("hygiene = %+v, want %+v", got, want)
	}
}

func TestConfigHygieneLeftOutKeepsTheDefaults(t *testing.T) {
	s, err := parseConfig("c.yaml", []byte("hygiene:\n  unused_days: 10\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := s.hygiene.WithDefaults()
	if got.UnusedDays != 10 || got.RotationDays != 90 || !slices.Equal(got.RequiredTags, []string{"owner"}) || got.DeletedReadDays != 30 {
		t.Fatalf("rules = %+v", got)
	}
	none, err := parseConfig("c.yaml", []byte("hygiene:\n  required_tags: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	if tags := none.hygiene.WithDefaults().RequiredTags; tags == nil || len(tags) != 0 {
		t.Fatalf("an empty list of required tags became %q", tags)
	}
}

func TestBadHygieneConfigSaysWhichLine(t *testing.T) {
	tests := []struct {
		name, file string
		line       int
		want       string
	}{
		{"unknown key", "hygiene:\n  unused_days: 10\n  unused: 3\n", 3,
			`hygiene: unknown key "unused" (known: unused_days, rotation_days, required_tags, deleted_read_days)`},
		{"zero days", "theme: dark\nhygiene:\n  rotation_days: 0\n", 3, "hygiene: rotation_days: want a number of days from 1 to 3650, not 0"},
		{"too many days", "hygiene:\n  deleted_read_days: 5000\n", 2, "hygiene: deleted_read_days: want a number of days from 1 to 3650"},
		{"days a word", "hygiene:\n  unused_days: ninety\n", 2, `hygiene: unused_days: want a whole number, not "ninety"`},
		{"tags a word", "hygiene:\n  required_tags: owner\n", 2, `hygiene: required_tags: want a list such as [a, b], not "owner"`},
		{"empty tag", "hygiene:\n  required_tags: [owner, \"\"]\n", 2, "hygiene: required_tags: a tag key cannot be empty"},
		{"key given twice", "hygiene:\n  unused_days: 1\n  unused_days: 2\n", 3, "hygiene: unused_days: already given on line 2"},
		{"section a list", "hygiene: [unused_days]\n", 1, "hygiene: want entries of the form name: value, not a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseConfig("c.yaml", []byte(tt.file))
			if err == nil {
				t.Fatalf("%q loaded without error", tt.file)
			}
			prefix := fmt.Sprintf("config c.yaml: line %d: ", tt.line)
			if !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%q: err = %v, want %q then %q", tt.file, err, prefix, tt.want)
			}
			if strings.Contains(err.Error(), "*int") || strings.Contains(err.Error(), "hygieneConfig") {
				t.Errorf("%q: err = %v shows Go types", tt.file, err)
			}
		})
	}
}
