package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/spf13/cobra"
)

// newEmulatorCmd serves the emulator standalone for the AWS CLI and SDKs.
func newEmulatorCmd() *cobra.Command {
	var (
		addr      string
		seedFile  string
		demo      bool
		stepDelay time.Duration
	)
	cmd := &cobra.Command{
		Use:   "emulator",
		Short: "Serve an AWS-compatible Secrets Manager and CloudTrail emulator",
		Long: `Serve keyhole's emulator of Secrets Manager and CloudTrail LookupEvents on ADDR,
for the AWS CLI or any SDK (--endpoint-url http://ADDR, any credentials).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var emu *emulator.Server
			var err error
			switch {
			case demo && seedFile != "":
				return errors.New("give --seed or --demo, not both")
			case demo:
				emu, err = demoEmulator()
			default:
				emu, err = fileEmulator(seedFile, stepDelay)
			}
			if err != nil {
				return err
			}
			defer emu.Close()
			return serve(cmd.Context(), addr, emu, cmd)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:4566", "address to listen on")
	cmd.Flags().StringVar(&seedFile, "seed", "", "JSON seed file to load")
	cmd.Flags().BoolVar(&demo, "demo", false, "load the built-in demo data")
	cmd.Flags().DurationVar(&stepDelay, "rotation-step-delay", 0, "pause between rotation steps")
	return cmd
}

func fileEmulator(path string, stepDelay time.Duration) (*emulator.Server, error) {
	emu := emulator.New(emulator.Options{RotationStepDelay: stepDelay})
	if path == "" {
		return emu, nil
	}
	f, err := os.Open(path)
	if err != nil {
		emu.Close()
		return nil, fmt.Errorf("open seed: %w", err)
	}
	defer f.Close()
	if err := emu.LoadJSON(f); err != nil {
		emu.Close()
		return nil, fmt.Errorf("load seed %s: %w", path, err)
	}
	return emu, nil
}

func serve(ctx context.Context, addr string, h http.Handler, cmd *cobra.Command) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	fmt.Fprintf(cmd.OutOrStdout(), "keyhole emulator listening on http://%s\n", ln.Addr())
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
