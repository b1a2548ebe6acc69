package main

import (
	"github.com/spf13/cobra"
)

// newRootCmd builds the keyhole command: the TUI, with subcommands beside it.
func newRootCmd(b build) *cobra.Command {
	var (
		g globalFlags
		t tuiFlags
	)
	cmd := &cobra.Command{
		Use:   "keyhole",
		Short: "A terminal UI for AWS Secrets Manager",
		Long: `keyhole browses every secret in an AWS account, shows its metadata, and
reveals or copies a value only when asked. Read-only unless started with --rw.`,
		Version:       b.String(),
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(cmd.Context(), g, t)
		},
	}
	g.register(cmd.PersistentFlags())
	t.register(cmd.Flags())
	cmd.AddCommand(newEmulatorCmd())
	return cmd
}
