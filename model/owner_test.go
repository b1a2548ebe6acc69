package model

import "testing"

func TestOwnerWarningNamesTheOwningServiceOnly(t *testing.T) {
	if w := (Secret{}).OwnerWarning("changing"); w != "" {
		t.Fatalf("a secret no service owns warns %q", w)
	}
	got := Secret{OwningService: "rds"}.OwnerWarning("deleting")
	if got != "Owned by rds: deleting it here can break rds or be undone by it." {
		t.Fatalf("got %q", got)
	}
}
