package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd writes keyhole's man pages, for packagers.
func newManCmd(b build) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "man",
		Short: "Write the man page (roff) to stdout, or one page per command to --dir",
		Long: `Write keyhole's man page in roff to stdout, or with --dir one page per
command (keyhole.1, keyhole-ls.1, ...) into DIR. The date in the header is
SOURCE_DATE_EPOCH when set, so a release build is reproducible.`,
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			header := &doc.GenManHeader{Section: "1", Source: "keyhole " + b.version, Manual: "keyhole manual"}
			root := cmd.Root()
			root.DisableAutoGenTag = true
			if dir == "" {
				if err := doc.GenMan(root, header, cmd.OutOrStdout()); err != nil {
					return fmt.Errorf("write the man page: %w", err)
				}
				return nil
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("create %s: %w", dir, err)
			}
			if err := doc.GenManTree(root, header, dir); err != nil {
				return fmt.Errorf("write the man pages: %w", err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "write one page per command into this directory")
	return cmd
}
