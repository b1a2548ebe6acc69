package awsx

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestProfilesReadsBothFiles(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config")
	creds := filepath.Join(dir, "credentials")
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(config, "[default]\nregion = us-east-1\n[profile prod]\nrole_arn = x\n[sso-session corp]\nsso_start_url = y\n[profile  dev ]\n")
	write(creds, "[default]\naws_access_key_id = a\n[ci]\naws_access_key_id = b\n")
	env := map[string]string{"AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": creds}
	got, err := Profiles(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"default", "ci", "dev", "prod"}; !slices.Equal(got, want) {
		t.Fatalf("Profiles = %v, want %v", got, want)
	}
	none, err := Profiles(func(k string) string { return map[string]string{"HOME": t.TempDir()}[k] })
	if err != nil || len(none) != 0 {
		t.Fatalf("no files: %v, %v", none, err)
	}
}

func TestMFAProfileAsksForItsCodeWhenWarmed(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config")
	creds := filepath.Join(dir, "credentials")
	if err := os.WriteFile(config, []byte("[profile mfa]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(creds, []byte("[base]\naws_access_key_id = AKIATEST\naws_secret_access_key = s\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_CONFIG_FILE", config)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", creds)
	t.Setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:1") // the assume-role call stays on this machine
	asked := 0
	c, err := New(context.Background(), Options{Profile: "mfa", EndpointURL: "http://127.0.0.1:1", MFAToken: func() (string, error) {
		asked++
		return "123456", nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	_ = c.Warm(context.Background()) // the STS call fails: nothing listens there
	if asked != 1 {
		t.Fatalf("the MFA code was asked %d times, want once", asked)
	}
}
