package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// useCanary is the value the use-without-seeing tests must never print
// where it is not asked for.
const useCanary = "canary-5d1e-use-value"

// useSeed holds the secrets of the exec, env, diff and dups tests.
func useSeed() emulator.Seed {
	return emulator.Seed{Secrets: []emulator.SeedSecret{
		scriptSecret("app/prod", "", `{"db": {"password": "`+useCanary+`", "host": "db.prod"}, "port": 5432}`),
		scriptSecret("app/staging", "", `{"db": {"password": "`+useCanary+`", "host": "db.staging"}, "debug": "on"}`),
		scriptSecret("app/api-key", "", useCanary),
		scriptSecret("app/quoting", "", `{"single": "it's", "dollar": "$HOME and ${HOME}", "back": "a\\b\\'", "nl": "one\ntwo", "sp": " x ", "empty": ""}`),
		scriptSecret("app/clash", "", `{"db_password": "other-value"}`),
		scriptSecret("app/evil", "", `{"ld.preload": "/tmp/x.so"}`),
	}}
}

func TestExecSetsVariablesAndConceals(t *testing.T) {
	_, flags := serveScriptSeed(t, useSeed())
	r := runKeyhole(t, append(flags, "exec", "--secret", "app/prod", "--", "sh", "-c", `printf %s "$DB_PASSWORD"`)...).mustSucceed(t)
	if string(r.stdout) != useCanary {
		t.Fatalf("exec printed %q, want the canary from DB_PASSWORD", r.stdout)
	}
	r = runKeyhole(t, append(flags, "exec", "--secret", "app/prod=APP_", "--env", "KEY=app/staging#db.host", "--secret", "app/api-key", "--",
		"sh", "-c", `printf '%s|%s|%s|%s' "$APP_DB_HOST" "$APP_PORT" "$KEY" "$API_KEY"`)...).mustSucceed(t)
	if want := "db.prod|5432|db.staging|" + useCanary; string(r.stdout) != want {
		t.Fatalf("exec printed %q, want %q", r.stdout, want)
	}
	r = runKeyhole(t, append(flags, "exec", "--conceal", "--secret", "app/prod", "--", "sh", "-c",
		`printf 'pw=%s\n' "$DB_PASSWORD"; printf '%s' "$DB_PASSWORD" | head -c 9; sleep 0.1; printf '%s' "$DB_PASSWORD" | tail -c +10; printf '%s' "$DB_PASSWORD" >&2`)...)
	if r.code != 0 || r.stderr != concealMark {
		t.Fatalf("exec --conceal exited %d with stderr %q, want the value concealed there too", r.code, r.stderr)
	}
	if strings.Contains(string(r.stdout)+r.stderr, useCanary) || strings.Contains(string(r.stdout), "canary-5d") {
		t.Fatalf("exec --conceal let the value through: stdout %q stderr %q", r.stdout, r.stderr)
	}
	if want := "pw=" + concealMark + "\n" + concealMark; string(r.stdout) != want {
		t.Fatalf("exec --conceal printed %q, want %q", r.stdout, want)
	}
}

func TestExecExitsWithTheChildsCode(t *testing.T) {
	_, flags := serveScriptSeed(t, useSeed())
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"sh", "-c", "exit 0"}, 0},
		{[]string{"sh", "-c", "exit 7"}, 7},
		{[]string{"sh", "-c", "kill -TERM $$"}, 128 + int(syscall.SIGTERM)},
		{[]string{"no-such-command-keyhole"}, 127},
	} {
		r := runKeyhole(t, append(append(flags, "exec", "--secret", "app/prod", "--"), c.args...)...)
		if r.code != c.want {
			t.Errorf("exec %q exited %d, want %d (stderr %q)", c.args, r.code, c.want, r.stderr)
		}
		if c.want > 0 && c.want < 127 && r.stderr != "" {
			t.Errorf("exec %q printed %q: the child's status needs no words", c.args, r.stderr)
		}
	}
	if r := runKeyhole(t, append(flags, "exec", "--secret", "app/missing", "--", "true")...); r.code != exitNotFound {
		t.Errorf("exec of a missing secret exited %d, want %d", r.code, exitNotFound)
	}
}

func TestExecPassesSignalsToTheChild(t *testing.T) {
	_, flags := serveScriptSeed(t, useSeed())
	dir := t.TempDir()
	ready, got := filepath.Join(dir, "ready"), filepath.Join(dir, "got")
	script := `trap 'echo TERM > ` + got + `; exit 3' TERM; : > ` + ready + `; while :; do sleep 0.05; done`
	ctx, cancel := context.WithTimeout(context.Background(), scriptRunTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, append(flags, "exec", "--secret", "app/prod", "--", "sh", "-c", script)...)
	cmd.Env = scriptEnv(t)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(ready); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the child never started")
		}
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 3 {
		t.Fatalf("keyhole exited %d after SIGTERM, want the child's 3 (stderr %q)", code, stderr.String())
	}
	if b, err := os.ReadFile(got); err != nil || string(b) != "TERM\n" {
		t.Fatalf("the child did not trap SIGTERM: %q, %v", b, err)
	}
}

