package ui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// widestLine is the width of the screen's widest line, in cells.
func widestLine(screen string) int {
	widest := 0
	for _, line := range strings.Split(screen, "\n") {
		widest = max(widest, ansi.StringWidth(line))
	}
	return widest
}

// openTagsEditor opens the description-and-tags editor of the secret the
// filter finds.
func (h harness) openTagsEditor(t *testing.T, filter string) {
	t.Helper()
	h.openSecret(t, filter)
	h.Press("t")
	h.WaitForText("Description and tags · ")
}

func TestGoldenMeta80x24(t *testing.T) {
	h := start(t, 80, 24, readWrite)
	h.openTagsEditor(t, "payments")
	h.Press("tab")
	h.Type("tier=1")
	if w := widestLine(h.Screen()); w > 80 {
		t.Errorf("%d columns wide on an 80-column screen", w)
	}
	golden(t, "meta-80x24", settled(t, h.Driver))
}

func TestGoldenDelete80x24(t *testing.T) {
	h := start(t, 80, 24, readWrite)
	h.Press("d")
	h.WaitForText("Delete dev/search/api-key?")
	h.Type("dev/search/")
	h.Press("tab", "backspace", "backspace")
	h.Type("14")
	h.WaitForText("It can be restored until 2026-12-12 12:00 UTC")
	if w := widestLine(h.Screen()); w > 80 {
		t.Errorf("%d columns wide on an 80-column screen", w)
	}
	golden(t, "delete-80x24", settled(t, h.Driver))
}

func TestGoldenGenerator80x24(t *testing.T) {
	h, _ := startWrite(t, 80, 24)
	h.openCreate("gen/pw", "", "")
	h.Press("tab")
	h.Type("password")
	h.Press("tab", "ctrl+g")
	h.WaitForText("Generate a password")
	if w := widestLine(h.Screen()); w > 80 {
		t.Errorf("%d columns wide on an 80-column screen", w)
	}
	golden(t, "generator-80x24", settled(t, h.Driver))
}

func TestRemovingATagSendsUntagResourceAndTheDetailDropsIt(t *testing.T) {
	h := start(t, 120, 40, readWrite)
	h.openTagsEditor(t, "payments")
	if !strings.Contains(h.Screen(), "env=prod") {
		t.Fatalf("the editor does not show the tag to remove:\n%s", h.Screen())
	}
	h.Press("tab")
	// The tags end "env=prod\n" with the cursor after it.
	for range len("env=prod\n") {
		h.Press("backspace")
	}
	h.Press("ctrl+s")
	h.WaitForText("Change remove env on prod/payments/postgres?")
	if n := countOps(h.emu, "UntagResource"); n != 0 {
		t.Fatalf("UntagResource sent before confirmation: %d calls", n)
	}
	h.Press("y")
	h.WaitForText("description and tags of prod/payments/postgres saved")
	h.WaitFor("the detail without the tag", func(s string) bool {
		return lineWith(s, "Tags", "team=payments") && !strings.Contains(s, "env=prod")
	})
	if n := countOps(h.emu, "UntagResource"); n != 1 {
		t.Fatalf("UntagResource calls = %d, want 1", n)
	}
	if n := countOps(h.emu, "TagResource", "UpdateSecret"); n != 0 {
		t.Fatalf("removing a tag also sent %d TagResource/UpdateSecret calls", n)
	}
}

func TestEditInEditorConflictWritesNothingThenRebases(t *testing.T) {
	e := startEditorProgram(t, `sed -i 's/payments_app/editor_app/' "$1"`)
	e.openInEditor("payments")
	e.waitFor("Save a new version of prod/payments/postgres?")
	other, err := e.client.PutSecretValue(t.Context(), model.PutValueInput{SecretID: "prod/payments/postgres",
		Value: model.StringValue(`{"username":"payments_app","password":"` + uitest.Canary + `","host":"pg2.internal","port":5432}`)})
	if err != nil {
		t.Fatal(err)
	}
	e.press("y")
	e.waitFor("AWSCURRENT moved from " + paymentsCurrent + " to " + other)
	e.waitFor("nothing was written")
	if w := widestLine(e.screen()); w > 120 {
		t.Errorf("the conflict view is %d columns wide on a 120-column screen:\n%s", w, e.screen())
	}
	if got := currentValue(t, e.client, "prod/payments/postgres"); got.VersionID != other {
		t.Fatalf("AWSCURRENT is %s, want the other writer's %s", got.VersionID, other)
	}
	if n := len(allVersions(t, e.client, "prod/payments/postgres")); n != 3 {
		t.Fatalf("%d versions, want the two seeded and the other writer's", n)
	}
	e.tempDirEmpty()
	if strings.Contains(e.screen(), uitest.Canary) {
		t.Fatal("the value is on screen")
	}
	e.press("esc")
	e.waitFor("save canceled: nothing written; your edit is kept")
	e.press("ctrl+s", "y")
	e.waitFor("AWSCURRENT moved from " + paymentsCurrent + " to " + other)
	e.press("r")
	e.waitFor("rebased onto version " + other)
	e.press("ctrl+s")
	e.waitFor("Save a new version of prod/payments/postgres?")
	e.press("y")
	e.waitFor("saved as version ")
	want := `{"username":"editor_app","password":"` + uitest.Canary + `","host":"pg2.internal","port":5432}`
	if got := string(currentValue(t, e.client, "prod/payments/postgres").Value.Reveal()); got != want {
		t.Fatalf("stored %s\nwant   %s", got, want)
	}
	if n := len(allVersions(t, e.client, "prod/payments/postgres")); n != 4 {
		t.Fatalf("%d versions, want the two seeded, the other writer's and ours", n)
	}
}
