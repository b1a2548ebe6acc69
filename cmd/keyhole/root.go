package main

import (
	"os"

	"github.com/spf13/cobra"
)

// newRootCmd builds the keyhole command: the TUI, with subcommands beside it.
func newRootCmd(b build) *cobra.Command {
	var (
		g globalFlags
		t tuiFlags
		f fleetFlags
	)
	cmd := &cobra.Command{
		Use:   "keyhole",
		Short: "A terminal UI for AWS Secrets Manager",
		Long:  rootLong,
		Example: `  keyhole                                # the AWS SDK's default credentials
  keyhole --profile prod --region eu-west-1
  keyhole --endpoint-url http://127.0.0.1:4566
  keyhole --demo                         # a built-in emulator with demo data
  keyhole --rw                           # allow changes`,
		Version:       b.String(),
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := loadConfig(configPath(g.config, os.Getenv))
			if err != nil {
				return err
			}
			t.apply(s, cmd.Flags().Changed)
			if err := t.check(); err != nil {
				return usageError(err)
			}
			if err := f.settle(cmd, g, &s); err != nil {
				return err
			}
			if err := osTerminal().check(); err != nil {
				return err
			}
			return runTUI(cmd.Context(), g, t, f)
		},
	}
	g.register(cmd.PersistentFlags())
	t.register(cmd.Flags())
	f.register(cmd.Flags())
	cmd.AddCommand(newEmulatorCmd())
	cmd.AddCommand(newLsCmd(&g))
	cmd.AddCommand(newReportCmd(&g))
	cmd.AddCommand(newGetCmd(&g))
	cmd.AddCommand(newKeysCmd(&g))
	cmd.AddCommand(newExecCmd(&g))
	cmd.AddCommand(newEnvCmd(&g))
	cmd.AddCommand(newDiffCmd(&g))
	cmd.AddCommand(newDupsCmd(&g))
	cmd.AddCommand(newManCmd(b))
	refuseUsageErrors(cmd)
	return cmd
}
