package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

const canary = "canary-s3cr3t-7f1e"

func TestValueRedactsInEveryPrintingPath(t *testing.T) {
	v := StringValue(canary)
	type wrapper struct {
		Name  string
		Value Value
		Ptr   *Value
	}
	w := wrapper{Name: "db", Value: v, Ptr: &v}

	var outputs []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10.3s"} {
		outputs = append(outputs, fmt.Sprintf(verb, v), fmt.Sprintf(verb, w), fmt.Sprintf(verb, &v))
	}
	outputs = append(outputs, fmt.Sprint(v), fmt.Sprintln(v, w), v.String(), v.GoString())
	js, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	outputs = append(outputs, string(js))
	text, _ := v.MarshalText()
	outputs = append(outputs, string(text))

	var logs bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&logs, nil), slog.NewJSONHandler(&logs, nil)} {
		l := slog.New(h)
		l.Info("loaded", "value", v, "wrapper", w, slog.Any("any", v), slog.Group("g", "v", v))
	}
	outputs = append(outputs, logs.String())

	for _, out := range outputs {
		if strings.Contains(out, canary) || strings.Contains(out, fmt.Sprintf("%x", canary)) {
			t.Fatalf("value leaked: %q", out)
		}
	}
	if !strings.Contains(logs.String(), Redacted) {
		t.Fatalf("log lacks the redaction marker: %s", logs.String())
	}
}

func TestValueRevealIsTheOnlyWayOut(t *testing.T) {
	v := StringValue(canary)
	got := v.Reveal()
	if string(got) != canary {
		t.Fatalf("Reveal = %q", got)
	}
	got[0] = 'X'
	if string(v.Reveal()) != canary {
		t.Fatal("Reveal must return a copy")
	}
	b := []byte{0, 1, 2}
	bv := BinaryValue(b)
	b[0] = 9
	if !bytes.Equal(bv.Reveal(), []byte{0, 1, 2}) || !bv.IsBinary() || bv.Len() != 3 {
		t.Fatal("BinaryValue must copy its input and report binary")
	}
	if !(Value{}).IsZero() || StringValue("").IsZero() {
		t.Fatal("IsZero must tell an unloaded value from an empty string")
	}
}

func TestParseFlattensJSONInDocumentOrder(t *testing.T) {
	v := StringValue(`{"username":"app","port":5432,"tls":true,"extra":null,
		"db":{"host":"h","replicas":["r1",{"zone":"b"}]},"empty":{},"none":[]}`)
	p := v.Parse()
	if p.Shape != ShapeJSON || p.JSONError != nil {
		t.Fatalf("shape %v err %v", p.Shape, p.JSONError)
	}
	want := []string{
		"username=app", "port=5432", "tls=true", "extra=null", "db.host=h",
		"db.replicas[0]=r1", "db.replicas[1].zone=b", "empty={}", "none=[]",
	}
	var got []string
	for _, f := range p.Fields {
		got = append(got, f.Path+"="+string(f.Value.Reveal()))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("fields\n got %v\nwant %v", got, want)
	}
}

func TestParseShapes(t *testing.T) {
	tests := []struct {
		name      string
		value     Value
		shape     Shape
		fields    int
		jsonError bool
	}{
		{"plain string", StringValue("hunter2"), ShapeText, 1, false},
		{"json array is text", StringValue(`["a"]`), ShapeText, 1, false},
		{"binary", BinaryValue([]byte{0xff, 0}), ShapeBinary, 1, false},
		{"malformed json", StringValue(`{"password": "x"`), ShapeText, 1, true},
		{"trailing data", StringValue(`{"a":1} {"b":2}`), ShapeText, 1, true},
		{"empty object", StringValue(` {} `), ShapeJSON, 0, false},
		{"deep nesting", StringValue(strings.Repeat(`{"a":`, 100) + "1" + strings.Repeat("}", 100)), ShapeText, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.value.Parse()
			if p.Shape != tt.shape || len(p.Fields) != tt.fields || (p.JSONError != nil) != tt.jsonError {
				t.Fatalf("got shape %v, %d fields, err %v", p.Shape, len(p.Fields), p.JSONError)
			}
		})
	}
}

