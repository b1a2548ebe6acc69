package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestManPageDocumentsTheFlags(t *testing.T) {
	page := string(runKeyhole(t, "man").mustSucceed(t).stdout)
	if !strings.HasPrefix(page, ".nh\n.TH \"KEYHOLE\" \"1\"") {
		t.Fatalf("keyhole man is not a roff page for section 1:\n%.200s", page)
	}
	for _, want := range []string{"--profile", "--region", "--endpoint-url", "--demo", "--rw", "keyhole-ls(1)", "keyhole-get(1)"} {
		if !strings.Contains(page, want) {
			t.Errorf("the man page lacks %s", want)
		}
	}
	if strings.Contains(page, "keyhole-man") {
		t.Error("the man page names the hidden man command")
	}
}

func TestManDirWritesAPagePerCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man1")
	runKeyhole(t, "man", "--dir", dir).mustSucceed(t)
	pages := map[string][]string{
		"keyhole.1":                 {"--demo"},
		"keyhole-ls.1":              {"--json", "--filter", "--include-deleted", "--profile", "--region", "--endpoint-url", "--demo"},
		"keyhole-get.1":             {"--key", "--stage", "--version-id", "--reveal", "--json", "--profile", "Exit codes"},
		"keyhole-emulator.1":        {"--addr"},
		"keyhole-completion-bash.1": {"bash"},
		"keyhole-exec.1":            {"--secret", "--env", "--conceal", "128+N"},
		"keyhole-env.1":             {"--format", "--prefix", "--reveal"},
		"keyhole-diff.1":            {"NAME@STAGE", "PROFILE:REGION:NAME", "--json"},
		"keyhole-dups.1":            {"--read-values", "--yes", "--fleet"},
	}
	for name, wants := range pages {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("keyhole man --dir did not write %s: %v", name, err)
			continue
		}
		for _, want := range wants {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "keyhole-man.1")); err == nil {
		t.Error("keyhole man --dir wrote a page for the hidden man command")
	}
}

// manPagesWritten lists the pages keyhole man --dir writes, sorted.
func manPagesWritten(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	runKeyhole(t, "man", "--dir", dir).mustSucceed(t)
	written, err := filepath.Glob(filepath.Join(dir, "*.1"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range written {
		names = append(names, filepath.Base(p))
	}
	return names
}

// releaseConfig is the part of .goreleaser.yaml that installs man pages.
type releaseConfig struct {
	Casks []struct {
		Manpages []string `yaml:"manpages"`
	} `yaml:"homebrew_casks"`
	Nfpms []struct {
		Contents []struct {
			Dst      string `yaml:"dst"`
			Type     string `yaml:"type"`
			Packager string `yaml:"packager"`
		} `yaml:"contents"`
	} `yaml:"nfpms"`
}

// readReleaseConfig reads .goreleaser.yaml.
func readReleaseConfig(t *testing.T) releaseConfig {
	t.Helper()
	data, err := os.ReadFile("../../.goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var release releaseConfig
	if err := yaml.Unmarshal(data, &release); err != nil {
		t.Fatalf("read .goreleaser.yaml: %v", err)
	}
	return release
}

// TestHomebrewCaskInstallsEveryManPage keeps the cask's list of man pages
// in .goreleaser.yaml in step with the pages keyhole man --dir writes.
func TestHomebrewCaskInstallsEveryManPage(t *testing.T) {
	var want []string
	for _, name := range manPagesWritten(t) {
		want = append(want, "man/"+name)
	}
	release := readReleaseConfig(t)
	if len(release.Casks) != 1 {
		t.Fatalf(".goreleaser.yaml has %d casks, want 1", len(release.Casks))
	}
	got := slices.Sorted(slices.Values(release.Casks[0].Manpages))
	if !slices.Equal(got, want) {
		t.Errorf("the cask installs %v, keyhole man --dir writes %v", got, want)
	}
}

// TestRpmMarksEveryManPageAsDoc keeps the rpm's list of %doc man pages in
// .goreleaser.yaml in step with the pages keyhole man --dir writes.
func TestRpmMarksEveryManPageAsDoc(t *testing.T) {
	var want []string
	for _, name := range manPagesWritten(t) {
		want = append(want, "/usr/share/man/man1/"+name+".gz")
	}
	release := readReleaseConfig(t)
	if len(release.Nfpms) != 1 {
		t.Fatalf(".goreleaser.yaml has %d nfpms, want 1", len(release.Nfpms))
	}
	var got []string
	for _, c := range release.Nfpms[0].Contents {
		if c.Type == "doc" && c.Packager == "rpm" && strings.HasPrefix(c.Dst, "/usr/share/man/") {
			got = append(got, c.Dst)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("the rpm marks %v as documentation, keyhole man --dir writes %v", got, want)
	}
}

func TestManPageDateFollowsSourceDateEpoch(t *testing.T) {
	page := string(runKeyholeEnv(t, []string{"SOURCE_DATE_EPOCH=0"}, "man").mustSucceed(t).stdout)
	if !strings.Contains(page, `"Jan 1970"`) {
		t.Fatalf("with SOURCE_DATE_EPOCH=0 the header is %q", strings.SplitN(page, "\n", 3)[1])
	}
}

func TestCompletionScriptsForEachShell(t *testing.T) {
	marks := map[string]string{
		"bash":       "__start_keyhole",
		"zsh":        "#compdef keyhole",
		"fish":       "complete -c keyhole",
		"powershell": "Register-ArgumentCompleter",
	}
	for shell, mark := range marks {
		script := string(runKeyhole(t, "completion", shell).mustSucceed(t).stdout)
		if !strings.Contains(script, mark) {
			t.Errorf("keyhole completion %s lacks %q", shell, mark)
		}
	}
}
