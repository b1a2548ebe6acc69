package ui_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// startWrite runs the app with --rw on the test seed and returns the client
// too, so a test can check what was written.
func startWrite(t *testing.T, width, height int) (harness, *awsx.Client) {
	t.Helper()
	emu, client := uitest.Backend(t, uitest.Seed())
	return startWriteOn(t, emu, client, width, height), client
}

func startWriteOn(t *testing.T, emu *emulator.Server, client *awsx.Client, width, height int) harness {
	t.Helper()
	clip := &uitest.Clipboard{}
	cfg := ui.Config{Profile: "test", Region: "us-east-1", Now: uitest.Clock, ReadWrite: true,
		RevealTimeout: time.Hour, ClipboardTimeout: time.Hour, Clipboard: clip}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d := uitest.NewDriver(t, ui.New(ctx, client, cfg), width, height)
	d.WaitForText("4 of 5 secrets")
	d.WaitForText("account 123456789012")
	return harness{Driver: d, emu: emu, clip: clip}
}

// formRight, formShiftTab and formSpace are keys uitest.KeyPress does not name.
func formRight() tea.KeyPressMsg    { return tea.KeyPressMsg{Code: tea.KeyRight} }
func formShiftTab() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift} }
func formSpace() tea.KeyPressMsg    { return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "} }

// openCreate presses n and fills the metadata: name, then description,
// KMS key and tags when given, leaving the focus on the kind selector.
func (h harness) openCreate(name, description, tags string) {
	h.Press("n")
	h.WaitForText("New secret")
	h.Type(name)
	h.Press("tab")
	h.Type(description)
	h.Press("tab", "tab")
	h.Type(tags)
	h.Press("tab")
}

// noSecretOnScreen fails when any of the values is drawn.
func noSecretOnScreen(t *testing.T, h harness, values ...string) {
	t.Helper()
	s := h.Screen()
	for _, v := range values {
		if strings.Contains(s, v) {
			t.Fatalf("the value %q is on screen:\n%s", v, s)
		}
	}
}

func (h harness) sentChanged() bool {
	for _, m := range h.Sent {
		if _, ok := m.(common.ChangedMsg); ok {
			return true
		}
	}
	return false
}

func TestCreateKeyValueSecret(t *testing.T) {
	h, client := startWrite(t, 100, 30)
	h.openCreate("prod/new/db", "New database", "team=data, env=prod")
	h.Press("tab")
	h.Type("username")
	h.Press("tab")
	h.Type("app_user")
	noSecretOnScreen(t, h, "app_user")
	h.Press("tab")
	h.Type("password")
	h.Press("tab")
	h.Type("s3cret-Value-77")
	noSecretOnScreen(t, h, "s3cret-Value-77", "app_user")
	h.Press("ctrl+s")
	h.WaitForText("value: 2 keys · KMS key: aws/secretsmanager (default)")
	h.Press("y")
	h.WaitForText("created prod/new/db (version ")
	h.WaitUntil("a ChangedMsg after the create", h.sentChanged)
	v, err := client.GetSecretValue(t.Context(), model.ValueRef{SecretID: "prod/new/db"})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(v.Value.Reveal()); got != `{"username":"app_user","password":"s3cret-Value-77"}` {
		t.Fatalf("stored value %s", got)
	}
	d, err := client.DescribeSecret(t.Context(), "prod/new/db")
	if err != nil {
		t.Fatal(err)
	}
	if d.Description != "New database" || len(d.Tags) != 2 || d.Tags[0] != (model.Tag{Key: "team", Value: "data"}) {
		t.Fatalf("described %+v", d.Secret)
	}
	if n := countOps(h.emu, "CreateSecret"); n != 1 {
		t.Fatalf("CreateSecret calls = %d", n)
	}
}

func TestCreatePlaintextSecretWithKMSKey(t *testing.T) {
	h, client := startWrite(t, 100, 30)
	h.Press("n")
	h.WaitForText("New secret")
	h.Type("dev/plain")
	h.Press("tab", "tab")
	h.Type("alias/app")
	h.Press("tab", "tab")
	h.Send(formRight())
	h.WaitForText("Value · plaintext")
	h.Press("tab")
	h.Type("plain text value")
	noSecretOnScreen(t, h, "plain text value")
	h.Press("ctrl+s")
	h.WaitForText("value: a plaintext value · KMS key: alias/app")
	h.Press("y")
	h.WaitForText("created dev/plain")
	v, err := client.GetSecretValue(t.Context(), model.ValueRef{SecretID: "dev/plain"})
	if err != nil || string(v.Value.Reveal()) != "plain text value" || v.Value.IsBinary() {
		t.Fatalf("stored %q, %v", v.Value.Reveal(), err)
	}
	d, _ := client.DescribeSecret(t.Context(), "dev/plain")
	if d.KMSKeyID != "alias/app" {
		t.Fatalf("KMS key %q", d.KMSKeyID)
	}
}

func TestCreateBinarySecretFromFile(t *testing.T) {
	h, client := startWrite(t, 100, 30)
	dir := t.TempDir()
	data := []byte{0x00, 0xff, 0x10, 'k', 'e', 'y'}
	path := filepath.Join(dir, "bundle.der")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.bin")
	if err := os.WriteFile(big, make([]byte, 65537), 0o600); err != nil {
		t.Fatal(err)
	}
	h.openCreate("prod/bin", "", "")
	h.Send(formRight())
	h.Send(formRight())
	h.WaitForText("Value · binary file")
	h.Press("tab")
	h.Type(big)
	h.Press("ctrl+s")
	h.WaitForText("the value file has 65537 bytes: Secrets Manager stores at most 65536")
	for range len(big) {
		h.Press("backspace")
	}
	h.Type(path)
	h.Press("ctrl+s")
	h.WaitForText("value: a binary value of 6 bytes")
	h.Press("y")
	h.WaitForText("created prod/bin")
	v, err := client.GetSecretValue(t.Context(), model.ValueRef{SecretID: "prod/bin"})
	if err != nil || !v.Value.Equal(model.BinaryValue(data)) {
		t.Fatalf("stored %x binary=%v, %v", v.Value.Reveal(), v.Value.IsBinary(), err)
	}
}

func TestCreateValidatesTheNameBeforeSending(t *testing.T) {
	tests := []struct{ name, want string }{
		{"", "enter a name: 1 to 512 characters"},
		{"prod db", "name has ' ' at position 5"},
		{"rds!x", "name has '!' at position 4"},
		{"caf\u00e9", "name has 'é' at position 4"},
		{strings.Repeat("a", 513), "name is 513 characters long: at most 512"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			h, _ := startWrite(t, 120, 30)
			h.Press("n")
			h.WaitForText("New secret")
			h.Type(tt.name)
			h.Press("tab", "tab", "tab", "tab", "tab")
			h.Type("k")
			h.Press("tab")
			h.Type("v")
			h.Press("ctrl+s")
			h.WaitForText(tt.want)
			if n := countOps(h.emu, "CreateSecret"); n != 0 {
				t.Fatalf("an invalid name was sent %d times", n)
			}
		})
	}
}

