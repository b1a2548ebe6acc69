package model

import (
	"cmp"
	"slices"
)

// Place is one field of one secret: where a value sits. It holds no value.
type Place struct {
	Secret string // the secret's name, or its ARN where names repeat
	Path   string // the key path, or WholeValuePath
}

// Shares finds fields of different secrets, or of one secret, that hold
// the same value. It keeps keyed fingerprints and never a value, so it can
// outlive the values it was shown.
type Shares struct {
	key    FingerprintKey
	places map[Fingerprint][]Place
	at     map[Place]Fingerprint
}

// NewShares makes an empty set under key; give each run or session its own
// random key (NewFingerprintKey).
func NewShares(key FingerprintKey) *Shares {
	return &Shares{key: key, places: map[Fingerprint][]Place{}, at: map[Place]Fingerprint{}}
}

// Add fingerprints each field of a secret's value, replacing what an
// earlier Add of that secret held. Fields that are shared by design are
// left out: empty values and JSON numbers, true, false, null, {} and [].
func (s *Shares) Add(secret string, v Value) {
	s.Forget(secret)
	for _, fp := range sharedPrints(s.key, v) {
		p := Place{Secret: secret, Path: fp.Path}
		s.places[fp.Sum] = append(s.places[fp.Sum], p)
		s.at[p] = fp.Sum
	}
}

// Forget drops what Add held for a secret.
func (s *Shares) Forget(secret string) {
	for p, sum := range s.at {
		if p.Secret != secret {
			continue
		}
		delete(s.at, p)
		s.places[sum] = slices.DeleteFunc(s.places[sum], func(q Place) bool { return q == p })
		if len(s.places[sum]) == 0 {
			delete(s.places, sum)
		}
	}
}

// Len is how many secrets were added.
func (s *Shares) Len() int {
	seen := map[string]bool{}
	for p := range s.at {
		seen[p.Secret] = true
	}
	return len(seen)
}

// Sharing lists the other places that hold the value at p, sorted; none
// when p was not added.
func (s *Shares) Sharing(p Place) []Place {
	sum, ok := s.at[p]
	if !ok {
		return nil
	}
	var out []Place
	for _, q := range s.places[sum] {
		if q != p {
			out = append(out, q)
		}
	}
	slices.SortFunc(out, comparePlaces)
	return out
}

// Groups lists every set of two or more places that hold one value, each
// sorted, the groups ordered by their first place.
func (s *Shares) Groups() [][]Place {
	var out [][]Place
	for _, places := range s.places {
		if len(places) < 2 {
			continue
		}
		g := slices.Clone(places)
		slices.SortFunc(g, comparePlaces)
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []Place) int { return comparePlaces(a[0], b[0]) })
	return out
}

// comparePlaces orders places by secret, then path.
func comparePlaces(a, b Place) int {
	return cmp.Or(cmp.Compare(a.Secret, b.Secret), cmp.Compare(a.Path, b.Path))
}

// sharedPrints are a value's fingerprints without the fields Add leaves out.
func sharedPrints(key FingerprintKey, v Value) []FieldPrint {
	if v.Len() == 0 {
		return nil
	}
	p := v.Parse()
	if p.Shape != ShapeJSON {
		return Fingerprints(key, v)
	}
	skip := map[string]bool{}
	for _, f := range p.Fields {
		if !f.Quoted || f.Value.Len() == 0 {
			skip[f.Path] = true
		}
	}
	prints := Fingerprints(key, v)
	return slices.DeleteFunc(prints, func(fp FieldPrint) bool { return skip[fp.Path] })
}
