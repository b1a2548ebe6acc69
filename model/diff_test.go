package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestFingerprintsDependOnTheKey(t *testing.T) {
	v := StringValue(`{"password":"hunter2"}`)
	k1, k2 := NewFingerprintKey(), NewFingerprintKey()
	a, b := Fingerprints(k1, v), Fingerprints(k2, v)
	if len(a) != 1 || len(b) != 1 || a[0].Path != "password" {
		t.Fatalf("fingerprints = %v, %v", a, b)
	}
	if a[0].Sum == b[0].Sum {
		t.Fatal("the same value under two keys has the same fingerprint")
	}
	if again := Fingerprints(k1, v); again[0].Sum != a[0].Sum {
		t.Fatal("the same value under the same key has two fingerprints")
	}
}

func TestFingerprintsHoldNoValueBytes(t *testing.T) {
	secret := "s3cr3t-value-0042"
	prints := Fingerprints(NewFingerprintKey(), StringValue(`{"user":"`+secret+`"}`))
	for _, fp := range prints {
		if strings.Contains(string(fp.Sum[:]), secret) || strings.Contains(fmt.Sprintf("%v %x", fp, fp.Sum), fmt.Sprintf("%x", secret)) {
			t.Fatal("a fingerprint carries the value")
		}
	}
}

func TestFingerprintKeyPrintsRedacted(t *testing.T) {
	k := NewFingerprintKey()
	for _, verb := range []string{"%v", "%+v", "%#v", "%x", "%s"} {
		if got := fmt.Sprintf(verb, k); got != "FingerprintKey("+Redacted+")" {
			t.Fatalf("%s printed %q", verb, got)
		}
	}
}

