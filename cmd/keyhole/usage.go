package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// completionShells are the shells keyhole completion writes a script for.
func completionShells() []string { return []string{"bash", "zsh", "fish", "powershell"} }

// refuseUsageErrors makes every mistake in a command line exit 2, the
// code for a bad command line: an unknown flag or a bad flag value on any
// command (subcommands inherit the root's flag error function), an unknown
// command or a wrong number of arguments, and a shell keyhole completion
// does not know, which cobra would answer with its help and exit 0.
func refuseUsageErrors(root *cobra.Command) {
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args, c.RunE = cobra.ArbitraryArgs, refuseShell
		}
	}
	wrapArgs(root)
}

// wrapArgs marks the errors of c's and its subcommands' argument checks
// as usage errors.
func wrapArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			err := check(cmd, args)
			var coded *codedError
			if err != nil && !errors.As(err, &coded) {
				return usageError(err)
			}
			return err
		}
	}
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
}

// refuseShell answers keyhole completion with a shell it has no script
// for, or none, naming the shells it has.
func refuseShell(_ *cobra.Command, args []string) error {
	known := strings.Join(completionShells(), ", ")
	if len(args) == 0 {
		return usageError(fmt.Errorf("completion wants a shell: %s", known))
	}
	return usageError(fmt.Errorf("completion: no script for the shell %q (known: %s)", args[0], known))
}
