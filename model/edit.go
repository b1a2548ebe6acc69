package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// JSONStep is one step of a path into a JSON document: an object key, or an
// array item when IsIndex is set.
type JSONStep struct {
	Key     string
	Index   int
	IsIndex bool
}

// JSONPath leads from the top of a JSON object to one of its values.
type JSONPath []JSONStep

// KeyPath is the path of the top-level key k.
func KeyPath(k string) JSONPath { return JSONPath{{Key: k}} }

// String shows the path as Parse names fields: keys joined with dots, array
// items indexed, as in "db.hosts[0]".
func (p JSONPath) String() string {
	var b strings.Builder
	for i, s := range p {
		switch {
		case s.IsIndex:
			b.WriteString("[" + strconv.Itoa(s.Index) + "]")
		case i > 0:
			b.WriteString("." + s.Key)
		default:
			b.WriteString(s.Key)
		}
	}
	return b.String()
}

// Equal reports whether two paths lead to the same place.
func (p JSONPath) Equal(q JSONPath) bool {
	if len(p) != len(q) {
		return false
	}
	for i := range p {
		if p[i] != q[i] {
			return false
		}
	}
	return true
}

// LeafKind is what sort of JSON value a leaf holds.
type LeafKind int

// The kinds of leaf a JSON object value has.
const (
	// LeafString is a JSON string; its Value is the decoded text.
	LeafString LeafKind = iota
	// LeafLiteral is a number, true, false or null, as written.
	LeafLiteral
	// LeafEmptyObject is {}.
	LeafEmptyObject
	// LeafEmptyArray is [].
	LeafEmptyArray
)

// JSONLeaf is one leaf of a JSON object value, in document order.
type JSONLeaf struct {
	Path  JSONPath
	Kind  LeafKind
	Value Value
}

// JSONChange is one edit of a JSON object value: Value replaces or adds the
// leaf at Path, or Delete removes what Path leads to.
type JSONChange struct {
	Path   JSONPath
	Value  Value
	Delete bool
}

// JSONLeaves lists the leaves of a value that is a JSON object. The error
// names a byte offset, never the text.
func JSONLeaves(v Value) ([]JSONLeaf, error) {
	doc, err := parseJSONDoc(v)
	if err != nil {
		return nil, err
	}
	var leaves []JSONLeaf
	doc.root.leaves(nil, &leaves)
	return leaves, nil
}

// ApplyJSONChanges applies changes in order to a value that is a JSON object
// and writes it back, keeping key order, nesting, arrays, number literals and
// the document's layout (compact or indented). A changed string stays a
// string; a changed number, boolean or null stays a literal when the new text
// is one, and becomes a string otherwise. Setting a missing path adds it,
// creating the objects on the way; deleting a missing path does nothing.
func ApplyJSONChanges(base Value, changes []JSONChange) (Value, error) {
	doc, err := parseJSONDoc(base)
	if err != nil {
		return Value{}, err
	}
	for _, c := range changes {
		if len(c.Path) == 0 {
			return Value{}, errors.New("a change needs a path")
		}
		if c.Delete {
			doc.root.remove(c.Path)
			continue
		}
		if err := doc.root.set(c.Path, string(c.Value.Reveal())); err != nil {
			return Value{}, fmt.Errorf("change %s: %w", c.Path, err)
		}
	}
	var b bytes.Buffer
	doc.write(&b)
	return StringValue(b.String()), nil
}

// nodeKind is the sort of a parsed JSON value.
type nodeKind int

const (
	nodeObject nodeKind = iota
	nodeArray
	nodeString
	nodeLiteral
)

// jsonNode is a parsed JSON value that keeps its members in order.
type jsonNode struct {
	kind  nodeKind
	keys  []string
	items []*jsonNode
	text  string
}

// jsonLayout is how a document was written, so it is written back alike.
type jsonLayout struct {
	indent     string
	colonSpace bool
	commaSpace bool
	newlineEnd bool
}

type jsonDoc struct {
	root   *jsonNode
	layout jsonLayout
}

