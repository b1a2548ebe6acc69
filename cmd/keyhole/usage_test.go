package main

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/model"
)

func TestEveryUsageErrorExitsTwo(t *testing.T) {
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"--bogus"}, "unknown flag: --bogus"},
		{[]string{"ls", "--bogus"}, "unknown flag: --bogus"},
		{[]string{"keys", "--bogus"}, "unknown flag: --bogus"},
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"keys", "extra"}, `unknown command "extra"`},
		{[]string{"completion", "tcsh"}, `no script for the shell "tcsh" (known: bash, zsh, fish, powershell)`},
		{[]string{"completion"}, "completion wants a shell: bash, zsh, fish, powershell"},
		{[]string{"--demo", "--reveal-timeout", "-5s"}, "--reveal-timeout -5s: want a duration"},
		{[]string{"--demo", "--clipboard-timeout=-1m"}, "--clipboard-timeout -1m0s: want a duration"},
		{[]string{"ls", "--demo", "--sort", "size"}, `--sort "size": want one of name, created, changed, accessed`},
	} {
		r := runKeyhole(t, tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.says) || len(r.stdout) != 0 {
			t.Errorf("keyhole %s exited %d saying %q (stdout %q), want %d saying %q",
				strings.Join(tc.args, " "), r.code, r.stderr, r.stdout, exitUsage, tc.says)
		}
	}
}

func TestCompletionStillWritesAKnownShellsScript(t *testing.T) {
	r := runKeyhole(t, "completion", "bash").mustSucceed(t)
	if !strings.Contains(string(r.stdout), "bash completion") {
		t.Errorf("completion bash printed %.80q", r.stdout)
	}
}

func TestTheAppRefusesToStartWithoutATerminal(t *testing.T) {
	r := runKeyhole(t, "--demo")
	if r.code != exitUsage || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "keyhole ls and keyhole get") {
		t.Errorf("with pipes keyhole exited %d saying %q, want %d and one line saying what to do", r.code, r.stderr, exitUsage)
	}
	out, code := runInTerminal(t, []string{"TERM=dumb"}, "--demo")
	if code != exitUsage || !strings.Contains(out, "TERM=dumb cannot draw") || strings.Contains(out, "\x1b[") {
		t.Errorf("with TERM=dumb keyhole exited %d printing %q, want %d and one line", code, out, exitUsage)
	}
}

func TestTerminalCheckNamesWhatIsMissing(t *testing.T) {
	noTTY := func() error { return errors.New("no such device") }
	hasTTY := func() error { return nil }
	for _, tc := range []struct {
		term terminal
		want error
	}{
		{terminal{term: "xterm", stdinTTY: true, stdoutTTY: true, openTTY: noTTY}, nil},
		{terminal{term: "dumb", stdinTTY: true, stdoutTTY: true, openTTY: hasTTY}, errDumbTerminal},
		{terminal{term: "xterm", stdinTTY: true, stdoutTTY: false, openTTY: hasTTY}, errOutputNotTTY},
		// Keys come from /dev/tty when stdin is a pipe.
		{terminal{term: "xterm", stdinTTY: false, stdoutTTY: true, openTTY: hasTTY}, nil},
		{terminal{term: "xterm", stdinTTY: false, stdoutTTY: true, openTTY: noTTY}, errNoTTY},
	} {
		err := tc.term.check()
		if !errors.Is(err, tc.want) || (err != nil && exitCode(err) != exitUsage) {
			t.Errorf("%+v: %v (exit %d), want %v", tc.term, err, exitCode(err), tc.want)
		}
	}
}

func TestConfigSyntaxErrorsSayTheLine(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"theme: dark\ncolumns: [a, b\n", "line "},
		{"\"dark", "line 1: found unexpected end of stream (a quote or bracket left open?)"},
		{"theme: dark\nclipboard: \"off\n", "line 2: found unexpected end of stream (a quote or bracket left open?)"},
		{"theme: dark\nclipboard: *off\n", "line 2: unknown anchor 'off' referenced"},
	} {
		_, err := parseConfig("c.yaml", []byte(tc.file))
		if err == nil || !strings.Contains(err.Error(), "config c.yaml: "+tc.want) {
			t.Errorf("%q: %v, want %q", tc.file, err, tc.want)
		}
	}
}

func TestLsSortsLikeTheList(t *testing.T) {
	var want []string
	for _, s := range scriptDemoSeed(t).Secrets {
		if s.Deleted.IsZero() {
			want = append(want, s.Name)
		}
	}
	slices.SortFunc(want, model.CompareNames)
	var got []string
	for _, row := range lsLines(t, runKeyhole(t, "ls", "--demo").mustSucceed(t).stdout) {
		got = append(got, row[0])
	}
	if !slices.Equal(got, want) {
		t.Errorf("ls listed %v, want names ignoring case %v", got, want)
	}
	rows := lsLines(t, runKeyhole(t, "ls", "--demo", "--sort", "changed").mustSucceed(t).stdout)
	if !slices.IsSortedFunc(rows, func(a, b []string) int { return strings.Compare(b[1], a[1]) }) || len(rows) != len(want) {
		t.Errorf("ls --sort changed is not newest first: %v", rows)
	}
}
