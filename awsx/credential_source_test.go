package awsx_test

import (
	"context"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
)

// The keys of the environment and of the [default] profile, which the
// emulator maps to different principals.
const (
	sourceEnvKey     = "AKIASOURCEENV"
	sourceDefaultKey = "AKIASOURCEDEFAULT"
)

// startSourceEmulator serves an emulator that answers every call with
// errorCode (none when empty) and writes a shared config whose [default]
// profile has keys of its own. It returns the emulator and its URL.
func startSourceEmulator(t *testing.T, errorCode string) (*emulator.Server, string) {
	t.Helper()
	isolateAWSEnv(t)
	config := "[default]\nregion = " + testRegion + "\naws_access_key_id = " + sourceDefaultKey + "\naws_secret_access_key = default-secret\n"
	if err := os.WriteFile(os.Getenv("AWS_CONFIG_FILE"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	emu := emulator.New(emulator.Options{Identities: map[string]string{
		sourceEnvKey:     "arn:aws:iam::123456789012:user/from-env",
		sourceDefaultKey: "arn:aws:iam::123456789012:user/default-profile",
	}})
	if errorCode != "" {
		emu.AddFault(emulator.Fault{Kind: emulator.FaultError, ErrorCode: errorCode})
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(func() {
		srv.Close()
		emu.Close()
	})
	return emu, srv.URL
}

// setEnvKeys puts credentials in the environment, as a shell's export does.
func setEnvKeys(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", sourceEnvKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", "env-secret")
	t.Setenv("AWS_SESSION_TOKEN", "env-session-token")
}

// signers are the access keys the emulator's calls were signed with.
func signers(emu *emulator.Server) map[string]bool {
	keys := map[string]bool{}
	for _, r := range emu.Requests() {
		keys[r.AccessKeyID] = true
	}
	return keys
}

func TestCredentialSourceSaysEnvForTheEnvironmentsKeys(t *testing.T) {
	for _, awsProfile := range []string{"", "default"} {
		t.Run("AWS_PROFILE="+awsProfile, func(t *testing.T) {
			emu, url := startSourceEmulator(t, "")
			setEnvKeys(t)
			t.Setenv("AWS_PROFILE", awsProfile)
			c, err := awsx.New(context.Background(), awsx.Options{EndpointURL: url, RetryMaxAttempts: 1})
			if err != nil {
				t.Fatalf("new: %v", err)
			}
			if _, err := c.ListSecretsPage(context.Background(), model.ListQuery{}, ""); err != nil {
				t.Fatalf("list: %v", err)
			}
			// The SDK puts the environment's keys before AWS_PROFILE.
			if keys := signers(emu); !keys[sourceEnvKey] || keys[sourceDefaultKey] {
				t.Fatalf("signed with %v, want only the environment's %s", keys, sourceEnvKey)
			}
			if got := c.CredentialSource(); got != awsx.EnvSource {
				t.Errorf("credential source %q, want %q", got, awsx.EnvSource)
			}
			if c.Profile() != "default" || c.Region() != testRegion {
				t.Errorf("profile %q region %q, want the default profile's settings", c.Profile(), c.Region())
			}
		})
	}
}

func TestCredentialSourceIsTheProfileWhenOneIsNamed(t *testing.T) {
	emu, url := startSourceEmulator(t, "")
	setEnvKeys(t)
	c, err := awsx.New(context.Background(), awsx.Options{Profile: "default", EndpointURL: url, RetryMaxAttempts: 1})
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	if _, err := c.ListSecretsPage(context.Background(), model.ListQuery{}, ""); err != nil {
		t.Fatalf("list: %v", err)
	}
	// A profile named in Options wins over the environment.
	if keys := signers(emu); !keys[sourceDefaultKey] || keys[sourceEnvKey] {
		t.Fatalf("signed with %v, want only the default profile's %s", keys, sourceDefaultKey)
	}
	if got := c.CredentialSource(); got != "default" {
		t.Errorf("credential source %q, want default", got)
	}
}

func TestExpiredEnvCredentialsSayToExportFreshOnes(t *testing.T) {
	_, url := startSourceEmulator(t, "ExpiredTokenException")
	setEnvKeys(t)
	c, err := awsx.New(context.Background(), awsx.Options{EndpointURL: url, RetryMaxAttempts: 1})
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	_, err = c.ListSecretsPage(context.Background(), model.ListQuery{}, "")
	e := wantKind(t, err, model.KindCredentials)
	if !strings.Contains(e.Fix, "AWS_ACCESS_KEY_ID") || !strings.Contains(e.Fix, "start keyhole again") || strings.Contains(e.Fix, "profile") {
		t.Errorf("fix %q, want it to say to export fresh keys and start again, naming no profile", e.Fix)
	}
}
