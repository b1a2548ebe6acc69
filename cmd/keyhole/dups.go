package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/keyhole-tui/keyhole/model"
)

// dupsFlags are the flags of keyhole dups.
type dupsFlags struct {
	readValues bool
	yes        bool
	json       bool
}

// newDupsCmd finds secrets that share a value.
func newDupsCmd(g *globalFlags) *cobra.Command {
	var (
		f  dupsFlags
		ff fleetFlags
	)
	cmd := &cobra.Command{
		Use:   "dups [flags] --read-values [WORD...]",
		Short: "Find secrets that share a value, never printing it",
		Long: `Read the value of every listed secret whose name contains each WORD (all
of them with no WORD; with --fleet, across the fleet), fingerprint each key
with HMAC-SHA256 under a random key made for this run, and print the groups
of secret and key path that hold the same value. A value is never printed.

Every read is a GetSecretValue that CloudTrail records against you, so
dups reads nothing without --read-values, and on a terminal it says how
many values it will read and asks first; --yes does not ask.

Keys that are shared by design are left out: empty strings, numbers, true,
false, null, {} and []. A value that is not a JSON object is one key,
(value). With --fleet, secrets are named ACCOUNT:REGION:NAME.

Output is one group per paragraph, one "secret key-path" line each, names
and paths sanitized; --json prints {"groups": [[{"secret", "path"}]]}.

Exit codes: 0 no value shared; 1 some value shared, or another error;
2 a bad command line; 4 AWS denied access.`,
		Example: `  keyhole dups --read-values prod
  keyhole dups --read-values --yes --json | jq '.groups | length'
  keyhole dups --read-values --fleet --regions all`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := ff.settle(cmd, *g, nil); err != nil {
				return err
			}
			if !f.readValues {
				return usageError(errors.New("dups reads every listed secret's value, and CloudTrail records each read: add --read-values to go on"))
			}
			return printable(runDups(cmd, *g, f, ff, args))
		},
	}
	fs := cmd.Flags()
	ff.register(fs)
	fs.BoolVar(&f.readValues, "read-values", false, "read the listed secrets' values (each an audited GetSecretValue)")
	fs.BoolVar(&f.yes, "yes", false, "do not ask before reading the values")
	fs.BoolVar(&f.json, "json", false, "print the groups as JSON")
	return cmd
}

// runDups lists, asks, reads and prints the groups.
func runDups(cmd *cobra.Command, g globalFlags, f dupsFlags, ff fleetFlags, words []string) error {
	s, err := openSession(cmd.Context(), g)
	if err != nil {
		return err
	}
	defer s.close()
	match := nameMatcher(words)
	var listed []model.Secret
	keep := func(page model.SecretPage) {
		for _, sec := range page.Secrets {
			if match(sec.Name) {
				listed = append(listed, sec)
			}
		}
	}
	read := s.client.GetSecretValue
	var failed error
	if ff.on {
		fl, err := openFleet(s, g, ff, nil)
		if err != nil {
			return err
		}
		defer fl.Close()
		if failed, err = listFleetWith(cmd, fl, model.ListQuery{PageSize: lsPageSize}, keep); err != nil {
			return err
		}
		read = fl.GetSecretValue
	} else {
		for page, err := range s.client.ListAllSecrets(cmd.Context(), model.ListQuery{PageSize: lsPageSize}) {
			if err != nil {
				return fmt.Errorf("list secrets: %w", err)
			}
			keep(page)
		}
	}
	if !f.yes && isTerminalInput(cmd.InOrStdin()) {
		if ok, err := askToRead(cmd.InOrStdin(), cmd.ErrOrStderr(), len(listed)); err != nil || !ok {
			return err
		}
	}
	shares := model.NewShares(model.NewFingerprintKey())
	for _, sec := range listed {
		v, err := read(cmd.Context(), model.ValueRef{SecretID: sec.ARN})
		if err != nil {
			return fmt.Errorf("get the value of %s: %w", sec.Name, err)
		}
		shares.Add(dupsName(sec, ff.on), v.Value)
		v.Value.Wipe()
	}
	groups := shares.Groups()
	if f.json {
		err = writeDupsJSON(cmd.OutOrStdout(), groups)
	} else {
		err = writeDupsText(cmd.OutOrStdout(), groups, len(listed))
	}
	if err != nil {
		return fmt.Errorf("write the groups: %w", err)
	}
	if failed != nil {
		return failed
	}
	if len(groups) > 0 {
		return quietExit{code: exitError}
	}
	return nil
}

// dupsName names a secret in the output: ACCOUNT:REGION:NAME in a fleet.
func dupsName(sec model.Secret, fleet bool) string {
	if !fleet {
		return sec.Name
	}
	return model.AccountFromARN(sec.ARN) + ":" + model.RegionFromARN(sec.ARN) + ":" + sec.Name
}

// askToRead says how many values dups will read and asks to go on.
func askToRead(in io.Reader, out io.Writer, n int) (bool, error) {
	fmt.Fprintf(out, "keyhole: this reads %d secret values: %d GetSecretValue calls, each recorded in CloudTrail. Go on? [y/N] ", n, n)
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return false, err
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true, nil
	}
	fmt.Fprintln(out, "keyhole: no value read")
	return false, quietExit{code: exitError}
}

// writeDupsText prints each group as a paragraph of "secret path" lines.
func writeDupsText(out io.Writer, groups [][]model.Holder, read int) error {
	var b strings.Builder
	for i, g := range groups {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, h := range g {
			b.WriteString(model.Sanitize(h.Secret) + " " + model.Sanitize(h.Path) + "\n")
		}
	}
	if isTerminal(out) || len(groups) == 0 {
		fmt.Fprintf(&b, "%d values shared, among %d secrets read\n", len(groups), read)
	}
	_, err := io.WriteString(out, b.String())
	return err
}

// dupsHolderJSON is one holder in dups --json.
type dupsHolderJSON struct {
	Secret string `json:"secret"`
	Path   string `json:"path"`
}

// writeDupsJSON prints {"groups": [[{secret, path}]]}.
func writeDupsJSON(out io.Writer, groups [][]model.Holder) error {
	doc := struct {
		Groups [][]dupsHolderJSON `json:"groups"`
	}{Groups: make([][]dupsHolderJSON, 0, len(groups))}
	for _, g := range groups {
		hs := make([]dupsHolderJSON, 0, len(g))
		for _, h := range g {
			hs = append(hs, dupsHolderJSON{Secret: h.Secret, Path: h.Path})
		}
		doc.Groups = append(doc.Groups, hs)
	}
	return writeJSON(out, doc)
}
