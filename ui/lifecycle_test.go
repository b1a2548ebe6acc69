package ui_test

import (
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/keys"
)

func readWrite(c *ui.Config) { c.ReadWrite = true }

func TestDeleteAsksForWindowAndNameThenRestore(t *testing.T) {
	h := start(t, 120, 40, readWrite)
	h.Press("/")
	h.Type("api-key")
	h.Press("enter", "d")
	h.WaitForText("Delete dev/search/api-key?")
	h.WaitForText("It can be restored until 2026-12-28 12:00 UTC")
	h.Type("dev/search/api") // typing goes to the name first
	h.Press("tab", "backspace", "backspace")
	h.Type("5")
	h.Press("enter")
	h.WaitForText("the recovery window must be 7–30 days")
	h.Press("backspace")
	h.Type("7")
	h.WaitForText("It can be restored until 2026-12-05 12:00 UTC")
	h.Press("enter")
	h.WaitForText("the name does not match")
	if countOps(h.emu, "DeleteSecret") != 0 {
		t.Fatal("deleted before the name matched")
	}
	h.Type("-key")
	h.Press("enter")
	h.WaitForText("dev/search/api-key scheduled for deletion on 2026-12-05 12:00 UTC")
	h.WaitForText("0 of 5 secrets") // hidden now, as pending deletion
	h.Press("esc", "D")
	h.WaitForText("✗ dev/search/api-key")

	h.Press("/")
	h.Type("api-key")
	h.Press("enter", "u")
	h.WaitForText("Restore dev/search/api-key?")
	h.Press("y")
	h.WaitForText("dev/search/api-key restored")
	h.WaitFor("no deletion mark", func(s string) bool { return !strings.Contains(s, "✗ dev/search/api-key") })
}

func TestDeleteAndRestoreNeedReadWrite(t *testing.T) {
	h := start(t, 120, 40)
	h.Press("d")
	h.WaitForText("deleting a secret needs --rw")
	h.Press("D", "/")
	h.Type("legacy")
	h.Press("enter", "u")
	h.WaitForText("restoring a secret needs --rw")
	if countOps(h.emu, "DeleteSecret", "RestoreSecret") != 0 {
		t.Fatal("read-only mode changed something")
	}
}

func TestEditKeysNeedReadWrite(t *testing.T) {
	h := start(t, 120, 40)
	h.openSecret(t, "payments")
	// Each key's answer differs from the one before, so each wait sees it.
	for _, step := range []struct{ key, says string }{
		{"e", "editing a value needs --rw"},
		{"t", "editing description and tags needs --rw"},
		{"E", "editing a value needs --rw"},
	} {
		h.Press(step.key)
		h.WaitForText(step.says)
		if !strings.Contains(h.Screen(), "not loaded") {
			t.Fatalf("%s left the detail view:\n%s", step.key, h.Screen())
		}
	}
	if n := countOps(h.emu, "PutSecretValue", "UpdateSecret", "TagResource", "UntagResource"); n != 0 {
		t.Fatalf("read-only mode made %d changes", n)
	}
}

func TestDeleteFromTheDetailShowsPendingDeletion(t *testing.T) {
	h := start(t, 120, 40, readWrite)
	h.openSecret(t, "tls-bundle")
	h.Press("d", "enter")
	h.Type("prod/edge/tls-bundle")
	h.Press("enter")
	h.WaitForText("scheduled for deletion on 2026-12-28 12:00 UTC")
	h.WaitForText("pending deletion since")
}

func TestDescriptionAndTagsEditor(t *testing.T) {
	h := start(t, 120, 40, readWrite)
	h.openSecret(t, "payments")
	h.Press("t")
	h.WaitForText("Description and tags · prod/payments/postgres")
	h.Type(" (primary)")
	h.Press("tab")
	h.Type("bad key!=x")
	h.Press("ctrl+s")
	h.WaitForText("! is not allowed in tags")
	for range len("bad key!=x") {
		h.Press("backspace")
	}
	h.Type("tier=1")
	h.Press("ctrl+s")
	h.WaitForText("Change the description, set 1 tag(s) on prod/payments/postgres?")
	h.Press("y")
	h.WaitForText("description and tags of prod/payments/postgres saved")
	h.WaitForText("Primary database for payments (primary)")
	h.WaitForText("tier=1")
	if n := countOps(h.emu, "UpdateSecret", "TagResource"); n != 2 {
		t.Fatalf("UpdateSecret+TagResource calls = %d", n)
	}
}

func TestRebindingConfirmConfirmsWithTheNewKeyOnly(t *testing.T) {
	km := keys.Default()
	if err := km.Rebind("confirm", []string{"z"}); err != nil {
		t.Fatal(err)
	}
	h := start(t, 120, 40, readWrite, func(c *ui.Config) { c.Keys = km })
	h.Press("D", "/")
	h.Type("legacy")
	h.Press("enter", "u")
	h.WaitForText("z confirms")
	h.Press("y")
	h.WaitFor("the dialog closed", func(s string) bool { return !strings.Contains(s, "z confirms") })
	if countOps(h.emu, "RestoreSecret") != 0 {
		t.Fatal("y still confirmed once confirm was bound to z")
	}
	h.Press("u", "z")
	h.WaitForText("restored")
	if countOps(h.emu, "RestoreSecret") != 1 {
		t.Fatal("z did not confirm")
	}
}

func TestTheDeleteDialogTakesTheNameFirst(t *testing.T) {
	h := start(t, 120, 40, readWrite)
	h.Press("/")
	h.Type("api-key")
	h.Press("enter", "d")
	h.WaitForText("Delete dev/search/api-key?")
	h.Type("dev/search/api-key")
	h.WaitForText("type the name to confirm: dev/search/api-key")
	h.Press("enter")
	h.WaitForText("dev/search/api-key scheduled for deletion on 2026-12-28 12:00 UTC")
}
