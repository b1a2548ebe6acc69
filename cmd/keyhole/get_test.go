package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// getCanary is a value that must never show up on stderr or in an error.
const getCanary = "canary-7f3c2a9e-value"

// canarySeed holds secrets whose values carry the canary in every shape
// that --key can trip over.
func canarySeed() emulator.Seed {
	return emulator.Seed{Secrets: []emulator.SeedSecret{
		scriptSecret("app/json", "nested JSON", `{"db":{"host":"db.internal","ports":[5432,"6432"]},"password":"`+getCanary+`","token":null}`),
		scriptSecret("app/text", "plain text", getCanary+"\n"),
		scriptSecret("app/broken", "not JSON", `{"password":"`+getCanary+`",`),
		{
			Name:     "app/binary",
			Versions: []emulator.SeedVersion{{Binary: []byte("\x00\xff" + getCanary), Stages: []string{"AWSCURRENT"}}},
		},
	}}
}

func TestGetPipesTheExactBytes(t *testing.T) {
	seed := scriptDemoSeed(t)
	const name = "prod/payments/stripe-api-key"
	want := *scriptSeedVersion(t, seed, name, "", "AWSCURRENT").String
	r := runKeyhole(t, "get", "--demo", name).mustSucceed(t)
	if string(r.stdout) != want {
		t.Fatalf("get printed %q, want exactly %q with no newline", r.stdout, want)
	}

	_, flags := serveScriptSeed(t, canarySeed())
	if r := runKeyhole(t, append(flags, "get", "app/text")...).mustSucceed(t); string(r.stdout) != getCanary+"\n" {
		t.Fatalf("get printed %q, want the value's own trailing newline and no other", r.stdout)
	}
}

