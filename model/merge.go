package model

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// MergeResult is a three-way merge of two edits of one value.
type MergeResult struct {
	// Value is the merge. Where both sides changed the same leaf, or the
	// whole value, it holds mine, so nothing the user typed is lost.
	Value Value
	// Conflicts lists the leaves both sides changed to different values,
	// mine's document order first.
	Conflicts []JSONPath
	// WholeConflict is set when both sides changed the value and it cannot
	// be merged leaf by leaf: one of the three is not a JSON object, or the
	// leaves do not fit back together (array items moved, duplicate keys).
	WholeConflict bool
}

// Conflicted reports whether the merge needs the user to decide.
func (m MergeResult) Conflicted() bool { return m.WholeConflict || len(m.Conflicts) > 0 }

// MergeEdits merges mine, the user's edit of base, with theirs, what
// another writer made of base meanwhile. When all three are JSON objects
// the merge goes leaf by leaf, by flattened path: a leaf only mine changed
// (or added, or removed) takes mine, a leaf only theirs changed keeps
// theirs, and a leaf both changed to different values is a conflict. Other
// values conflict when both sides changed them. The merge is written with
// theirs' layout and key order; keys only mine added go at the end of
// their object.
func MergeEdits(base, theirs, mine Value) MergeResult {
	switch {
	case mine.Equal(base), mine.Equal(theirs):
		return MergeResult{Value: theirs}
	case theirs.Equal(base):
		return MergeResult{Value: mine}
	}
	b, errB := mergeLeavesOf(base)
	t, errT := mergeLeavesOf(theirs)
	m, errM := mergeLeavesOf(mine)
	if errB != nil || errT != nil || errM != nil {
		return MergeResult{Value: mine, WholeConflict: true}
	}
	return mergeLeaves(theirs, mine, b, t, m)
}

// leafSet is the leaves of one value, by path key, in document order.
type leafSet struct {
	order []string
	by    map[string]JSONLeaf
}

func (s leafSet) get(k string) (JSONLeaf, bool) {
	l, ok := s.by[k]
	return l, ok
}

// mergeLeavesOf lists the leaves of a JSON object value; a key that comes
// twice in one object is refused, since a path then names two leaves.
func mergeLeavesOf(v Value) (leafSet, error) {
	leaves, err := JSONLeaves(v)
	if err != nil {
		return leafSet{}, err
	}
	s := leafSet{by: make(map[string]JSONLeaf, len(leaves))}
	for _, l := range leaves {
		k := pathKey(l.Path)
		if _, dup := s.by[k]; dup {
			return leafSet{}, errors.New("a key comes twice in one object")
		}
		s.order = append(s.order, k)
		s.by[k] = l
	}
	return s, nil
}

// pathKey names a path without ambiguity: keys holding dots or brackets
// cannot pass for nesting or array items.
func pathKey(p JSONPath) string {
	var b strings.Builder
	for _, s := range p {
		if s.IsIndex {
			b.WriteString("[" + strconv.Itoa(s.Index) + "]")
		} else {
			b.WriteString("." + strconv.Quote(s.Key))
		}
	}
	return b.String()
}

// sameLeaf reports whether two sides hold the same leaf at a path: both
// without one, or both with one of the same kind and text.
func sameLeaf(a JSONLeaf, aok bool, b JSONLeaf, bok bool) bool {
	return aok == bok && (!aok || a.Kind == b.Kind && a.Value.Equal(b.Value))
}

// pick is what the merge keeps at one path.
type pick struct {
	leaf     JSONLeaf
	present  bool
	fromMine bool
}

func mergeLeaves(theirs, mine Value, b, t, m leafSet) MergeResult {
	var order []string
	seen := map[string]bool{}
	for _, s := range []leafSet{m, t, b} {
		for _, k := range s.order {
			if !seen[k] {
				seen[k] = true
				order = append(order, k)
			}
		}
	}
	picks := make(map[string]pick, len(order))
	conflicts := map[string]bool{}
	for _, k := range order {
		bl, bok := b.get(k)
		tl, tok := t.get(k)
		ml, mok := m.get(k)
		switch {
		case sameLeaf(ml, mok, bl, bok):
			picks[k] = pick{leaf: tl, present: tok}
		case sameLeaf(tl, tok, bl, bok), sameLeaf(tl, tok, ml, mok):
			picks[k] = pick{leaf: ml, present: mok, fromMine: true}
		default:
			picks[k] = pick{leaf: ml, present: mok, fromMine: true}
			conflicts[k] = true
		}
	}
	under := clashes(order, picks, conflicts)
	result, err := buildMerge(theirs, order, picks, t, under)
	res := MergeResult{Value: result}
	for _, k := range order {
		if conflicts[k] {
			res.Conflicts = append(res.Conflicts, pathOf(k, b, t, m))
		}
	}
	if err != nil {
		res.Value, res.WholeConflict = mine, true
		return res
	}
	if bad := misfits(result, order, picks); len(bad) > 0 {
		res.Value, res.WholeConflict = mine, true
		for _, k := range bad {
			if !conflicts[k] {
				res.Conflicts = append(res.Conflicts, pathOf(k, b, t, m))
			}
		}
	}
	return res
}

