package awsx_test

import (
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// cliLambdaARN names a rotation function for the CLI steps; neither backend
// runs it, since the scenario asks for no immediate rotation.
const cliLambdaARN = "arn:aws:lambda:" + testRegion + ":123456789012:function:kh-cli-rotator"

// cliInputs are the values both backends are given, so that their answers
// can match.
type cliInputs struct {
	api, db        string
	apiValue       string
	dbValues       [3]string
	recreatedValue string
}

// TestCLIParityWithMoto runs the same AWS CLI commands against the emulator
// and moto_server and compares their answers once what legitimately
// differs (ARN suffixes, version ids, timestamps, paging tokens) is
// normalised. Where moto is known to answer differently from AWS, the
// difference is written down next to the comparison.
func TestCLIParityWithMoto(t *testing.T) {
	cli := lookupAWSCLI(t)
	endpoints := map[string]string{"emulator": startEmulator(t), "moto": startMoto(t)}
	prefix := uniqueName(t, "cli")
	in := cliInputs{
		api:            prefix + "/app/api",
		db:             prefix + "/app/db",
		apiValue:       fakeValue(t),
		recreatedValue: fakeValue(t),
	}
	for i := range in.dbValues {
		in.dbValues[i] = `{"username":"app","password":"` + fakeValue(t) + `"}`
	}

	answers := map[string]map[string]cliAnswer{}
	t.Run("run", func(t *testing.T) {
		for _, name := range []string{"emulator", "moto"} {
			leg := newAWSCLI(t, cli, endpoints[name])
			got := map[string]cliAnswer{}
			answers[name] = got
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				runCLIScenario(t, leg, prefix, in, got)
			})
		}
	})
	if t.Failed() {
		return
	}

	emu, moto := newNormaliser(), newNormaliser()
	comparisons := cliComparisons()
	if got, want := slices.Sorted(maps.Keys(answers["emulator"])), stepNames(comparisons); !slices.Equal(got, want) {
		t.Fatalf("the scenario ran steps %v, the comparisons cover %v", got, want)
	}
	for _, cmp := range comparisons {
		e, m := answers["emulator"][cmp.step], answers["moto"][cmp.step]
		e.JSON, m.JSON = emu.normalise(e.JSON), moto.normalise(m.JSON)
		t.Run(cmp.step, func(t *testing.T) { cmp.compare(t, e, m) })
	}
}

// runCLIScenario runs the commands against one backend, in order, and
// records each answer under its step name.
func runCLIScenario(t *testing.T, cli awsCLI, prefix string, in cliInputs, got map[string]cliAnswer) {
	sm := func(step string, args ...string) cliAnswer {
		t.Helper()
		a := cli.run(t, append([]string{"secretsmanager"}, args...)...)
		got[step] = a
		return a
	}
	sm("create api", "create-secret", "--name", in.api, "--secret-string", in.apiValue,
		"--tags", "Key=env,Value=dev")
	first := cliString(t, sm("create db", "create-secret", "--name", in.db, "--description", "Payments database",
		"--secret-string", in.dbValues[0], "--tags", "Key=env,Value=prod", "Key=team,Value=payments"), "VersionId")
	sm("put db second value", "put-secret-value", "--secret-id", in.db, "--secret-string", in.dbValues[1])
	third := cliString(t, sm("put db third value", "put-secret-value", "--secret-id", in.db, "--secret-string", in.dbValues[2]), "VersionId")

	sm("get db previous by stage", "get-secret-value", "--secret-id", in.db, "--version-stage", "AWSPREVIOUS")
	sm("get db first version by id", "get-secret-value", "--secret-id", in.db, "--version-id", first)

	sm("list by name and tag key, by name descending", "list-secrets",
		"--filters", "Key=name,Values="+prefix+"/app", "Key=tag-key,Values=env",
		"--sort-by", "name", "--sort-order", "desc")
	page := sm("list first page", "list-secrets", "--filters", "Key=name,Values="+prefix,
		"--max-results", "1", "--no-paginate", "--query", "{Names: SecretList[].Name, NextToken: NextToken}")
	sm("list second page", "list-secrets", "--filters", "Key=name,Values="+prefix,
		"--max-results", "1", "--no-paginate", "--next-token", cliString(t, page, "NextToken"),
		"--query", "{Names: SecretList[].Name, NextToken: NextToken}")

	sm("list db versions", "list-secret-version-ids", "--secret-id", in.db)
	sm("list db versions with deprecated", "list-secret-version-ids", "--secret-id", in.db, "--include-deprecated")
	sm("rotate db without a function", "rotate-secret", "--secret-id", in.db)

	sm("schedule api rotation", "rotate-secret", "--secret-id", in.api, "--rotation-lambda-arn", cliLambdaARN,
		"--rotation-rules", "AutomaticallyAfterDays=30", "--no-rotate-immediately")
	sm("describe api", "describe-secret", "--secret-id", in.api)
	sm("delete api with recovery window", "delete-secret", "--secret-id", in.api, "--recovery-window-in-days", "7")
	sm("create over api pending deletion", "create-secret", "--name", in.api, "--secret-string", in.recreatedValue)
	sm("restore api", "restore-secret", "--secret-id", in.api)

	rotated := sm("rotate db now", "rotate-secret", "--secret-id", in.db,
		"--rotation-lambda-arn", emulatorRotationLambdaARN, "--rotate-immediately")
	got["db stages after rotation"] = waitForRotation(t, cli, in.db, rotatedVersion(rotated), third)
	got["caller identity"] = cli.run(t, "sts", "get-caller-identity")
}

