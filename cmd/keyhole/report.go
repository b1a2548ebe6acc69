package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/keyhole-tui/keyhole/awsx/split"
	"github.com/keyhole-tui/keyhole/model"
)

// reportConcurrency is how many policy and replica reads run at once.
const reportConcurrency = 8

// reportFlags are the flags of keyhole report.
type reportFlags struct {
	json       bool
	failOn     string
	noPolicies bool
}

// newReportCmd reports the hygiene of every secret listed.
func newReportCmd(g *globalFlags) *cobra.Command {
	var (
		f  reportFlags
		ff fleetFlags
	)
	cmd := &cobra.Command{
		Use:   "report [flags]",
		Short: "Report the hygiene of every secret: rotation, use, tags, sharing",
		Long: `Check every secret of the account and region (or, with --fleet, of every
account and region of the fleet) against the hygiene controls, without
reading any value: Security Hub's SecretsManager.1 to .5 and keyhole's KH.1
to .4 (see "Hygiene" in keyhole --help). Thresholds and required tags come
from the config file's hygiene: section.

Each secret's resource policy is read (GetResourcePolicy), and the replicas
of replicated ones (DescribeSecret), for the controls about sharing and
replicas; --no-policies skips those reads and those controls.

On a terminal the counts per control come first, then one line per finding;
through a pipe only the findings, as tab-separated ACCOUNT, REGION, NAME,
CONTROL, SEVERITY, REASON. --json prints the controls with their counts, the
findings and the fleet's targets. Names and reasons are sanitized.

Exit codes: 0 success; 1 an error, or a fleet target that could not be
listed (the others are reported); 2 a bad command line; 4 AWS denied access;
5 a finding of --fail-on's severity or higher.`,
		Example: `  keyhole report
  keyhole report --fleet --org-role KeyholeAudit --regions all
  keyhole report --json | jq '.controls[] | select(.count > 0)'
  keyhole report --fail-on high   # for CI: exit 5 on a HIGH finding`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := loadConfig(configPath(g.config, os.Getenv))
			if err != nil {
				return err
			}
			if err := ff.settle(cmd, *g, &s); err != nil {
				return err
			}
			if f.failOn != "" && severityRank(model.Severity(strings.ToUpper(f.failOn))) < 0 {
				return usageError(fmt.Errorf("--fail-on %q: want low, medium or high", f.failOn))
			}
			return printable(runReport(cmd, *g, f, ff, s.hygiene))
		},
	}
	fs := cmd.Flags()
	fs.BoolVar(&f.json, "json", false, "print the controls, findings and targets as JSON")
	fs.StringVar(&f.failOn, "fail-on", "", "exit 5 when a finding is this severe or more: low, medium or high")
	fs.BoolVar(&f.noPolicies, "no-policies", false, "read no resource policy or replica: skip the controls that need them")
	ff.register(fs)
	return cmd
}

// report is what keyhole report found.
type report struct {
	secrets  []*model.Secret
	findings [][]model.Finding
	targets  []model.TargetStatus
	// extras are the policies and replicas read; nil with --no-policies.
	extras *model.HygieneExtras
}

