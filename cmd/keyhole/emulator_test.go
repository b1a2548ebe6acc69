package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// serveEmulator runs `keyhole emulator` with args on a free loopback port
// and returns its URL; the process ends with the test.
func serveEmulator(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"emulator", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = scriptEnv(t)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start the emulator: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "keyhole emulator listening on ")
	if err != nil || !ok {
		t.Fatalf("the emulator said %q (%v)", line, err)
	}
	return url
}

func TestEmulatorServesSyntheticSecrets(t *testing.T) {
	const n = 250
	url := serveEmulator(t, "--synthetic", "250")
	out := runKeyhole(t, "ls", "--endpoint-url", url, "--region", "us-east-1").mustSucceed(t).stdout
	var got []string
	for line := range strings.Lines(string(out)) {
		got = append(got, strings.Split(line, "\t")[0])
	}
	slices.Sort(got)
	if want := visibleNames(emulator.Synthetic(n, 1)); !slices.Equal(got, want) {
		t.Fatalf("listed %d secrets, want the %d of the synthetic set", len(got), len(want))
	}
}

func TestEmulatorLatencyDelaysEveryRequest(t *testing.T) {
	const d = 300 * time.Millisecond
	url := serveEmulator(t, "--synthetic", "5", "--latency", d.String(), "--fault", "denied:GetSecretValue")
	start := time.Now()
	runKeyhole(t, "ls", "--endpoint-url", url, "--region", "us-east-1").mustSucceed(t)
	if took := time.Since(start); took < d {
		t.Fatalf("ls took %v; want at least the %v latency", took, d)
	}
	if r := runKeyhole(t, "get", "--endpoint-url", url, "--region", "us-east-1", emulator.Synthetic(5, 1).Secrets[0].Name); r.code == 0 || !strings.Contains(r.stderr, "denied") {
		t.Fatalf("the denied fault must still answer GetSecretValue: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runKeyhole(t, "emulator", "--latency", "-1s"); r.code != 2 || !strings.Contains(r.stderr, "--latency") {
		t.Fatalf("emulator --latency -1s: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestEmulatorTakesOneDataSet(t *testing.T) {
	for _, args := range [][]string{{"--demo", "--synthetic", "5"}, {"--seed", "x.json", "--demo"}, {"--synthetic", "-1"}} {
		r := runKeyhole(t, append([]string{"emulator"}, args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, "--synthetic") {
			t.Errorf("emulator %v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// TestAWSCLISeesTheVersionsTheAppWrote edits a demo secret in the app,
// against `keyhole emulator --demo`, and reads its versions back with the
// AWS CLI: the same version ids under the same labels as the app's
// versions view.
func TestAWSCLISeesTheVersionsTheAppWrote(t *testing.T) {
	aws, err := exec.LookPath("aws")
	if err != nil {
		if os.Getenv("KEYHOLE_REQUIRE_MOTO") == "1" {
			t.Fatal("the AWS CLI (aws) is not on PATH")
		}
		t.Skip("the AWS CLI (aws) is not on PATH")
	}
	const name = "prod/identity/oauth-client"
	url := serveEmulator(t, "--demo")
	tm := startTerm(t, 120, 40, emulatorEnv("AKIACLI"), "--endpoint-url", url, "--region", "us-east-1", "--rw")
	tm.WaitForText("secrets")
	tm.Send("/" + name + "\r\r")
	tm.WaitForText("not loaded")
	tm.Send("e")
	tm.WaitForText("base version ")
	tm.Send("\r\x15lk-web-prod-2\r\x13")
	tm.WaitForText("Save a new version of " + name + "?")
	tm.Send("y")
	tm.WaitForText("saved as version ")
	tm.Send("h")
	tm.WaitForText("Versions · " + name)
	tm.Send("x")
	tm.WaitForText("deprecated shown")

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cli := exec.CommandContext(ctx, aws, "--endpoint-url", url, "secretsmanager", "list-secret-version-ids", "--secret-id", name, "--include-deprecated")
	cli.Env = append(scriptEnv(t), "AWS_DEFAULT_REGION=us-east-1")
	out, err := cli.Output()
	if err != nil {
		t.Fatalf("aws list-secret-version-ids: %v", err)
	}
	var listed struct {
		Versions []struct {
			VersionId     string
			VersionStages []string
		}
	}
	if err := json.Unmarshal(out, &listed); err != nil {
		t.Fatalf("decode the CLI's answer: %v\n%s", err, out)
	}
	screen := tm.Screen()
	current := 0
	for _, v := range listed.Versions {
		row := rowWith(screen, v.VersionId)
		if row == "" {
			t.Errorf("version %s is not in the app's versions view:\n%s", v.VersionId, screen)
			continue
		}
		for _, stage := range v.VersionStages {
			if !strings.Contains(row, stage) {
				t.Errorf("the app shows %s without %s: %q", v.VersionId, stage, row)
			}
		}
		if slices.Contains(v.VersionStages, "AWSCURRENT") {
			current++
			if !strings.Contains(row, "just now") {
				t.Errorf("AWSCURRENT is not the version just saved: %q", row)
			}
		}
	}
	if current != 1 || len(listed.Versions) < 2 || !strings.Contains(screen, fmt.Sprintf("%d versions", len(listed.Versions))) {
		t.Fatalf("the CLI lists %d versions with %d AWSCURRENT:\n%s\nthe app:\n%s", len(listed.Versions), current, out, screen)
	}
}

// rowWith is the screen line that contains text, or "".
func rowWith(screen, text string) string {
	for line := range strings.Lines(screen) {
		if strings.Contains(line, text) {
			return line
		}
	}
	return ""
}
