package main

import (
	"fmt"
	"time"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/keys"
	"github.com/spf13/pflag"
)

// globalFlags are the flags every subcommand takes.
type globalFlags struct {
	profile     string
	region      string
	endpointURL string
	demo        bool
	config      string
}

func (g *globalFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&g.profile, "profile", "", "AWS shared-config profile (default: AWS_PROFILE or \"default\")")
	fs.StringVar(&g.region, "region", "", "AWS region (default: the profile's or AWS_REGION)")
	fs.StringVar(&g.endpointURL, "endpoint-url", "", "send AWS calls to this URL (an emulator, a VPC endpoint)")
	fs.BoolVar(&g.demo, "demo", false, "run on a built-in emulator seeded with demo data: no AWS account needed")
	fs.StringVar(&g.config, "config", "", "config file (default $XDG_CONFIG_HOME/keyhole/config.yaml)")
}

// tuiFlags are the flags of the interactive app.
type tuiFlags struct {
	readWrite        bool
	mouse            bool
	clipboard        string
	revealTimeout    time.Duration
	clipboardTimeout time.Duration
	debugLog         string

	// Set from the config file only.
	theme   string
	columns []string
	keys    keys.KeyMap
	hygiene model.HygieneRules
}

func (t *tuiFlags) register(fs *pflag.FlagSet) {
	fs.BoolVar(&t.readWrite, "rw", false, "allow changes (create, edit, delete, rotate); read-only otherwise")
	fs.BoolVar(&t.mouse, "mouse", false, "enable mouse wheel and clicks (off keeps the terminal's own selection)")
	fs.StringVar(&t.clipboard, "clipboard", "auto", "clipboard: auto, osc52, system or off")
	fs.DurationVar(&t.revealTimeout, "reveal-timeout", 30*time.Second, "re-mask revealed values after this much idle time (0 never)")
	fs.DurationVar(&t.clipboardTimeout, "clipboard-timeout", 30*time.Second, "clear a copied value from the clipboard after this long (0 never)")
	fs.StringVar(&t.debugLog, "debug", "", "write a debug log to this file (message types only, never values)")
}

// check refuses a negative timeout, which would otherwise act as never.
func (t tuiFlags) check() error {
	for _, f := range []struct {
		name string
		d    time.Duration
	}{{"reveal-timeout", t.revealTimeout}, {"clipboard-timeout", t.clipboardTimeout}} {
		if f.d < 0 {
			return fmt.Errorf("--%s %s: want a duration such as 30s, 2m or 0 (never)", f.name, f.d)
		}
	}
	return nil
}
