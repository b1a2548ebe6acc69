package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/keyhole-tui/keyhole/model"
)

// exitDiffers and exitDiffTrouble are diff's exit codes, as diff(1) has
// them: 0 the same, 1 different, 2 trouble.
const (
	exitDiffers     = 1
	exitDiffTrouble = 2
)

// newDiffCmd compares two secrets without printing a value.
func newDiffCmd(g *globalFlags) *cobra.Command {
	var jsonOut bool
	cmd := &cobra.Command{
		Use:   "diff [flags] A B",
		Short: "Say which keys differ between two secrets, never printing a value",
		Long: `Compare the secrets or versions A and B key by key and print each key path
as added (only in B), removed (only in A), changed or unchanged, then the
counts. A value that is not a JSON object is one path, (value).

A and B are each NAME (AWSCURRENT), NAME@STAGE, NAME#VERSIONID or
PROFILE:REGION:NAME (which takes @STAGE or #VERSIONID too) to read another
profile or region, so two accounts or regions can be compared. With --demo there are no profiles:
write :REGION:NAME. A name holding @ is written NAME@AWSCURRENT.

Values are compared by HMAC-SHA256 fingerprints under a random key made for
this run and then forgotten: nothing printed, logged or kept can be matched
against a guess. No value is printed, not even on a terminal.

--json prints {"a": ..., "b": ..., "lines": [{"path", "change"}], "counts"}.

Exit codes, as diff has them: 0 the same; 1 different; 2 trouble (a bad
command line, a secret not found, access denied).`,
		Example: `  keyhole diff staging/app prod/app
  keyhole diff prod/db@AWSPREVIOUS prod/db
  keyhole diff staging:eu-west-1:app prod:eu-west-1:app
  keyhole diff --demo :us-east-1:prod/app :eu-west-1:prod/app`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageError(fmt.Errorf("diff takes two secrets, got %d arguments", len(args)))
			}
			return nil
		},
		ValidArgsFunction: completeSecretNames(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			err := runDiff(cmd, *g, args[0], args[1], jsonOut)
			var quiet quietExit
			if err == nil || errors.As(err, &quiet) {
				return err
			}
			return &codedError{code: exitDiffTrouble, err: printable(err)}
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "print the diff as JSON")
	return cmd
}

// runDiff reads both sides, fingerprints them and prints the diff.
func runDiff(cmd *cobra.Command, g globalFlags, a, b string, jsonOut bool) error {
	refA, err := model.ParseSecretRef(a, true)
	if err != nil {
		return err
	}
	refB, err := model.ParseSecretRef(b, true)
	if err != nil {
		return err
	}
	s, err := openSession(cmd.Context(), g)
	if err != nil {
		return err
	}
	defer s.close()
	r := newReaders(s, g)
	key := model.NewFingerprintKey()
	var prints [2][]model.FieldPrint
	for i, ref := range []model.SecretRef{refA, refB} {
		v, err := r.read(cmd.Context(), ref)
		if err != nil {
			return err
		}
		prints[i] = model.Fingerprints(key, v.Value)
		v.Value.Wipe()
	}
	lines := model.Diff(prints[0], prints[1])
	counts := model.CountChanges(lines)
	if jsonOut {
		err = writeDiffJSON(cmd.OutOrStdout(), refA.String(), refB.String(), lines, counts)
	} else {
		err = writeDiffText(cmd.OutOrStdout(), lines, counts)
	}
	if err != nil {
		return fmt.Errorf("write the diff: %w", err)
	}
	if !counts.Same() {
		return quietExit{code: exitDiffers}
	}
	return nil
}

// writeDiffText prints one line per path, a sign and the change in words
// before the sanitized path, then the counts.
func writeDiffText(out io.Writer, lines []model.DiffLine, counts model.DiffCounts) error {
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "%s %-10s %s\n", diffSign(l.Change), l.Change, model.Sanitize(l.Path))
	}
	b.WriteString(counts.String() + "\n")
	_, err := io.WriteString(out, b.String())
	return err
}

// diffSign is the sign the versions view's diff shows for a change.
func diffSign(c model.Change) string {
	switch c {
	case model.Changed:
		return "~"
	case model.Added:
		return "+"
	case model.Removed:
		return "-"
	}
	return "="
}

// diffJSON is the shape diff --json prints.
type diffJSON struct {
	A      string         `json:"a"`
	B      string         `json:"b"`
	Lines  []diffLineJSON `json:"lines"`
	Counts map[string]int `json:"counts"`
}

// diffLineJSON is one path of diff --json.
type diffLineJSON struct {
	Path   string `json:"path"`
	Change string `json:"change"`
}

// writeDiffJSON prints the diff as JSON.
func writeDiffJSON(out io.Writer, a, b string, lines []model.DiffLine, c model.DiffCounts) error {
	doc := diffJSON{A: a, B: b, Lines: make([]diffLineJSON, 0, len(lines)), Counts: map[string]int{
		"changed": c.Changed, "added": c.Added, "removed": c.Removed, "unchanged": c.Unchanged,
	}}
	for _, l := range lines {
		doc.Lines = append(doc.Lines, diffLineJSON{Path: l.Path, Change: l.Change.String()})
	}
	return writeJSON(out, doc)
}