func TestExecRefusesConflictsNamingBothSources(t *testing.T) {
	_, flags := serveScriptSeed(t, useSeed())
	r := runKeyhole(t, append(flags, "exec", "--secret", "app/prod", "--secret", "app/clash", "--", "true")...)
	for _, want := range []string{"app/prod", `"db.password"`, "app/clash", `"db_password"`, "DB_PASSWORD"} {
		if r.code == 0 || !strings.Contains(r.stderr, want) {
			t.Errorf("a conflict exited %d with %q, want it to name %s", r.code, r.stderr, want)
		}
	}
	r = runKeyhole(t, append(flags, "exec", "--secret", "app/evil", "--", "true")...)
	if r.code == 0 || !strings.Contains(r.stderr, "LD_PRELOAD") {
		t.Errorf("a key becoming LD_PRELOAD exited %d with %q", r.code, r.stderr)
	}
	r = runKeyhole(t, append(flags, "exec", "--env", "X=app/prod#db.nope", "--", "true")...)
	if r.code == 0 || !strings.Contains(r.stderr, "db.host") || strings.Contains(r.stderr, useCanary) {
		t.Errorf("a missing --env key exited %d with %q, want the keys listed and no value", r.code, r.stderr)
	}
}

func TestEnvQuotesForEachFormat(t *testing.T) {
	_, flags := serveScriptSeed(t, useSeed())
	want := map[string]string{
		"SINGLE": "it's", "DOLLAR": "$HOME and ${HOME}", "BACK": `a\b\'`, "NL": "one\ntwo", "SP": " x ", "EMPTY": "",
	}
	shell := runKeyhole(t, append(flags, "env", "app/quoting", "--format", "shell")...).mustSucceed(t)
	for name, value := range want {
		out, err := exec.Command("sh", "-c", string(shell.stdout)+`printf %s "$`+name+`"`).Output()
		if err != nil || string(out) != value {
			t.Errorf("sourcing the shell format, %s is %q (%v), want %q", name, out, err, value)
		}
	}
	js := runKeyhole(t, append(flags, "env", "app/quoting", "--format", "json")...).mustSucceed(t)
	var got map[string]string
	if err := json.Unmarshal(js.stdout, &got); err != nil || len(got) != len(want) {
		t.Fatalf("the json format %q does not decode to %d variables: %v", js.stdout, len(want), err)
	}
	for name, value := range want {
		if got[name] != value {
			t.Errorf("json %s is %q, want %q", name, got[name], value)
		}
	}
	dotenv := runKeyhole(t, append(flags, "env", "app/quoting")...).mustSucceed(t)
	if _, err := exec.LookPath("python3"); err != nil || exec.Command("python3", "-c", "import dotenv").Run() != nil {
		t.Skip("python-dotenv is not installed: the dotenv format is not read back")
	}
	py := `import sys, json, dotenv, io; print(json.dumps(dotenv.dotenv_values(stream=io.StringIO(sys.stdin.read()), interpolate=False)))`
	cmd := exec.Command("python3", "-c", py)
	cmd.Stdin = bytes.NewReader(dotenv.stdout)
	out, err := cmd.Output()
	got = nil
	if err != nil || json.Unmarshal(out, &got) != nil {
		t.Fatalf("python-dotenv could not read %q: %v", dotenv.stdout, err)
	}
	for name, value := range want {
		if got[name] != value {
			t.Errorf("python-dotenv reads %s as %q, want %q (from %q)", name, got[name], value, dotenv.stdout)
		}
	}
}

func TestEnvWorksInAPipeAndRefusesATerminal(t *testing.T) {
	_, flags := serveScriptSeed(t, useSeed())
	r := runKeyhole(t, append(flags, "env", "app/prod", "--format", "dotenv")...).mustSucceed(t)
	if !strings.Contains(string(r.stdout), "DB_PASSWORD='"+useCanary+"'\n") {
		t.Fatalf("env printed %q, want a DB_PASSWORD= line", r.stdout)
	}
	out, code := runInTerminal(t, nil, append(flags, "env", "app/prod")...)
	if code != 0 || strings.Contains(out, useCanary) || !strings.Contains(out, "--reveal") {
		t.Fatalf("env on a terminal exited %d and printed %q, want no value and a hint", code, out)
	}
	out, code = runInTerminal(t, nil, append(flags, "env", "app/prod", "--reveal")...)
	if code != 0 || !strings.Contains(out, useCanary) {
		t.Fatalf("env --reveal on a terminal exited %d and printed %q", code, out)
	}
}

