package model

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONLeavesFollowDocumentOrderAndParsePaths(t *testing.T) {
	v := StringValue(`{"b":"x","a":{"c":1,"d":[true,{"e":null}],"f":{}},"g":[]}`)
	leaves, err := JSONLeaves(v)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		path string
		kind LeafKind
		text string
	}{
		{"b", LeafString, "x"},
		{"a.c", LeafLiteral, "1"},
		{"a.d[0]", LeafLiteral, "true"},
		{"a.d[1].e", LeafLiteral, "null"},
		{"a.f", LeafEmptyObject, "{}"},
		{"g", LeafEmptyArray, "[]"},
	}
	if len(leaves) != len(want) {
		t.Fatalf("got %d leaves, want %d", len(leaves), len(want))
	}
	parsed := v.Parse()
	for i, w := range want {
		l := leaves[i]
		if l.Path.String() != w.path || l.Kind != w.kind || string(l.Value.Reveal()) != w.text {
			t.Errorf("leaf %d = %s %v %q, want %s %v %q", i, l.Path, l.Kind, l.Value.Reveal(), w.path, w.kind, w.text)
		}
		if parsed.Fields[i].Path != l.Path.String() {
			t.Errorf("leaf %d path %s differs from Parse's %s", i, l.Path, parsed.Fields[i].Path)
		}
	}
}

func TestJSONLeavesRefuseWhatIsNotAnObject(t *testing.T) {
	for _, v := range []Value{StringValue("plain"), StringValue(`["a"]`), StringValue(`{"a":`), BinaryValue([]byte("{}")), StringValue(`{"a":1} x`)} {
		if _, err := JSONLeaves(v); err == nil {
			t.Errorf("JSONLeaves accepted %q", v.Reveal())
		}
	}
}

