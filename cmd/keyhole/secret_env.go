package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/keyhole-tui/keyhole/model"
)

// envSource is one secret whose whole value becomes variables.
type envSource struct {
	ref    model.SecretRef
	prefix string
}

// envPick is one leaf of a secret set under a chosen name.
type envPick struct {
	name string
	ref  model.SecretRef
	key  string
}

// parseSecretFlag reads --secret NAME[=PREFIX]. Names may hold =, so the
// prefix is what follows the last one; NAME= gives a name with = in it
// and no prefix.
func parseSecretFlag(s string) (envSource, error) {
	name, prefix := s, ""
	if i := strings.LastIndexByte(s, '='); i >= 0 {
		name, prefix = s[:i], s[i+1:]
	}
	ref, err := model.ParseSecretRef(name, false)
	if err != nil {
		return envSource{}, fmt.Errorf("--secret %s", err)
	}
	return envSource{ref: ref, prefix: prefix}, nil
}

// parsePickFlag reads --env VAR=NAME#KEY.
func parsePickFlag(s string) (envPick, error) {
	name, rest, ok := strings.Cut(s, "=")
	secret, key, hasKey := strings.Cut(rest, "#")
	if !ok || !hasKey || name == "" || key == "" {
		return envPick{}, fmt.Errorf("--env %q: want VAR=NAME#KEY", s)
	}
	ref, err := model.ParseSecretRef(secret, false)
	if err != nil {
		return envPick{}, fmt.Errorf("--env %s", err)
	}
	return envPick{name: name, ref: ref, key: key}, nil
}

// gatherEnv reads each secret once and names its variables: the sources'
// first, in order, then the picks. A name set twice is an error naming
// both sources.
func gatherEnv(ctx context.Context, r *readers, sources []envSource, picks []envPick) ([]model.EnvVar, error) {
	values := map[string]model.Value{}
	read := func(ref model.SecretRef) (model.Value, error) {
		if v, ok := values[ref.String()]; ok {
			return v, nil
		}
		sv, err := r.read(ctx, ref)
		if err != nil {
			return model.Value{}, err
		}
		values[ref.String()] = sv.Value
		return sv.Value, nil
	}
	var groups [][]model.EnvVar
	for _, src := range sources {
		v, err := read(src.ref)
		if err != nil {
			return nil, err
		}
		vars, err := model.SecretEnv(src.ref.String(), v, src.prefix)
		if err != nil {
			return nil, err
		}
		groups = append(groups, vars)
	}
	for _, p := range picks {
		v, err := read(p.ref)
		if err != nil {
			return nil, err
		}
		e, err := model.PickEnv(p.name, p.ref.String(), v, p.key)
		if err != nil {
			return nil, fmt.Errorf("--env %s: %w", p.name, err)
		}
		groups = append(groups, []model.EnvVar{e})
	}
	return model.JoinEnv(groups...)
}