func TestDiffSaysWhatDiffersAndNeverTheValue(t *testing.T) {
	_, flags := serveScriptSeed(t, useSeed())
	r := runKeyhole(t, append(flags, "diff", "app/staging", "app/prod")...)
	if r.code != exitDiffers {
		t.Fatalf("diff of different secrets exited %d, want 1 (stderr %q)", r.code, r.stderr)
	}
	want := "~ changed    db.host\n= unchanged  db.password\n- removed    debug\n+ added      port\n1 changed, 1 added, 1 removed, 1 unchanged\n"
	if string(r.stdout) != want {
		t.Errorf("diff printed\n%s\nwant\n%s", r.stdout, want)
	}
	if r := runKeyhole(t, append(flags, "diff", "app/prod", "app/prod@AWSCURRENT")...); r.code != 0 {
		t.Errorf("diff of a secret with itself exited %d", r.code)
	}
	if r := runKeyhole(t, append(flags, "diff", "app/prod", "app/nope")...); r.code != exitDiffTrouble {
		t.Errorf("diff with a missing secret exited %d, want 2", r.code)
	}
	js := runKeyhole(t, append(flags, "diff", "--json", "app/prod", "app/api-key")...)
	for _, run := range []scriptRun{r, js} {
		if strings.Contains(string(run.stdout)+run.stderr, useCanary) {
			t.Fatalf("diff printed the value: %q %q", run.stdout, run.stderr)
		}
	}
}

func TestDupsGroupsSharedValuesAndNeverPrintsThem(t *testing.T) {
	_, flags := serveScriptSeed(t, useSeed())
	if r := runKeyhole(t, append(flags, "dups", "app")...); r.code != exitUsage || !strings.Contains(r.stderr, "--read-values") {
		t.Fatalf("dups without --read-values exited %d with %q", r.code, r.stderr)
	}
	r := runKeyhole(t, append(flags, "dups", "--read-values", "app")...)
	want := "app/api-key (value)\napp/prod db.password\napp/staging db.password\n"
	if r.code != 1 || string(r.stdout) != want {
		t.Fatalf("dups exited %d and printed %q, want %q", r.code, r.stdout, want)
	}
	js := runKeyhole(t, append(flags, "dups", "--read-values", "--json")...)
	for _, run := range []scriptRun{r, js} {
		if strings.Contains(string(run.stdout)+run.stderr, useCanary) {
			t.Fatalf("dups printed the value: %q %q", run.stdout, run.stderr)
		}
	}
	out, code := runInTerminalInput(t, "n\n", append(flags, "dups", "--read-values", "app")...)
	if code != 1 || !strings.Contains(out, "6 GetSecretValue calls") || strings.Contains(out, "db.password") {
		t.Fatalf("dups on a terminal, answered n, exited %d and printed %q", code, out)
	}
}

// runInTerminalInput is runInTerminal with input typed at the terminal
// once the program has started.
func runInTerminalInput(t *testing.T, input string, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), scriptRunTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(scriptEnv(t), "TERM=xterm-256color", "LANG=C.UTF-8")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 200, Rows: 50})
	if err != nil {
		t.Fatalf("start keyhole on a terminal: %v", err)
	}
	defer f.Close()
	var out bytes.Buffer
	drained := make(chan struct{})
	go func() {
		defer close(drained)
		_, _ = io.Copy(&out, f)
	}()
	_, _ = io.WriteString(f, input)
	_ = cmd.Wait()
	<-drained
	return strings.ReplaceAll(out.String(), "\r\n", "\n"), cmd.ProcessState.ExitCode()
}

func TestDiffAndExecReadAnotherRegion(t *testing.T) {
	seed := useSeed()
	far := scriptSecret("app/prod", "", `{"db": {"password": "far-`+useCanary+`", "host": "db.prod"}, "port": 5432}`)
	far.Region = "eu-west-1"
	seed.Secrets = append(seed.Secrets, far)
	_, flags := serveScriptSeed(t, seed)
	r := runKeyhole(t, append(flags, "diff", "app/prod", ":eu-west-1:app/prod")...)
	want := "= unchanged  db.host\n~ changed    db.password\n= unchanged  port\n1 changed, 0 added, 0 removed, 2 unchanged\n"
	if r.code != exitDiffers || string(r.stdout) != want {
		t.Fatalf("diff across regions exited %d and printed %q (stderr %q), want %q", r.code, r.stdout, r.stderr, want)
	}
	r = runKeyhole(t, append(flags, "exec", "--secret", ":eu-west-1:app/prod", "--", "sh", "-c", `printf %s "$DB_PASSWORD"`)...).mustSucceed(t)
	if string(r.stdout) != "far-"+useCanary {
		t.Fatalf("exec of :eu-west-1:app/prod printed %q", r.stdout)
	}
}
