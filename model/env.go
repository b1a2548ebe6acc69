package model

import (
	"bytes"
	"fmt"
	"strings"
)

// EnvVar is one environment variable made from a secret: the name it is set
// as, the key path it came from and its value.
type EnvVar struct {
	Name  string
	Path  string
	Value Value
	// Secret is the secret it came from, when the caller names one.
	Secret string
	// Whole says the variable holds the whole value, not one JSON leaf.
	Whole bool
}

// Source names where the variable came from, for errors: the secret and
// the key path, never the value.
func (e EnvVar) Source() string {
	switch {
	case e.Whole:
		return e.Secret
	case e.Secret == "":
		return fmt.Sprintf("key %q", e.Path)
	}
	return fmt.Sprintf("%s key %q", e.Secret, e.Path)
}

// EnvRefusedError says a key path would become a variable that a shell, the
// dynamic loader or an interpreter treats as code or as where to find code.
// It never holds the value.
type EnvRefusedError struct {
	Path   string // the key path, as in the secret
	Name   string // the variable it would become
	Reason string // who obeys that variable, worded to follow "which"
}

// Error names the key path, the variable and the reason.
func (e *EnvRefusedError) Error() string {
	return fmt.Sprintf("key %q would become %s, which %s", e.Path, e.Name, e.Reason)
}

// EnvCollisionError says two key paths would become the same variable, so
// one of them would silently replace the other. It never holds the values.
type EnvCollisionError struct {
	Name          string // the variable both would become
	First, Second string // the key paths, in document order
}

// Error names both key paths and the variable.
func (e *EnvCollisionError) Error() string {
	return fmt.Sprintf("keys %q and %q would both become %s: rename one", e.First, e.Second, e.Name)
}

// EnvVars names an environment variable for each leaf, in the leaves' order:
// prefix followed by EnvName of the leaf's path, so "db.host" with prefix
// "APP_" is APP_DB_HOST. It fails, on the first problem in order, when the
// prefix is not made of letters, digits and underscores, when a name is one
// a shell, the dynamic loader, an interpreter or a program treats as code
// (see refusedEnvName), when two leaves become the same name, or when a
// value holds a NUL byte, which no environment variable can hold.
// Errors name key paths and variables, never a value.
func EnvVars(leaves []Field, prefix string) ([]EnvVar, error) {
	if !validEnvPrefix(prefix) {
		return nil, fmt.Errorf("prefix %q is not a variable name: use letters, digits and underscores, not starting with a digit", prefix)
	}
	vars := make([]EnvVar, 0, len(leaves))
	from := make(map[string]string, len(leaves))
	for _, leaf := range leaves {
		name := envName(prefix, leaf.Path)
		if why := refusedEnvName(name); why != "" {
			return nil, &EnvRefusedError{Path: leaf.Path, Name: name, Reason: why}
		}
		if first, ok := from[name]; ok {
			return nil, &EnvCollisionError{Name: name, First: first, Second: leaf.Path}
		}
		if bytes.IndexByte(leaf.Value.data, 0) >= 0 {
			return nil, fmt.Errorf("the value of key %q holds a NUL byte, which no environment variable can hold", leaf.Path)
		}
		from[name] = leaf.Path
		vars = append(vars, EnvVar{Name: name, Path: leaf.Path, Value: leaf.Value})
	}
	return vars, nil
}

// EnvName turns a key path into an environment variable name:
// "db.host" → "DB_HOST", "api-key" → "API_KEY".
func EnvName(path string) string { return envName("", path) }

// envName is prefix followed by path in upper case, every character other
// than an ASCII letter or digit made an underscore and the underscores at
// either end of the path dropped. A name that would be empty or start with
// a digit starts with an underscore.
func envName(prefix, path string) string {
	var b strings.Builder
	for _, r := range path {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	name := prefix + strings.Trim(b.String(), "_")
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		name = "_" + name
	}
	return name
}

