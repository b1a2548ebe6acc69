package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// The two identities of the reconnect test: the keys in the environment
// keyhole starts with, and the [default] profile's keys in ~/.aws/config,
// each mapped by the emulator to its own principal.
const (
	envAccessKey     = "AKIAKEYHOLEFROMENV"
	envPrincipal     = "arn:aws:iam::123456789012:user/env-operator"
	defaultAccessKey = "AKIAKEYHOLEDEFAULT"
	defaultPrincipal = "arn:aws:iam::123456789012:user/default-profile"
	reconnectSecret  = "env/reconnected"
)

// defaultProfileConfig is a shared config whose [default] profile has keys
// of another principal than the environment's.
const defaultProfileConfig = `[default]
region = us-east-1
aws_access_key_id = ` + defaultAccessKey + `
aws_secret_access_key = default-secret
`

// TestReconnectAfterExpiredEnvCredentialsKeepsThem starts keyhole with
// credentials from environment variables, no AWS_PROFILE and no --profile;
// the first listing answers ExpiredToken and ctrl+r reconnects. The
// reconnect must sign with the environment's keys again: not switch to the
// [default] profile's identity when ~/.aws/config has one, nor fail for
// want of one when it has not. The header says the credentials come from
// the environment, not from a profile called default.
func TestReconnectAfterExpiredEnvCredentialsKeepsThem(t *testing.T) {
	for _, tc := range []struct {
		name   string
		config string
	}{
		{"a default profile with other keys", defaultProfileConfig},
		{"no shared config", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			emu := emulator.New(emulator.Options{Identities: map[string]string{
				envAccessKey: envPrincipal, defaultAccessKey: defaultPrincipal,
			}})
			value := "v"
			if err := emu.Load(emulator.Seed{Secrets: []emulator.SeedSecret{{
				Name: reconnectSecret, Versions: []emulator.SeedVersion{{String: &value, Stages: []string{"AWSCURRENT"}}},
			}}}); err != nil {
				t.Fatalf("load seed: %v", err)
			}
			// Both ends of the listing fail: the first page of each stream.
			emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "ExpiredTokenException", Count: 2})
			srv := httptest.NewServer(emu)
			t.Cleanup(func() {
				srv.Close()
				emu.Close()
			})

			home := t.TempDir()
			if tc.config != "" {
				if err := os.Mkdir(filepath.Join(home, ".aws"), 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(home, ".aws", "config"), []byte(tc.config), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			env := []string{
				"HOME=" + home,
				"AWS_ACCESS_KEY_ID=" + envAccessKey,
				"AWS_SECRET_ACCESS_KEY=env-secret",
				"AWS_SESSION_TOKEN=env-session-token",
				"AWS_REGION=us-east-1",
				"AWS_EC2_METADATA_DISABLED=true",
			}
			tm := startTerm(t, 160, 30, env, "--endpoint-url", srv.URL)
			tm.WaitForText("listing stopped after 0 secrets: credentials")
			if s := tm.Screen(); !strings.Contains(s, "profile env") || strings.Contains(s, "profile default") {
				t.Fatalf("the header must say the credentials come from the environment:\n%s", s)
			}

			tm.Send("\x12") // ctrl+r
			tm.WaitForText(reconnectSecret)
			tm.WaitForText("1 of 1 secrets")
			if s := tm.Screen(); !strings.Contains(s, "profile env") || strings.Contains(s, "profile default") {
				t.Fatalf("after the reconnect the header must still say env:\n%s", s)
			}
			lists := 0
			for _, r := range emu.Requests() {
				if r.AccessKeyID != envAccessKey {
					t.Errorf("%s was signed with %q, want the environment's %s", r.Operation, r.AccessKeyID, envAccessKey)
				}
				if r.Operation == "ListSecrets" {
					lists++
				}
			}
			if lists < 3 || lists > 4 {
				t.Errorf("ListSecrets called %d times, want the two expired ones and one or two after the reconnect", lists)
			}

			tm.Send("q")
			if err := tm.Wait(); err != nil {
				t.Fatalf("keyhole exited with %v", err)
			}
		})
	}
}