func parseJSONDoc(v Value) (jsonDoc, error) {
	if v.IsBinary() {
		return jsonDoc{}, errors.New("a binary value is not a JSON object")
	}
	data := v.Reveal()
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return jsonDoc{}, errors.New("the value is not a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	root, err := readNode(dec, 0)
	if err != nil {
		if errors.Is(err, errJSONDepth) {
			return jsonDoc{}, fmt.Errorf("not valid JSON: %w", err)
		}
		return jsonDoc{}, fmt.Errorf("not valid JSON (byte %d)", dec.InputOffset())
	}
	if _, err := dec.Token(); err != io.EOF {
		return jsonDoc{}, fmt.Errorf("not valid JSON: extra data after the object (byte %d)", dec.InputOffset())
	}
	return jsonDoc{root: root, layout: layoutOf(data)}, nil
}

func readNode(dec *json.Decoder, depth int) (*jsonNode, error) {
	if depth > maxJSONDepth {
		return nil, errJSONDepth
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		n := &jsonNode{kind: nodeObject}
		if t == '[' {
			n.kind = nodeArray
		}
		for dec.More() {
			if n.kind == nodeObject {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := k.(string)
				n.keys = append(n.keys, key)
			}
			item, err := readNode(dec, depth+1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, item)
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		return n, nil
	case string:
		return &jsonNode{kind: nodeString, text: t}, nil
	case json.Number:
		return &jsonNode{kind: nodeLiteral, text: t.String()}, nil
	case bool:
		return &jsonNode{kind: nodeLiteral, text: strconv.FormatBool(t)}, nil
	}
	return &jsonNode{kind: nodeLiteral, text: "null"}, nil
}

func (n *jsonNode) leaves(path JSONPath, out *[]JSONLeaf) {
	switch {
	case n.kind == nodeString:
		*out = append(*out, JSONLeaf{Path: path, Kind: LeafString, Value: StringValue(n.text)})
	case n.kind == nodeLiteral:
		*out = append(*out, JSONLeaf{Path: path, Kind: LeafLiteral, Value: StringValue(n.text)})
	case len(n.items) == 0 && path != nil:
		kind, text := LeafEmptyObject, "{}"
		if n.kind == nodeArray {
			kind, text = LeafEmptyArray, "[]"
		}
		*out = append(*out, JSONLeaf{Path: path, Kind: kind, Value: StringValue(text)})
	default:
		for i, item := range n.items {
			step := JSONStep{Index: i, IsIndex: true}
			if n.kind == nodeObject {
				step = JSONStep{Key: n.keys[i]}
			}
			item.leaves(append(path[:len(path):len(path)], step), out)
		}
	}
}

// child returns the index of the member a step leads to, or -1.
func (n *jsonNode) child(s JSONStep) int {
	switch {
	case n.kind == nodeArray && s.IsIndex && s.Index >= 0 && s.Index < len(n.items):
		return s.Index
	case n.kind == nodeObject && !s.IsIndex:
		for i, k := range n.keys {
			if k == s.Key {
				return i
			}
		}
	}
	return -1
}

func (n *jsonNode) set(path JSONPath, text string) error {
	s := path[0]
	i := n.child(s)
	if i < 0 {
		switch {
		case n.kind != nodeObject:
			return errors.New("no such array item")
		case s.IsIndex:
			return errors.New("an object has no array items")
		}
		n.keys = append(n.keys, s.Key)
		n.items = append(n.items, &jsonNode{kind: nodeObject})
		i = len(n.items) - 1
		if len(path) == 1 {
			n.items[i] = &jsonNode{kind: nodeString, text: text}
			return nil
		}
	}
	item := n.items[i]
	if len(path) > 1 {
		if item.kind != nodeObject && item.kind != nodeArray {
			return errors.New("a value is in the way")
		}
		return item.set(path[1:], text)
	}
	if (item.kind == nodeObject || item.kind == nodeArray) && len(item.items) > 0 {
		return errors.New("the path leads to an object or array, not a value")
	}
	if item.kind != nodeString && isJSONScalar(text) {
		n.items[i] = &jsonNode{kind: nodeLiteral, text: text}
	} else {
		n.items[i] = &jsonNode{kind: nodeString, text: text}
	}
	return nil
}

func (n *jsonNode) remove(path JSONPath) {
	i := n.child(path[0])
	switch {
	case i < 0:
	case len(path) > 1:
		n.items[i].remove(path[1:])
	case n.kind == nodeObject:
		n.keys = append(n.keys[:i], n.keys[i+1:]...)
		n.items = append(n.items[:i], n.items[i+1:]...)
	default:
		n.items = append(n.items[:i], n.items[i+1:]...)
	}
}

// isJSONScalar reports whether text is a JSON number, true, false or null.
func isJSONScalar(text string) bool {
	switch text {
	case "true", "false", "null":
		return true
	}
	return jsonNumber.MatchString(text)
}

// jsonNumber is the grammar of a JSON number.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// layoutOf finds how data is laid out: the indent of its first indented
// line, spaces after colons and commas outside strings, a final newline.
func layoutOf(data []byte) jsonLayout {
	l := jsonLayout{newlineEnd: bytes.HasSuffix(data, []byte("\n"))}
	body := bytes.TrimSpace(data)
	if nl := bytes.IndexByte(body, '\n'); nl >= 0 {
		rest := body[nl+1:]
		l.indent = string(rest[:len(rest)-len(bytes.TrimLeft(rest, " \t"))])
		if l.indent == "" {
			l.indent = "  "
		}
		return l
	}
	inString, escaped := false, false
	seenColon, seenComma := false, false
	for i, c := range body {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case inString:
		case c == ':' && !seenColon:
			seenColon, l.colonSpace = true, i+1 < len(body) && body[i+1] == ' '
		case c == ',' && !seenComma:
			seenComma, l.commaSpace = true, i+1 < len(body) && body[i+1] == ' '
		}
	}
	return l
}

func (d jsonDoc) write(b *bytes.Buffer) {
	d.root.write(b, d.layout, 0)
	if d.layout.newlineEnd {
		b.WriteByte('\n')
	}
}

func (n *jsonNode) write(b *bytes.Buffer, l jsonLayout, depth int) {
	switch n.kind {
	case nodeString:
		writeJSONString(b, n.text)
		return
	case nodeLiteral:
		b.WriteString(n.text)
		return
	}
	open, closing := byte('{'), byte('}')
	if n.kind == nodeArray {
		open, closing = '[', ']'
	}
	b.WriteByte(open)
	if len(n.items) == 0 {
		b.WriteByte(closing)
		return
	}
	for i, item := range n.items {
		if i > 0 {
			b.WriteByte(',')
			if l.indent == "" && l.commaSpace {
				b.WriteByte(' ')
			}
		}
		if l.indent != "" {
			b.WriteByte('\n')
			b.WriteString(strings.Repeat(l.indent, depth+1))
		}
		if n.kind == nodeObject {
			writeJSONString(b, n.keys[i])
			b.WriteByte(':')
			if l.indent != "" || l.colonSpace {
				b.WriteByte(' ')
			}
		}
		item.write(b, l, depth+1)
	}
	if l.indent != "" {
		b.WriteByte('\n')
		b.WriteString(strings.Repeat(l.indent, depth))
	}
	b.WriteByte(closing)
}

// writeJSONString writes s as a JSON string without escaping <, > and &.
func writeJSONString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	b.Truncate(b.Len() - 1)
}