// validEnvPrefix reports whether prefix can start a variable name: empty, or
// ASCII letters, digits and underscores not starting with a digit.
func validEnvPrefix(prefix string) bool {
	for i := 0; i < len(prefix); i++ {
		c := prefix[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// refusedEnvName says why a variable must not be set from a secret's key,
// or "" when it may. Setting these runs code or changes where code is found
// the moment the KEY=value line is pasted into a shell, sourced from a
// .env file or passed to a child process; a secret's keys are written by
// whoever can put a value, so they must not pick such names. The check is
// on the name in upper case, because zsh ties lower-case path, cdpath and
// fpath to their upper-case twins. The list, by who reads the variable:
//
//   - shells: what they run (PROMPT_COMMAND, PS0–PS4, PROMPT, RPROMPT, RPS1,
//     ENV, BASH_ENV and every BASH_* including exported BASH_FUNC_*
//     functions, ZDOTDIR, INPUTRC), where they find commands and files
//     (PATH, CDPATH, FPATH, HOME, HISTFILE, MAILPATH), how they split and
//     expand words (IFS, GLOBIGNORE), their options (SHELLOPTS, BASHOPTS),
//     and SHELL;
//   - the dynamic loader and the C library: LD_*, DYLD_*, MALLOC_*, and
//     the rest of glibc's list of variables it drops for setuid programs
//     (GCONV_PATH, GETCONF_DIR, GLIBC_TUNABLES, HOSTALIASES, LOCALDOMAIN,
//     LOCPATH, NIS_PATH, NLSPATH, RESOLV_HOST_CONF, RES_OPTIONS, TMPDIR,
//     TZDIR);
//   - interpreters, which load or run code they name: PERL5OPT, PERL5LIB,
//     PERLLIB, PERL5DB, PYTHONSTARTUP, PYTHONPATH, PYTHONHOME,
//     PYTHONWARNINGS, PYTHONBREAKPOINT, PYTHONUSERBASE, NODE_OPTIONS,
//     NODE_PATH, RUBYOPT, RUBYLIB, JAVA_TOOL_OPTIONS, _JAVA_OPTIONS,
//     JDK_JAVA_OPTIONS, CLASSPATH, PHPRC, PHP_INI_SCAN_DIR, LUA_INIT and
//     LUA_INIT_*, DOTNET_STARTUP_HOOKS;
//   - programs that run a variable as a command: EDITOR, VISUAL, PAGER,
//     MANPAGER, BROWSER, LESSOPEN, LESSCLOSE, SSH_ASKPASS, SUDO_ASKPASS,
//     GIT_SSH, GIT_SSH_COMMAND, GIT_EDITOR, GIT_PAGER, GIT_ASKPASS,
//     GIT_EXEC_PATH, GIT_PROXY_COMMAND, GIT_EXTERNAL_DIFF, and GIT_CONFIG
//     and GIT_CONFIG_*, which set any git option, core.sshCommand among
//     them.
func refusedEnvName(name string) string {
	n := strings.ToUpper(name)
	switch {
	case shellEnvName(n):
		return "a shell runs or obeys"
	case loaderEnvName(n):
		return "the dynamic loader or the C library obeys"
	case interpreterEnvName(n):
		return "an interpreter loads code from"
	case commandEnvName(n):
		return "programs run as a command"
	}
	return ""
}

// shellEnvName reports whether a shell treats the upper-case name n as code,
// a search path or an option.
func shellEnvName(n string) bool {
	switch n {
	case "PROMPT_COMMAND", "PS0", "PS1", "PS2", "PS3", "PS4", "PROMPT", "PROMPT2",
		"PROMPT3", "PROMPT4", "RPROMPT", "RPROMPT2", "RPS1", "RPS2", "ENV", "ZDOTDIR",
		"INPUTRC", "PATH", "CDPATH", "FPATH", "HOME", "HISTFILE", "MAILPATH", "IFS",
		"GLOBIGNORE", "SHELLOPTS", "BASHOPTS", "SHELL":
		return true
	}
	return strings.HasPrefix(n, "BASH_")
}

// loaderEnvName reports whether the dynamic loader or the C library reads
// the upper-case name n.
func loaderEnvName(n string) bool {
	switch n {
	case "GCONV_PATH", "GETCONF_DIR", "GLIBC_TUNABLES", "HOSTALIASES", "LOCALDOMAIN",
		"LOCPATH", "NIS_PATH", "NLSPATH", "RESOLV_HOST_CONF", "RES_OPTIONS", "TMPDIR", "TZDIR":
		return true
	}
	return hasAnyPrefix(n, "LD_", "DYLD_", "MALLOC_")
}

// interpreterEnvName reports whether an interpreter loads or runs code named
// by the upper-case name n.
func interpreterEnvName(n string) bool {
	switch n {
	case "PERL5OPT", "PERL5LIB", "PERLLIB", "PERL5DB", "PYTHONSTARTUP", "PYTHONPATH",
		"PYTHONHOME", "PYTHONWARNINGS", "PYTHONBREAKPOINT", "PYTHONUSERBASE",
		"NODE_OPTIONS", "NODE_PATH", "RUBYOPT", "RUBYLIB", "JAVA_TOOL_OPTIONS",
		"_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH", "PHPRC", "PHP_INI_SCAN_DIR",
		"DOTNET_STARTUP_HOOKS", "LUA_INIT":
		return true
	}
	return strings.HasPrefix(n, "LUA_INIT_")
}

// commandEnvName reports whether programs run the upper-case name n as a
// command, or, for GIT_CONFIG and GIT_CONFIG_*, take any option from it.
func commandEnvName(n string) bool {
	switch n {
	case "EDITOR", "VISUAL", "PAGER", "MANPAGER", "BROWSER", "LESSOPEN", "LESSCLOSE",
		"SSH_ASKPASS", "SUDO_ASKPASS", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_EDITOR",
		"GIT_PAGER", "GIT_ASKPASS", "GIT_EXEC_PATH", "GIT_PROXY_COMMAND", "GIT_EXTERNAL_DIFF",
		"GIT_CONFIG":
		return true
	}
	return strings.HasPrefix(n, "GIT_CONFIG_")
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
