package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/keyhole-tui/keyhole/assets"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/spf13/cobra"
)

// newEmulatorCmd serves the emulator standalone for the AWS CLI and SDKs.
func newEmulatorCmd() *cobra.Command {
	var (
		addr      string
		seedFile  string
		demo      bool
		synthetic int
		stepDelay time.Duration
		latency   time.Duration
		faults    []string
	)
	cmd := &cobra.Command{
		Use:   "emulator",
		Short: "Serve an AWS-compatible Secrets Manager and CloudTrail emulator",
		Long: `Serve keyhole's emulator of Secrets Manager and CloudTrail LookupEvents on ADDR,
for the AWS CLI or any SDK (--endpoint-url http://ADDR, any credentials).
It answers STS GetCallerIdentity and AssumeRole, Organizations ListAccounts
and DescribeOrganization, and Account ListRegions too, for a seed's accounts.

It starts empty, or holds one data set: --seed FILE (a JSON seed), --demo
(the built-in demo data) or --synthetic N (N generated secrets with
realistic names, tags, descriptions and rotation states, the same data
the performance figures are measured on).

--latency D adds a fixed delay D (such as 50ms) to every request, on top of
any latency fault, to measure the app against a realistic round trip; a
seed's "latency" field does the same, and --latency wins over it.

` + faultHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			chosen := 0
			for _, set := range []bool{seedFile != "", demo, synthetic > 0} {
				if set {
					chosen++
				}
			}
			switch {
			case chosen > 1:
				return usageError(errors.New("give one of --seed, --demo and --synthetic"))
			case synthetic < 0:
				return usageError(errors.New("--synthetic wants a number of secrets above 0"))
			case latency < 0:
				return usageError(errors.New("--latency wants a duration of 0 or more"))
			}
			parsed, err := parseFaults(faults)
			if err != nil {
				return err
			}
			if !cmd.Flags().Changed("rotation-step-delay") && demo {
				stepDelay = demoStepDelay
			}
			emu := emulator.New(emulator.Options{RotationStepDelay: stepDelay})
			defer emu.Close()
			if err := loadEmulator(emu, seedFile, demo, synthetic); err != nil {
				return err
			}
			if cmd.Flags().Changed("latency") {
				emu.SetLatency(latency)
			}
			for i, f := range parsed {
				emu.AddFault(f)
				fmt.Fprintf(cmd.ErrOrStderr(), "keyhole emulator: injecting fault %s\n", faults[i])
			}
			return serve(cmd.Context(), addr, emu, cmd)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&addr, "addr", "127.0.0.1:4566", "address to listen on")
	fs.StringVar(&seedFile, "seed", "", "JSON seed file to load")
	fs.BoolVar(&demo, "demo", false, "load the built-in demo data")
	fs.IntVar(&synthetic, "synthetic", 0, "load this many generated secrets")
	fs.DurationVar(&stepDelay, "rotation-step-delay", 0, "pause between rotation steps (with --demo: 1.5s)")
	fs.DurationVar(&latency, "latency", 0, "add this delay to every request (such as 50ms)")
	fs.StringArrayVar(&faults, "fault", nil, "make calls misbehave (repeatable; see above): `KIND[:OP[:COUNT[:SECRET]]]` with KIND one of "+faultKinds)
	return cmd
}

// parseFaults reads every --fault spec; a bad one is a usage error.
func parseFaults(specs []string) ([]emulator.Fault, error) {
	faults := make([]emulator.Fault, 0, len(specs))
	for _, spec := range specs {
		f, err := parseFault(spec)
		if err != nil {
			return nil, usageError(fmt.Errorf("--fault %q: %w", spec, err))
		}
		faults = append(faults, f)
	}
	return faults, nil
}

// loadEmulator fills emu with the chosen data set, if any.
func loadEmulator(emu *emulator.Server, seedFile string, demo bool, synthetic int) error {
	switch {
	case demo:
		if err := emu.LoadJSON(bytes.NewReader(assets.DemoSeed())); err != nil {
			return fmt.Errorf("load demo seed: %w", err)
		}
	case synthetic > 0:
		if err := emu.Load(emulator.Synthetic(synthetic, 1)); err != nil {
			return fmt.Errorf("load %d synthetic secrets: %w", synthetic, err)
		}
	case seedFile != "":
		f, err := os.Open(seedFile)
		if err != nil {
			return fmt.Errorf("open seed: %w", err)
		}
		defer f.Close()
		if err := emu.LoadJSON(f); err != nil {
			return fmt.Errorf("load seed %s: %w", seedFile, err)
		}
	}
	return nil
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