func TestApplyJSONChanges(t *testing.T) {
	str := func(s string) Value { return StringValue(s) }
	key := KeyPath
	nested := func(steps ...any) JSONPath {
		var p JSONPath
		for _, s := range steps {
			switch s := s.(type) {
			case string:
				p = append(p, JSONStep{Key: s})
			case int:
				p = append(p, JSONStep{Index: s, IsIndex: true})
			}
		}
		return p
	}
	tests := []struct {
		name    string
		base    string
		changes []JSONChange
		want    string
	}{
		{
			name:    "top-level value keeps key order",
			base:    `{"username":"app","password":"old","port":5432}`,
			changes: []JSONChange{{Path: key("password"), Value: str("new")}},
			want:    `{"username":"app","password":"new","port":5432}`,
		},
		{
			name:    "nested leaf, arrays and other objects left intact",
			base:    `{"db":{"host":"h","creds":{"user":"u","pass":"p"}},"hosts":["a","b",{"x":1.50}],"n":1e3}`,
			changes: []JSONChange{{Path: nested("db", "creds", "pass"), Value: str("q")}},
			want:    `{"db":{"host":"h","creds":{"user":"u","pass":"q"}},"hosts":["a","b",{"x":1.50}],"n":1e3}`,
		},
		{
			name:    "array item inside an object",
			base:    `{"hosts":["a","b"]}`,
			changes: []JSONChange{{Path: nested("hosts", 1), Value: str("c")}},
			want:    `{"hosts":["a","c"]}`,
		},
		{
			name:    "add a key at the end",
			base:    `{"a":"1"}`,
			changes: []JSONChange{{Path: key("b"), Value: str("2")}},
			want:    `{"a":"1","b":"2"}`,
		},
		{
			name:    "add a nested key creates the objects on the way",
			base:    `{"a":"1"}`,
			changes: []JSONChange{{Path: nested("x", "y"), Value: str("2")}},
			want:    `{"a":"1","x":{"y":"2"}}`,
		},
		{
			name:    "delete a top-level key and a nested one",
			base:    `{"a":"1","b":{"c":"2","d":"3"},"e":"4"}`,
			changes: []JSONChange{{Path: key("a"), Delete: true}, {Path: nested("b", "c"), Delete: true}},
			want:    `{"b":{"d":"3"},"e":"4"}`,
		},
		{
			name:    "delete the last nested key leaves an empty object",
			base:    `{"b":{"c":"2"}}`,
			changes: []JSONChange{{Path: nested("b", "c"), Delete: true}},
			want:    `{"b":{}}`,
		},
		{
			name:    "deleting a missing key does nothing",
			base:    `{"a":"1"}`,
			changes: []JSONChange{{Path: key("zz"), Delete: true}},
			want:    `{"a":"1"}`,
		},
		{
			name:    "a number stays a number when the new text is one",
			base:    `{"port":5432,"debug":false,"x":null}`,
			changes: []JSONChange{{Path: key("port"), Value: str("6432")}, {Path: key("debug"), Value: str("true")}, {Path: key("x"), Value: str("-1.5e3")}},
			want:    `{"port":6432,"debug":true,"x":-1.5e3}`,
		},
		{
			name:    "a number becomes a string when the new text is not one",
			base:    `{"port":5432}`,
			changes: []JSONChange{{Path: key("port"), Value: str("54 32")}},
			want:    `{"port":"54 32"}`,
		},
		{
			name:    "a string stays a string even when it looks like a number",
			base:    `{"pin":"0042"}`,
			changes: []JSONChange{{Path: key("pin"), Value: str("17")}},
			want:    `{"pin":"17"}`,
		},
		{
			name:    "special characters are escaped, HTML is not",
			base:    `{"a":"b"}`,
			changes: []JSONChange{{Path: key("a"), Value: str("q\"<&>\\\n\u00e9")}},
			want:    `{"a":"q\"<&>\\\né"}`,
		},
		{
			name:    "indented layout is kept",
			base:    "{\n    \"a\": \"1\",\n    \"b\": {\n        \"c\": [1, 2]\n    }\n}\n",
			changes: []JSONChange{{Path: key("a"), Value: str("2")}},
			want:    "{\n    \"a\": \"2\",\n    \"b\": {\n        \"c\": [\n            1,\n            2\n        ]\n    }\n}\n",
		},
		{
			name:    "spaced compact layout is kept",
			base:    `{"a": "1", "b": [1, 2]}`,
			changes: []JSONChange{{Path: key("a"), Value: str("x, y: z")}},
			want:    `{"a": "x, y: z", "b": [1, 2]}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ApplyJSONChanges(StringValue(tt.base), tt.changes)
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Reveal()) != tt.want {
				t.Fatalf("got  %s\nwant %s", got.Reveal(), tt.want)
			}
			if !json.Valid(got.Reveal()) {
				t.Fatal("result is not valid JSON")
			}
		})
	}
}

func TestApplyJSONChangesRefusesImpossiblePaths(t *testing.T) {
	base := StringValue(`{"a":"1","arr":[1],"obj":{"x":"y"}}`)
	for _, p := range []JSONPath{
		{{Key: "a"}, {Key: "b"}},
		{{Key: "arr"}, {Index: 5, IsIndex: true}},
		{{Key: "obj"}},
		{{Key: "obj"}, {Index: 0, IsIndex: true}},
	} {
		if _, err := ApplyJSONChanges(base, []JSONChange{{Path: p, Value: StringValue("secret-text")}}); err == nil {
			t.Errorf("set %s succeeded", p)
		} else if strings.Contains(err.Error(), "secret-text") {
			t.Errorf("error quotes the value: %v", err)
		}
	}
}

func TestApplyJSONChangesErrorsNeverQuoteTheValue(t *testing.T) {
	_, err := ApplyJSONChanges(StringValue(`{"password":"hunter2"`), nil)
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("err = %v", err)
	}
}

func TestApplyNoChangesRoundTripsCompactJSON(t *testing.T) {
	base := `{"a":{"b":[1,2,{"c":"d"}],"e":{}},"f":"g"}`
	got, err := ApplyJSONChanges(StringValue(base), nil)
	if err != nil || string(got.Reveal()) != base {
		t.Fatalf("got %s, %v", got.Reveal(), err)
	}
}

func TestJSONPathString(t *testing.T) {
	p := JSONPath{{Key: "a"}, {Index: 2, IsIndex: true}, {Key: "b"}}
	if p.String() != "a[2].b" || !p.Equal(JSONPath{{Key: "a"}, {Index: 2, IsIndex: true}, {Key: "b"}}) || p.Equal(KeyPath("a")) {
		t.Fatalf("path %s", p)
	}
}
