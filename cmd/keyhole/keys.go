package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/keys"
)

// newKeysCmd prints the TUI's key bindings from the same actions the help
// screen and the README's key table are built from.
func newKeysCmd(g *globalFlags) *cobra.Command {
	var markdown bool
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Print the key bindings, with the config file's overrides",
		Long: `Print every key binding of the TUI, section by section: the keys, what
they do, and the name the config file's keys: section rebinds them by. The
config file's overrides are applied, so this is what keyhole will use.
--markdown prints the same as a Markdown table; the README shows the few
rows a newcomer needs.

Each screen lists its own keys; then come the keys of dialogs (y confirms,
enter picks, esc cancels), the movement keys, which every list, table and
scrolling view answers, and the keys that work everywhere. The help screen
(?) shows the same, the screen on top first.

To rebind a key, give its config name a list of keys under keys: in the
config file, such as

    keys:
      quit: [q]
      copy_as: [C]

A key is written as the terminal reports it: a character (a, A, ?, @), a
named key (enter, esc, tab, space, up, down, pgup, pgdown, home, end) or a
modifier and a key (ctrl+r, shift+tab). A config file that binds one key
to two actions of one screen is refused, naming the key, the screen and
both actions, and keyhole exits 2.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := loadConfig(configPath(g.config, os.Getenv))
			if err != nil {
				return err
			}
			table := ui.KeyTable(s.keys)
			if markdown {
				_, err = io.WriteString(cmd.OutOrStdout(), keys.Markdown(table))
				return err
			}
			return writeKeys(cmd.OutOrStdout(), table)
		},
	}
	cmd.Flags().BoolVar(&markdown, "markdown", false, "print the whole table as Markdown")
	return cmd
}

// writeKeys prints the bindings under section titles, in columns aligned
// across sections.
func writeKeys(w io.Writer, sections []keys.Section) error {
	keyWidth, descWidth := 0, 0
	for _, s := range sections {
		for _, b := range s.Bindings {
			keyWidth = max(keyWidth, utf8.RuneCountInString(strings.Join(b.Keys(), " ")))
			descWidth = max(descWidth, utf8.RuneCountInString(b.Help().Desc))
		}
	}
	var out strings.Builder
	for i, s := range sections {
		if i > 0 {
			out.WriteByte('\n')
		}
		out.WriteString(s.Name + "\n")
		for j, b := range s.Bindings {
			fmt.Fprintf(&out, "  %-*s  %-*s  %s\n", keyWidth, strings.Join(b.Keys(), " "), descWidth, b.Help().Desc, s.Names[j])
		}
	}
	_, err := io.WriteString(w, out.String())
	return err
}