func TestCreateRejectsIncompleteValues(t *testing.T) {
	h, _ := startWrite(t, 120, 30)
	h.openCreate("ok/name", "", "team")
	h.Press("ctrl+s")
	h.WaitForText("tag 1 (team) needs key=value")
	h.Press("backspace", "backspace", "backspace", "backspace")
	h.Press("tab", "tab", "tab")
	h.Type("value-without-key")
	h.Press("ctrl+s")
	h.WaitForText("row 1 has a value but no key")
	noSecretOnScreen(t, h, "value-without-key")
	if n := countOps(h.emu, "CreateSecret"); n != 0 {
		t.Fatalf("CreateSecret calls = %d", n)
	}
}

func TestCreateExplainsRefusalsAndKeepsTheForm(t *testing.T) {
	tests := []struct {
		name  string
		fault *emulator.Fault
		want  string
	}{
		{name: "dev/search/api-key", want: "a secret named dev/search/api-key already exists: choose another name"},
		{name: "legacy-token", want: "a secret named legacy-token is scheduled for deletion"},
		{name: "new/denied", fault: &emulator.Fault{Kind: emulator.FaultError, Operation: "CreateSecret", ErrorCode: "AccessDeniedException"}, want: "access denied: secretsmanager:CreateSecret"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := startWrite(t, 160, 30)
			if tt.fault != nil {
				h.emu.AddFault(*tt.fault)
			}
			h.openCreate(tt.name, "kept description", "")
			h.Send(formRight())
			h.Press("tab")
			h.Type("typed-secret-value")
			h.Press("ctrl+s")
			h.WaitForText("Create secret " + tt.name)
			h.Press("y")
			h.WaitForText(tt.want)
			s := h.Screen()
			if !strings.Contains(s, "New secret") || !strings.Contains(s, tt.name) || !strings.Contains(s, "kept description") {
				t.Fatalf("the form lost the input:\n%s", s)
			}
			noSecretOnScreen(t, h, "typed-secret-value")
			h.Press("ctrl+s")
			h.WaitForText("Create secret " + tt.name)
		})
	}
}

