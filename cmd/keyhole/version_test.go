package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// releaseBuild is the part of .goreleaser.yaml that says how keyhole is built.
type releaseBuild struct {
	Main    string   `yaml:"main"`
	Ldflags []string `yaml:"ldflags"`
}

// releaseLdflags reads the ldflags the release build of ./cmd/keyhole uses.
func releaseLdflags(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../../.goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var release struct {
		Builds []releaseBuild `yaml:"builds"`
	}
	if err := yaml.Unmarshal(data, &release); err != nil {
		t.Fatal(err)
	}
	for _, b := range release.Builds {
		if b.Main == "./cmd/keyhole" && len(b.Ldflags) > 0 {
			return b.Ldflags
		}
	}
	t.Fatal(".goreleaser.yaml has no build of ./cmd/keyhole with ldflags")
	return nil
}

// renderTemplate fills each {{ .Field }} of s from fields, failing on a field
// it does not know so that a new one is noticed here.
func renderTemplate(t *testing.T, s string, fields map[string]string) string {
	t.Helper()
	field := regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)
	return field.ReplaceAllStringFunc(s, func(m string) string {
		name := field.FindStringSubmatch(m)[1]
		value, ok := fields[name]
		if !ok {
			t.Fatalf(".goreleaser.yaml's ldflags use {{ .%s }}, which this test does not fill", name)
		}
		return value
	})
}

func TestVersionShowsWhatTheReleaseBuildLinksIn(t *testing.T) {
	fields := map[string]string{
		"Version":    "1.2.3",
		"Commit":     "0123456789abcdef0123456789abcdef01234567",
		"CommitDate": "2026-01-02T03:04:05Z",
	}
	ldflags := renderTemplate(t, strings.Join(releaseLdflags(t), " "), fields)
	bin := filepath.Join(t.TempDir(), "keyhole")
	build := exec.Command("go", "build", "-ldflags", ldflags, "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go %v: %v\n%s", build.Args[1:], err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("keyhole --version: %v", err)
	}
	want := "keyhole version 1.2.3 (commit 0123456789ab, built 2026-01-02T03:04:05Z)\n"
	if string(out) != want {
		t.Errorf("keyhole --version = %q, want %q: do .goreleaser.yaml's -X names still match the variables in version.go?", out, want)
	}
}
