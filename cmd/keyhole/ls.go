package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/keyhole-tui/keyhole/awsx/split"

	"github.com/keyhole-tui/keyhole/model"
)

// lsPageSize is the largest page ListSecrets serves: fewest round trips.
const lsPageSize = 100

// lsFilterKeys are the ListSecrets filter keys --filter accepts.
func lsFilterKeys() []string {
	return []string{
		model.FilterName, model.FilterDescription, model.FilterTagKey, model.FilterTagValue,
		model.FilterPrimaryRegion, model.FilterOwningService, model.FilterAll,
	}
}

// lsFlags are the flags of keyhole ls.
type lsFlags struct {
	json           bool
	filters        []string
	includeDeleted bool
	sort           string
}

// newLsCmd lists secrets for scripts.
func newLsCmd(g *globalFlags) *cobra.Command {
	var (
		f  lsFlags
		ff fleetFlags
	)
	cmd := &cobra.Command{
		Use:   "ls [flags] [WORD...]",
		Short: "List secrets, one per line, or as JSON",
		Long: `List the secrets of the account and region, without reading any value.

Each WORD keeps only the secrets whose name contains it, anywhere and
ignoring case; with several words a name must contain all of them. --filter
passes AWS's own ListSecrets filters, matched by AWS (a prefix match):
name, description, tag-key, tag-value, primary-region, owning-service or all,
as KEY=VALUE. Values of one key are ORed, different keys must all match,
and a value starting with ! is negated, as AWS defines them.

Output is one secret per line with tab-separated columns NAME, LAST CHANGED,
LAST ACCESSED, ROTATION, DESCRIPTION (and DELETED before DESCRIPTION with
--include-deleted). Empty columns print "-", dates are RFC 3339 in UTC, and
names and descriptions are sanitized: control and bidirectional characters
are shown as escapes such as \x1b, so a tab never appears inside a column.
On a terminal a header line comes first and the columns are aligned.

--sort orders the secrets as the interactive list does: by name, ignoring
case (the default), or by created, changed or accessed date, newest first
and then by name.

--json prints what "aws secretsmanager list-secrets" prints: an object with
a SecretList array, AWS's field names, fields AWS leaves out left out, and
dates as the AWS CLI v2 prints them (ISO 8601 in the local time zone; set
TZ=UTC for UTC). Strings are JSON-escaped, and characters a terminal would
act on are escaped as \uXXXX: the escaping is the sanitization, and
decoding gives back AWS's exact strings. Output comes once every page is
listed, in order; if listing fails halfway nothing is printed and keyhole
exits non-zero.

Exit codes: 0 success; 1 any other error; 2 a bad command line; 4 AWS
denied access.`,
		Example: `  keyhole ls
  keyhole ls prod postgres
  keyhole ls --sort accessed
  keyhole ls --filter tag-key=team --filter tag-value=payments
  keyhole ls --json | jq -r '.SecretList[].Name'
  keyhole ls | cut -f1`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := ff.settle(cmd, *g, nil); err != nil {
				return err
			}
			return printable(runLs(cmd, *g, f, ff, args))
		},
	}
	fs := cmd.Flags()
	ff.register(fs)
	fs.BoolVar(&f.json, "json", false, "print JSON shaped like aws secretsmanager list-secrets")
	fs.StringArrayVar(&f.filters, "filter", nil, "AWS ListSecrets filter KEY=VALUE (repeatable; keys: "+strings.Join(lsFilterKeys(), ", ")+")")
	fs.BoolVar(&f.includeDeleted, "include-deleted", false, "also list secrets scheduled for deletion")
	fs.StringVar(&f.sort, "sort", model.OrderName, "order: "+strings.Join(model.Orders(), ", ")+" (names ignoring case, dates newest first)")
	return cmd
}

// runLs lists every matching secret, writing each page as it arrives.
func runLs(cmd *cobra.Command, g globalFlags, f lsFlags, ff fleetFlags, words []string) error {
	q, err := lsQuery(f)
	if err != nil {
		return usageError(err)
	}
	if !slices.Contains(model.Orders(), f.sort) {
		return usageError(fmt.Errorf("--sort %q: want one of %s", f.sort, strings.Join(model.Orders(), ", ")))
	}
	s, err := openSession(cmd.Context(), g)
	if err != nil {
		return err
	}
	defer s.close()

	out := cmd.OutOrStdout()
	var w secretWriter
	if f.json {
		w = newJSONSecretWriter(out)
	} else {
		tw := newTextSecretWriter(out, isTerminal(out), f.includeDeleted, time.Now())
		tw.fleet = ff.on
		w = tw
	}
	match := nameMatcher(words)
	var listed []model.Secret
	keep := func(page model.SecretPage) {
		for _, sec := range page.Secrets {
			if match(sec.Name) {
				listed = append(listed, sec)
			}
		}
	}
	var failed error
	if ff.on {
		if failed, err = listFleet(cmd, s, g, ff, q, keep); err != nil {
			return err
		}
	} else {
		lister := split.New(s.client)
		defer lister.Close()
		if err := drain(cmd.Context(), lister.ListSecretsPage, q, keep); err != nil {
			return err
		}
	}
	model.SortSecrets(listed, f.sort)
	if ff.on {
		model.SortByPlace(listed)
	}
	for _, sec := range listed {
		if err := w.Write(sec); err != nil {
			return fmt.Errorf("write secret list: %w", err)
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("write secret list: %w", err)
	}
	return failed
}

// lsQuery builds the ListSecrets query from the flags.
func lsQuery(f lsFlags) (model.ListQuery, error) {
	q := model.ListQuery{IncludePlannedDeletion: f.includeDeleted, PageSize: lsPageSize}
	for _, raw := range f.filters {
		key, value, ok := strings.Cut(raw, "=")
		switch {
		case !ok || value == "":
			return q, fmt.Errorf("--filter %q: want KEY=VALUE", raw)
		case !slices.Contains(lsFilterKeys(), key):
			return q, fmt.Errorf("--filter %q: unknown key %q (want one of %s)", raw, key, strings.Join(lsFilterKeys(), ", "))
		}
		if i := slices.IndexFunc(q.Filters, func(lf model.ListFilter) bool { return lf.Key == key }); i >= 0 {
			q.Filters[i].Values = append(q.Filters[i].Values, value)
			continue
		}
		q.Filters = append(q.Filters, model.ListFilter{Key: key, Values: []string{value}})
	}
	return q, nil
}

// nameMatcher keeps names that contain every word, ignoring case.
func nameMatcher(words []string) func(name string) bool {
	lower := make([]string, 0, len(words))
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			lower = append(lower, strings.ToLower(w))
		}
	}
	return func(name string) bool {
		if len(lower) == 0 {
			return true
		}
		name = strings.ToLower(name)
		for _, w := range lower {
			if !strings.Contains(name, w) {
				return false
			}
		}
		return true
	}
}

// secretWriter prints a list of secrets one at a time.
type secretWriter interface {
	// Write adds one secret to the list.
	Write(model.Secret) error
	// Close ends the list and sends it.
	Close() error
}