// rotationPolls bounds how many times waitForRotation reads the versions.
const rotationPolls = 20

// waitForRotation lists the secret's versions until the rotation to
// version rotated is over, and answers the stages of that version and of
// the one it replaces. With no rotation started (rotated is empty) it
// lists once.
func waitForRotation(t *testing.T, cli awsCLI, secretID, rotated, replaced string) cliAnswer {
	t.Helper()
	query := "{Rotated: Versions[?VersionId=='" + rotated + "'].VersionStages | [0], " +
		"Replaced: Versions[?VersionId=='" + replaced + "'].VersionStages | [0]}"
	for range rotationPolls {
		a := cli.run(t, "secretsmanager", "list-secret-version-ids", "--secret-id", secretID, "--query", query)
		if rotated == "" || a.Error != "" || !slices.Contains(list(field(a.JSON, "Rotated")), any("AWSPENDING")) {
			return a
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("version %s of %s is still AWSPENDING after %d reads", rotated, secretID, rotationPolls)
	return cliAnswer{}
}

// rotatedVersion is the version a rotate-secret answer started rotating
// to, or "" when the command failed.
func rotatedVersion(a cliAnswer) string {
	s, _ := field(a.JSON, "VersionId").(string)
	return s
}

// cliComparisons says, step by step, how the two backends' answers must
// relate: equal after normalising, except for the differences listed.
func cliComparisons() []cliComparison {
	return []cliComparison{
		{step: "create api"},
		{step: "create db"},
		{step: "put db second value"},
		{step: "put db third value"},
		{step: "get db previous by stage"},
		{step: "get db first version by id"},
		{step: "list by name and tag key, by name descending", differences: []difference{
			motoRewrite("moto ignores SortBy and SortOrder and lists in creation order", sortByNameDescending),
			motoRewrite("moto maps deprecated versions to an empty stage list in SecretVersionsToStages; AWS documents that they are left out",
				dropUnlabelledStageMaps),
			ignored("SecretList.*.LastAccessedDate", "moto leaves LastAccessedDate out of ListSecrets; AWS lists it once the secret was read in the Region"),
		}},
		{step: "list first page"},
		{step: "list second page"},
		{step: "list db versions", differences: []difference{
			motoRewrite("moto lists versions without stage labels although --include-deprecated is not given",
				dropUnlabelledVersions),
			ignored("ARN", "moto puts the secret's name in ListSecretVersionIds' ARN field"),
			ignored("NextToken", `moto answers NextToken "" on the last page, where AWS leaves it out`),
			ignored("Versions.*.KmsKeyIds", "moto lists no KmsKeyIds; AWS names DefaultEncryptionKey for the managed key"),
			ignored("Versions.*.LastAccessedDate", "moto stamps every version with LastAccessedDate; the emulator only the versions read"),
		}},
		{step: "list db versions with deprecated", differences: []difference{
			// AWS documents neither way of writing a version without labels.
			motoRewrite("moto writes VersionStages [] for a deprecated version; the emulator leaves the field out",
				dropEmptyVersionStages),
			ignored("ARN", "moto puts the secret's name in ListSecretVersionIds' ARN field"),
			ignored("NextToken", `moto answers NextToken "" on the last page, where AWS leaves it out`),
			ignored("Versions.*.KmsKeyIds", "moto lists no KmsKeyIds; AWS names DefaultEncryptionKey for the managed key"),
			ignored("Versions.*.LastAccessedDate", "moto stamps every version with LastAccessedDate; the emulator only the versions read"),
		}},
		{step: "rotate db without a function", check: func(t *testing.T, emu, moto cliAnswer) {
			// AWS refuses to rotate a secret that has no rotation function;
			// moto moves AWSCURRENT to a new version by itself.
			wantCLIError(t, emu, "InvalidRequestException")
			if moto.Error != "" {
				t.Errorf("moto answered %s; it is known to rotate without a function", moto.Error)
			}
		}},
		{step: "schedule api rotation", check: func(t *testing.T, emu, moto cliAnswer) {
			// Both keep the schedule. moto looks the function up in its
			// own Lambda backend even when asked not to rotate now, and
			// answers ResourceNotFoundException after storing the schedule
			// and an AWSPENDING version.
			if cliString(t, emu, "Name") == "" {
				t.Errorf("emulator answered %s, want the secret's ARN and name", emu)
			}
			wantCLIError(t, moto, "ResourceNotFoundException")
		}},
		{step: "describe api", differences: []difference{
			motoRewrite("moto keeps the AWSPENDING version its failed Lambda call left behind",
				dropPendingOnlyVersions),
		}},
		{step: "delete api with recovery window"},
		{step: "create over api pending deletion", check: func(t *testing.T, emu, moto cliAnswer) {
			// AWS answers InvalidRequestException: the secret is scheduled
			// for deletion. moto calls the name taken.
			wantCLIError(t, emu, "InvalidRequestException")
			wantCLIError(t, moto, "ResourceExistsException")
		}},
		{step: "restore api"},
		{step: "rotate db now", check: func(t *testing.T, emu, moto cliAnswer) {
			// The emulator runs its built-in rotation function, named by
			// the ARN. moto invokes the function in its own Lambda
			// backend, which has none: only the emulator rotates.
			if cliString(t, emu, "VersionId") == "" {
				t.Errorf("emulator answered %s, want the new version's id", emu)
			}
			wantCLIError(t, moto, "ResourceNotFoundException")
		}},
		{step: "db stages after rotation", check: func(t *testing.T, emu, moto cliAnswer) {
			// The rotated version is AWSCURRENT and the one it replaced
			// AWSPREVIOUS. moto rotated nothing (see "rotate db now").
			want := map[string]any{"Rotated": []any{"AWSCURRENT"}, "Replaced": []any{"AWSPREVIOUS"}}
			if emu.Error != "" || !reflect.DeepEqual(emu.JSON, want) {
				t.Errorf("emulator answered %s, want %v", emu, want)
			}
			if moto.Error != "" || field(moto.JSON, "Rotated") != nil {
				t.Errorf("moto answered %s; it is known to rotate nothing without a Lambda function of its own", moto)
			}
		}},
		{step: "caller identity", differences: []difference{
			ignored("Arn", "moto names arn:aws:sts::<account>:user/moto whatever the key; the emulator maps the key to a principal"),
			ignored("UserId", "moto answers a fixed example access key id as the user id; the emulator a made-up unique id (AIDA…)"),
		}},
	}
}

// cliComparison is how one step's answers must relate.
type cliComparison struct {
	step string
	// differences are what moto is known to answer differently from AWS;
	// they are taken out before the answers are compared.
	differences []difference
	// check, when set, replaces the comparison: the backends are known to
	// disagree and each answer is checked on its own.
	check func(t *testing.T, emu, moto cliAnswer)
}

// compare fails unless the answers match once the differences are out, and
// fails when a listed difference no longer shows, so the list stays true.
func (c cliComparison) compare(t *testing.T, emu, moto cliAnswer) {
	if c.check != nil {
		c.check(t, emu, moto)
		return
	}
	for _, d := range c.differences {
		var changed bool
		emu.JSON, moto.JSON, changed = d.apply(emu.JSON, moto.JSON)
		if !changed {
			t.Errorf("documented difference no longer shows: %s", d.why)
		}
	}
	if emu.Error != moto.Error || !reflect.DeepEqual(emu.JSON, moto.JSON) {
		t.Errorf("answers differ\nemulator: %s\nmoto:     %s", emu, moto)
	}
}

// difference is one known way moto's answer differs from AWS's.
type difference struct {
	why string
	// apply takes the difference out of both answers and reports whether
	// there was one to take out.
	apply func(emu, moto any) (any, any, bool)
}

// ignored leaves the field at path (dotted, "*" for every list item) out
// of both answers.
func ignored(path, why string) difference {
	return difference{why: why, apply: func(emu, moto any) (any, any, bool) {
		differs := !reflect.DeepEqual(collect(emu, path), collect(moto, path))
		return without(emu, path), without(moto, path), differs
	}}
}

// motoRewrite turns moto's answer into the one AWS gives.
func motoRewrite(why string, fix func(any) any) difference {
	return difference{why: why, apply: func(emu, moto any) (any, any, bool) {
		fixed := fix(moto)
		return emu, fixed, !reflect.DeepEqual(fixed, moto)
	}}
}

// dropUnlabelledStageMaps removes versions with no stage labels from every
// listed secret's SecretVersionsToStages.
func dropUnlabelledStageMaps(v any) any {
	v = deepCopy(v)
	for _, entry := range list(field(v, "SecretList")) {
		stages, _ := field(entry, "SecretVersionsToStages").(map[string]any)
		for id, labels := range stages {
			if len(list(labels)) == 0 {
				delete(stages, id)
			}
		}
	}
	return v
}

// dropUnlabelledVersions removes versions with no stage labels from a
// ListSecretVersionIds answer.
func dropUnlabelledVersions(v any) any {
	v = deepCopy(v)
	m, _ := v.(map[string]any)
	var kept []any
	for _, version := range list(field(v, "Versions")) {
		if len(list(field(version, "VersionStages"))) > 0 {
			kept = append(kept, version)
		}
	}
	if m != nil {
		m["Versions"] = kept
	}
	return v
}

// dropPendingOnlyVersions removes versions labelled only AWSPENDING from a
// DescribeSecret answer.
func dropPendingOnlyVersions(v any) any {
	v = deepCopy(v)
	stages, _ := field(v, "VersionIdsToStages").(map[string]any)
	for id, labels := range stages {
		if reflect.DeepEqual(labels, []any{"AWSPENDING"}) {
			delete(stages, id)
		}
	}
	return v
}

// sortByNameDescending sorts a ListSecrets answer's secrets by name, from
// last to first.
func sortByNameDescending(v any) any {
	v = deepCopy(v)
	secrets := list(field(v, "SecretList"))
	slices.SortFunc(secrets, func(a, b any) int {
		x, _ := field(a, "Name").(string)
		y, _ := field(b, "Name").(string)
		return strings.Compare(y, x)
	})
	return v
}

// dropEmptyVersionStages removes empty VersionStages lists from a
// ListSecretVersionIds answer.
func dropEmptyVersionStages(v any) any {
	v = deepCopy(v)
	for _, version := range list(field(v, "Versions")) {
		if m, ok := version.(map[string]any); ok && len(list(m["VersionStages"])) == 0 {
			delete(m, "VersionStages")
		}
	}
	return v
}

// wantCLIError fails unless the command failed with the AWS error code.
func wantCLIError(t *testing.T, a cliAnswer, code string) {
	t.Helper()
	if a.Error != code {
		t.Errorf("answer %s, want error %s", a, code)
	}
}

// stepNames lists the steps the comparisons cover, sorted.
func stepNames(cs []cliComparison) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.step
	}
	slices.Sort(out)
	return out
}

// lookupAWSCLI finds the aws command, skipping the test without it unless
// KEYHOLE_REQUIRE_MOTO=1 asks for every cross-check to run.
func lookupAWSCLI(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("aws")
	if err != nil {
		if os.Getenv(requireMotoEnv) == "1" {
			t.Fatalf("the AWS CLI (aws) is not on PATH and %s=1: %v", requireMotoEnv, err)
		}
		t.Skip("the AWS CLI (aws) is not on PATH: install awscli to compare the emulator with moto through it")
	}
	return bin
}

// cliString reads a string field of a successful answer, failing the test
// when the command failed.
func cliString(t *testing.T, a cliAnswer, key string) string {
	t.Helper()
	if a.Error != "" {
		t.Fatalf("answer %s, want one with %s", a, key)
	}
	s, _ := field(a.JSON, key).(string)
	return s
}

// String prints the answer as compact JSON, or its error code.
func (a cliAnswer) String() string {
	if a.Error != "" {
		return "error " + a.Error
	}
	b, _ := json.Marshal(a.JSON)
	return strings.TrimSpace(string(b))
}
