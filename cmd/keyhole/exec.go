package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/keyhole-tui/keyhole/model"
)

// execFlags are the flags of keyhole exec.
type execFlags struct {
	secrets []string
	picks   []string
	conceal bool
}

// newExecCmd runs a command with secrets in its environment.
func newExecCmd(g *globalFlags) *cobra.Command {
	var f execFlags
	cmd := &cobra.Command{
		Use:   "exec [flags] -- CMD [ARGS...]",
		Short: "Run a command with secrets as environment variables",
		Long: `Run CMD with keyhole's own environment plus variables made from secrets.

--secret NAME[=PREFIX] reads a secret's AWSCURRENT value. A JSON object's
leaves become variables named by their flattened path in upper case, every
character other than a letter or digit made _, after PREFIX
("db.password" is DB_PASSWORD, or APP_DB_PASSWORD with =APP_). Any other
value becomes one variable named after the last element of the secret's
name ("prod/api-key" is API_KEY); a binary value goes in as base64.
--env VAR=NAME#KEY sets VAR to one leaf. NAME may be PROFILE:REGION:NAME to
read another profile or region (with --demo, :REGION:NAME). A secret name
holding = is written NAME= (no prefix).

A variable two sources would both set is an error that names both, and so
is a key that would become a variable a shell, the dynamic loader or an
interpreter obeys (PATH, LD_PRELOAD, BASH_ENV...). A secret's variable
replaces one of the same name in keyhole's environment.

The values go to CMD in its environment only: never on its command line,
never to a file. The signals keyhole receives (SIGTERM, SIGHUP, SIGUSR1,
SIGUSR2, SIGINT, SIGQUIT) go on to CMD, except SIGINT and SIGQUIT while
keyhole runs in the terminal's foreground: the terminal sends those to CMD
as well. keyhole exits with CMD's exit code, or 128+N when signal N ended
it.

--conceal passes CMD's stdout and stderr through keyhole, replacing every
injected value of 4 characters or more with <concealed by keyhole>, a
value split across writes included. Bytes that could start a value wait
for the next write or the end of the output.

Exit codes: CMD's own; 1 keyhole could not read a secret or start CMD; 2 a
bad command line; 3 a secret or key was not found; 4 AWS denied access;
126 CMD could not be run; 127 CMD was not found.`,
		Example: `  keyhole exec --secret prod/app -- ./server
  keyhole exec --secret prod/db=PG_ --env API_KEY=prod/api#key -- ./migrate
  keyhole exec --conceal --secret prod/app -- ./noisy-job
  keyhole exec --secret prod:eu-west-1:prod/app -- env`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError(errors.New("exec needs a command to run: keyhole exec --secret NAME -- CMD [ARGS...]"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return printable(runExec(cmd, *g, f, args))
		},
	}
	fs := cmd.Flags()
	fs.SetInterspersed(false)
	fs.StringArrayVar(&f.secrets, "secret", nil, "NAME[=PREFIX]: set a variable for each key of this secret (repeatable)")
	fs.StringArrayVar(&f.picks, "env", nil, "VAR=NAME#KEY: set VAR to one key of a secret (repeatable)")
	fs.BoolVar(&f.conceal, "conceal", false, "replace the values in the command's stdout and stderr with <concealed by keyhole>")
	return cmd
}

// runExec reads the secrets, then runs the command and waits for it.
func runExec(cmd *cobra.Command, g globalFlags, f execFlags, args []string) error {
	sources, picks, err := envFlags(f.secrets, f.picks)
	if err != nil {
		return usageError(err)
	}
	if len(sources)+len(picks) == 0 {
		return usageError(errors.New("name a secret with --secret NAME or --env VAR=NAME#KEY"))
	}
	s, err := openSession(cmd.Context(), g)
	if err != nil {
		return err
	}
	vars, err := gatherEnv(cmd.Context(), newReaders(s, g), sources, picks)
	s.close()
	if err != nil {
		return err
	}
	return runChild(args, vars, f.conceal, cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr())
}

// envFlags reads the --secret and --env flags.
func envFlags(secrets, picks []string) ([]envSource, []envPick, error) {
	var (
		sources []envSource
		chosen  []envPick
	)
	for _, s := range secrets {
		src, err := parseSecretFlag(s)
		if err != nil {
			return nil, nil, err
		}
		sources = append(sources, src)
	}
	for _, p := range picks {
		pick, err := parsePickFlag(p)
		if err != nil {
			return nil, nil, err
		}
		chosen = append(chosen, pick)
	}
	return sources, chosen, nil
}

// runChild runs args with vars added to the environment, passes signals
// on, and returns quietExit with the child's status.
func runChild(args []string, vars []model.EnvVar, conceal bool, in io.Reader, out, errOut io.Writer) error {
	child := exec.Command(args[0], args[1:]...)
	child.Env = childEnv(os.Environ(), vars)
	child.Stdin, child.Stdout, child.Stderr = in, out, errOut
	var closers []*concealer
	if conceal {
		values := make([][]byte, 0, len(vars))
		for _, v := range vars {
			values = append(values, v.Value.Reveal())
		}
		stdout, stderr := newConcealer(out, values), newConcealer(errOut, values)
		child.Stdout, child.Stderr = stdout, stderr
		closers = append(closers, stdout, stderr)
	}
	signals := make(chan os.Signal, 8)
	signal.Notify(signals, forwardedSignals()...)
	defer signal.Stop(signals)
	if err := child.Start(); err != nil {
		return startError(args[0], err)
	}
	go forwardSignals(signals, child.Process)
	err := child.Wait()
	for _, c := range closers {
		_ = c.Close()
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return fmt.Errorf("run %s: %w", args[0], err)
	}
	if ws, ok := child.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return quietExit{code: 128 + int(ws.Signal())}
	}
	if code := child.ProcessState.ExitCode(); code != 0 {
		return quietExit{code: code}
	}
	return nil
}

// startError says why the command did not start, with the exit code a
// shell gives: 127 not found, 126 found but not runnable.
func startError(name string, err error) error {
	if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
		return &codedError{code: 127, err: fmt.Errorf("run %s: %w", name, err)}
	}
	return &codedError{code: 126, err: fmt.Errorf("run %s: %w", name, err)}
}

// forwardSignals passes each signal on to the child until the channel is
// stopped, except one the terminal sent to the child as well.
func forwardSignals(signals <-chan os.Signal, p *os.Process) {
	for sig := range signals {
		if typedAtTerminal(sig) {
			continue
		}
		_ = p.Signal(sig)
	}
}

// childEnv is env with each variable of vars set, replacing an entry of
// the same name.
func childEnv(env []string, vars []model.EnvVar) []string {
	set := make(map[string]bool, len(vars))
	for _, v := range vars {
		set[v.Name] = true
	}
	out := make([]string, 0, len(env)+len(vars))
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if !set[name] {
			out = append(out, kv)
		}
	}
	for _, v := range vars {
		out = append(out, v.Name+"="+string(v.Value.Reveal()))
	}
	return out
}
