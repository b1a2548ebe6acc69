package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/keyhole-tui/keyhole/model"
)

// envCmdFlags are the flags of keyhole env.
type envCmdFlags struct {
	format string
	prefix string
	picks  []string
	reveal bool
}

// newEnvCmd prints the variables exec would set.
func newEnvCmd(g *globalFlags) *cobra.Command {
	var f envCmdFlags
	cmd := &cobra.Command{
		Use:   "env [flags] NAME...",
		Short: "Print secrets as environment variables: dotenv, shell or JSON",
		Long: `Print the variables keyhole exec would set from the secrets NAME...,
named the same way (see keyhole exec), each after --prefix, and with
--env VAR=NAME#KEY picks after them. NAME may be PROFILE:REGION:NAME.

--format dotenv (the default) prints KEY='value' lines: nothing inside
single quotes is expanded, a quote or backslash inside is escaped with a
backslash, and a value's newlines are kept, which is how docker compose and
python-dotenv read a .env file. --format shell prints export KEY='value'
lines to source in sh. --format json prints one object.

Like get, keyhole reads no value when stdout is a terminal unless --reveal
is given: send the output to a pipe or a file. Mind where that file goes:
it holds the values in clear.

Exit codes: 0 success; 1 any other error; 2 a bad command line; 3 a secret
or key was not found; 4 AWS denied access.`,
		Example: `  keyhole env prod/app > .env && docker compose up
  eval "$(keyhole env prod/app --format shell)"
  keyhole env prod/app --prefix APP_ --format json | jq keys`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 && len(f.picks) == 0 {
				return usageError(errors.New("env takes one or more secret names"))
			}
			return nil
		},
		ValidArgsFunction: completeSecretNames(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			return printable(runEnv(cmd, *g, f, args))
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&f.format, "format", model.EnvDotenv, "output format: "+strings.Join(model.EnvFormats(), ", "))
	fs.StringVar(&f.prefix, "prefix", "", "put this before every variable name made from a secret's keys")
	fs.StringArrayVar(&f.picks, "env", nil, "VAR=NAME#KEY: also set VAR to one key of a secret (repeatable)")
	fs.BoolVar(&f.reveal, "reveal", false, "print the values even when stdout is a terminal")
	return cmd
}

// runEnv reads the secrets and prints their variables, unless they would
// land on a terminal without --reveal.
func runEnv(cmd *cobra.Command, g globalFlags, f envCmdFlags, names []string) error {
	if !slices.Contains(model.EnvFormats(), f.format) {
		return usageError(fmt.Errorf("--format %q: want one of %s", f.format, strings.Join(model.EnvFormats(), ", ")))
	}
	secrets := make([]string, len(names))
	for i, n := range names {
		secrets[i] = n + "=" + f.prefix
	}
	sources, picks, err := envFlags(secrets, f.picks)
	if err != nil {
		return usageError(err)
	}
	out := cmd.OutOrStdout()
	terminal := isTerminal(out)
	if terminal && !f.reveal {
		_, err := fmt.Fprintln(cmd.ErrOrStderr(), "keyhole: the values are not printed to a terminal: add --reveal, or send them to a pipe or a file")
		return err
	}
	s, err := openSession(cmd.Context(), g)
	if err != nil {
		return err
	}
	defer s.close()
	vars, err := gatherEnv(cmd.Context(), newReaders(s, g), sources, picks)
	if err != nil {
		return err
	}
	text, err := model.FormatEnv(vars, f.format)
	if err != nil {
		return err
	}
	if terminal {
		_, err = io.WriteString(out, model.SanitizeBlock(string(text.Reveal())))
	} else {
		_, err = out.Write(text.Reveal())
	}
	if err != nil {
		return fmt.Errorf("write the variables: %w", err)
	}
	return nil
}
