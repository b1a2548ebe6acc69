package emulator

import (
	"slices"
	"testing"
)

func TestSplitWordsBreaksAtPunctuationCaseAndDigits(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"credsDatabase#892", []string{"creds", "Database", "892"}},
		{"prod/db-creds", []string{"prod", "db", "creds"}},
		{"Primary billing database", []string{"Primary", "billing", "database"}},
		{"apiKey2024v2", []string{"api", "Key", "2024", "v", "2"}},
		{"DBPassword", []string{"DBPassword"}},
		{"/leading//slashes/", []string{"leading", "slashes"}},
		{"", nil},
		{"--", nil},
		{"café-menü", []string{"café", "menü"}},
	}
	for _, c := range cases {
		if got := splitWords(c.in); !slices.Equal(got, c.want) {
			t.Errorf("splitWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMatchesWordsNeedsEveryValueWordToStartAWord(t *testing.T) {
	cases := []struct {
		field, value string
		fold, want   bool
	}{
		{"credsDatabase#892", "Data", false, true},
		{"credsDatabase#892", "data", false, false},
		{"credsDatabase#892", "data", true, true},
		{"credsDatabase#892", "89", false, true},
		{"credsDatabase#892", "abase", false, false},
		{"credsDatabase#892", "creds 892", false, true},
		{"credsDatabase#892", "creds 7", false, false},
		{"prod/db-creds", "prod/db", false, true},
		{"prod/db-creds", "db-cr", false, true},
		{"Primary billing database", "billing", true, true},
		{"Primary billing database", "illing", true, false},
		{"anything", "", false, true},
	}
	for _, c := range cases {
		if got := matchesWords(c.field, c.value, c.fold); got != c.want {
			t.Errorf("matchesWords(%q, %q, fold %v) = %v, want %v", c.field, c.value, c.fold, got, c.want)
		}
	}
}