// runReport lists, reads what the controls need, checks and prints.
func runReport(cmd *cobra.Command, g globalFlags, f reportFlags, ff fleetFlags, rules model.HygieneRules) error {
	s, err := openSession(cmd.Context(), g)
	if err != nil {
		return err
	}
	defer s.close()
	var r report
	keep := func(page model.SecretPage) {
		for i := range page.Secrets {
			r.secrets = append(r.secrets, &page.Secrets[i])
		}
	}
	q := model.ListQuery{IncludePlannedDeletion: true, PageSize: lsPageSize}
	var reader model.HygieneReader = s.client
	var failed error
	if ff.on {
		fl, err := openFleet(s, g, ff, nil)
		if err != nil {
			return err
		}
		defer fl.Close()
		if err := drain(cmd.Context(), fl.ListSecretsPage, q, keep); err != nil {
			return err
		}
		r.targets, reader = fl.Statuses(), fl
		failed = reportTargets(cmd.ErrOrStderr(), r.targets)
	} else {
		lister := split.New(s.client)
		defer lister.Close()
		if err := drain(cmd.Context(), lister.ListSecretsPage, q, keep); err != nil {
			return err
		}
	}
	slices.SortStableFunc(r.secrets, func(a, b *model.Secret) int {
		return cmp.Or(strings.Compare(model.AccountFromARN(a.ARN), model.AccountFromARN(b.ARN)),
			strings.Compare(model.RegionFromARN(a.ARN), model.RegionFromARN(b.ARN)), model.CompareNames(a.Name, b.Name))
	})
	if !f.noPolicies {
		extras := model.ReadHygieneExtras(cmd.Context(), reader, model.SecretSlice(r.secrets), 0, reportConcurrency)
		if extras.Failed > 0 {
			fmt.Fprintf(cmd.ErrOrStderr(), "keyhole: %d of %d policy reads failed, those secrets' sharing controls unchecked: %s\n",
				extras.Failed, extras.Failed+len(extras.Policies), model.Sanitize(extras.Err.Error()))
		}
		r.extras = &extras
	}
	r.findings = rules.CheckAll(model.SecretSlice(r.secrets), r.extras, time.Now())

	out := cmd.OutOrStdout()
	switch {
	case f.json:
		err = r.writeJSON(out)
	case isTerminal(out):
		err = r.writeTable(out)
	default:
		err = r.writeFindings(out)
	}
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if failed != nil {
		return failed
	}
	if f.failOn != "" && r.worst() >= severityRank(model.Severity(strings.ToUpper(f.failOn))) {
		return &codedError{code: exitFindings, err: fmt.Errorf("findings of severity %s or higher", strings.ToUpper(f.failOn))}
	}
	return nil
}

// drain hands every page of a listing to keep.
func drain(ctx context.Context, list func(context.Context, model.ListQuery, string) (model.SecretPage, error), q model.ListQuery, keep func(model.SecretPage)) error {
	token := ""
	for {
		page, err := list(ctx, q, token)
		if err != nil {
			return fmt.Errorf("list secrets: %w", err)
		}
		keep(page)
		if token = page.NextToken; token == "" {
			return nil
		}
	}
}

// reportTargets says on w which targets failed or were skipped; the error
// counts the failed ones.
func reportTargets(w io.Writer, targets []model.TargetStatus) error {
	n := 0
	for _, st := range targets {
		switch st.State {
		case model.TargetFailed:
			n++
			fmt.Fprintf(w, "keyhole: %s: %s\n", model.Sanitize(st.Target.String()), model.Sanitize(st.Err.Error()))
		case model.TargetSkipped:
			fmt.Fprintf(w, "keyhole: skipped %s: %s\n", model.Sanitize(st.Target.String()), model.Sanitize(st.Err.Error()))
		}
	}
	if n > 0 {
		return fmt.Errorf("%d of the fleet's targets could not be listed", n)
	}
	return nil
}

// severityRank orders severities, LOW lowest; -1 for an unknown one.
func severityRank(s model.Severity) int {
	return slices.Index([]model.Severity{model.SeverityLow, model.SeverityMedium, model.SeverityHigh}, s)
}

// worst is the rank of the most severe finding, or -1.
func (r report) worst() int {
	worst := -1
	for _, fs := range r.findings {
		for _, f := range fs {
			worst = max(worst, severityRank(f.Control.Severity))
		}
	}
	return worst
}

