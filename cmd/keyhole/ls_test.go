package main

import (
	"encoding/json"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
)

// cliDatePattern is a date as AWS CLI v2 prints it, in UTC.
var cliDatePattern = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$`)

// lsLines splits ls's text output into rows of columns.
func lsLines(t *testing.T, out []byte) [][]string {
	t.Helper()
	var rows [][]string
	for line := range strings.Lines(string(out)) {
		rows = append(rows, strings.Split(strings.TrimSuffix(line, "\n"), "\t"))
	}
	return rows
}

// lsNames is the first column of every row, sorted.
func lsNames(rows [][]string) []string {
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r[0]
	}
	slices.Sort(names)
	return names
}

func TestLsPipesOneTabSeparatedLinePerSecretWithoutHeader(t *testing.T) {
	seed := scriptDemoSeed(t)
	r := runKeyhole(t, "ls", "--demo").mustSucceed(t)
	if strings.Contains(string(r.stdout), "\x1b") {
		t.Fatal("ls wrote an escape sequence to a pipe")
	}
	rows := lsLines(t, r.stdout)
	if got, want := lsNames(rows), scriptLiveNames(seed); !slices.Equal(got, want) {
		t.Fatalf("names listed:\n%v\nwant the seed's live secrets:\n%v", got, want)
	}
	for _, row := range rows {
		if len(row) != 5 {
			t.Fatalf("row %q has %d columns, want 5 (NAME, LAST CHANGED, LAST ACCESSED, ROTATION, DESCRIPTION)", row, len(row))
		}
		if _, err := time.Parse(time.RFC3339, row[1]); err != nil {
			t.Errorf("%s: LAST CHANGED %q is not RFC 3339", row[0], row[1])
		}
		if !slices.Contains([]string{"off", "on", "never", "overdue", "rotating", "stuck"}, row[3]) {
			t.Errorf("%s: ROTATION %q is not a rotation state", row[0], row[3])
		}
	}
	postgres := rows[slices.IndexFunc(rows, func(r []string) bool { return r[0] == "prod/payments/postgres" })]
	if postgres[3] != "on" || !strings.HasPrefix(postgres[4], "Zugangsdaten für die Zahlungsdatenbank") {
		t.Fatalf("prod/payments/postgres row = %q", postgres)
	}
}

func TestLsJSONIsShapedLikeListSecrets(t *testing.T) {
	seed := scriptDemoSeed(t)
	r := runKeyhole(t, "ls", "--demo", "--json").mustSucceed(t)
	var doc struct {
		SecretList []map[string]any
	}
	if err := json.Unmarshal(r.stdout, &doc); err != nil {
		t.Fatalf("ls --json is not JSON: %v\n%s", err, r.stdout)
	}
	if len(doc.SecretList) != len(scriptLiveNames(seed)) {
		t.Fatalf("SecretList has %d entries, want %d", len(doc.SecretList), len(scriptLiveNames(seed)))
	}
	i := slices.IndexFunc(doc.SecretList, func(e map[string]any) bool { return e["Name"] == "prod/payments/postgres" })
	if i < 0 {
		t.Fatal("prod/payments/postgres is missing from SecretList")
	}
	e := doc.SecretList[i]
	if arn, _ := e["ARN"].(string); !strings.HasPrefix(arn, "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/payments/postgres-") {
		t.Errorf("ARN = %v", e["ARN"])
	}
	if e["RotationEnabled"] != true {
		t.Errorf("RotationEnabled = %v, want true", e["RotationEnabled"])
	}
	if rules, _ := e["RotationRules"].(map[string]any); rules["AutomaticallyAfterDays"] != 7.0 {
		t.Errorf("RotationRules = %v, want AutomaticallyAfterDays 7", e["RotationRules"])
	}
	tags, _ := e["Tags"].([]any)
	if len(tags) == 0 || !sameJSON(tags[0], map[string]any{"Key": "team", "Value": "payments"}) {
		t.Errorf("Tags = %v, want [{Key: team, Value: payments} ...]", e["Tags"])
	}
	for _, field := range []string{"LastChangedDate", "LastAccessedDate", "LastRotatedDate", "NextRotationDate", "CreatedDate"} {
		if s, _ := e[field].(string); !cliDatePattern.MatchString(s) {
			t.Errorf("%s = %v, want a date as the AWS CLI prints it", field, e[field])
		}
	}
	if stages, _ := e["SecretVersionsToStages"].(map[string]any); len(stages) == 0 {
		t.Errorf("SecretVersionsToStages = %v", e["SecretVersionsToStages"])
	}
}

// sameJSON compares two decoded JSON values.
func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func TestLsJSONMatchesTheAWSCLI(t *testing.T) {
	aws, err := exec.LookPath("aws")
	if err != nil {
		t.Skip("the AWS CLI is not on PATH")
	}
	_, flags := serveScriptSeed(t, scriptDemoSeed(t))
	cli := exec.Command(aws, "--endpoint-url", flags[1], "--output", "json", "secretsmanager", "list-secrets", "--include-planned-deletion")
	cli.Env = append(scriptEnv(t), "AWS_DEFAULT_REGION=us-east-1", "AWS_PAGER=")
	want, err := cli.Output()
	if err != nil {
		t.Fatalf("aws secretsmanager list-secrets: %v", err)
	}
	got := runKeyhole(t, append(flags, "ls", "--json", "--include-deleted")...).mustSucceed(t).stdout

	var a, k struct{ SecretList []map[string]any }
	if err := json.Unmarshal(want, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got, &k); err != nil {
		t.Fatal(err)
	}
	if len(a.SecretList) != len(k.SecretList) {
		t.Fatalf("keyhole lists %d secrets, the AWS CLI %d", len(k.SecretList), len(a.SecretList))
	}
	// The AWS CLI lists in the API's order, keyhole by name.
	slices.SortFunc(a.SecretList, func(x, y map[string]any) int { return model.CompareNames(x["Name"].(string), y["Name"].(string)) })
	for i, ae := range a.SecretList {
		ke := k.SecretList[i]
		if !slices.Equal(jsonFieldNames(ae), jsonFieldNames(ke)) {
			t.Errorf("%v: fields %v, the AWS CLI prints %v", ae["Name"], jsonFieldNames(ke), jsonFieldNames(ae))
			continue
		}
		for field, av := range ae {
			if !strings.HasSuffix(field, "Date") {
				if !sameJSON(av, ke[field]) {
					t.Errorf("%v: %s = %v, the AWS CLI prints %v", ae["Name"], field, ke[field], av)
				}
				continue
			}
			// AWS CLI v1 prints epoch seconds; keyhole prints v2's ISO 8601.
			kt, err := time.Parse(time.RFC3339Nano, ke[field].(string))
			if epoch := av.(float64); err != nil || kt.Sub(time.UnixMilli(int64(epoch*1000+0.5))).Abs() > time.Millisecond {
				t.Errorf("%v: %s = %v, the AWS CLI prints %v", ae["Name"], field, ke[field], av)
			}
		}
	}
}

// jsonFieldNames are the field names of a JSON object.
func jsonFieldNames(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestLsWordsKeepNamesContainingEveryWordIgnoringCase(t *testing.T) {
	var want []string
	for _, name := range scriptLiveNames(scriptDemoSeed(t)) {
		if strings.Contains(name, "payments") && strings.Contains(name, "postgres") {
			want = append(want, name)
		}
	}
	r := runKeyhole(t, "ls", "--demo", "PAYMENTS", "postgres").mustSucceed(t)
	if got := lsNames(lsLines(t, r.stdout)); len(want) < 2 || !slices.Equal(got, want) {
		t.Fatalf("ls PAYMENTS postgres listed %v, want %v", got, want)
	}
}

func TestLsFilterSendsAWSFilters(t *testing.T) {
	seed := scriptDemoSeed(t)
	expect := func(keep func(emulator.SeedSecret) bool) []string {
		var names []string
		for _, s := range seed.Secrets {
			if s.Deleted.IsZero() && keep(s) {
				names = append(names, s.Name)
			}
		}
		slices.Sort(names)
		return names
	}
	hasTagValue := func(s emulator.SeedSecret, prefixes ...string) bool {
		return slices.ContainsFunc(s.Tags, func(tag emulator.SeedTag) bool {
			return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(tag.Value, p) })
		})
	}
	cases := []struct {
		name    string
		filters []string
		want    []string
	}{
		{"keys are ANDed", []string{"name=prod/", "tag-value=identity"}, expect(func(s emulator.SeedSecret) bool {
			return strings.HasPrefix(s.Name, "prod/") && hasTagValue(s, "identity")
		})},
		{"values of one key are ORed", []string{"tag-value=search", "tag-value=mobile"}, expect(func(s emulator.SeedSecret) bool {
			return hasTagValue(s, "search", "mobile")
		})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := []string{"ls", "--demo"}
			for _, f := range c.filters {
				args = append(args, "--filter", f)
			}
			got := lsNames(lsLines(t, runKeyhole(t, args...).mustSucceed(t).stdout))
			if len(c.want) == 0 || !slices.Equal(got, c.want) {
				t.Fatalf("ls %v listed %v, want %v", c.filters, got, c.want)
			}
		})
	}
}

func TestLsIncludeDeletedAddsTheDeletedColumn(t *testing.T) {
	const deleted = "staging/search/legacy-solr-admin"
	if rows := lsLines(t, runKeyhole(t, "ls", "--demo").mustSucceed(t).stdout); slices.Contains(lsNames(rows), deleted) {
		t.Fatalf("%s is pending deletion but was listed without --include-deleted", deleted)
	}
	rows := lsLines(t, runKeyhole(t, "ls", "--demo", "--include-deleted").mustSucceed(t).stdout)
	i := slices.IndexFunc(rows, func(r []string) bool { return r[0] == deleted })
	if i < 0 {
		t.Fatalf("%s is missing with --include-deleted", deleted)
	}
	if len(rows[i]) != 6 {
		t.Fatalf("row %q has %d columns, want 6 with DELETED", rows[i], len(rows[i]))
	}
	if _, err := time.Parse(time.RFC3339, rows[i][4]); err != nil {
		t.Fatalf("DELETED column = %q, want the deletion date", rows[i][4])
	}
}

func TestLsSanitizesTextAndEscapesJSON(t *testing.T) {
	const description = "pwn\x1b]0;title\x07\tcol\u202etxt.exe\u009b2J"
	_, flags := serveScriptSeed(t, emulator.Seed{Secrets: []emulator.SeedSecret{scriptSecret("app/hostile", description, "v")}})

	text := runKeyhole(t, append(flags, "ls")...).mustSucceed(t).stdout
	if strings.ContainsAny(string(text), "\x1b\x07\u202e\u009b") {
		t.Fatalf("ls printed control or bidi characters raw: %q", text)
	}
	rows := lsLines(t, text)
	if len(rows) != 1 || len(rows[0]) != 5 || rows[0][4] != `pwn\x1b]0;title\x07\tcol\u202etxt.exe\u009b2J` {
		t.Fatalf("ls rows = %q, want the description escaped in one column", rows)
	}

	out := runKeyhole(t, append(flags, "ls", "--json")...).mustSucceed(t).stdout
	if strings.ContainsAny(string(out), "\x1b\x07\u202e\u009b") {
		t.Fatalf("ls --json printed control or bidi characters raw: %q", out)
	}
	for _, escape := range []string{`\u001b`, `\u0007`, `\t`, `\u202e`, `\u009b`} {
		if !strings.Contains(string(out), escape) {
			t.Errorf("ls --json lacks the escape %s", escape)
		}
	}
	var doc struct {
		SecretList []struct{ Description string }
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.SecretList) != 1 || doc.SecretList[0].Description != description {
		t.Fatalf("ls --json decodes to %+v (%v), want the exact description", doc, err)
	}
}

func TestLsOnATerminalPrintsAHeaderAndAlignedColumns(t *testing.T) {
	out, code := runInTerminal(t, nil, "ls", "--demo", "prod/payments/")
	if code != 0 {
		t.Fatalf("ls on a terminal exited %d:\n%s", code, out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "NAME ") || !strings.Contains(lines[0], "LAST CHANGED") {
		t.Fatalf("first line %q is not the header", lines[0])
	}
	if len(lines) != 8 {
		t.Fatalf("ls prod/payments/ printed %d lines, want the header and 7 secrets:\n%s", len(lines), out)
	}
	col := strings.Index(lines[0], "ROTATION")
	for _, line := range lines[1:] {
		if !strings.HasPrefix(line, "prod/payments/") || len(line) <= col || !slices.Contains([]string{"on", "off", "never"}, strings.Fields(line[col:])[0]) {
			t.Errorf("line %q: the ROTATION column is not aligned under its header", line)
		}
	}
	if strings.ContainsAny(out, "\t\x1b") {
		t.Errorf("ls on a terminal printed tabs or escape sequences:\n%q", out)
	}
}

func TestLsExitCodes(t *testing.T) {
	if r := runKeyhole(t, "ls", "--demo", "--filter", "colour=blue"); r.code != exitUsage || !strings.Contains(r.stderr, "unknown key") {
		t.Errorf("an unknown filter key exited %d (%q), want %d", r.code, r.stderr, exitUsage)
	}
	emu, flags := serveScriptSeed(t, emulator.Seed{Secrets: []emulator.SeedSecret{scriptSecret("app/one", "", "v")}})
	emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "ListSecrets", ErrorCode: "AccessDeniedException"})
	r := runKeyhole(t, append(flags, "ls")...)
	if r.code != exitAccessDenied || !strings.Contains(r.stderr, "access denied: secretsmanager:ListSecrets") {
		t.Errorf("a denied ListSecrets exited %d (%q), want %d", r.code, r.stderr, exitAccessDenied)
	}
	if len(r.stdout) != 0 {
		t.Errorf("a failed ls printed %q", r.stdout)
	}
}