func TestFingerprintsPaths(t *testing.T) {
	tests := []struct {
		name  string
		value Value
		paths []string
	}{
		{"json sorted", StringValue(`{"b":1,"a":{"y":2,"x":[3,4]}}`), []string{"a.x[0]", "a.x[1]", "a.y", "b"}},
		{"repeated key counts once", StringValue(`{"a":1,"a":2}`), []string{"a"}},
		{"text", StringValue("plain token"), []string{WholeValuePath}},
		{"json array is text", StringValue(`[1,2]`), []string{WholeValuePath}},
		{"broken json is text", StringValue(`{"a":`), []string{WholeValuePath}},
		{"binary", BinaryValue([]byte{0, 1, 2}), []string{WholeValuePath}},
		{"empty object", StringValue(`{}`), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, fp := range Fingerprints(NewFingerprintKey(), tt.value) {
				got = append(got, fp.Path)
			}
			if !slices.Equal(got, tt.paths) {
				t.Fatalf("paths = %q, want %q", got, tt.paths)
			}
		})
	}
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name string
		a, b Value
		want []DiffLine
	}{
		{
			name: "changed added removed unchanged",
			a:    StringValue(`{"user":"app","password":"old","host":"h1","legacy":"x"}`),
			b:    StringValue(`{"user":"app","password":"new","host":"h1","port":5432}`),
			want: []DiffLine{{"host", Unchanged}, {"legacy", Removed}, {"password", Changed}, {"port", Added}, {"user", Unchanged}},
		},
		{
			name: "key order does not matter",
			a:    StringValue(`{"a":1,"b":{"c":true,"d":null}}`),
			b:    StringValue(`{"b":{"d":null,"c":true},"a":1}`),
			want: []DiffLine{{"a", Unchanged}, {"b.c", Unchanged}, {"b.d", Unchanged}},
		},
		{
			name: "a number becoming a string is a change",
			a:    StringValue(`{"port":5432,"tls":true,"x":null}`),
			b:    StringValue(`{"port":"5432","tls":"true","x":"null"}`),
			want: []DiffLine{{"port", Changed}, {"tls", Changed}, {"x", Changed}},
		},
		{
			name: "text",
			a:    StringValue("token-1"),
			b:    StringValue("token-2"),
			want: []DiffLine{{WholeValuePath, Changed}},
		},
		{
			name: "same text",
			a:    StringValue("token-1"),
			b:    StringValue("token-1"),
			want: []DiffLine{{WholeValuePath, Unchanged}},
		},
		{
			name: "binary compares bytes",
			a:    BinaryValue([]byte{0xde, 0xad, 0xbe, 0xef}),
			b:    BinaryValue([]byte{0xde, 0xad, 0xbe, 0xee}),
			want: []DiffLine{{WholeValuePath, Changed}},
		},
		{
			name: "same binary",
			a:    BinaryValue([]byte{0, 1, 2, 0xff}),
			b:    BinaryValue([]byte{0, 1, 2, 0xff}),
			want: []DiffLine{{WholeValuePath, Unchanged}},
		},
		{
			name: "text and binary of the same bytes differ",
			a:    StringValue("abc"),
			b:    BinaryValue([]byte("abc")),
			want: []DiffLine{{WholeValuePath, Changed}},
		},
		{
			name: "text becoming JSON",
			a:    StringValue("token"),
			b:    StringValue(`{"token":"token"}`),
			want: []DiffLine{{WholeValuePath, Removed}, {"token", Added}},
		},
		{
			name: "a key named like the whole value is still JSON",
			a:    StringValue("x"),
			b:    StringValue(`{"(value)":"x"}`),
			want: []DiffLine{{WholeValuePath, Changed}},
		},
		{
			name: "empty objects",
			a:    StringValue(`{}`),
			b:    StringValue(` {} `),
			want: []DiffLine{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key := NewFingerprintKey()
			got := Diff(Fingerprints(key, tt.a), Fingerprints(key, tt.b))
			if !slices.Equal(got, tt.want) {
				t.Fatalf("diff = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDiffUnderDifferentKeysSeesEverythingChanged(t *testing.T) {
	v := StringValue(`{"a":"1","b":"2"}`)
	got := Diff(Fingerprints(NewFingerprintKey(), v), Fingerprints(NewFingerprintKey(), v))
	if c := CountChanges(got); c.Changed != 2 {
		t.Fatalf("fingerprints under different keys compared equal: %v", got)
	}
}

func TestCountChangesSummary(t *testing.T) {
	lines := []DiffLine{{"a", Changed}, {"b", Changed}, {"c", Added}, {"d", Unchanged}, {"e", Unchanged}}
	c := CountChanges(lines)
	if got, want := c.String(), "2 changed, 1 added, 0 removed, 2 unchanged"; got != want {
		t.Fatalf("summary = %q, want %q", got, want)
	}
	if c.Same() {
		t.Fatal("a diff with changes reads as the same")
	}
	if !CountChanges([]DiffLine{{"a", Unchanged}}).Same() {
		t.Fatal("a diff without changes reads as different")
	}
}

func FuzzDiff(f *testing.F) {
	f.Add(`{"a":1,"b":{"c":"x"}}`, `{"b":{"c":"y"},"d":[1]}`, false)
	f.Add("token", `{"token":"token"}`, false)
	f.Add("\x00\xff", "\x00\xfe", true)
	key := NewFingerprintKey()
	f.Fuzz(func(t *testing.T, a, b string, binary bool) {
		va, vb := StringValue(a), StringValue(b)
		if binary {
			va, vb = BinaryValue([]byte(a)), BinaryValue([]byte(b))
		}
		pa, pb := Fingerprints(key, va), Fingerprints(key, vb)
		for _, self := range Diff(pa, pa) {
			if self.Change != Unchanged {
				t.Fatalf("a value differs from itself at %q", self.Path)
			}
		}
		forward, backward := Diff(pa, pb), Diff(pb, pa)
		if len(forward) != len(backward) {
			t.Fatalf("diff sizes differ: %d and %d", len(forward), len(backward))
		}
		mirror := map[Change]Change{Unchanged: Unchanged, Changed: Changed, Added: Removed, Removed: Added}
		for i, l := range forward {
			if backward[i].Path != l.Path || backward[i].Change != mirror[l.Change] {
				t.Fatalf("diff is not symmetric at %q: %v and %v", l.Path, l.Change, backward[i].Change)
			}
			if i > 0 && forward[i-1].Path >= l.Path {
				t.Fatalf("diff not sorted or repeats %q", l.Path)
			}
		}
		if va.Equal(vb) && !CountChanges(forward).Same() {
			t.Fatal("equal values diff as different")
		}
	})
}
