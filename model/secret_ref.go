package model

import (
	"fmt"
	"strings"
)

// SecretRef names a secret on a command line, and where to read it:
// NAME, or PROFILE:REGION:NAME for another profile or region, with
// @STAGE or #VERSIONID after the name where a version may be chosen.
// NAME may be an ARN.
type SecretRef struct {
	// Elsewhere says the reference named a profile and region.
	Elsewhere bool
	// Profile and Region are where to read it when Elsewhere; empty
	// means the session's own.
	Profile, Region string
	// Name is the secret's name or ARN.
	Name string
	// Stage and VersionID pick a version; both empty means AWSCURRENT.
	Stage, VersionID string
}

// ParseSecretRef reads a reference. With versions, a name may end in
// @STAGE or #VERSIONID; secret names hold neither # nor :, but they may
// hold @, so a name with @ in it is written with @AWSCURRENT after it.
// An ARN is kept whole: its own colons are not a profile and region.
func ParseSecretRef(s string, versions bool) (SecretRef, error) {
	var r SecretRef
	rest := s
	if !strings.HasPrefix(rest, "arn:") && strings.Count(rest, ":") >= 2 {
		parts := strings.SplitN(rest, ":", 3)
		r.Elsewhere, r.Profile, r.Region, rest = true, parts[0], parts[1], parts[2]
	}
	if versions {
		if name, id, ok := strings.Cut(rest, "#"); ok {
			if id == "" {
				return r, fmt.Errorf("%q: nothing after # (want NAME#VERSIONID)", s)
			}
			rest, r.VersionID = name, id
		} else if i := strings.LastIndexByte(rest, '@'); i >= 0 {
			if i == len(rest)-1 {
				return r, fmt.Errorf("%q: nothing after @ (want NAME@STAGE)", s)
			}
			rest, r.Stage = rest[:i], rest[i+1:]
		}
	}
	r.Name = rest
	switch {
	case r.Name == "":
		return r, fmt.Errorf("%q names no secret", s)
	case strings.Contains(r.Name, ":") && !strings.HasPrefix(r.Name, "arn:"):
		return r, fmt.Errorf("%q: want NAME or PROFILE:REGION:NAME", s)
	case strings.Contains(r.Name, "#"):
		return r, fmt.Errorf("%q: a secret name holds no #", s)
	}
	return r, nil
}

// Value is the version the reference asks for.
func (r SecretRef) Value() ValueRef {
	return ValueRef{SecretID: r.Name, Stage: r.Stage, VersionID: r.VersionID}
}

// String writes the reference back as it was given.
func (r SecretRef) String() string {
	s := r.Name
	if r.Elsewhere {
		s = r.Profile + ":" + r.Region + ":" + s
	}
	switch {
	case r.VersionID != "":
		s += "#" + r.VersionID
	case r.Stage != "":
		s += "@" + r.Stage
	}
	return s
}
