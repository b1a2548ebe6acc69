package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// The MFA profile the test signs in with, and what it hands STS.
const (
	mfaPrompt     = "Assume Role MFA token code: "
	mfaCode       = "123456"
	mfaSerial     = "arn:aws:iam::123456789012:mfa/operator"
	mfaRoleARN    = "arn:aws:iam::123456789012:role/keyhole-operator"
	mfaRoleKeyID  = "ASIAKEYHOLEMFAROLE"
	mfaSourceKey  = "AKIAKEYHOLEMFABASE"
	mfaSecretName = "mfa/db"
	// enterAltScreen is the sequence that switches to the alternate screen.
	enterAltScreen = "\x1b[?1049h"
)

// mfaAWSConfig is a shared config whose operator profile assumes a role
// with the base profile's keys and an MFA code.
const mfaAWSConfig = `[profile base]
aws_access_key_id = ` + mfaSourceKey + `
aws_secret_access_key = base-secret
region = us-east-1

[profile operator]
role_arn = ` + mfaRoleARN + `
source_profile = base
mfa_serial = ` + mfaSerial + `
region = us-east-1
`

// assumeRoleResponse is STS's answer to AssumeRole, with credentials that
// outlive the test.
const assumeRoleResponse = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>` + mfaRoleKeyID + `</AccessKeyId>
      <SecretAccessKey>role-secret</SecretAccessKey>
      <SessionToken>role-session-token</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/keyhole-operator/keyhole</Arn>
      <AssumedRoleId>AROAKEYHOLEOPERATOR:keyhole</AssumedRoleId>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000001</RequestId></ResponseMetadata>
</AssumeRoleResponse>`

// accessDeniedResponse is STS's answer to AssumeRole with a wrong MFA code.
const accessDeniedResponse = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>MultiFactorAuthentication failed with invalid MFA one time pass code.</Message></Error>
  <RequestId>00000000-0000-0000-0000-000000000002</RequestId>
</ErrorResponse>`

// stsWithAssumeRole answers STS AssumeRole itself, which the emulator does
// not serve, and hands every other call to the emulator. It keeps the
// forms AssumeRole was called with.
type stsWithAssumeRole struct {
	emu *emulator.Server
	// refuse answers every AssumeRole with AccessDenied, as STS does for a
	// wrong code.
	refuse bool

	mu    sync.Mutex
	calls []url.Values
}

// ServeHTTP answers AssumeRole or passes the request on.
func (s *stsWithAssumeRole) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	form, _ := url.ParseQuery(string(body))
	if r.Header.Get("X-Amz-Target") != "" || form.Get("Action") != "AssumeRole" {
		r.Body = io.NopCloser(bytes.NewReader(body))
		s.emu.ServeHTTP(w, r)
		return
	}
	s.mu.Lock()
	s.calls = append(s.calls, form)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/xml")
	if s.refuse {
		w.WriteHeader(http.StatusForbidden)
		_, _ = io.WriteString(w, accessDeniedResponse)
		return
	}
	_, _ = io.WriteString(w, assumeRoleResponse)
}

// assumeRoleCalls are the forms AssumeRole was called with so far.
func (s *stsWithAssumeRole) assumeRoleCalls() []url.Values {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]url.Values(nil), s.calls...)
}

// mfaSeed is one secret for the role to list.
func mfaSeed() emulator.Seed {
	value := `{"user":"app"}`
	return emulator.Seed{Secrets: []emulator.SeedSecret{{
		Name:     mfaSecretName,
		Versions: []emulator.SeedVersion{{String: &value, Stages: []string{"AWSCURRENT"}}},
	}}}
}