// rows are the findings as lines of cells: account, region, name,
// control, severity, reason.
func (r report) rows() [][]string {
	var rows [][]string
	for i, fs := range r.findings {
		s := r.secrets[i]
		for _, f := range fs {
			rows = append(rows, []string{
				orDash(model.Sanitize(model.AccountFromARN(s.ARN))), orDash(model.Sanitize(model.RegionFromARN(s.ARN))), orDash(model.Sanitize(s.Name)),
				f.Control.ID, string(f.Control.Severity), model.Sanitize(f.Reason),
			})
		}
	}
	return rows
}

// writeFindings prints the findings as tab-separated lines, for scripts.
func (r report) writeFindings(w io.Writer) error {
	var b strings.Builder
	for _, row := range r.rows() {
		b.WriteString(strings.Join(row, "\t") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTable prints the counts per control and then the findings, aligned.
func (r report) writeTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "CONTROL\tSEVERITY\tSECRETS\tTITLE\n")
	for _, c := range model.SummarizeFindings(r.findings) {
		title := c.Control.Title
		if c.Control.NeedsMore() && r.extras == nil {
			title += " (not checked: --no-policies)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", c.Control.ID, c.Control.Severity, c.Count, title)
	}
	fmt.Fprintf(tw, "\n%d secrets checked\n\n", len(r.secrets))
	if err := tw.Flush(); err != nil {
		return err
	}
	tw = tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "ACCOUNT\tREGION\tNAME\tCONTROL\tSEVERITY\tREASON\n")
	for _, row := range r.rows() {
		fmt.Fprintf(tw, "%s\n", strings.Join(row, "\t"))
	}
	return tw.Flush()
}

// reportJSON is the --json document.
type reportJSON struct {
	Controls []controlJSON `json:"controls"`
	Findings []findingJSON `json:"findings"`
	Targets  []targetJSON  `json:"targets,omitempty"`
	Secrets  int           `json:"secretsChecked"`
}

type controlJSON struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	Title    string `json:"title"`
	Practice string `json:"practice"`
	Count    int    `json:"count"`
	Checked  bool   `json:"checked"`
}

type findingJSON struct {
	ARN      string `json:"arn"`
	Name     string `json:"name"`
	Account  string `json:"account"`
	Region   string `json:"region"`
	Control  string `json:"control"`
	Severity string `json:"severity"`
	Reason   string `json:"reason"`
}

type targetJSON struct {
	Account     string `json:"account,omitempty"`
	AccountName string `json:"accountName,omitempty"`
	Region      string `json:"region,omitempty"`
	State       string `json:"state"`
	Secrets     int    `json:"secrets"`
	Error       string `json:"error,omitempty"`
}

// writeJSON prints the report as one JSON document. Strings are AWS's, as
// JSON escapes them; characters a terminal acts on come out as \uXXXX.
func (r report) writeJSON(w io.Writer) error {
	doc := reportJSON{Controls: []controlJSON{}, Findings: []findingJSON{}, Secrets: len(r.secrets)}
	for _, c := range model.SummarizeFindings(r.findings) {
		doc.Controls = append(doc.Controls, controlJSON{ID: c.Control.ID, Severity: string(c.Control.Severity), Title: c.Control.Title,
			Practice: c.Control.Practice, Count: c.Count, Checked: !c.Control.NeedsMore() || r.extras != nil})
	}
	for i, fs := range r.findings {
		s := r.secrets[i]
		for _, f := range fs {
			doc.Findings = append(doc.Findings, findingJSON{ARN: s.ARN, Name: s.Name, Account: model.AccountFromARN(s.ARN), Region: model.RegionFromARN(s.ARN),
				Control: f.Control.ID, Severity: string(f.Control.Severity), Reason: f.Reason})
		}
	}
	states := []string{"waiting", "listing", "done", "failed", "skipped"}
	for _, t := range r.targets {
		tj := targetJSON{Account: t.Target.Account, AccountName: t.Target.AccountName, Region: t.Target.Region, State: states[t.State], Secrets: t.Loaded}
		if t.Err != nil {
			tj.Error = t.Err.Error()
		}
		doc.Targets = append(doc.Targets, tj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