func TestGeneratePasswordFillsTheFocusedFieldUnseen(t *testing.T) {
	h, client := startWrite(t, 100, 30)
	h.openCreate("gen/pw", "", "")
	h.Press("tab")
	h.Type("password")
	h.Press("ctrl+g")
	h.WaitForText("move to a value field first")
	h.Press("tab", "ctrl+g")
	h.WaitForText("Generate a password")
	h.WaitForText("length          32")
	h.Press("tab", "tab")
	h.Send(formSpace()) // no punctuation
	h.Press("enter")
	h.WaitForText("generated a 32-character password into the field (not shown)")
	if n := countOps(h.emu, "GetRandomPassword"); n != 1 {
		t.Fatalf("GetRandomPassword calls = %d", n)
	}
	screen := h.Screen()
	h.Press("ctrl+s", "y")
	h.WaitForText("created gen/pw")
	v, err := client.GetSecretValue(t.Context(), model.ValueRef{SecretID: "gen/pw"})
	if err != nil {
		t.Fatal(err)
	}
	leaves, err := model.JSONLeaves(v.Value)
	if err != nil || len(leaves) != 1 || leaves[0].Path.String() != "password" {
		t.Fatalf("stored %d leaves, %v", len(leaves), err)
	}
	pw := string(leaves[0].Value.Reveal())
	if len(pw) != 32 || strings.ContainsAny(pw, "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") {
		t.Fatalf("generated password has %d characters or punctuation", len(pw))
	}
	if strings.Contains(screen, pw) {
		t.Fatalf("the generated password was drawn:\n%s", screen)
	}
}

func TestCreateRetryAfterADroppedAnswerMakesOneSecret(t *testing.T) {
	emu, client := retryingBackend(t)
	h := startWriteOn(t, emu, client, 100, 30)
	emu.AddFault(emulator.Fault{Kind: emulator.FaultDropResponse, Operation: "CreateSecret", Count: 1})
	h.openCreate("retry/create", "", "")
	h.Send(formRight())
	h.Press("tab")
	h.Type("v1")
	h.Press("ctrl+s", "y")
	h.WaitForText("created retry/create")
	if n := countOps(emu, "CreateSecret"); n != 2 {
		t.Fatalf("CreateSecret calls = %d, want a dropped one and its retry", n)
	}
	versions, err := client.ListSecretVersions(t.Context(), "retry/create", true)
	if err != nil || len(versions) != 1 {
		t.Fatalf("versions %d, %v", len(versions), err)
	}
}

func TestEscOnAFilledCreateFormAsksFirst(t *testing.T) {
	h, _ := startWrite(t, 100, 30)
	h.Press("n")
	h.WaitForText("New secret")
	h.Type("half/typed")
	h.Press("esc")
	h.WaitForText("Leave without saving? Your changes are discarded.")
	h.Press("n")
	h.WaitForText("half/typed")
	h.Press("esc", "y")
	h.WaitForText("4 of 5 secrets")
}

func TestGoldenCreateForm(t *testing.T) {
	h, _ := startWrite(t, 100, 30)
	h.openCreate("prod/new/db", "New database", "team=data")
	h.Press("tab")
	h.Type("username")
	h.Press("tab")
	h.Type("app_user")
	h.Press("tab")
	h.Type("password")
	h.Press("tab")
	h.Type("hunter2")
	h.Press("tab")
	noSecretOnScreen(t, h, "app_user", "hunter2")
	golden(t, "create-form", settled(t, h.Driver))
}

// retryingBackend is the emulator on the test seed behind a client that
// retries as the SDK does by default, with short pauses.
func retryingBackend(t *testing.T) (*emulator.Server, *awsx.Client) {
	t.Helper()
	emu := emulator.New(emulator.Options{Clock: uitest.Clock})
	if err := emu.Load(uitest.Seed()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(func() {
		srv.Close()
		emu.Close()
	})
	client, err := awsx.New(context.Background(), awsx.Options{
		Region:           "us-east-1",
		EndpointURL:      srv.URL,
		Credentials:      credentials.NewStaticCredentialsProvider("AKIATEST", "secret", ""),
		RetryMaxAttempts: 3,
	})
	if err != nil {
		t.Fatal(err)
	}
	return emu, client
}

func TestCreateMaskWhileTypingDoesNotShowTheLength(t *testing.T) {
	h, _ := startWrite(t, 100, 30)
	h.openCreate("mask/len", "", "")
	h.Press("tab")
	h.Type("password")
	h.Press("tab")
	h.Type("ab")
	short := fieldLine(t, h.Screen(), "password")
	h.Press("ctrl+u")
	h.Type("abcdefghijklmnopqr")
	long := fieldLine(t, h.Screen(), "password")
	if short != long || strings.Contains(long, "•••••••••") {
		t.Fatalf("the masked value while typing depends on the length:\n%q\n%q", short, long)
	}
	noSecretOnScreen(t, h, "abcdefghijklmnopqr")
}
