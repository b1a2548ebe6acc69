package awsx

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
)

func TestProfileRegionsReadsEachProfilesRegion(t *testing.T) {
	config := filepath.Join(t.TempDir(), "config")
	text := "[default]\nregion = us-east-1\n[profile prod]\nrole_arn = x\nregion=eu-west-1\n[sso-session corp]\nregion = us-west-2\n[profile dev]\noutput = json\n"
	if err := os.WriteFile(config, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := ProfileRegions(func(k string) string { return map[string]string{"AWS_CONFIG_FILE": config}[k] })
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"default": "us-east-1", "prod": "eu-west-1"}; !maps.Equal(got, want) {
		t.Fatalf("ProfileRegions = %v, want %v", got, want)
	}
	none, err := ProfileRegions(func(k string) string { return map[string]string{"HOME": t.TempDir()}[k] })
	if err != nil || len(none) != 0 {
		t.Fatalf("no file: %v, %v", none, err)
	}
}
