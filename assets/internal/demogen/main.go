// Command demogen writes the demo organisation that keyhole's demo mode loads.
// Run it through go generate in the assets package:
//
//	go run ./internal/demogen -o demo/seed.json
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/keyhole-tui/keyhole/assets/internal/demoseed"
)

func main() {
	out := flag.String("o", "demo/seed.json", "file to write the seed to")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "demogen:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	data, err := demoseed.Generate()
	if err != nil {
		return fmt.Errorf("generate the demo seed: %w", err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write the demo seed: %w", err)
	}
	return nil
}
