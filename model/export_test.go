package model

import "testing"

// envText is AsEnv's text, failing the test on an error.
func envText(t *testing.T, v Value, secretName string) string {
	t.Helper()
	env, err := v.AsEnv(secretName)
	if err != nil {
		t.Fatalf("AsEnv(%s): %v", secretName, err)
	}
	return string(env.Reveal())
}

func TestExportFormats(t *testing.T) {
	v := StringValue(`{"username":"app","password":"p@ss w'rd","db":{"port":5432}}`)
	if got := envText(t, v, "prod/db"); got != "USERNAME=app\nPASSWORD='p@ss w'\\''rd'\nDB_PORT=5432\n" {
		t.Fatalf("env: %q", got)
	}
	if got := string(v.AsJSON().Reveal()); got != "{\n  \"username\": \"app\",\n  \"password\": \"p@ss w'rd\",\n  \"db\": {\n    \"port\": 5432\n  }\n}" {
		t.Fatalf("json: %q", got)
	}
	if got := envText(t, StringValue("sk_test_1"), "dev/stripe-api-key"); got != "STRIPE_API_KEY=sk_test_1\n" {
		t.Fatalf("plain env: %q", got)
	}
	if got := string(StringValue("a\"b").AsJSON().Reveal()); got != `"a\"b"` {
		t.Fatalf("plain json: %q", got)
	}
	if got := string(BinaryValue([]byte{1, 2, 3}).AsJSON().Reveal()); got != `"AQID"` {
		t.Fatalf("binary json: %q", got)
	}
	if got := EnvName("9lives.x-y"); got != "_9LIVES_X_Y" {
		t.Fatalf("EnvName: %q", got)
	}
}
