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

// softMemoryLimit keeps the heap near what the data needs: without it Go
// lets the heap grow to twice the live data, which at 100,000 secrets is
// 300 MB resident. GOMEMLIMIT, when set, wins.
const softMemoryLimit = 128 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
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
