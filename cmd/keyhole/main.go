// Command keyhole is a terminal UI for AWS Secrets Manager.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// gcPercent keeps the heap near what the data needs: Go's default lets it
// grow to twice the live data before collecting, which at 500,000 secrets
// is 360 MB for the 180 MB the list holds. A fixed limit would not scale
// with the list: with the live data near it the collector runs on every
// key. GOGC, when set, wins; GOMEMLIMIT adds a limit as ever.
const gcPercent = 50

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCmd(buildInfo()).ExecuteContext(ctx)
	stop()
	if err != nil {
		if !errors.As(err, new(quietExit)) {
			fmt.Fprintln(os.Stderr, "keyhole:", err)
		}
		os.Exit(exitCode(err))
	}
}