// clashes finds kept leaves that lie inside another kept leaf, as when one
// side turned an object into a string while the other added a key to it:
// mine is kept and both paths are conflicts. It returns the paths that
// have kept leaves under them, which must not be removed.
func clashes(order []string, picks map[string]pick, conflicts map[string]bool) map[string][]string {
	under := map[string][]string{}
	for _, k := range order {
		if !picks[k].present {
			continue
		}
		for _, prefix := range prefixesOf(picks[k].leaf.Path) {
			under[prefix] = append(under[prefix], k)
		}
	}
	for _, k := range order {
		p := picks[k]
		if !p.present || len(under[k]) == 0 {
			continue
		}
		for _, inner := range under[k] {
			conflicts[k], conflicts[inner] = true, true
			loser := inner
			if picks[inner].fromMine {
				loser = k
			}
			picks[loser] = pick{}
		}
	}
	return under
}

// prefixesOf lists the keys of a path's strict prefixes.
func prefixesOf(p JSONPath) []string {
	out := make([]string, 0, len(p))
	for i := 1; i < len(p); i++ {
		out = append(out, pathKey(p[:i]))
	}
	return out
}

// buildMerge writes the kept leaves onto theirs: leaves that differ from
// theirs are put in place, then leaves of theirs not kept are removed,
// last first so array items do not shift under later removals.
func buildMerge(theirs Value, order []string, picks map[string]pick, t leafSet, under map[string][]string) (Value, error) {
	doc, err := parseJSONDoc(theirs)
	if err != nil {
		return Value{}, err
	}
	for _, k := range order {
		p := picks[k]
		if tl, tok := t.get(k); !p.present || sameLeaf(p.leaf, true, tl, tok) {
			continue
		}
		if err := doc.root.place(p.leaf.Path, leafNode(p.leaf)); err != nil {
			return Value{}, err
		}
	}
	for _, k := range slices.Backward(t.order) {
		if p := picks[k]; !p.present && !hasKeptUnder(k, picks, under) {
			doc.root.remove(t.by[k].Path)
		}
	}
	var b bytes.Buffer
	doc.write(&b)
	return StringValue(b.String()), nil
}

// hasKeptUnder reports whether a kept leaf lies inside path k.
func hasKeptUnder(k string, picks map[string]pick, under map[string][]string) bool {
	for _, inner := range under[k] {
		if picks[inner].present {
			return true
		}
	}
	return false
}

// misfits lists the paths where the built merge does not hold what the
// merge kept, so a merge that lost or moved a leaf is never passed off as
// clean.
func misfits(result Value, order []string, picks map[string]pick) []string {
	got, err := mergeLeavesOf(result)
	if err != nil {
		return order
	}
	var bad []string
	for _, k := range order {
		p := picks[k]
		gl, gok := got.get(k)
		if !sameLeaf(p.leaf, p.present, gl, gok) {
			bad = append(bad, k)
		}
	}
	for _, k := range got.order {
		if _, known := picks[k]; !known {
			bad = append(bad, k)
		}
	}
	return bad
}

// pathOf finds the path a key names in whichever side has it.
func pathOf(k string, sets ...leafSet) JSONPath {
	for _, s := range sets {
		if l, ok := s.get(k); ok {
			return l.Path
		}
	}
	return nil
}

// leafNode makes the parsed node of a leaf, keeping its kind.
func leafNode(l JSONLeaf) *jsonNode {
	text := string(l.Value.Reveal())
	switch l.Kind {
	case LeafLiteral:
		return &jsonNode{kind: nodeLiteral, text: text}
	case LeafEmptyObject:
		return &jsonNode{kind: nodeObject}
	case LeafEmptyArray:
		return &jsonNode{kind: nodeArray}
	}
	return &jsonNode{kind: nodeString, text: text}
}

// containerFor makes the empty object or array a step leads into.
func containerFor(s JSONStep) *jsonNode {
	if s.IsIndex {
		return &jsonNode{kind: nodeArray}
	}
	return &jsonNode{kind: nodeObject}
}

// place puts node at path, adding object keys and the next array item on
// the way, and replacing a value or container of the wrong sort that is
// in the way.
func (n *jsonNode) place(path JSONPath, node *jsonNode) error {
	s := path[0]
	i := n.child(s)
	if i < 0 {
		switch {
		case n.kind == nodeObject && !s.IsIndex:
			n.keys = append(n.keys, s.Key)
		case n.kind == nodeArray && s.IsIndex && s.Index == len(n.items):
		default:
			return errors.New("the path does not fit the document")
		}
		n.items = append(n.items, nil)
		i = len(n.items) - 1
	}
	if len(path) == 1 {
		n.items[i] = node
		return nil
	}
	next := n.items[i]
	if next == nil || next.kind != containerFor(path[1]).kind {
		next = containerFor(path[1])
		n.items[i] = next
	}
	return next.place(path[1:], node)
}
