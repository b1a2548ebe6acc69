package ui_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

const (
	paymentsCurrent  = "22222222-2222-4222-8222-222222222222"
	paymentsPrevious = "11111111-1111-4111-8111-111111111111"
)

// openEdit opens the in-place editor of the secret the filter finds.
func (h harness) openEdit(t *testing.T, filter string) {
	t.Helper()
	h.openSecret(t, filter)
	h.Press("e")
	h.WaitForText("base version ")
}

// retype replaces the value of the field under the cursor.
func (h harness) retype(value string) {
	h.Press("enter", "ctrl+u")
	h.Type(value)
	h.Press("enter")
}

func currentValue(t *testing.T, client *awsx.Client, id string) model.SecretVersion {
	t.Helper()
	v, err := client.GetSecretValue(t.Context(), model.ValueRef{SecretID: id})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func allVersions(t *testing.T, client *awsx.Client, id string) map[string][]string {
	t.Helper()
	vs, err := client.ListSecretVersions(t.Context(), id, true)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, v := range vs {
		out[v.ID] = v.Stages
	}
	return out
}

func TestEditInPlaceStoresOneVersionAndMovesTheLabels(t *testing.T) {
	h, client := startWrite(t, 120, 40)
	h.openEdit(t, "payments")
	noSecretOnScreen(t, h, uitest.Canary, "payments_app", "pg.internal")
	h.Press("j")
	h.retype("n3w-Passw0rd")
	h.WaitForText("changed")
	noSecretOnScreen(t, h, uitest.Canary, "n3w-Passw0rd")
	h.Press("ctrl+s")
	h.WaitForText("Save a new version of prod/payments/postgres?")
	h.Press("y")
	h.WaitForText("saved as version ")
	h.WaitUntil("a ChangedMsg after the save", h.sentChanged)
	v := currentValue(t, client, "prod/payments/postgres")
	if got := string(v.Value.Reveal()); got != `{"username":"payments_app","password":"n3w-Passw0rd","host":"pg.internal","port":5432}` {
		t.Fatalf("stored %s", got)
	}
	versions := allVersions(t, client, "prod/payments/postgres")
	if len(versions) != 3 || !slices.Equal(versions[v.VersionID], []string{model.StageCurrent}) ||
		!slices.Equal(versions[paymentsCurrent], []string{model.StagePrevious}) || len(versions[paymentsPrevious]) != 0 {
		t.Fatalf("versions after the save: %v", versions)
	}
	if n := countOps(h.emu, "PutSecretValue"); n != 1 {
		t.Fatalf("PutSecretValue calls = %d", n)
	}
}

func TestEditRevealShowsOneFieldAndRemasksOnLeavingIt(t *testing.T) {
	h, _ := startWrite(t, 120, 40)
	h.openEdit(t, "payments")
	h.Press("j", "v")
	h.WaitForText(uitest.Canary)
	noSecretOnScreen(t, h, "payments_app", "pg.internal")
	h.Press("j")
	noSecretOnScreen(t, h, uitest.Canary, "pg.internal")
	h.Press("k", "v", "enter")
	h.Type("-more")
	h.WaitForText(uitest.Canary + "-more")
	h.Press("tab")
	noSecretOnScreen(t, h, uitest.Canary)
}

func TestEditAddsAndDeletesKeys(t *testing.T) {
	h, client := startWrite(t, 120, 40)
	h.openEdit(t, "payments")
	h.Press("a")
	h.Type("region")
	h.Press("enter")
	h.Type("eu-west-1")
	h.Press("enter")
	h.WaitForText("new")
	h.Press("k", "k", "d")
	h.WaitForText("deleted · d keeps it")
	h.Press("ctrl+s", "y")
	h.WaitForText("saved as version ")
	want := `{"username":"payments_app","password":"` + uitest.Canary + `","port":5432,"region":"eu-west-1"}`
	if got := string(currentValue(t, client, "prod/payments/postgres").Value.Reveal()); got != want {
		t.Fatalf("stored %s\nwant   %s", got, want)
	}
}

func TestEditConflictKeepsTheEditWritesNothingThenRebases(t *testing.T) {
	h, client := startWrite(t, 160, 40)
	h.openEdit(t, "payments")
	h.Press("j")
	h.retype("mine-Passw0rd")
	other, err := client.PutSecretValue(t.Context(), model.PutValueInput{SecretID: "prod/payments/postgres",
		Value: model.StringValue(`{"username":"other_app","password":"` + uitest.Canary + `","host":"pg2.internal","port":5432}`)})
	if err != nil {
		t.Fatal(err)
	}
	h.Press("ctrl+s", "y")
	h.WaitForText("AWSCURRENT moved from " + paymentsCurrent + " to " + other + " since you started editing; your edit is kept")
	if n := countOps(h.emu, "PutSecretValue"); n != 1 {
		t.Fatalf("PutSecretValue calls = %d, want only the other writer's", n)
	}
	if got := currentValue(t, client, "prod/payments/postgres"); got.VersionID != other {
		t.Fatalf("AWSCURRENT is %s, want the other writer's %s", got.VersionID, other)
	}
	h.Press("esc")
	h.WaitForText("save canceled: nothing written; your edit is kept")
	h.WaitForText("changed")
	h.Press("ctrl+s", "y")
	h.WaitForText("since you started editing; your edit is kept")
	h.Press("r")
	h.WaitForText("rebased onto version " + other)
	h.WaitForText("base version " + other)
	h.Press("ctrl+s", "y")
	h.WaitForText("saved as version ")
	want := `{"username":"other_app","password":"mine-Passw0rd","host":"pg2.internal","port":5432}`
	if got := string(currentValue(t, client, "prod/payments/postgres").Value.Reveal()); got != want {
		t.Fatalf("stored %s\nwant   %s", got, want)
	}
	if n := len(allVersions(t, client, "prod/payments/postgres")); n != 4 {
		t.Fatalf("%d versions, want the two seeded, the other writer's and ours", n)
	}
}

func TestEditRetryAfterADroppedAnswerStoresOneVersion(t *testing.T) {
	emu, client := retryingBackend(t)
	h := startWriteOn(t, emu, client, 120, 40)
	h.openEdit(t, "payments")
	h.Press("j")
	h.retype("retried-Passw0rd")
	emu.AddFault(emulator.Fault{Kind: emulator.FaultDropResponse, Operation: "PutSecretValue", Count: 1})
	h.Press("ctrl+s", "y")
	h.WaitForText("saved as version ")
	if n := countOps(emu, "PutSecretValue"); n != 2 {
		t.Fatalf("PutSecretValue calls = %d, want a dropped one and its retry", n)
	}
	versions := allVersions(t, client, "prod/payments/postgres")
	if len(versions) != 3 {
		t.Fatalf("the retried save made %d versions in all, want 3: %v", len(versions), versions)
	}
	v := currentValue(t, client, "prod/payments/postgres")
	if !strings.Contains(string(v.Value.Reveal()), "retried-Passw0rd") || !strings.Contains(h.Screen(), "saved as version "+v.VersionID) {
		t.Fatalf("AWSCURRENT %s is not the saved version:\n%s", v.VersionID, h.Screen())
	}
}

func TestEditPlaintextInPlace(t *testing.T) {
	h, client := startWrite(t, 120, 40)
	h.openEdit(t, "api-key")
	noSecretOnScreen(t, h, "sk_test_demo")
	h.retype("sk_live_new")
	h.Press("ctrl+s", "y")
	h.WaitForText("saved as version ")
	if got := string(currentValue(t, client, "dev/search/api-key").Value.Reveal()); got != "sk_live_new" {
		t.Fatalf("stored %q", got)
	}
}

func TestEditWithoutChangesWritesNothing(t *testing.T) {
	h, _ := startWrite(t, 120, 40)
	h.openEdit(t, "payments")
	h.Press("ctrl+s")
	h.WaitForText("no changes: nothing to save")
	h.Press("esc")
	h.WaitForText("Value · AWSCURRENT")
	if n := countOps(h.emu, "PutSecretValue", "DescribeSecret"); n != 1 {
		t.Fatalf("%d calls after opening, want only the detail's DescribeSecret", n)
	}
}

func TestEditRefusesBinaryInPlace(t *testing.T) {
	h, _ := startWrite(t, 120, 40)
	h.openEdit(t, "tls-bundle")
	h.WaitForText("a binary value cannot be edited in place: E edits it as base64 in $EDITOR")
}

func TestEditLeavingWithChangesAsksFirst(t *testing.T) {
	h, _ := startWrite(t, 120, 40)
	h.openEdit(t, "api-key")
	h.retype("typed")
	h.Press("esc")
	h.WaitForText("Leave without saving? Your changes are discarded.")
	h.Press("n")
	h.WaitForText("changed")
	h.Press("esc", "y")
	h.WaitForText("Value · AWSCURRENT")
}

func TestEditGeneratePasswordIntoAField(t *testing.T) {
	h, client := startWrite(t, 120, 40)
	h.openEdit(t, "payments")
	h.Press("j", "ctrl+g")
	h.WaitForText("Generate a password")
	h.Press("enter")
	h.WaitForText("generated a 32-character password into password (not shown)")
	screen := h.Screen()
	h.Press("ctrl+s", "y")
	h.WaitForText("saved as version ")
	leaves, err := model.JSONLeaves(currentValue(t, client, "prod/payments/postgres").Value)
	if err != nil {
		t.Fatal(err)
	}
	pw := string(leaves[1].Value.Reveal())
	if len(pw) != 32 || pw == uitest.Canary || strings.Contains(screen, pw) {
		t.Fatalf("generated password has %d characters or was drawn", len(pw))
	}
}

func TestGoldenEditForm(t *testing.T) {
	h, _ := startWrite(t, 100, 30)
	h.openEdit(t, "payments")
	h.Press("j")
	h.retype("n3w-Passw0rd")
	noSecretOnScreen(t, h, uitest.Canary, "n3w-Passw0rd", "payments_app")
	golden(t, "edit-form", settled(t, h.Driver))
}

// screenRecorder wraps the app and keeps its last screen, so a test can
// watch a real Bubble Tea program, which runs the editor with tea.Exec.
type screenRecorder struct {
	tea.Model
	mu     *sync.Mutex
	screen *string
}

func (r screenRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := r.Model.Update(msg)
	r.Model = m
	r.mu.Lock()
	*r.screen = ansi.Strip(m.View().Content)
	r.mu.Unlock()
	return r, cmd
}

// editorProgram runs the app with --rw in a real program whose $EDITOR is
// a shell script; temporary files go under the returned directory.
type editorProgram struct {
	t       *testing.T
	p       *tea.Program
	rec     screenRecorder
	client  *awsx.Client
	tempDir string
}

func startEditorProgram(t *testing.T, script string) *editorProgram {
	t.Helper()
	editor := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(editor, []byte("#!/bin/sh\n"+script+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	tempDir := t.TempDir()
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", editor)
	t.Setenv("XDG_RUNTIME_DIR", tempDir)
	_, client := uitest.Backend(t, uitest.Seed())
	ctx, cancel := context.WithCancel(context.Background())
	app := ui.New(ctx, client, ui.Config{Profile: "test", Region: "us-east-1", Now: uitest.Clock, ReadWrite: true,
		RevealTimeout: time.Hour, ClipboardTimeout: time.Hour, Clipboard: &uitest.Clipboard{}})
	rec := screenRecorder{Model: app, mu: &sync.Mutex{}, screen: new(string)}
	p := tea.NewProgram(rec, tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(io.Discard),
		tea.WithWindowSize(120, 40), tea.WithoutSignalHandler())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = p.Run()
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	e := &editorProgram{t: t, p: p, rec: rec, client: client, tempDir: tempDir}
	e.waitFor("4 of 5 secrets")
	return e
}

func (e *editorProgram) screen() string {
	e.rec.mu.Lock()
	defer e.rec.mu.Unlock()
	return *e.rec.screen
}

func (e *editorProgram) waitFor(text string) {
	e.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(e.screen(), text) {
		if time.Now().After(deadline) {
			e.t.Fatalf("timed out waiting for %q; screen:\n%s", text, e.screen())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (e *editorProgram) press(keys ...string) {
	for _, k := range keys {
		e.p.Send(uitest.KeyPress(k))
	}
}

// openInEditor opens the secret the filter finds and presses E.
func (e *editorProgram) openInEditor(filter string) {
	e.t.Helper()
	e.press("/")
	for _, r := range filter {
		e.p.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	e.press("enter", "enter")
	e.waitFor("Value · AWSCURRENT")
	e.press("E")
}

// tempDirEmpty fails when the editor's temporary directory left anything.
func (e *editorProgram) tempDirEmpty() {
	e.t.Helper()
	entries, err := os.ReadDir(e.tempDir)
	if err != nil || len(entries) != 0 {
		e.t.Fatalf("temporary files left behind: %v, %v", entries, err)
	}
}

func TestEditInEditorSavesTheChangedValue(t *testing.T) {
	e := startEditorProgram(t, `sed -i 's/payments_app/editor_app/' "$1"`)
	e.openInEditor("payments")
	e.waitFor("Save a new version of prod/payments/postgres?")
	e.tempDirEmpty()
	if strings.Contains(e.screen(), uitest.Canary) {
		t.Fatal("the value is on screen")
	}
	e.press("y")
	e.waitFor("saved as version ")
	v, err := e.client.GetSecretValue(t.Context(), model.ValueRef{SecretID: "prod/payments/postgres"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"username":"editor_app","password":"` + uitest.Canary + `","host":"pg.internal","port":5432}`
	if got := string(v.Value.Reveal()); got != want {
		t.Fatalf("stored %s\nwant   %s", got, want)
	}
}

func TestEditInEditorWithoutChangesWritesNothing(t *testing.T) {
	e := startEditorProgram(t, `true`)
	e.openInEditor("api-key")
	e.waitFor("no changes: nothing written")
	e.tempDirEmpty()
	v, err := e.client.ListSecretVersions(t.Context(), "dev/search/api-key", true)
	if err != nil || len(v) != 1 {
		t.Fatalf("versions %d, %v", len(v), err)
	}
}

func TestEditInEditorCleansUpWhenTheEditorFails(t *testing.T) {
	e := startEditorProgram(t, `sed -i 's/sk_/xx_/' "$1"; exit 3`)
	e.openInEditor("api-key")
	e.waitFor("nothing saved: the editor exited with status 3")
	e.tempDirEmpty()
}

func TestEditInEditorAfterAFailedEditorSavesNothingAndOpensAgain(t *testing.T) {
	e := startEditorProgram(t, `exit 3`)
	e.openInEditor("api-key")
	e.waitFor("nothing saved: the editor exited with status 3")
	e.press("ctrl+s")
	e.waitFor("nothing to save yet: E opens the editor")
	e.press("E")
	e.waitFor("nothing saved: the editor exited with status 3")
	e.press("esc")
	e.waitFor("Value · AWSCURRENT")
}

func TestEditInEditorCleansUpWhenTheEditorIsInterrupted(t *testing.T) {
	e := startEditorProgram(t, `sed -i 's/sk_/xx_/' "$1"; kill -INT $$; sleep 5`)
	e.openInEditor("api-key")
	e.waitFor("nothing saved: the editor was stopped by interrupt")
	e.tempDirEmpty()
	e.press("esc")
	e.waitFor("Value · AWSCURRENT")
}

func TestEditInEditorTakesBinaryAsBase64(t *testing.T) {
	e := startEditorProgram(t, `printf 'AAEC\n/w==\n' > "$1"`)
	e.openInEditor("tls-bundle")
	e.waitFor("Save a new version of prod/edge/tls-bundle?")
	e.press("y")
	e.waitFor("saved as version ")
	v, err := e.client.GetSecretValue(t.Context(), model.ValueRef{SecretID: "prod/edge/tls-bundle"})
	if err != nil || !v.Value.Equal(model.BinaryValue([]byte{0, 1, 2, 0xff})) {
		t.Fatalf("stored %x, %v", v.Value.Reveal(), err)
	}
	e.tempDirEmpty()
}

func TestEditLocksMultiLineTextInPlace(t *testing.T) {
	h, client := startWrite(t, 120, 40)
	if _, err := client.PutSecretValue(t.Context(), model.PutValueInput{SecretID: "dev/search/api-key", Value: model.StringValue("line one\nline two")}); err != nil {
		t.Fatal(err)
	}
	h.openEdit(t, "api-key")
	h.Press("enter")
	h.WaitForText("text has several lines or control characters: E edits it in $EDITOR")
	h.Press("ctrl+s")
	h.WaitForText("no changes: nothing to save")
}

// fieldLine is the screen's line that shows the field named label.
func fieldLine(t *testing.T, screen, label string) string {
	t.Helper()
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, " "+label+" ") {
			return l
		}
	}
	t.Fatalf("no line for %s on screen:\n%s", label, screen)
	return ""
}

func TestEditMaskWhileTypingDoesNotShowTheLength(t *testing.T) {
	h, _ := startWrite(t, 120, 40)
	h.openEdit(t, "payments")
	h.Press("j")
	masked := fieldLine(t, h.Screen(), "password")
	h.Press("enter", "ctrl+u")
	h.Type("ab")
	short := fieldLine(t, h.Screen(), "password")
	h.Press("ctrl+u")
	h.Type("abcdefghijklmnopqr")
	long := fieldLine(t, h.Screen(), "password")
	if short != long {
		t.Fatalf("the masked field while typing depends on the length:\n%q\n%q", short, long)
	}
	if !strings.Contains(long, "••••••••") || strings.Contains(long, "•••••••••") || strings.Contains(long, "abcdefghijklmnopqr") {
		t.Fatalf("the field while typing is not the fixed-width mask: %q (before typing %q)", long, masked)
	}
	h.Press("enter", "v")
	h.WaitForText("abcdefghijklmnopqr")
}

func TestEditSaveWhoseAnswersAreAllLostReportsTheSavedVersion(t *testing.T) {
	emu, client := retryingBackend(t)
	h := startWriteOn(t, emu, client, 120, 40)
	h.openEdit(t, "payments")
	h.Press("j")
	h.retype("lost-Passw0rd")
	emu.AddFault(emulator.Fault{Kind: emulator.FaultDropResponse, Operation: "PutSecretValue"})
	reads := h.reads()
	h.Press("ctrl+s", "y")
	h.WaitForText("saved (the answer was lost; version ")
	if n := countOps(emu, "PutSecretValue"); n != 3 {
		t.Fatalf("PutSecretValue calls = %d, want 3 attempts whose answers were all lost", n)
	}
	if n := h.reads(); n != reads {
		t.Fatalf("checking the lost save read the value %d times", n-reads)
	}
	v := currentValue(t, client, "prod/payments/postgres")
	if !strings.Contains(h.Screen(), "saved (the answer was lost; version "+v.VersionID+" is AWSCURRENT)") ||
		!strings.Contains(string(v.Value.Reveal()), "lost-Passw0rd") {
		t.Fatalf("AWSCURRENT %s is not the saved version:\n%s", v.VersionID, h.Screen())
	}
	if n := len(allVersions(t, client, "prod/payments/postgres")); n != 3 {
		t.Fatalf("%d versions, want the two seeded and ours", n)
	}
	emu.ClearFaults()
	h.WaitForText("Value · AWSCURRENT")
	h.Press("e")
	h.WaitForText("base version " + v.VersionID)
	h.Press("j")
	h.retype("next-Passw0rd")
	h.Press("ctrl+s", "y")
	h.WaitForText("saved as version ")
	if strings.Contains(h.Screen(), "AWSCURRENT moved") {
		t.Fatalf("the second save saw its own first save as a conflict:\n%s", h.Screen())
	}
}

func TestEditSaveThatNeverLandedSaysNothingWasSaved(t *testing.T) {
	emu, client := retryingBackend(t)
	h := startWriteOn(t, emu, client, 160, 40)
	h.openEdit(t, "payments")
	h.Press("j")
	h.retype("unsent-Passw0rd")
	emu.AddFault(emulator.Fault{Kind: emulator.FaultDropConnection, Operation: "PutSecretValue"})
	h.Press("ctrl+s", "y")
	h.WaitForText("nothing saved: no answer came and version ")
	if got := currentValue(t, client, "prod/payments/postgres"); got.VersionID != paymentsCurrent {
		t.Fatalf("AWSCURRENT moved to %s", got.VersionID)
	}
	if n := len(allVersions(t, client, "prod/payments/postgres")); n != 2 {
		t.Fatalf("%d versions, want the two seeded", n)
	}
	noSecretOnScreen(t, h, "unsent-Passw0rd")
}

func TestEditSaveWhoseCheckFailsSaysItIsNotKnown(t *testing.T) {
	emu, client := retryingBackend(t)
	h := startWriteOn(t, emu, client, 200, 40)
	h.openEdit(t, "payments")
	h.Press("j")
	h.retype("unsure-Passw0rd")
	emu.AddFault(emulator.Fault{Kind: emulator.FaultDropResponse, Operation: "PutSecretValue"})
	emu.AddFault(emulator.Fault{Kind: emulator.FaultDropConnection, Operation: "ListSecretVersionIds"})
	h.Press("ctrl+s", "y")
	h.WaitForText("not known whether it was saved: the answer was lost and the check failed; if h on the secret lists version ")
	if strings.Contains(h.Screen(), "nothing saved") {
		t.Fatalf("an unknown outcome is reported as nothing saved:\n%s", h.Screen())
	}
	noSecretOnScreen(t, h, "unsure-Passw0rd")
	emu.ClearFaults()
	v := currentValue(t, client, "prod/payments/postgres")
	h.Press("ctrl+s", "y")
	h.WaitForText("version " + v.VersionID + " is your earlier save, whose answer was lost: it was saved")
}

func TestEditInEditorRebaseStopsWhereBothChangedAField(t *testing.T) {
	e := startEditorProgram(t, `sed -i -e 's/payments_app/editor_app/' -e 's/5432/6432/' "$1"`)
	e.openInEditor("payments")
	e.waitFor("Save a new version of prod/payments/postgres?")
	other, err := e.client.PutSecretValue(t.Context(), model.PutValueInput{SecretID: "prod/payments/postgres",
		Value: model.StringValue(`{"username":"other_app","password":"` + uitest.Canary + `","host":"pg2.internal","port":5432}`)})
	if err != nil {
		t.Fatal(err)
	}
	e.press("y")
	e.waitFor("AWSCURRENT moved from " + paymentsCurrent + " to " + other)
	e.press("r")
	e.waitFor("you and the other writer both changed username")
	e.press("ctrl+s")
	e.waitFor("both changed username: E opens your text to settle them before saving")
	for _, v := range []string{uitest.Canary, "other_app", "editor_app", "pg2.internal", "6432"} {
		if strings.Contains(e.screen(), v) {
			t.Fatalf("the value %q is on screen:\n%s", v, e.screen())
		}
	}
	if n := len(allVersions(t, e.client, "prod/payments/postgres")); n != 3 {
		t.Fatalf("%d versions, want the two seeded and the other writer's", n)
	}
	e.press("E")
	e.waitFor("Save a new version of prod/payments/postgres?")
	e.press("y")
	e.waitFor("saved as version ")
	want := `{"username":"editor_app","password":"` + uitest.Canary + `","host":"pg2.internal","port":6432}`
	if got := string(currentValue(t, e.client, "prod/payments/postgres").Value.Reveal()); got != want {
		t.Fatalf("stored %s\nwant   %s", got, want)
	}
	e.tempDirEmpty()
}
