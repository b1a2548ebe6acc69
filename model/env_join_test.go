package model

import (
	"errors"
	"strings"
	"testing"
)

func TestSecretEnvNamesJSONLeavesAndWholeValues(t *testing.T) {
	vars, err := SecretEnv("prod/app", StringValue(`{"db": {"password": "`+envSecret+`"}, "api-key": "k"}`), "APP_")
	if err != nil || len(vars) != 2 || vars[0].Name != "APP_DB_PASSWORD" || vars[1].Name != "APP_API_KEY" {
		t.Fatalf("SecretEnv of a JSON object = %v, %v", vars, err)
	}
	vars, err = SecretEnv("prod/api-key", StringValue(envSecret), "")
	if err != nil || len(vars) != 1 || vars[0].Name != "API_KEY" || !vars[0].Whole || vars[0].Source() != "prod/api-key" {
		t.Fatalf("SecretEnv of a plain value = %+v, %v", vars, err)
	}
	vars, err = SecretEnv("tls/cert", BinaryValue([]byte{0, 1, 2}), "")
	if err != nil || string(vars[0].Value.Reveal()) != "AAEC" {
		t.Fatalf("a binary value is not its base64: %v", err)
	}
	if _, err = SecretEnv("bad", StringValue(`{"a": "`+envSecret+`",`), ""); err == nil || strings.Contains(err.Error(), envSecret) {
		t.Fatalf("SecretEnv of broken JSON: %v", err)
	}
}

func TestJoinEnvNamesBothSourcesOfAConflict(t *testing.T) {
	a, _ := SecretEnv("prod/app", StringValue(`{"db": {"password": "`+envSecret+`"}}`), "")
	b, _ := SecretEnv("prod/other", StringValue(`{"db_password": "`+envSecret+`"}`), "")
	_, err := JoinEnv(a, b)
	var conflict *EnvConflictError
	if !errors.As(err, &conflict) || conflict.Name != "DB_PASSWORD" {
		t.Fatalf("JoinEnv = %v, want a conflict on DB_PASSWORD", err)
	}
	for _, want := range []string{`prod/app key "db.password"`, `prod/other key "db_password"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the conflict %q does not name %s", err, want)
		}
	}
	if strings.Contains(err.Error(), envSecret) {
		t.Error("the conflict quotes the value")
	}
	joined, err := JoinEnv(a, []EnvVar{{Name: "OTHER", Value: StringValue("x")}})
	if err != nil || len(joined) != 2 {
		t.Fatalf("JoinEnv of distinct names = %v, %v", joined, err)
	}
}

func TestPickEnvTakesOneLeafUnderAChosenName(t *testing.T) {
	v := StringValue(`{"db": {"password": "` + envSecret + `", "port": 5432}}`)
	e, err := PickEnv("PGPASSWORD", "prod/db", v, "db.password")
	if err != nil || e.Name != "PGPASSWORD" || string(e.Value.Reveal()) != envSecret {
		t.Fatalf("PickEnv = %+v, %v", e, err)
	}
	for _, c := range []struct{ name, path, says string }{
		{"LD_PRELOAD", "db.password", "dynamic loader"},
		{"9X", "db.password", "not a variable name"},
		{"X", "db.user", "db.password, db.port"},
	} {
		if _, err := PickEnv(c.name, "prod/db", v, c.path); err == nil || !strings.Contains(err.Error(), c.says) || strings.Contains(err.Error(), envSecret) {
			t.Errorf("PickEnv(%s, %s) = %v, want an error saying %q", c.name, c.path, err, c.says)
		}
	}
	if _, err := PickEnv("X", "prod/token", StringValue(envSecret), "a"); err == nil {
		t.Error("PickEnv took a key of a value that is not JSON")
	}
}

func TestFormatEnvQuotesEachFormat(t *testing.T) {
	vars := []EnvVar{{Name: "A", Value: StringValue(`it's a \ $HOME`)}, {Name: "B", Value: StringValue("plain")}}
	tests := map[string]string{
		EnvDotenv: `A='it\'s a \\ $HOME'` + "\nB='plain'\n",
		EnvShell:  `export A='it'\''s a \ $HOME'` + "\nexport B=plain\n",
		EnvJSON:   "{\n  \"A\": \"it's a \\\\ $HOME\",\n  \"B\": \"plain\"\n}\n",
	}
	for format, want := range tests {
		got, err := FormatEnv(vars, format)
		if err != nil || string(got.Reveal()) != want {
			t.Errorf("FormatEnv %s = %q, %v; want %q", format, got.Reveal(), err, want)
		}
	}
	if _, err := FormatEnv(vars, "yaml"); err == nil {
		t.Error("FormatEnv took an unknown format")
	}
	if _, err := FormatEnv([]EnvVar{{Name: "X", Value: StringValue("\xff")}}, EnvJSON); err == nil {
		t.Error("FormatEnv json took bytes that are not UTF-8")
	}
}
