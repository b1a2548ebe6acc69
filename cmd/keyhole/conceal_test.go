package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// concealThrough writes text to a concealer in the given pieces and
// returns what came out after Close.
func concealThrough(t *testing.T, values []string, pieces ...string) string {
	t.Helper()
	var out bytes.Buffer
	var vs [][]byte
	for _, v := range values {
		vs = append(vs, []byte(v))
	}
	c := newConcealer(&out, vs)
	for _, p := range pieces {
		if n, err := c.Write([]byte(p)); err != nil || n != len(p) {
			t.Fatalf("Write(%q) = %d, %v", p, n, err)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// oneMark collapses marks that follow each other: values that touch may
// come out as one mark or as several, depending on where writes split.
func oneMark(s string) string {
	for strings.Contains(s, concealMark+concealMark) {
		s = strings.ReplaceAll(s, concealMark+concealMark, concealMark)
	}
	return s
}

func TestConcealReplacesValuesSplitAtEveryByte(t *testing.T) {
	const canary = "canary-91c2-value"
	cases := []struct {
		values   []string
		text     string
		want     string
		wantMark int
	}{
		{[]string{canary}, "pw=" + canary + "\n", "pw=" + concealMark + "\n", 1},
		{[]string{canary}, canary + canary, concealMark, 1},
		{[]string{canary}, canary + " " + canary, concealMark + " " + concealMark, 2},
		{[]string{canary}, "canary-91c2-valu", "canary-91c2-valu", 0},
		{[]string{"abcd", "abcdefgh"}, "xxabcdefghyy", "xx" + concealMark + "yy", 1},
		{[]string{"abcd", "abcdefgh"}, "xxabcdzz", "xx" + concealMark + "zz", 1},
		{[]string{"xxxxab", "abyyyy"}, "xxxxabyyyy!", concealMark + "!", 1},
		{[]string{"aaaa"}, strings.Repeat("a", 9) + "b", concealMark + "b", 1},
		{[]string{"abc"}, "abc", "abc", 0},
	}
	for _, c := range cases {
		whole := concealThrough(t, c.values, c.text)
		if whole != c.want {
			t.Errorf("in one write %q became %q, want %q", c.text, whole, c.want)
		}
		for i := range len(c.text) + 1 {
			for j := i; j <= len(c.text); j++ {
				got := concealThrough(t, c.values, c.text[:i], c.text[i:j], c.text[j:])
				if oneMark(got) != oneMark(c.want) {
					t.Fatalf("split at %d and %d, %q became %q, want %q", i, j, c.text, got, c.want)
				}
			}
		}
		bytewise := make([]string, len(c.text))
		for i := range c.text {
			bytewise[i] = c.text[i : i+1]
		}
		if got := concealThrough(t, c.values, bytewise...); oneMark(got) != oneMark(c.want) || strings.Count(c.want, concealMark) != c.wantMark {
			t.Errorf("byte by byte %q became %q, want %q", c.text, got, c.want)
		}
	}
}

func TestConcealPassesOtherBytesAtOnce(t *testing.T) {
	var out bytes.Buffer
	c := newConcealer(&out, [][]byte{[]byte("secret-value")})
	_, _ = c.Write([]byte("ready\n"))
	if out.String() != "ready\n" {
		t.Fatalf("a line holding no start of a value waited: got %q", out.String())
	}
	_, _ = c.Write([]byte("log: secr"))
	if out.String() != "ready\nlog: " {
		t.Fatalf("got %q, want the possible start of the value held back", out.String())
	}
}

// BenchmarkConceal passes 32 KiB writes of log lines through a concealer
// holding 20 values of 24 bytes.
func BenchmarkConceal(b *testing.B) {
	var values [][]byte
	for i := range 20 {
		values = append(values, []byte(strings.Repeat(string(rune('a'+i)), 20)+"-key"))
	}
	line := "2026-12-06T08:00:00Z INFO request served path=/api/v1/items status=200 took=3ms\n"
	chunk := []byte(strings.Repeat(line, 32<<10/len(line)))
	c := newConcealer(io.Discard, values)
	b.SetBytes(int64(len(chunk)))
	for b.Loop() {
		_, _ = c.Write(chunk)
	}
}