func TestParseErrorNeverQuotesTheValue(t *testing.T) {
	p := StringValue(`{"password": ` + canary + `}`).Parse()
	if p.JSONError == nil {
		t.Fatal("want a JSON error")
	}
	if strings.Contains(p.JSONError.Error(), canary) || strings.Contains(p.JSONError.Error(), "'c'") {
		t.Fatalf("error quotes the value: %v", p.JSONError)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"a":{"b":[1,2,{"c":null}]}}`, `{`, `{"a":1}x`, "plain", `{"\u0000":"\ud800"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := StringValue(s).Parse()
		if p.Shape == ShapeJSON {
			if !json.Valid([]byte(s)) {
				t.Fatalf("invalid JSON parsed as an object: %q", s)
			}
			checkLeaves(t, s, p.Fields)
			return
		}
		if len(p.Fields) != 1 || string(p.Fields[0].Value.Reveal()) != s {
			t.Fatalf("non-object must be one field holding the whole value")
		}
		if p.JSONError != nil && len(s) > 4 && strings.Contains(p.JSONError.Error(), s) {
			t.Fatalf("error quotes the value")
		}
	})
}

// checkLeaves compares the flattened fields of the JSON object s with its
// leaves as encoding/json decodes them, paths aside: every leaf must be a
// field, with its text and whether it was a string. Duplicate keys decode
// to one leaf but flatten to one field each, so fields may outnumber
// leaves, never the reverse.
func checkLeaves(t *testing.T, s string, fields []Field) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		t.Fatalf("a parsed object does not decode: %v", err)
	}
	got := map[string]int{}
	for _, f := range fields {
		got[fmt.Sprintf("%t:%s", f.Quoted, f.Value.Reveal())]++
	}
	want := map[string]int{}
	var walk func(v any, top bool)
	walk = func(v any, top bool) {
		switch v := v.(type) {
		case map[string]any:
			if len(v) == 0 && !top {
				want["false:{}"]++
			}
			for _, e := range v {
				walk(e, false)
			}
		case []any:
			if len(v) == 0 {
				want["false:[]"]++
			}
			for _, e := range v {
				walk(e, false)
			}
		case string:
			want["true:"+v]++
		case nil:
			want["false:null"]++
		default:
			want[fmt.Sprintf("false:%v", v)]++
		}
	}
	walk(tree, true)
	for leaf, n := range want {
		if got[leaf] < n {
			t.Fatalf("leaf %q appears %d times in the fields, %d in the JSON: %q", leaf, got[leaf], n, s)
		}
	}
	leaves := 0
	for _, n := range want {
		leaves += n
	}
	if len(fields) < leaves {
		t.Fatalf("%d fields for %d leaves: %q", len(fields), leaves, s)
	}
}

func TestWipeZeroesEveryCopyOfTheValue(t *testing.T) {
	v := StringValue(`{"password":"s3cret"}`)
	parsed := v.Parse()
	same := v
	v.Wipe()
	parsed.Wipe()
	for _, b := range same.data {
		if b != 0 {
			t.Fatalf("a copy of the wiped value still reads %q", same.data)
		}
	}
	if got := parsed.Fields[0].Value.data; string(got) != "\x00\x00\x00\x00\x00\x00" {
		t.Errorf("the parsed field still reads %q", got)
	}
}

func TestSanitizedMatchesSanitizeAndOwnsItsText(t *testing.T) {
	for _, text := range []string{"", "plain", "esc \x1b[31m", "zwj \u200d", "naïve"} {
		v := StringValue(text)
		got := v.Sanitized()
		if got != Sanitize(text) {
			t.Errorf("Sanitized(%q) = %q, want %q", text, got, Sanitize(text))
		}
		v.Wipe()
		if got != Sanitize(text) {
			t.Errorf("wiping the value changed the text drawn from it: %q", got)
		}
	}
}
