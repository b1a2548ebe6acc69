package model

import (
	"slices"
	"testing"
	"time"
)

func TestSortSecretsByNameIgnoresCase(t *testing.T) {
	s := []Secret{{Name: "chatops-bot"}, {Name: "MyTestSecret"}, {Name: "alpha"}, {Name: "mytestsecret"}, {Name: "Zeta"}}
	SortSecrets(s, OrderName)
	var got []string
	for _, x := range s {
		got = append(got, x.Name)
	}
	if want := []string{"alpha", "chatops-bot", "MyTestSecret", "mytestsecret", "Zeta"}; !slices.Equal(got, want) {
		t.Errorf("sorted %v, want %v", got, want)
	}
}

func TestSortSecretsByDateNewestFirstThenName(t *testing.T) {
	day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	s := []Secret{{Name: "b", CreatedDate: day}, {Name: "never"}, {Name: "A", CreatedDate: day}, {Name: "new", CreatedDate: day.AddDate(0, 0, 1)}}
	SortSecrets(s, OrderCreated)
	var got []string
	for _, x := range s {
		got = append(got, x.Name)
	}
	if want := []string{"new", "A", "b", "never"}; !slices.Equal(got, want) {
		t.Errorf("sorted %v, want %v", got, want)
	}
}
