package model

import (
	"cmp"
	"crypto/hmac"
	"crypto/sha256"
	"slices"
)

// Holder is one field of one secret: where a value is held. It holds no value.
type Holder struct {
	Secret string // the secret's name, or its ARN where names repeat
	Path   string // the key path, or WholeValuePath
}

// Shares finds fields of different secrets, or of one secret, that hold
// the same value. It keeps keyed fingerprints and never a value, so it can
// outlive the values it was shown.
type Shares struct {
	key     FingerprintKey
	holders map[Fingerprint][]Holder
	at      map[Holder]Fingerprint
	labels  map[string]string
}

// NewShares makes an empty set under key; give each run or session its own
// random key (NewFingerprintKey).
func NewShares(key FingerprintKey) *Shares {
	return &Shares{key: key, holders: map[Fingerprint][]Holder{}, at: map[Holder]Fingerprint{}, labels: map[string]string{}}
}

// Add fingerprints each field of a secret's value, replacing what an
// earlier Add of that secret held. Fields that are shared by design are
// left out: empty values and JSON numbers, true, false, null, {} and [].
func (s *Shares) Add(secret string, v Value) { s.AddPrints(secret, secret, s.Prints(v)) }

// Prints are the fingerprints Add would keep of a value. It only reads the
// key, so a task can take them off the event loop and hand them to
// AddPrints, the value never leaving the task.
func (s *Shares) Prints(v Value) []FieldPrint { return sharedPrints(s.key, v) }

// AddPrints is Add with the fingerprints taken already by Prints, and a
// label to show for the secret, such as its name where secret is an ARN.
func (s *Shares) AddPrints(secret, label string, prints []FieldPrint) {
	s.Forget(secret)
	s.labels[secret] = label
	for _, fp := range prints {
		p := Holder{Secret: secret, Path: fp.Path}
		s.holders[fp.Sum] = append(s.holders[fp.Sum], p)
		s.at[p] = fp.Sum
	}
}

// Label is the label a secret was added with; the secret itself if none.
func (s *Shares) Label(secret string) string {
	if l, ok := s.labels[secret]; ok {
		return l
	}
	return secret
}

// Forget drops what Add held for a secret.
func (s *Shares) Forget(secret string) {
	delete(s.labels, secret)
	for p, sum := range s.at {
		if p.Secret != secret {
			continue
		}
		delete(s.at, p)
		s.holders[sum] = slices.DeleteFunc(s.holders[sum], func(q Holder) bool { return q == p })
		if len(s.holders[sum]) == 0 {
			delete(s.holders, sum)
		}
	}
}

// Len is how many secrets were added.
func (s *Shares) Len() int { return len(s.labels) }

// Sharing lists the other holders that hold the value at p, sorted; none
// when p was not added.
func (s *Shares) Sharing(p Holder) []Holder {
	sum, ok := s.at[p]
	if !ok {
		return nil
	}
	var out []Holder
	for _, q := range s.holders[sum] {
		if q != p {
			out = append(out, q)
		}
	}
	slices.SortFunc(out, compareHolders)
	return out
}

// Groups lists every set of two or more holders that hold one value, each
// sorted, the groups ordered by their first holder.
func (s *Shares) Groups() [][]Holder {
	var out [][]Holder
	for _, holders := range s.holders {
		if len(holders) < 2 {
			continue
		}
		g := slices.Clone(holders)
		slices.SortFunc(g, compareHolders)
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []Holder) int { return compareHolders(a[0], b[0]) })
	return out
}

// compareHolders orders holders by secret, then path.
func compareHolders(a, b Holder) int {
	return cmp.Or(cmp.Compare(a.Secret, b.Secret), cmp.Compare(a.Path, b.Path))
}

// sharedPrints fingerprints a value's fields by their bytes alone, so a
// plain value and a JSON string leaf holding the same text match, leaving
// out the fields Add leaves out.
func sharedPrints(key FingerprintKey, v Value) []FieldPrint {
	if v.Len() == 0 {
		return nil
	}
	mac := hmac.New(sha256.New, key.k[:])
	sum := func(data []byte) Fingerprint {
		mac.Reset()
		mac.Write(data)
		var out Fingerprint
		mac.Sum(out[:0])
		return out
	}
	p := v.Parse()
	if p.Shape != ShapeJSON {
		return []FieldPrint{{Path: WholeValuePath, Sum: sum(v.data)}}
	}
	var prints []FieldPrint
	for _, f := range p.Fields {
		if f.Quoted && f.Value.Len() > 0 {
			prints = append(prints, FieldPrint{Path: f.Path, Sum: sum(f.Value.data)})
		}
	}
	return prints
}