func TestGetRefusesOnATerminalWithoutReveal(t *testing.T) {
	emu, flags := serveScriptSeed(t, canarySeed())
	out, code := runInTerminal(t, nil, append(flags, "get", "app/json")...)
	if code != 0 {
		t.Fatalf("get on a terminal exited %d, want 0:\n%s", code, out)
	}
	for _, want := range []string{"Name:", "app/json", "Description:", "nested JSON", "Version:", "(AWSCURRENT)", "--reveal"} {
		if !strings.Contains(out, want) {
			t.Errorf("the metadata lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, getCanary) {
		t.Fatal("get printed the value to a terminal without --reveal")
	}
	for _, req := range emu.Requests() {
		if req.Operation == "GetSecretValue" {
			t.Fatal("get read the value (GetSecretValue) though it would not print it")
		}
	}
}

func TestGetRevealsOnATerminal(t *testing.T) {
	_, flags := serveScriptSeed(t, canarySeed())
	out, code := runInTerminal(t, nil, append(flags, "get", "--reveal", "app/json", "--key", "password")...)
	if code != 0 || out != getCanary+"\n" {
		t.Fatalf("get --reveal --key password printed %q (exit %d), want the value and a newline", out, code)
	}
	out, code = runInTerminal(t, nil, append(flags, "get", "--reveal", "app/binary")...)
	if want := base64.StdEncoding.EncodeToString([]byte("\x00\xff"+getCanary)) + "\n"; code != 0 || out != want {
		t.Fatalf("get --reveal of a binary value printed %q (exit %d), want %q", out, code, want)
	}
	out, code = runInTerminal(t, nil, append(flags, "get", "--reveal", "app/text")...)
	if code != 0 || out != getCanary+"\n" {
		t.Fatalf("get --reveal of a value ending in a newline printed %q (exit %d), want no second newline", out, code)
	}
}

func TestGetKeyPrintsOneLeaf(t *testing.T) {
	_, flags := serveScriptSeed(t, canarySeed())
	cases := []struct {
		key  string
		json bool
		want string
	}{
		{"password", false, getCanary},
		{"db.host", false, "db.internal"},
		{"db.ports[0]", false, "5432"},
		{"db.ports[1]", false, "6432"},
		{"token", false, "null"},
		{"db.ports[0]", true, "5432\n"},
		{"db.ports[1]", true, "\"6432\"\n"},
		{"db.host", true, "\"db.internal\"\n"},
	}
	for _, c := range cases {
		args := append(flags, "get", "app/json", "--key", c.key)
		if c.json {
			args = append(args, "--json")
		}
		if r := runKeyhole(t, args...).mustSucceed(t); string(r.stdout) != c.want {
			t.Errorf("get --key %s (json %v) printed %q, want %q", c.key, c.json, r.stdout, c.want)
		}
	}

	if r := runKeyhole(t, "get", "--demo", "prod/payments/postgres", "--key", "port").mustSucceed(t); string(r.stdout) != "5432" {
		t.Errorf("get --demo prod/payments/postgres --key port printed %q", r.stdout)
	}
}

func TestGetMissingKeyListsTheKeysNotTheValues(t *testing.T) {
	_, flags := serveScriptSeed(t, canarySeed())
	r := runKeyhole(t, append(flags, "get", "app/json", "--key", "db.user")...)
	if r.code != exitNotFound {
		t.Fatalf("a missing key exited %d, want %d", r.code, exitNotFound)
	}
	for _, key := range []string{"db.host", "db.ports[0]", "password", "token"} {
		if !strings.Contains(r.stderr, key) {
			t.Errorf("the error does not name the key %s: %q", key, r.stderr)
		}
	}
	if strings.Contains(r.stderr, getCanary) || strings.Contains(r.stderr, "db.internal") || len(r.stdout) != 0 {
		t.Fatalf("a missing key let a value out: stdout %q, stderr %q", r.stdout, r.stderr)
	}
}

func TestGetStageAndVersionID(t *testing.T) {
	seed := scriptDemoSeed(t)
	const name = "prod/payments/stripe-api-key"
	previous := scriptSeedVersion(t, seed, name, "", "AWSPREVIOUS")
	if r := runKeyhole(t, "get", "--demo", name, "--stage", "AWSPREVIOUS").mustSucceed(t); string(r.stdout) != *previous.String {
		t.Errorf("--stage AWSPREVIOUS printed %q, want %q", r.stdout, *previous.String)
	}
	oldest := seed.Secrets[slices.IndexFunc(seed.Secrets, func(s emulator.SeedSecret) bool { return s.Name == name })].Versions[0]
	if r := runKeyhole(t, "get", "--demo", name, "--version-id", oldest.ID).mustSucceed(t); string(r.stdout) != *oldest.String {
		t.Errorf("--version-id %s printed %q, want %q", oldest.ID, r.stdout, *oldest.String)
	}
	if r := runKeyhole(t, "get", "--demo", name, "--stage", "AWSPREVIOUS", "--version-id", oldest.ID); r.code != exitUsage {
		t.Errorf("--stage with --version-id exited %d, want %d", r.code, exitUsage)
	}
}

func TestGetJSONIsShapedLikeGetSecretValue(t *testing.T) {
	_, flags := serveScriptSeed(t, canarySeed())
	decode := func(name string) map[string]any {
		r := runKeyhole(t, append(flags, "get", name, "--json")...).mustSucceed(t)
		var doc map[string]any
		if err := json.Unmarshal(r.stdout, &doc); err != nil {
			t.Fatalf("get --json is not JSON: %v", err)
		}
		return doc
	}
	text := decode("app/text")
	if got := jsonFieldNames(text); !slices.Equal(got, []string{"ARN", "CreatedDate", "Name", "SecretString", "VersionId", "VersionStages"}) {
		t.Errorf("get --json fields = %v", got)
	}
	if text["SecretString"] != getCanary+"\n" || text["Name"] != "app/text" || !sameJSON(text["VersionStages"], []string{"AWSCURRENT"}) {
		t.Errorf("get --json = %v", text)
	}
	if s, _ := text["CreatedDate"].(string); !cliDatePattern.MatchString(s) {
		t.Errorf("CreatedDate = %v, want a date as the AWS CLI prints it", text["CreatedDate"])
	}
	binary := decode("app/binary")
	if _, ok := binary["SecretString"]; ok || binary["SecretBinary"] != base64.StdEncoding.EncodeToString([]byte("\x00\xff"+getCanary)) {
		t.Errorf("get --json of a binary value = %v, want SecretBinary in base64", binary)
	}
}

func TestGetPipesBinaryValuesRaw(t *testing.T) {
	seed := scriptDemoSeed(t)
	const name = "prod/payments/tls-keystore"
	want := scriptSeedVersion(t, seed, name, "", "AWSCURRENT").Binary
	if r := runKeyhole(t, "get", "--demo", name).mustSucceed(t); !bytes.Equal(r.stdout, want) {
		t.Fatalf("get of a binary value printed %d bytes, want the %d raw bytes", len(r.stdout), len(want))
	}
}

func TestGetExitCodes(t *testing.T) {
	emu, flags := serveScriptSeed(t, canarySeed())
	emu.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "GetSecretValue", SecretID: "app/text", ErrorCode: "AccessDeniedException"})
	cases := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"get", "app/missing"}, exitNotFound, "not found"},
		{[]string{"get", "app/json", "--stage", "AWSPENDING"}, exitNotFound, "not found"},
		{[]string{"get", "app/json", "--version-id", "00000000-0000-0000-0000-000000000000"}, exitNotFound, "not found"},
		{[]string{"get", "app/text"}, exitAccessDenied, "access denied: secretsmanager:GetSecretValue"},
		{[]string{"get", "app/text", "--key", "password"}, exitAccessDenied, "access denied"},
		{[]string{"get", "app/json", "--key", "nope"}, exitNotFound, "no such key"},
		{[]string{"get", "app/broken", "--key", "password"}, exitError, "not valid JSON"},
		{[]string{"get", "app/binary", "--key", "password"}, exitError, "binary"},
		{[]string{"get"}, exitUsage, "one secret name"},
		{[]string{"get", "a", "b"}, exitUsage, "one secret name"},
		{[]string{"get", "app/json", "--no-such-flag"}, exitUsage, "unknown flag"},
	}
	for _, c := range cases {
		r := runKeyhole(t, append(slices.Clone(flags), c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.says) {
			t.Errorf("keyhole %v exited %d with %q, want %d saying %q", c.args, r.code, r.stderr, c.code, c.says)
		}
		if strings.Contains(r.stderr, getCanary) || strings.Contains(string(r.stdout), getCanary) {
			t.Errorf("keyhole %v let the value out: stdout %q, stderr %q", c.args, r.stdout, r.stderr)
		}
	}
}

func TestGetCompletesSecretNames(t *testing.T) {
	r := runKeyhole(t, "__complete", "get", "--demo", "prod/payments/s")
	if r.code != 0 {
		t.Fatalf("completion exited %d: %s", r.code, r.stderr)
	}
	names := strings.Fields(string(r.stdout))
	for _, want := range []string{"prod/payments/stripe-api-key", "prod/payments/settlement-sftp"} {
		if !slices.Contains(names, want) {
			t.Errorf("completing prod/payments/s offered %v, want %s among them", names, want)
		}
	}
	if slices.Contains(names, "prod/payments/postgres") {
		t.Errorf("completing prod/payments/s offered prod/payments/postgres")
	}
}
