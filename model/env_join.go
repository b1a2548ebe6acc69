package model

import (
	"fmt"
	"strings"
)

// EnvConflictError says two sources would set the same variable. It names
// both sources and never a value.
type EnvConflictError struct {
	Name          string // the variable both would set
	First, Second string // the sources, in the order given
}

// Error names the variable and both sources.
func (e *EnvConflictError) Error() string {
	return fmt.Sprintf("%s and %s would both set %s: give one a prefix or pick keys with --env", e.First, e.Second, e.Name)
}

// SecretEnv names the variables of one secret's value, each after prefix:
// a JSON object's leaves by their upper-cased paths, or anything else as
// one variable named after the last element of the secret's name (binary
// as base64). It fails as EnvVars does, and on a value that looks like
// JSON but is not valid, with errors that name the secret and never the
// value.
func SecretEnv(secret string, v Value, prefix string) ([]EnvVar, error) {
	if p := v.Parse(); p.JSONError != nil {
		return nil, fmt.Errorf("the value of %s is %w", secret, p.JSONError)
	}
	vars, err := EnvVars(v.envLeaves(secret), prefix)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", secret, err)
	}
	whole := v.Parse().Shape != ShapeJSON
	for i := range vars {
		vars[i].Secret, vars[i].Whole = secret, whole
	}
	return vars, nil
}

// PickEnv is the variable name set from the leaf at path of a secret's
// JSON value. The name must be a variable name and not one EnvVars
// refuses. A missing path is an error that lists the value's keys.
func PickEnv(name, secret string, v Value, path string) (EnvVar, error) {
	if name == "" || !validEnvPrefix(name) {
		return EnvVar{}, fmt.Errorf("%q is not a variable name: use letters, digits and underscores, not starting with a digit", name)
	}
	if why := refusedEnvName(name); why != "" {
		return EnvVar{}, fmt.Errorf("%s is a variable which %s: a secret may not set it", name, why)
	}
	p := v.Parse()
	switch {
	case p.JSONError != nil:
		return EnvVar{}, fmt.Errorf("the value of %s is %w", secret, p.JSONError)
	case p.Shape != ShapeJSON:
		return EnvVar{}, fmt.Errorf("the value of %s is not a JSON object: drop #%s to take it whole", secret, path)
	}
	for _, f := range p.Fields {
		if f.Path == path {
			if strings.IndexByte(string(f.Value.data), 0) >= 0 {
				return EnvVar{}, fmt.Errorf("the value of key %q of %s holds a NUL byte, which no environment variable can hold", path, secret)
			}
			return EnvVar{Name: name, Path: path, Value: f.Value, Secret: secret}, nil
		}
	}
	return EnvVar{}, fmt.Errorf("%s has no key %q; its keys are %s", secret, path, KeyList(p.Fields))
}

// maxListedKeys bounds the keys KeyList names.
const maxListedKeys = 50

// KeyList names the key paths of a value's fields, at most 50, for errors
// that must name keys and never values.
func KeyList(fields []Field) string {
	paths := make([]string, 0, min(len(fields), maxListedKeys))
	for _, f := range fields[:min(len(fields), maxListedKeys)] {
		paths = append(paths, f.Path)
	}
	list := strings.Join(paths, ", ")
	if more := len(fields) - len(paths); more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	return list
}

// JoinEnv puts the variables of several sources into one list, in order.
// A name set by two sources is an EnvConflictError naming both.
func JoinEnv(groups ...[]EnvVar) ([]EnvVar, error) {
	var out []EnvVar
	from := map[string]EnvVar{}
	for _, g := range groups {
		for _, e := range g {
			if first, ok := from[e.Name]; ok {
				return nil, &EnvConflictError{Name: e.Name, First: first.Source(), Second: e.Source()}
			}
			from[e.Name] = e
			out = append(out, e)
		}
	}
	return out, nil
}
