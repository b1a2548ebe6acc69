package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/keyhole-tui/keyhole/assets"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// scriptRunTimeout bounds one run of the binary in the scripting tests.
const scriptRunTimeout = 30 * time.Second

// scriptRun is what one run of the keyhole binary left behind.
type scriptRun struct {
	stdout []byte
	stderr string
	code   int
}

// scriptEnv is a bare environment for the binary: test credentials, no
// AWS settings of the developer's, UTC so dates print the same everywhere.
func scriptEnv(t *testing.T) []string {
	home := t.TempDir()
	return []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"TZ=UTC",
		"AWS_CONFIG_FILE=" + home + "/config",
		"AWS_SHARED_CREDENTIALS_FILE=" + home + "/credentials",
		"AWS_ACCESS_KEY_ID=AKIAKEYHOLETEST",
		"AWS_SECRET_ACCESS_KEY=test-secret-key",
		"AWS_EC2_METADATA_DISABLED=true",
	}
}

// runKeyhole runs the binary with args, its stdout and stderr pipes, and
// returns what it printed and its exit code.
func runKeyhole(t *testing.T, args ...string) scriptRun {
	t.Helper()
	return runKeyholeEnv(t, nil, args...)
}

// runKeyholeEnv is runKeyhole with env added to the bare environment.
func runKeyholeEnv(t *testing.T, env []string, args ...string) scriptRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), scriptRunTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(scriptEnv(t), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
	default:
		t.Fatalf("run keyhole %s: %v", strings.Join(args, " "), err)
	}
	return scriptRun{stdout: stdout.Bytes(), stderr: stderr.String(), code: cmd.ProcessState.ExitCode()}
}

// mustSucceed fails the test unless the run exited 0 with nothing on stderr.
func (r scriptRun) mustSucceed(t *testing.T) scriptRun {
	t.Helper()
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("keyhole exited %d; stderr:\n%s", r.code, r.stderr)
	}
	return r
}

// runInTerminal runs the binary with args on a pseudo-terminal, as its
// stdin, stdout and stderr, and returns all it printed, with the
// terminal's \r\n turned back into \n, and its exit code.
func runInTerminal(t *testing.T, env []string, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), scriptRunTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(append(scriptEnv(t), "TERM=xterm-256color", "LANG=C.UTF-8"), env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 200, Rows: 50})
	if err != nil {
		t.Fatalf("start keyhole on a terminal: %v", err)
	}
	defer f.Close()
	var out bytes.Buffer
	drained := make(chan struct{})
	go func() {
		defer close(drained)
		_, _ = io.Copy(&out, f) // ends with EIO once the program has exited
	}()
	err = cmd.Wait()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("run keyhole %s on a terminal: %v", strings.Join(args, " "), err)
	}
	<-drained
	return strings.ReplaceAll(out.String(), "\r\n", "\n"), cmd.ProcessState.ExitCode()
}

// serveScriptSeed serves an emulator loaded with seed over HTTP for the test and
// returns it with the flags that point keyhole at it.
func serveScriptSeed(t *testing.T, seed emulator.Seed) (*emulator.Server, []string) {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	t.Cleanup(emu.Close)
	if err := emu.Load(seed); err != nil {
		t.Fatalf("load seed: %v", err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return emu, []string{"--endpoint-url", srv.URL, "--region", "us-east-1"}
}

// scriptDemoSeed is the seed behind --demo, narrowed to the demo account's
// home region, which --demo opens on.
func scriptDemoSeed(t *testing.T) emulator.Seed {
	t.Helper()
	var seed emulator.Seed
	if err := json.Unmarshal(assets.DemoSeed(), &seed); err != nil {
		t.Fatalf("read the demo seed: %v", err)
	}
	return demoHome(seed)
}

// demoHome drops the secrets and events a seed places outside its own
// account and region.
func demoHome(seed emulator.Seed) emulator.Seed {
	elsewhere := func(account, region string) bool {
		return account != "" && account != seed.AccountID || region != "" && region != seed.Region
	}
	seed.Secrets = slices.DeleteFunc(seed.Secrets, func(s emulator.SeedSecret) bool { return elsewhere(s.Account, s.Region) })
	seed.Events = slices.DeleteFunc(seed.Events, func(e emulator.SeedEvent) bool { return elsewhere(e.Account, e.Region) })
	return seed
}

// scriptLiveNames are the names of the seed's secrets not scheduled for deletion.
func scriptLiveNames(seed emulator.Seed) []string {
	var names []string
	for _, s := range seed.Secrets {
		if s.Deleted.IsZero() {
			names = append(names, s.Name)
		}
	}
	slices.Sort(names)
	return names
}

// scriptSeedVersion finds the version of a seed secret that has the id, or else
// carries the stage.
func scriptSeedVersion(t *testing.T, seed emulator.Seed, name, id, stage string) emulator.SeedVersion {
	t.Helper()
	for _, s := range seed.Secrets {
		if s.Name != name {
			continue
		}
		for _, v := range s.Versions {
			if id != "" && v.ID == id || id == "" && slices.Contains(v.Stages, stage) {
				return v
			}
		}
	}
	t.Fatalf("the seed has no version %q/%q of %s", id, stage, name)
	return emulator.SeedVersion{}
}

// scriptStr is a pointer to s, for seed versions.
func scriptStr(s string) *string { return &s }

// scriptSecret is a seed secret with one AWSCURRENT string value.
func scriptSecret(name, description, value string) emulator.SeedSecret {
	return emulator.SeedSecret{
		Name:        name,
		Description: description,
		Versions:    []emulator.SeedVersion{{String: scriptStr(value), Stages: []string{"AWSCURRENT"}}},
	}
}