// mfaEnv points the SDK at a shared config with the MFA profile and sends
// its STS calls, AssumeRole among them, to endpoint.
func mfaEnv(t *testing.T, endpoint string) []string {
	t.Helper()
	dir := t.TempDir()
	config := filepath.Join(dir, "config")
	if err := os.WriteFile(config, []byte(mfaAWSConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	return []string{
		"AWS_CONFIG_FILE=" + config,
		"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(dir, "no-credentials"),
		"AWS_ENDPOINT_URL_STS=" + endpoint,
		"AWS_EC2_METADATA_DISABLED=true",
	}
}

// TestMFAPromptComesBeforeTheTUI starts keyhole with a profile whose role
// needs an MFA code: the prompt must show on the plain terminal, before the
// alternate screen, and the code typed there must reach AssumeRole, whose
// credentials then list the secrets. It is asked for once.
func TestMFAPromptComesBeforeTheTUI(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	if err := emu.Load(mfaSeed()); err != nil {
		t.Fatalf("load seed: %v", err)
	}
	sts := &stsWithAssumeRole{emu: emu}
	srv := httptest.NewServer(sts)
	t.Cleanup(func() {
		srv.Close()
		emu.Close()
	})

	tm := startTerm(t, 100, 30, mfaEnv(t, srv.URL), "--profile", "operator", "--endpoint-url", srv.URL)
	tm.WaitForText(strings.TrimSpace(mfaPrompt))
	// keyhole now blocks reading the code: nothing after the prompt is drawn.
	if strings.Contains(tm.Raw(), enterAltScreen) || tm.altScreen() {
		t.Fatal("the alternate screen was entered before the MFA code was typed")
	}
	if calls := sts.assumeRoleCalls(); len(calls) != 0 {
		t.Fatalf("AssumeRole was called before the code was typed: %v", calls)
	}

	tm.Send(mfaCode + "\r")
	tm.WaitForText("1 of 1 secrets")
	tm.WaitForText(mfaSecretName)

	raw := tm.Raw()
	prompt, alt := strings.Index(raw, mfaPrompt), strings.Index(raw, enterAltScreen)
	if prompt < 0 || alt < 0 || prompt > alt {
		t.Fatalf("prompt at byte %d, alternate screen at byte %d: the prompt must come first", prompt, alt)
	}
	if n := strings.Count(raw, mfaPrompt); n != 1 {
		t.Errorf("the MFA prompt was written %d times, want once", n)
	}
	checkAssumeRole(t, sts.assumeRoleCalls())
	if !signedWith(emu.Requests(), mfaRoleKeyID) {
		t.Error("no call was signed with the role's credentials")
	}
	if signedWith(emu.Requests(), mfaSourceKey) {
		t.Error("a call was signed with the source profile's keys instead of the role's")
	}

	tm.Send("q")
	if err := tm.Wait(); err != nil {
		t.Fatalf("keyhole exited with %v", err)
	}
}

// TestRefusedMFACodeEndsKeyholeBeforeTheTUI types a code STS refuses:
// keyhole must say so and exit, asking once and never taking the screen,
// rather than ask again behind the UI and wait on a terminal the UI reads.
func TestRefusedMFACodeEndsKeyholeBeforeTheTUI(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	sts := &stsWithAssumeRole{emu: emu, refuse: true}
	srv := httptest.NewServer(sts)
	t.Cleanup(func() {
		srv.Close()
		emu.Close()
	})

	tm := startTerm(t, 100, 30, mfaEnv(t, srv.URL), "--profile", "operator", "--endpoint-url", srv.URL)
	tm.WaitForText(strings.TrimSpace(mfaPrompt))
	tm.Send(mfaCode + "\r")
	tm.WaitForText("sign-in with the MFA code failed")
	if err := tm.Wait(); err == nil {
		t.Fatal("keyhole exited 0 after STS refused the MFA code")
	}
	raw := tm.Raw()
	if n := strings.Count(raw, mfaPrompt); n != 1 {
		t.Errorf("the MFA prompt was written %d times, want once", n)
	}
	if strings.Contains(raw, enterAltScreen) {
		t.Error("keyhole took the screen after the code was refused")
	}
	if len(sts.assumeRoleCalls()) != 1 {
		t.Errorf("AssumeRole called %d times, want once", len(sts.assumeRoleCalls()))
	}
}

// checkAssumeRole checks that AssumeRole was called once, for the
// profile's role, with its MFA device and the code typed.
func checkAssumeRole(t *testing.T, calls []url.Values) {
	t.Helper()
	if len(calls) != 1 {
		t.Fatalf("AssumeRole called %d times, want once", len(calls))
	}
	want := map[string]string{"RoleArn": mfaRoleARN, "SerialNumber": mfaSerial, "TokenCode": mfaCode}
	for field, value := range want {
		if got := calls[0].Get(field); got != value {
			t.Errorf("AssumeRole %s = %q, want %q", field, got, value)
		}
	}
}

// signedWith reports whether the emulator served a call signed with accessKey.
func signedWith(requests []emulator.Request, accessKey string) bool {
	for _, r := range requests {
		if r.AccessKeyID == accessKey {
			return true
		}
	}
	return false
}
